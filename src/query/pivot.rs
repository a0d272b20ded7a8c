//! `corpus table --rows FIELD --cols FIELD`: a pivot of counts.
//!
//! What is counted follows from the fields: quotes when either field is `speaker`; articles
//! per entity when either is an entity field (an entity counts once per article); else articles.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use serde::Serialize;

use crate::corpus::Corpus;
use crate::extract::entities::Kind;
use crate::output::{self, Format};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Field {
    /// Any linked entity.
    Entity,
    Person,
    Company,
    Regulator,
    /// A quote's speaker (counts quotes).
    Speaker,
    Outlet,
    /// Publication month, `2019-11`.
    Month,
    Year,
    /// Publication day, `2019-11-19`.
    Day,
    /// The entity's type, or the speaker's.
    Type,
}

impl Field {
    fn name(self) -> &'static str {
        match self {
            Field::Entity => "entity",
            Field::Person => "person",
            Field::Company => "company",
            Field::Regulator => "regulator",
            Field::Speaker => "speaker",
            Field::Outlet => "outlet",
            Field::Month => "month",
            Field::Year => "year",
            Field::Day => "day",
            Field::Type => "type",
        }
    }

    fn is_entity(self) -> bool {
        matches!(self, Field::Entity | Field::Person | Field::Company | Field::Regulator)
    }

    fn is_date(self) -> bool {
        matches!(self, Field::Month | Field::Year | Field::Day)
    }
}

const UNDATED: &str = "(undated)";

#[derive(Debug, Clone, Serialize)]
pub struct PivotRow {
    pub row: String,
    pub counts: BTreeMap<String, usize>,
    pub total: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Pivot {
    pub rows_field: &'static str,
    pub cols_field: &'static str,
    /// What a count counts: `quotes`, `articles`.
    pub counts: &'static str,
    pub columns: Vec<String>,
    pub rows: Vec<PivotRow>,
}

/// One counted thing: its article, and its entity or quote when it has one.
struct Unit {
    article: usize,
    entity: Option<usize>,
    quote: Option<usize>,
}

fn date_part(published: Option<&str>, len: usize) -> String {
    published.filter(|d| d.len() >= len).map_or(UNDATED.to_string(), |d| d[..len].to_string())
}

/// The field's value for a unit; None when the unit has no such value (a company for `person`).
fn value(corpus: &Corpus, field: Field, unit: &Unit) -> Option<String> {
    let published = corpus.articles[unit.article].published.as_deref();
    let entity_of_kind = |kind: Option<Kind>| {
        let e = &corpus.entities[unit.entity?];
        kind.is_none_or(|k| e.kind == k).then(|| e.name.clone())
    };
    match field {
        Field::Entity => entity_of_kind(None),
        Field::Person => entity_of_kind(Some(Kind::Person)),
        Field::Company => entity_of_kind(Some(Kind::Company)),
        Field::Regulator => entity_of_kind(Some(Kind::Regulator)),
        Field::Speaker => Some(corpus.speaker_name(&corpus.quotes[unit.quote?]).unwrap_or_else(|| "(no speaker)".to_string())),
        Field::Outlet => Some(corpus.outlet_of(unit.article).to_string()),
        Field::Month => Some(date_part(published, 7)),
        Field::Year => Some(date_part(published, 4)),
        Field::Day => Some(date_part(published, 10)),
        Field::Type => match (unit.quote, unit.entity) {
            (Some(q), _) => Some(corpus.quotes[q].speaker_type.clone().unwrap_or_else(|| "(none)".to_string())),
            (None, Some(e)) => Some(corpus.entities[e].kind.as_str().to_string()),
            (None, None) => None,
        },
    }
}

pub fn pivot(corpus: &Corpus, rows: Field, cols: Field, limit: Option<usize>) -> Result<Pivot, String> {
    let fields = [rows, cols];
    let by_quote = fields.contains(&Field::Speaker);
    let by_entity = fields.iter().any(|f| f.is_entity());
    if by_quote && by_entity {
        return Err("speaker counts quotes and entity fields count articles: use one or the other".to_string());
    }
    if fields.contains(&Field::Type) && !by_quote && !by_entity {
        return Err("type needs an entity field or speaker as the other field".to_string());
    }
    let units: Vec<Unit> = if by_quote {
        corpus.quotes.iter().enumerate().map(|(i, q)| Unit { article: q.article, entity: None, quote: Some(i) }).collect()
    } else if by_entity {
        let pairs: BTreeSet<(usize, usize)> = corpus.occurrences.iter().map(|o| (o.article, o.entity)).collect();
        pairs.into_iter().map(|(article, e)| Unit { article, entity: Some(e), quote: None }).collect()
    } else {
        (0..corpus.articles.len()).map(|article| Unit { article, entity: None, quote: None }).collect()
    };
    let mut cells: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    let mut col_totals: BTreeMap<String, usize> = BTreeMap::new();
    for u in &units {
        let (Some(r), Some(c)) = (value(corpus, rows, u), value(corpus, cols, u)) else { continue };
        *cells.entry(r).or_default().entry(c.clone()).or_default() += 1;
        *col_totals.entry(c).or_default() += 1;
    }
    let mut columns: Vec<(String, usize)> = col_totals.into_iter().collect();
    if !cols.is_date() {
        columns.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    }
    let mut table: Vec<PivotRow> =
        cells.into_iter().map(|(row, counts)| PivotRow { total: counts.values().sum(), row, counts }).collect();
    if !rows.is_date() {
        table.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.row.cmp(&b.row)));
    }
    if let Some(n) = limit {
        table.truncate(n);
    }
    Ok(Pivot {
        rows_field: rows.name(),
        cols_field: cols.name(),
        counts: if by_quote { "quotes" } else { "articles" },
        columns: columns.into_iter().map(|(c, _)| c).collect(),
        rows: table,
    })
}

impl Pivot {
    pub fn write<W: Write + ?Sized>(&self, out: &mut W, format: Format, color: bool) -> io::Result<()> {
        match format {
            Format::Json => output::write_value(out, self, format),
            Format::Jsonl => output::write_json(out, &self.rows, format),
            Format::Table | Format::Csv => {
                let headers: Vec<&str> =
                    std::iter::once(self.rows_field).chain(self.columns.iter().map(String::as_str)).chain(["total"]).collect();
                let rows = self.rows.iter().map(|r| {
                    std::iter::once(r.row.clone())
                        .chain(self.columns.iter().map(|c| r.counts.get(c).copied().unwrap_or(0).to_string()))
                        .chain([r.total.to_string()])
                        .collect()
                });
                output::write_cells(out, &headers, &[30], rows, format, color)
            }
        }
    }
}
