//! The article record: the public JSON contract (`docs/schema.md`, `docs/article.schema.json`).
//!
//! Field names are stable and snake_case. Every list field is always present (empty when the
//! extractor found nothing), and lists are in a deterministic order so runs can be diffed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Version tag carried by every record; bump the number on a breaking change.
pub const SCHEMA: &str = "corpus.article/1";

/// A byte range `[start, end)` into the decoded original text of the article.
pub type Span = [usize; 2];

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ArticleRecord {
    pub schema: String,
    pub path: String,
    /// Stable hash of the file's bytes (FNV-1a 64, hex).
    pub id: String,
    /// The page's address, when the input gave one (`--input-format jsonl`).
    #[serde(default)]
    pub url: Option<String>,
    pub encoding: String,
    pub title: Option<TextSpan>,
    pub dateline: Option<Dateline>,
    pub outlet: Option<Outlet>,
    pub sources: Vec<Outlet>,
    pub published: Option<Published>,
    pub authors: Vec<Credit>,
    /// Everyone else credited for the piece: editors, photographers.
    pub credits: Vec<Credit>,
    pub people: Vec<Entity>,
    pub companies: Vec<Entity>,
    pub regulators: Vec<Entity>,
    pub dates: Vec<DateMention>,
    pub quotes: Vec<Quote>,
    pub boilerplate: Vec<Block>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TextSpan {
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Dateline {
    pub text: String,
    /// The place the story was filed from ("BEIJING"), when the dateline names one.
    pub place: Option<String>,
    /// The agency in parentheses ("Reuters"), when the dateline names one.
    pub source: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Outlet {
    pub name: String,
    /// Other names of the same organisation known to the lexicon ("AP" for "Associated Press").
    pub aliases: Vec<String>,
    pub evidence: Evidence,
}

/// Why a value was given: the rule that fired and the text it fired on.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Evidence {
    pub rule: String,
    pub text: String,
    pub span: Option<Span>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Published {
    /// ISO-8601: `2019-11-19`, `2019-11` or `2019` depending on `precision`.
    pub value: String,
    /// `day`, `month` or `year`.
    pub precision: String,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Credit {
    pub name: String,
    /// `reporter`, `contributor`, `editor` or `photographer`.
    pub role: String,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Entity {
    /// The fullest proper form the article uses.
    pub name: String,
    /// Every other surface form the article uses for the same entity, sorted.
    pub aliases: Vec<String>,
    pub mentions: usize,
    /// How many of the mentions use each surface form (the name and every alias).
    #[serde(default)]
    pub forms: BTreeMap<String, usize>,
    pub spans: Vec<Span>,
    /// Titles and organisations the article gives a person (empty for organisations).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Role {
    pub title: String,
    pub org: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DateMention {
    pub text: String,
    /// ISO-8601 of the expression itself, `XXXX` for a year it does not give; null for relative ones.
    pub value: Option<String>,
    /// `date`, `month`, `year`, `range` or `relative`.
    pub kind: String,
    /// The value placed on the calendar using the publication date, when that is known.
    pub resolved: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Quote {
    pub text: String,
    pub speaker: Option<String>,
    /// `person`, `company`, `regulator`, `organization` or null.
    pub speaker_type: Option<String>,
    pub cue: Option<String>,
    /// A fragment quoted inside reported speech.
    pub partial: bool,
    /// `quote`, or `title` / `scare` for quoted words nobody is said to have spoken.
    pub kind: String,
    pub span: Span,
    /// Index of the paragraph (non-blank line) the quote starts in.
    pub paragraph: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Block {
    /// What kind of page furniture: `navigation`, `section`, `caption`, `byline`, `comments`,
    /// `share`, `newsletter`, `related`, `copyright`, `notice`, `bio`, `credit`.
    pub kind: String,
    pub span: Span,
}
