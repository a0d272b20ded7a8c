//! `corpus entities`: one row per linked entity.

use serde::Serialize;

use super::{EntityType, counted, limited};
use crate::corpus::link::Link;
use crate::corpus::{Alias, Corpus, RoleCount};
use crate::extract::entities::Kind;
use crate::output::Row;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EntitySort {
    Articles,
    Mentions,
    Name,
    First,
    Last,
}

pub struct EntityQuery {
    pub kind: Option<EntityType>,
    pub min_articles: usize,
    pub sort: EntitySort,
    pub limit: Option<usize>,
    /// Carry the reasons behind each entity's links.
    pub explain: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct EntityRow {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub name: String,
    pub articles: usize,
    pub mentions: usize,
    pub outlets: Vec<String>,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub aliases: Vec<Alias>,
    pub roles: Vec<RoleCount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub links: Option<Vec<Link>>,
}

impl EntityRow {
    pub fn of(corpus: &Corpus, id: usize, explain: bool) -> Self {
        let e = &corpus.entities[id];
        let (first_date, last_date) = e.date_range(corpus);
        EntityRow {
            kind: e.kind.as_str(),
            name: e.name.clone(),
            articles: e.articles.len(),
            mentions: e.mentions,
            outlets: e.outlets(corpus),
            first_date,
            last_date,
            aliases: e.aliases.clone(),
            roles: e.roles.clone(),
            links: explain.then(|| e.links.clone()),
        }
    }
}

pub fn role_text(r: &RoleCount) -> String {
    match &r.org {
        Some(org) => format!("{}, {}", r.title, org),
        None => r.title.clone(),
    }
}

impl Row for EntityRow {
    const HEADERS: &'static [&'static str] =
        &["type", "name", "articles", "mentions", "outlets", "first_date", "last_date", "aliases", "roles"];
    const LIMITS: &'static [usize] = &[0, 30, 0, 0, 40, 0, 0, 40, 40];
    fn cells(&self) -> Vec<String> {
        vec![
            self.kind.to_string(),
            self.name.clone(),
            self.articles.to_string(),
            self.mentions.to_string(),
            self.outlets.join("; "),
            self.first_date.clone().unwrap_or_default(),
            self.last_date.clone().unwrap_or_default(),
            self.aliases.iter().map(|a| counted(&a.name, a.mentions)).collect::<Vec<_>>().join("; "),
            self.roles.iter().map(role_text).collect::<Vec<_>>().join("; "),
        ]
    }
}

/// One reason behind a link, for `--explain` in tables and CSV.
#[derive(Debug, Clone, Serialize)]
pub struct LinkRow {
    pub entity: String,
    pub name: String,
    pub joined_to: String,
    pub reason: String,
}

impl Row for LinkRow {
    const HEADERS: &'static [&'static str] = &["entity", "name", "joined_to", "reason"];
    const LIMITS: &'static [usize] = &[30, 30, 30, 0];
    fn cells(&self) -> Vec<String> {
        vec![self.entity.clone(), self.name.clone(), self.joined_to.clone(), self.reason.clone()]
    }
}

pub fn entities(corpus: &Corpus, q: &EntityQuery) -> Vec<EntityRow> {
    let kind = q.kind.map(Kind::from);
    let mut rows: Vec<EntityRow> = (0..corpus.entities.len())
        .filter(|&i| kind.is_none_or(|k| corpus.entities[i].kind == k))
        .filter(|&i| corpus.entities[i].articles.len() >= q.min_articles)
        .map(|i| EntityRow::of(corpus, i, q.explain))
        .collect();
    // Every order ends on the full row key, so ties never depend on input order.
    let key = |r: &EntityRow| (r.kind, r.name.clone());
    rows.sort_by(|a, b| {
        let primary = match q.sort {
            EntitySort::Articles => b.articles.cmp(&a.articles).then(b.mentions.cmp(&a.mentions)),
            EntitySort::Mentions => b.mentions.cmp(&a.mentions).then(b.articles.cmp(&a.articles)),
            EntitySort::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            EntitySort::First => a.first_date.is_none().cmp(&b.first_date.is_none()).then(a.first_date.cmp(&b.first_date)),
            EntitySort::Last => b.last_date.cmp(&a.last_date),
        };
        primary.then_with(|| key(a).cmp(&key(b)))
    });
    limited(rows, q.limit)
}

/// The link reasons of rows built with `explain`, as rows of their own.
pub fn link_rows(rows: &[EntityRow]) -> Vec<LinkRow> {
    rows.iter()
        .flat_map(|r| {
            r.links.iter().flatten().map(|l| LinkRow {
                entity: r.name.clone(),
                name: l.name.clone(),
                joined_to: l.joined_to.clone(),
                reason: l.reason.clone(),
            })
        })
        .collect()
}
