//! `corpus show NAME`: everything the corpus says about one entity.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use serde::Serialize;

use super::entities::{EntityRow, role_text};
use super::quotes::QuoteRow;
use super::{NameCount, counted, joined_counts, limited, ranked};
use crate::corpus::Corpus;
use crate::lexicon::whole_word_starts;
use crate::output::{self, Format};

#[derive(Debug, Clone, Serialize)]
pub struct ShowArticle {
    pub path: String,
    pub outlet: String,
    pub date: Option<String>,
    pub title: Option<String>,
    pub mentions: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct CoMention {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Articles that mention both.
    pub articles: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ShowReport {
    pub entity: EntityRow,
    pub articles: Vec<ShowArticle>,
    pub outlets: Vec<NameCount>,
    /// Other entities in the same articles, most shared articles first.
    pub co_mentions: Vec<CoMention>,
    /// What it said.
    pub quotes: Vec<QuoteRow>,
    /// What others said that names it.
    pub quotes_mentioning: Vec<QuoteRow>,
}

pub fn show(corpus: &Corpus, id: usize, limit: Option<usize>) -> ShowReport {
    let entity = &corpus.entities[id];
    // The forms each article uses for it, to find it inside other people's quotes.
    let mut forms_in: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    let mut mentions_in: BTreeMap<usize, usize> = BTreeMap::new();
    for o in corpus.occurrences.iter().filter(|o| o.entity == id) {
        forms_in.entry(o.article).or_default().extend(o.forms.iter().map(|(f, _)| f.as_str()));
        *mentions_in.entry(o.article).or_default() += o.mentions;
    }
    let articles = entity
        .articles
        .iter()
        .map(|&a| ShowArticle {
            path: corpus.articles[a].path.clone(),
            outlet: corpus.outlet_of(a).to_string(),
            date: corpus.articles[a].published.clone(),
            title: corpus.articles[a].title.clone(),
            mentions: mentions_in.get(&a).copied().unwrap_or(0),
        })
        .collect();
    let mut outlets = BTreeMap::new();
    for &a in &entity.articles {
        *outlets.entry(corpus.outlet_of(a).to_string()).or_default() += 1;
    }
    let mut shared: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for o in corpus.occurrences.iter().filter(|o| o.entity != id && forms_in.contains_key(&o.article)) {
        shared.entry(o.entity).or_default().insert(o.article);
    }
    let mut co_mentions: Vec<CoMention> = shared
        .into_iter()
        .map(|(e, arts)| CoMention { name: corpus.entities[e].name.clone(), kind: corpus.entities[e].kind.as_str(), articles: arts.len() })
        .collect();
    co_mentions.sort_by(|a, b| b.articles.cmp(&a.articles).then_with(|| (a.kind, &a.name).cmp(&(b.kind, &b.name))));
    let mut quotes = Vec::new();
    let mut quotes_mentioning = Vec::new();
    for q in &corpus.quotes {
        if corpus.speaker_entity(q) == Some(id) {
            quotes.push(QuoteRow::of(corpus, q));
        } else if forms_in.get(&q.article).is_some_and(|forms| forms.iter().any(|f| names(&q.text, f))) {
            quotes_mentioning.push(QuoteRow::of(corpus, q));
        }
    }
    ShowReport {
        entity: EntityRow::of(corpus, id, true),
        articles: limited(articles, limit),
        outlets: ranked(outlets, limit),
        co_mentions: limited(co_mentions, limit),
        quotes: limited(quotes, limit),
        quotes_mentioning: limited(quotes_mentioning, limit),
    }
}

/// Whether `text` contains `form` as whole words.
fn names(text: &str, form: &str) -> bool {
    !form.is_empty() && whole_word_starts(text, form).next().is_some()
}

/// One line of `show --format csv`: every section flattened into the same columns.
struct FlatRow([String; 8]);

const FLAT_HEADERS: [&str; 8] = ["section", "name", "type", "outlet", "date", "count", "text", "path"];

impl ShowReport {
    fn flat_rows(&self) -> Vec<FlatRow> {
        let e = &self.entity;
        let s = |v: &str| v.to_string();
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let mut rows = vec![FlatRow([s("entity"), e.name.clone(), s(e.kind), String::new(), String::new(), e.articles.to_string(), String::new(), String::new()])];
        for a in &e.aliases {
            rows.push(FlatRow([s("alias"), a.name.clone(), s(e.kind), String::new(), String::new(), a.mentions.to_string(), String::new(), String::new()]));
        }
        for r in &e.roles {
            rows.push(FlatRow([s("role"), role_text(r), String::new(), String::new(), String::new(), r.articles.to_string(), String::new(), String::new()]));
        }
        for a in &self.articles {
            rows.push(FlatRow([s("article"), opt(&a.title), String::new(), a.outlet.clone(), opt(&a.date), a.mentions.to_string(), String::new(), a.path.clone()]));
        }
        for o in &self.outlets {
            rows.push(FlatRow([s("outlet"), o.name.clone(), String::new(), o.name.clone(), String::new(), o.count.to_string(), String::new(), String::new()]));
        }
        for c in &self.co_mentions {
            rows.push(FlatRow([s("co_mention"), c.name.clone(), s(c.kind), String::new(), String::new(), c.articles.to_string(), String::new(), String::new()]));
        }
        for (section, quotes) in [("quote", &self.quotes), ("quote_mentioning", &self.quotes_mentioning)] {
            for q in quotes {
                rows.push(FlatRow([s(section), opt(&q.speaker), opt(&q.speaker_type), q.outlet.clone(), opt(&q.date), String::new(), q.text.clone(), q.path.clone()]));
            }
        }
        rows
    }

    pub fn write<W: Write + ?Sized>(&self, out: &mut W, format: Format, color: bool) -> io::Result<()> {
        match format {
            Format::Json | Format::Jsonl => output::write_value(out, self, format),
            Format::Csv => output::write_cells(out, &FLAT_HEADERS, &[], self.flat_rows().into_iter().map(|r| r.0.to_vec()), format, color),
            Format::Table => self.write_tables(out, color),
        }
    }

    fn write_tables<W: Write + ?Sized>(&self, out: &mut W, color: bool) -> io::Result<()> {
        let e = &self.entity;
        writeln!(out, "{} ({}): {} articles, {} mentions", output::sanitize(&e.name), e.kind, e.articles, e.mentions)?;
        let aliases: Vec<String> = e.aliases.iter().map(|a| counted(&a.name, a.mentions)).collect();
        if !aliases.is_empty() {
            writeln!(out, "also called: {}", output::sanitize(&aliases.join("; ")))?;
        }
        let roles: Vec<String> = e.roles.iter().map(|r| counted(&role_text(r), r.articles)).collect();
        if !roles.is_empty() {
            writeln!(out, "roles: {}", output::sanitize(&roles.join("; ")))?;
        }
        writeln!(out, "outlets: {}", output::sanitize(&joined_counts(&self.outlets)))?;
        let section = |out: &mut W, name: &str| writeln!(out, "\n{name}");
        section(out, "articles")?;
        let rows = self.articles.iter().map(|a| {
            vec![a.date.clone().unwrap_or_default(), a.outlet.clone(), a.title.clone().unwrap_or_default(), a.mentions.to_string(), a.path.clone()]
        });
        output::write_cells(out, &["date", "outlet", "title", "mentions", "path"], &[0, 25, 50, 0, 30], rows, Format::Table, color)?;
        section(out, "mentioned with")?;
        let rows = self.co_mentions.iter().map(|c| vec![c.name.clone(), c.kind.to_string(), c.articles.to_string()]);
        output::write_cells(out, &["name", "type", "articles"], &[40], rows, Format::Table, color)?;
        for (name, quotes) in [("quotes", &self.quotes), ("quotes that mention it", &self.quotes_mentioning)] {
            section(out, name)?;
            output::write_rows(out, quotes, Format::Table, color)?;
        }
        Ok(())
    }
}
