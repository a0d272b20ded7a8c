//! `corpus quotes`: one row per quote, with its linked speaker.

use regex::Regex;
use serde::Serialize;

use super::limited;
use crate::corpus::{Corpus, Lookup, Quote};
use crate::output::Row;
use crate::record::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum QuoteSort {
    /// Corpus order: path, then position in the article.
    Path,
    Date,
    Speaker,
    Outlet,
}

pub struct QuoteQuery {
    /// Only quotes by this entity (alias-aware) or, failing that, by a speaker written so.
    pub speaker: Option<String>,
    pub grep: Option<Regex>,
    pub sort: QuoteSort,
    pub limit: Option<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteRow {
    /// The linked entity's name, else the speaker as the article gives them.
    pub speaker: Option<String>,
    pub speaker_as_written: Option<String>,
    pub speaker_type: Option<String>,
    pub outlet: String,
    pub date: Option<String>,
    pub text: String,
    pub partial: bool,
    pub path: String,
    pub span: Span,
}

impl QuoteRow {
    pub fn of(corpus: &Corpus, q: &Quote) -> Self {
        let article = &corpus.articles[q.article];
        QuoteRow {
            speaker: corpus.speaker_name(q),
            speaker_as_written: q.speaker.clone(),
            speaker_type: q.speaker_type.clone(),
            outlet: corpus.outlet_of(q.article).to_string(),
            date: article.published.clone(),
            text: q.text.clone(),
            partial: q.partial,
            path: article.path.clone(),
            span: q.span,
        }
    }
}

impl Row for QuoteRow {
    const HEADERS: &'static [&'static str] = &["speaker", "speaker_type", "outlet", "date", "partial", "text", "path"];
    const LIMITS: &'static [usize] = &[25, 0, 25, 0, 0, 80, 30];
    fn cells(&self) -> Vec<String> {
        vec![
            self.speaker.clone().unwrap_or_default(),
            self.speaker_type.clone().unwrap_or_default(),
            self.outlet.clone(),
            self.date.clone().unwrap_or_default(),
            self.partial.to_string(),
            self.text.clone(),
            self.path.clone(),
        ]
    }
}

/// Which quotes a `--speaker` name selects.
pub enum SpeakerMatch {
    Entity(usize),
    /// No entity has the name, but speakers written so do ("a spokesperson").
    Written(String),
}

/// Resolves `--speaker`: an entity when exactly one has the name, else speakers written so; a
/// name several entities share is an error that lists them.
pub fn speaker_match(corpus: &Corpus, name: &str) -> Result<SpeakerMatch, Lookup> {
    match corpus.lookup(name, None) {
        Ok(id) => Ok(SpeakerMatch::Entity(id)),
        Err(Lookup::NotFound(_)) if corpus.quotes.iter().any(|q| q.speaker.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(name))) => {
            Ok(SpeakerMatch::Written(name.to_string()))
        }
        Err(e) => Err(e),
    }
}

impl SpeakerMatch {
    pub fn selects(&self, corpus: &Corpus, q: &Quote) -> bool {
        match self {
            SpeakerMatch::Entity(id) => corpus.speaker_entity(q) == Some(*id),
            SpeakerMatch::Written(name) => {
                corpus.speaker_entity(q).is_none() && q.speaker.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(name))
            }
        }
    }
}

pub fn quotes(corpus: &Corpus, q: &QuoteQuery) -> Result<Vec<QuoteRow>, Lookup> {
    let speaker = q.speaker.as_deref().map(|s| speaker_match(corpus, s)).transpose()?;
    let mut rows: Vec<QuoteRow> = corpus
        .quotes
        .iter()
        .filter(|quote| speaker.as_ref().is_none_or(|s| s.selects(corpus, quote)))
        .filter(|quote| q.grep.as_ref().is_none_or(|re| re.is_match(&quote.text)))
        .map(|quote| QuoteRow::of(corpus, quote))
        .collect();
    // Stable sorts over corpus order, so ties keep path and position order.
    match q.sort {
        QuoteSort::Path => {}
        QuoteSort::Date => rows.sort_by(|a, b| a.date.is_none().cmp(&b.date.is_none()).then(a.date.cmp(&b.date))),
        QuoteSort::Speaker => rows.sort_by(|a, b| a.speaker.is_none().cmp(&b.speaker.is_none()).then(a.speaker.cmp(&b.speaker))),
        QuoteSort::Outlet => rows.sort_by(|a, b| a.outlet.cmp(&b.outlet)),
    }
    Ok(limited(rows, q.limit))
}
