//! `corpus outlets`: what each outlet covers.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{NameCount, joined_counts, limited, ranked};
use crate::corpus::Corpus;
use crate::extract::entities::Kind;
use crate::output::Row;

#[derive(Debug, Clone, Serialize)]
pub struct OutletRow {
    pub outlet: String,
    pub articles: usize,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// The people, companies and regulators in most of its articles (count = articles).
    pub people: Vec<NameCount>,
    pub companies: Vec<NameCount>,
    pub regulators: Vec<NameCount>,
    pub quotes: usize,
}

impl Row for OutletRow {
    const HEADERS: &'static [&'static str] =
        &["outlet", "articles", "first_date", "last_date", "people", "companies", "regulators", "quotes"];
    const LIMITS: &'static [usize] = &[30, 0, 0, 0, 45, 45, 45, 0];
    fn cells(&self) -> Vec<String> {
        vec![
            self.outlet.clone(),
            self.articles.to_string(),
            self.first_date.clone().unwrap_or_default(),
            self.last_date.clone().unwrap_or_default(),
            joined_counts(&self.people),
            joined_counts(&self.companies),
            joined_counts(&self.regulators),
            self.quotes.to_string(),
        ]
    }
}

/// Per outlet, most articles first; `top` entities of each kind.
pub fn outlets(corpus: &Corpus, top: usize, limit: Option<usize>) -> Vec<OutletRow> {
    #[derive(Default)]
    struct Tally {
        articles: usize,
        dates: BTreeSet<String>,
        entities: BTreeMap<(Kind, String), BTreeSet<usize>>,
        quotes: usize,
    }
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    for (i, a) in corpus.articles.iter().enumerate() {
        let t = tallies.entry(corpus.outlet_of(i)).or_default();
        t.articles += 1;
        t.dates.extend(a.published.clone());
    }
    for o in &corpus.occurrences {
        let e = &corpus.entities[o.entity];
        tallies.entry(corpus.outlet_of(o.article)).or_default().entities.entry((e.kind, e.name.clone())).or_default().insert(o.article);
    }
    for q in &corpus.quotes {
        tallies.entry(corpus.outlet_of(q.article)).or_default().quotes += 1;
    }
    let mut rows: Vec<OutletRow> = tallies
        .into_iter()
        .map(|(outlet, t)| {
            let of_kind = |kind: Kind| {
                let counts = t.entities.iter().filter(|((k, _), _)| *k == kind).map(|((_, n), arts)| (n.clone(), arts.len())).collect();
                ranked(counts, Some(top))
            };
            OutletRow {
                outlet: outlet.to_string(),
                articles: t.articles,
                first_date: t.dates.first().cloned(),
                last_date: t.dates.last().cloned(),
                people: of_kind(Kind::Person),
                companies: of_kind(Kind::Company),
                regulators: of_kind(Kind::Regulator),
                quotes: t.quotes,
            }
        })
        .collect();
    rows.sort_by(|a, b| b.articles.cmp(&a.articles).then_with(|| a.outlet.cmp(&b.outlet)));
    limited(rows, limit)
}
