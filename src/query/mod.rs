//! The corpus commands' reports, each built from a `Corpus` into plain rows that `output` prints.

pub mod diff_quotes;
pub mod entities;
pub mod outlets;
pub mod pivot;
pub mod quotes;
pub mod show;
pub mod timeline;

use crate::extract::entities::Kind;

/// `person`, `company` or `regulator` on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EntityType {
    Person,
    Company,
    Regulator,
}

impl From<EntityType> for Kind {
    fn from(t: EntityType) -> Kind {
        match t {
            EntityType::Person => Kind::Person,
            EntityType::Company => Kind::Company,
            EntityType::Regulator => Kind::Regulator,
        }
    }
}

/// "Pony Ma (12)" for a name and a count.
fn counted(name: &str, n: usize) -> String {
    format!("{name} ({n})")
}

/// The first `limit` items (all when `limit` is None).
pub fn limited<T>(mut v: Vec<T>, limit: Option<usize>) -> Vec<T> {
    if let Some(n) = limit {
        v.truncate(n);
    }
    v
}

/// Names with counts, most first, ties by name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NameCount {
    pub name: String,
    pub count: usize,
}

fn ranked(counts: std::collections::BTreeMap<String, usize>, limit: Option<usize>) -> Vec<NameCount> {
    let mut v: Vec<NameCount> = counts.into_iter().map(|(name, count)| NameCount { name, count }).collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    limited(v, limit)
}

fn joined_counts(v: &[NameCount]) -> String {
    v.iter().map(|c| counted(&c.name, c.count)).collect::<Vec<_>>().join("; ")
}
