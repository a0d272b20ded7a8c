//! The corpus index: article records reduced to what the corpus commands ask about, with
//! entities linked across articles.
//!
//! The index keeps no article text, only names, counts, dates and quotes, so its size follows the
//! number of distinct entities and quotes rather than the size of the corpus.

pub mod link;

use std::collections::{BTreeMap, BTreeSet};

use crate::extract::entities::Kind;
use crate::lexicon::Lexicon;
use crate::record::{ArticleRecord, Role, Span};
use link::{Link, NameUse};

/// Which articles a command looks at.
#[derive(Debug, Clone, Default)]
pub struct ArticleFilter {
    /// Outlet name or alias, any case.
    pub outlet: Option<String>,
    /// Earliest publication date (an ISO prefix such as `2019`, `2019-11` or `2019-11-19`).
    pub since: Option<String>,
    /// Latest publication date, same form.
    pub until: Option<String>,
}

impl ArticleFilter {
    pub fn admits(&self, record: &ArticleRecord) -> bool {
        if let Some(want) = &self.outlet {
            let matches = record.outlet.as_ref().is_some_and(|o| {
                o.name.eq_ignore_ascii_case(want) || o.aliases.iter().any(|a| a.eq_ignore_ascii_case(want))
            });
            if !matches {
                return false;
            }
        }
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        let Some(date) = record.published.as_ref().map(|p| p.value.as_str()) else { return false };
        // Compare on the shorter precision, so `--until 2019` admits 2019-11-19.
        let cmp = |bound: &str| {
            let n = bound.len().min(date.len());
            date[..n].cmp(&bound[..n])
        };
        self.since.as_deref().is_none_or(|s| cmp(s).is_ge()) && self.until.as_deref().is_none_or(|u| cmp(u).is_le())
    }
}

#[derive(Debug, Clone)]
pub struct Article {
    pub path: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// ISO-8601 publication date at the precision the article gives.
    pub published: Option<String>,
    /// Dates the article mentions that sit on the calendar, with the text that gives them.
    pub dates: Vec<(String, String)>,
}

/// One article's entity, before and after linking.
#[derive(Debug, Clone)]
pub struct Occurrence {
    pub article: usize,
    pub kind: Kind,
    pub name: String,
    /// Surface forms with their mention counts.
    pub forms: Vec<(String, usize)>,
    pub mentions: usize,
    pub roles: Vec<Role>,
    /// The linked entity (index into `Corpus::entities`).
    pub entity: usize,
}

#[derive(Debug, Clone)]
pub struct Quote {
    pub article: usize,
    /// The speaker as the article names them.
    pub speaker: Option<String>,
    pub speaker_type: Option<String>,
    /// The speaker's article entity (index into `Corpus::occurrences`), when they are one.
    pub occurrence: Option<usize>,
    pub text: String,
    pub partial: bool,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Alias {
    pub name: String,
    pub mentions: usize,
    pub articles: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct RoleCount {
    pub title: String,
    pub org: Option<String>,
    pub articles: usize,
}

/// An entity linked across the corpus.
#[derive(Debug, Clone)]
pub struct Entity {
    pub kind: Kind,
    /// The most frequent full form: the name most articles give it.
    pub name: String,
    /// Every other form, most mentioned first.
    pub aliases: Vec<Alias>,
    /// Articles (indices), in corpus order.
    pub articles: Vec<usize>,
    pub mentions: usize,
    pub roles: Vec<RoleCount>,
    /// Why its names were joined, and joins refused.
    pub links: Vec<Link>,
}

#[derive(Debug, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub entities: Vec<Entity>,
    pub occurrences: Vec<Occurrence>,
    pub quotes: Vec<Quote>,
}

/// What a report reads beyond articles and entities. Quote texts are most of an index's
/// memory, so a report that shows none (`entities`) is built without them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Needs {
    pub quotes: bool,
    /// Every date an article mentions (the publication date is always kept).
    pub mentioned_dates: bool,
}

impl Needs {
    pub const ENTITIES_ONLY: Needs = Needs { quotes: false, mentioned_dates: false };
    pub const WITH_QUOTES: Needs = Needs { quotes: true, mentioned_dates: false };
    pub const WITH_MENTIONED_DATES: Needs = Needs { quotes: false, mentioned_dates: true };
}

/// Collects records one at a time (so a corpus need not be in memory), then links.
pub struct CorpusBuilder {
    filter: ArticleFilter,
    needs: Needs,
    corpus: Corpus,
}

impl CorpusBuilder {
    pub fn new(filter: ArticleFilter, needs: Needs) -> Self {
        CorpusBuilder { filter, needs, corpus: Corpus::default() }
    }

    /// How many articles were added so far.
    pub fn articles(&self) -> usize {
        self.corpus.articles.len()
    }

    /// Adds one record; returns false when the filter leaves it out.
    pub fn add(&mut self, record: ArticleRecord) -> bool {
        if !self.filter.admits(&record) {
            return false;
        }
        let c = &mut self.corpus;
        let article = c.articles.len();
        let first_occurrence = c.occurrences.len();
        let kinds = [(Kind::Person, &record.people), (Kind::Company, &record.companies), (Kind::Regulator, &record.regulators)];
        for (kind, list) in kinds {
            for e in list {
                let mut forms: Vec<(String, usize)> = e.forms.iter().map(|(f, n)| (f.clone(), *n)).collect();
                // Records written before forms were counted still name every form.
                for name in std::iter::once(&e.name).chain(&e.aliases) {
                    if !e.forms.contains_key(name) {
                        forms.push((name.clone(), usize::from(name == &e.name)));
                    }
                }
                c.occurrences.push(Occurrence {
                    article,
                    kind,
                    name: e.name.clone(),
                    forms,
                    mentions: e.mentions,
                    roles: e.roles.clone(),
                    entity: usize::MAX,
                });
            }
        }
        for q in record.quotes.iter().filter(|q| self.needs.quotes && q.kind == "quote") {
            let occurrence = q.speaker.as_deref().and_then(|s| {
                (first_occurrence..c.occurrences.len()).find(|&i| {
                    let o = &c.occurrences[i];
                    q.speaker_type.as_deref().is_none_or(|t| t == o.kind.as_str())
                        && (o.name == s || o.forms.iter().any(|(f, _)| f == s))
                })
            });
            c.quotes.push(Quote {
                article,
                speaker: q.speaker.clone(),
                speaker_type: q.speaker_type.clone(),
                occurrence,
                text: q.text.clone(),
                partial: q.partial,
                span: q.span,
            });
        }
        let dates = record
            .dates
            .iter()
            .filter(|_| self.needs.mentioned_dates)
            .filter_map(|d| {
                let value = d.resolved.clone().or_else(|| d.value.clone().filter(|v| !v.contains('X')))?;
                Some((d.text.clone(), value))
            })
            .collect();
        c.articles.push(Article {
            path: record.path,
            title: record.title.map(|t| t.text),
            outlet: record.outlet.map(|o| o.name),
            published: record.published.map(|p| p.value),
            dates,
        });
        true
    }

    pub fn finish(self, lex: &Lexicon) -> Corpus {
        let mut corpus = self.corpus;
        let uses: Vec<NameUse> =
            corpus.occurrences.iter().map(|o| NameUse { kind: o.kind, name: &o.name, forms: &o.forms }).collect();
        let linked = link::link(&uses, lex);
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); linked.clusters];
        for (i, &cluster) in linked.cluster_of_use.iter().enumerate() {
            members[cluster].push(i);
        }
        let mut entities: Vec<(Entity, Vec<usize>)> = members
            .into_iter()
            .zip(linked.links)
            .filter(|(m, _)| !m.is_empty())
            .map(|(m, links)| (merge(&corpus.occurrences, &m, links), m))
            .collect();
        // Entity numbers follow a stable order: kind, then name.
        entities.sort_by(|a, b| (a.0.kind, &a.0.name, &a.0.articles).cmp(&(b.0.kind, &b.0.name, &b.0.articles)));
        for (id, (_, m)) in entities.iter().enumerate() {
            for &i in m {
                corpus.occurrences[i].entity = id;
            }
        }
        corpus.entities = entities.into_iter().map(|(e, _)| e).collect();
        corpus
    }
}

/// One entity from the occurrences linked together.
fn merge(occurrences: &[Occurrence], members: &[usize], links: Vec<Link>) -> Entity {
    let mut forms: BTreeMap<&str, (usize, BTreeSet<usize>)> = BTreeMap::new();
    let mut names: BTreeMap<&str, usize> = BTreeMap::new();
    let mut roles: BTreeMap<&Role, BTreeSet<usize>> = BTreeMap::new();
    let mut articles = BTreeSet::new();
    let mut mentions = 0;
    for &i in members {
        let o = &occurrences[i];
        *names.entry(&o.name).or_default() += 1;
        for (f, n) in &o.forms {
            let e = forms.entry(f).or_default();
            e.0 += n;
            e.1.insert(o.article);
        }
        for r in &o.roles {
            roles.entry(r).or_default().insert(o.article);
        }
        articles.insert(o.article);
        mentions += o.mentions;
    }
    let kind = occurrences[members[0]].kind;
    // A full form beats a lone surname or an acronym however often those are used.
    let full = |name: &str| if kind == Kind::Person { name.contains(' ') } else { !link::is_acronym(name) };
    let rank = |name: &str, articles: usize| (full(name), articles, forms.get(name).map_or(0, |f| f.0), name.len());
    let name = names
        .iter()
        .max_by(|a, b| rank(a.0, *a.1).cmp(&rank(b.0, *b.1)).then_with(|| b.0.cmp(a.0)))
        .map(|(n, _)| n.to_string())
        .unwrap_or_default();
    let mut aliases: Vec<Alias> = forms
        .iter()
        .filter(|(f, _)| **f != name)
        .map(|(f, (n, arts))| Alias { name: f.to_string(), mentions: *n, articles: arts.len() })
        .collect();
    aliases.sort_by(|a, b| (b.mentions, b.articles).cmp(&(a.mentions, a.articles)).then_with(|| a.name.cmp(&b.name)));
    let mut roles: Vec<RoleCount> = roles
        .into_iter()
        .map(|(r, arts)| RoleCount { title: r.title.clone(), org: r.org.clone(), articles: arts.len() })
        .collect();
    roles.sort_by(|a, b| b.articles.cmp(&a.articles).then_with(|| (&a.title, &a.org).cmp(&(&b.title, &b.org))));
    Entity { kind, name, aliases, articles: articles.into_iter().collect(), mentions, roles, links }
}

/// Why a name given on the command line picks no single entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    NotFound(String),
    Ambiguous(String, Vec<String>),
}

impl std::fmt::Display for Lookup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Lookup::NotFound(name) => write!(f, "no entity is called \"{name}\""),
            Lookup::Ambiguous(name, options) => {
                write!(f, "\"{name}\" could be any of: {}; give a fuller name or --type", options.join("; "))
            }
        }
    }
}

impl Corpus {
    /// The entity a user means by `name`: its canonical name, else one of its aliases, any case.
    /// A name several entities use is reported, never guessed.
    pub fn lookup(&self, name: &str, kind: Option<Kind>) -> Result<usize, Lookup> {
        let name = name.trim();
        let of_kind = |e: &&Entity| kind.is_none_or(|k| e.kind == k);
        let pick = |hits: Vec<usize>| -> Option<Result<usize, Lookup>> {
            match hits.len() {
                0 => None,
                1 => Some(Ok(hits[0])),
                _ => Some(Err(Lookup::Ambiguous(name.to_string(), hits.iter().map(|&i| self.describe(i)).collect()))),
            }
        };
        let canonical: Vec<usize> = (0..self.entities.len())
            .filter(|&i| of_kind(&&self.entities[i]) && self.entities[i].name.eq_ignore_ascii_case(name))
            .collect();
        if let Some(r) = pick(canonical) {
            return r;
        }
        let alias: Vec<usize> = (0..self.entities.len())
            .filter(|&i| {
                of_kind(&&self.entities[i]) && self.entities[i].aliases.iter().any(|a| a.name.eq_ignore_ascii_case(name))
            })
            .collect();
        pick(alias).unwrap_or_else(|| Err(Lookup::NotFound(name.to_string())))
    }

    /// "Pony Ma (person, 3 articles)".
    pub fn describe(&self, entity: usize) -> String {
        let e = &self.entities[entity];
        let n = e.articles.len();
        format!("{} ({}, {} article{})", e.name, e.kind.as_str(), n, if n == 1 { "" } else { "s" })
    }

    /// The linked entity of a quote's speaker.
    pub fn speaker_entity(&self, quote: &Quote) -> Option<usize> {
        quote.occurrence.map(|o| self.occurrences[o].entity)
    }

    /// The speaker's name as the corpus knows it: the linked entity's name, else as written.
    pub fn speaker_name(&self, quote: &Quote) -> Option<String> {
        self.speaker_entity(quote).map(|e| self.entities[e].name.clone()).or_else(|| quote.speaker.clone())
    }

    pub fn outlet_of(&self, article: usize) -> &str {
        self.articles[article].outlet.as_deref().unwrap_or(UNKNOWN_OUTLET)
    }
}

/// How tables and pivots show an article with no outlet.
pub const UNKNOWN_OUTLET: &str = "(unknown)";

impl Entity {
    /// Distinct outlets of its articles, sorted.
    pub fn outlets(&self, corpus: &Corpus) -> Vec<String> {
        let set: BTreeSet<&str> = self.articles.iter().map(|&a| corpus.outlet_of(a)).collect();
        set.into_iter().map(str::to_string).collect()
    }

    /// The earliest and latest publication dates of its articles.
    pub fn date_range(&self, corpus: &Corpus) -> (Option<String>, Option<String>) {
        let dates: BTreeSet<&str> = self.articles.iter().filter_map(|&a| corpus.articles[a].published.as_deref()).collect();
        (dates.first().map(|d| d.to_string()), dates.last().map(|d| d.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{outlet::Stated, parse_article};

    fn corpus_of(needs: Needs) -> Corpus {
        let lex = Lexicon::builtin();
        let text = "Acme shares rise\n\nOn March 3, 2021, Acme Corp. chief executive Jo Lee spoke to reporters in a long briefing.\n\n\"We are growing fast,\" said Jo Lee, who founded the company.\n";
        let record = parse_article("a.txt", text, text.as_bytes(), "utf-8", &lex, &Stated::default());
        assert!(!record.quotes.is_empty() && !record.dates.is_empty(), "the sample has a quote and a date");
        let mut builder = CorpusBuilder::new(ArticleFilter::default(), needs);
        builder.add(record);
        builder.finish(&lex)
    }

    #[test]
    fn an_index_keeps_only_what_its_report_needs() {
        let entities_only = corpus_of(Needs::ENTITIES_ONLY);
        assert!(entities_only.quotes.is_empty() && entities_only.articles[0].dates.is_empty());
        assert!(entities_only.entities.iter().any(|e| e.name == "Jo Lee"));
        let with_quotes = corpus_of(Needs::WITH_QUOTES);
        assert_eq!(with_quotes.quotes.len(), 1);
        assert!(with_quotes.articles[0].dates.is_empty());
        assert!(!corpus_of(Needs::WITH_MENTIONED_DATES).articles[0].dates.is_empty());
    }
}
