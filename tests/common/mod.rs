//! Shared by the integration tests and the fuzz target (`fuzz/fuzz_targets/parse_article.rs`
//! includes this file by path): the span invariants every record must keep.

#![allow(dead_code)]

use corpus::record::{ArticleRecord, Span};

/// Every span lies inside `text`, on character boundaries; spans that carry their evidence
/// slice to exactly that text. Returns the first broken invariant.
pub fn span_errors(text: &str, r: &ArticleRecord) -> Result<(), String> {
    let span = |what: &str, [s, e]: Span| -> Result<(), String> {
        if s > e || e > text.len() {
            return Err(format!("{what}: span [{s}, {e}] outside the text of {} bytes", text.len()));
        }
        if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            return Err(format!("{what}: span [{s}, {e}] splits a character"));
        }
        Ok(())
    };
    let exact = |what: &str, sp: Span, shown: &str| -> Result<(), String> {
        span(what, sp)?;
        if &text[sp[0]..sp[1]] != shown {
            return Err(format!("{what}: span {sp:?} slices to {:?}, the record says {shown:?}", &text[sp[0]..sp[1]]));
        }
        Ok(())
    };
    if let Some(t) = &r.title {
        exact("title", t.span, &t.text)?;
    }
    if let Some(d) = &r.dateline {
        span("dateline", d.span)?;
        if text[d.span[0]..d.span[1]].trim_end() != d.text {
            return Err(format!("dateline: span {:?} does not hold {:?}", d.span, d.text));
        }
    }
    for o in r.outlet.iter().chain(&r.sources) {
        if let Some(sp) = o.evidence.span {
            exact("outlet evidence", sp, &o.evidence.text)?;
        }
    }
    if let Some(p) = &r.published
        && let Some(sp) = p.evidence.span
    {
        exact("published evidence", sp, &p.evidence.text)?;
    }
    for q in &r.quotes {
        exact("quote", q.span, &q.text)?;
    }
    for d in &r.dates {
        exact("date", d.span, &d.text)?;
    }
    for c in r.authors.iter().chain(&r.credits) {
        span("credit", c.span)?;
    }
    for e in r.people.iter().chain(&r.companies).chain(&r.regulators) {
        if e.mentions != e.spans.len() {
            return Err(format!("entity {:?}: {} mentions but {} spans", e.name, e.mentions, e.spans.len()));
        }
        for &sp in &e.spans {
            span("entity", sp)?;
        }
    }
    for b in &r.boilerplate {
        span("boilerplate", b.span)?;
    }
    Ok(())
}
