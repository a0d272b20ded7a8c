//! `corpus timeline`: dated items in date order: publications and the dates articles mention.

use serde::Serialize;

use super::limited;
use crate::corpus::Corpus;
use crate::output::Row;

#[derive(Debug, Clone, Serialize)]
pub struct TimelineRow {
    /// ISO-8601 at the precision known (`2019`, `2019-11`, `2019-11-19`).
    pub date: String,
    /// `published`, or `mentioned` for a date an article mentions.
    pub kind: &'static str,
    /// The title for a publication; the date's words for a mention.
    pub text: String,
    pub outlet: String,
    pub path: String,
}

impl Row for TimelineRow {
    const HEADERS: &'static [&'static str] = &["date", "kind", "text", "outlet", "path"];
    const LIMITS: &'static [usize] = &[0, 0, 60, 25, 35];
    fn cells(&self) -> Vec<String> {
        vec![self.date.clone(), self.kind.to_string(), self.text.clone(), self.outlet.clone(), self.path.clone()]
    }
}

/// Every dated item, or only those of articles that mention `entity`.
pub fn timeline(corpus: &Corpus, entity: Option<usize>, limit: Option<usize>) -> Vec<TimelineRow> {
    let articles: Vec<usize> = match entity {
        Some(id) => corpus.entities[id].articles.clone(),
        None => (0..corpus.articles.len()).collect(),
    };
    let mut rows = Vec::new();
    for a in articles {
        let article = &corpus.articles[a];
        let row = |date: &str, kind, text: &str| TimelineRow {
            date: date.to_string(),
            kind,
            text: text.to_string(),
            outlet: corpus.outlet_of(a).to_string(),
            path: article.path.clone(),
        };
        if let Some(date) = &article.published {
            rows.push(row(date, "published", article.title.as_deref().unwrap_or("")));
        }
        for (text, date) in &article.dates {
            rows.push(row(date, "mentioned", text));
        }
    }
    // Publications before mentions on the same date; article order otherwise (a stable sort).
    rows.sort_by(|a, b| (&a.date, a.kind != "published").cmp(&(&b.date, b.kind != "published")));
    limited(rows, limit)
}
