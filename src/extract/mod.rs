//! Extractors: each fills some fields of the record from a parsed [`Article`].
//! `parse_article` runs them in order: structure → credits → outlet/sources/published →
//! entities → quotes → dates, and maps every span back to the original text.

pub mod credits;
pub mod dates;
pub mod entities;
pub mod outlet;
pub mod quotes;

use foldhash::{HashSet, HashSetExt};

use crate::article::{Article, LineKind};
use crate::lexicon::Lexicon;
use crate::record::{self, ArticleRecord, Block, Credit, DateMention, Evidence, Published, TextSpan};

pub use outlet::Stated;

/// Parses one decoded article into its record.
pub fn parse_article(path: &str, original: &str, raw: &[u8], encoding: &str, lex: &Lexicon, stated: &Stated) -> ArticleRecord {
    let article = Article::parse(original, lex);
    let norm = &article.norm;
    let span = |s: usize, e: usize| norm.to_original(s, e);
    let text_span = |s: usize, e: usize| {
        let [a, b] = span(s, e);
        TextSpan { text: original[a..b].to_string(), span: [a, b] }
    };

    let title = article.title.map(|i| text_span(article.lines[i].start, article.lines[i].end));
    let dateline = article.dateline.as_ref().map(|d| {
        let [a, b] = span(d.start, d.end);
        record::Dateline { text: original[a..b].trim_end().to_string(), place: d.place.clone(), source: d.source.clone(), span: [a, b] }
    });

    let (outlet_found, sources) = outlet::find_outlets(&article, lex, stated);
    let to_outlet = |f: &outlet::FoundOutlet| {
        let (text, span) = if f.start < f.end {
            let [a, b] = span(f.start, f.end);
            (original[a..b].to_string(), Some([a, b]))
        } else {
            (f.name.clone(), None)
        };
        let aliases = lex.outlets.lookup(&f.name).map_or_else(Vec::new, |entry| {
            let mut forms: Vec<String> = lex.outlets.forms(entry).iter().filter(|n| **n != f.name).cloned().collect();
            forms.sort();
            forms
        });
        record::Outlet { name: f.name.clone(), aliases, evidence: Evidence { rule: f.rule.to_string(), text, span } }
    };
    let stated_published = stated.published.as_deref().and_then(|text| {
        let (value, precision) = dates::parse_publication_date(text)?;
        Some(Published { value, precision: precision.to_string(), evidence: Evidence { rule: "stated".to_string(), text: text.to_string(), span: None } })
    });
    let published = stated_published.or_else(|| {
        outlet::find_published(&article).map(|(value, precision, rule, s, e)| {
            let [a, b] = span(s, e);
            Published { value, precision: precision.to_string(), evidence: Evidence { rule: rule.to_string(), text: original[a..b].to_string(), span: Some([a, b]) } }
        })
    });

    let (mut authors, mut credits) = (Vec::new(), Vec::new());
    let mut found_credits = credits::find_credits(&article, lex);
    // "Photo: Pacific Ledger": a credit to the page's own outlet or a source names no one.
    found_credits.retain(|c| !outlet_found.iter().chain(&sources).any(|o| o.name.eq_ignore_ascii_case(&c.name)));
    for c in &found_credits {
        let credit = Credit { name: c.name.clone(), role: c.role.to_string(), span: span(c.start, c.end) };
        if credits::is_author_role(c.role) { authors.push(credit) } else { credits.push(credit) }
    }

    let table = entities::find_entities(&article, lex, &found_credits);
    let quotes = quotes::find_quotes(&article, &table, lex)
        .into_iter()
        .map(|q| {
            let [a, b] = span(q.start, q.end);
            record::Quote {
                text: original[a..b].to_string(),
                speaker: q.speaker.map(|id| table.entities[id].name.clone()).or(q.speaker_text),
                speaker_type: q.speaker.map(|id| table.entities[id].kind.as_str().to_string()),
                cue: q.cue,
                partial: q.partial,
                kind: q.kind.to_string(),
                span: [a, b],
                paragraph: q.paragraph,
            }
        })
        .collect();

    let anchor = published.as_ref().and_then(|p| ymd(&p.value));
    let mut dates: Vec<DateMention> = Vec::new();
    let mut seen_dates: HashSet<String> = HashSet::new();
    for (i, line) in article.lines.iter().enumerate() {
        if !matches!(line.kind, LineKind::Title | LineKind::Body | LineKind::Caption | LineKind::DateLine | LineKind::Byline) {
            continue;
        }
        let t = article.line_text(i);
        for d in dates::find_dates(t) {
            let [a, b] = span(line.start + d.start, line.start + d.end);
            let text = original[a..b].to_string();
            // A date repeated in the article is listed once (a set, not a scan of the list: a
            // page of many distinct dates was quadratic).
            if !seen_dates.insert(text.clone()) {
                continue;
            }
            let resolved = anchor.and_then(|anchor| dates::resolve(&t[d.start..d.end], &d, anchor));
            dates.push(DateMention { text, value: d.value.clone(), kind: d.kind.as_str().to_string(), resolved, span: [a, b] });
        }
    }

    let boilerplate = article
        .lines
        .iter()
        .filter_map(|l| match l.kind {
            LineKind::Boilerplate(kind) => Some((kind, l)),
            LineKind::Navigation => Some(("navigation", l)),
            LineKind::Section => Some(("section", l)),
            LineKind::RepeatedTitle => Some(("repeated_title", l)),
            _ => None,
        })
        .map(|(kind, l)| Block { kind: kind.to_string(), span: span(l.start, l.end) })
        .collect();

    ArticleRecord {
        schema: record::SCHEMA.to_string(),
        path: path.to_string(),
        id: content_id(raw),
        url: None,
        encoding: encoding.to_string(),
        title,
        dateline,
        outlet: outlet_found.as_ref().map(to_outlet),
        sources: sources.iter().map(to_outlet).collect(),
        published,
        authors,
        credits,
        people: table.records(entities::Kind::Person, norm),
        companies: table.records(entities::Kind::Company, norm),
        regulators: table.records(entities::Kind::Regulator, norm),
        dates,
        quotes,
        boilerplate,
        warnings: Vec::new(),
    }
}

/// `2019-11-19` → (2019, 11, 19); only day-precision dates anchor relative expressions.
fn ymd(value: &str) -> Option<(i32, u32, u32)> {
    let mut parts = value.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    Some((y, m, d))
}

/// FNV-1a, 64 bits: stable across platforms and releases, unlike std's hasher.
fn content_id(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photo_credit_to_the_pages_own_outlet_names_no_one() {
        let lex = Lexicon::builtin();
        let text = "HARBOUR LANTERN\nThe weekly business briefing\n\nPorts face new rules\n\nBy Daniel Okafor\n\n\
            Crane operators met on Monday. Photo: Harbour Lantern\n\nThe rules start next year, officials said.\n\n\
            © 2024 Harbour Lantern\n";
        let record = parse_article("t.txt", text, text.as_bytes(), "utf-8", &lex, &Stated::default());
        assert_eq!(record.outlet.as_ref().map(|o| o.name.as_str()), Some("Harbour Lantern"));
        let people: Vec<&str> = record.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(people, ["Daniel Okafor"]);
        assert!(record.credits.is_empty(), "{:?}", record.credits);
    }
}
