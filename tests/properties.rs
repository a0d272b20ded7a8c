//! Invariants of the parser on arbitrary input: it never panics, every span lies on character
//! boundaries of the original text and slices to exactly the text it reports.

use std::sync::LazyLock;

use corpus::extract::{Stated, parse_article};
use corpus::lexicon::Lexicon;
use corpus::record::{ArticleRecord, Span};
use proptest::prelude::*;

static LEX: LazyLock<Lexicon> = LazyLock::new(Lexicon::builtin);

fn parse(text: &str) -> ArticleRecord {
    parse_article("prop.txt", text, text.as_bytes(), "utf-8", &LEX, &Stated::default())
}

fn check_span(text: &str, span: Span) {
    let [s, e] = span;
    assert!(s <= e && e <= text.len(), "span {span:?} outside text of {} bytes", text.len());
    assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "span {span:?} splits a character");
}

fn check(text: &str) {
    let r = parse(text);
    if let Some(t) = &r.title {
        check_span(text, t.span);
        assert_eq!(&text[t.span[0]..t.span[1]], t.text);
    }
    for q in &r.quotes {
        check_span(text, q.span);
        assert_eq!(&text[q.span[0]..q.span[1]], q.text);
    }
    for d in &r.dates {
        check_span(text, d.span);
        assert_eq!(&text[d.span[0]..d.span[1]], d.text);
    }
    for c in r.authors.iter().chain(&r.credits) {
        check_span(text, c.span);
    }
    for e in r.people.iter().chain(&r.companies).chain(&r.regulators) {
        for &span in &e.spans {
            check_span(text, span);
        }
    }
    for b in &r.boilerplate {
        check_span(text, b.span);
    }
}

/// Pieces that exercise the rules: quotes of every kind, names, titles, dates, odd spaces.
fn article_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("'".to_string()),
        Just("«".to_string()),
        Just(" said ".to_string()),
        Just("Pony Ma Huateng".to_string()),
        Just("Zhang".to_string()),
        Just("CEO ".to_string()),
        Just("the Ministry of Commerce (MOFCOM)".to_string()),
        Just("Acme Corp. ".to_string()),
        Just("Jan. 28, 2022".to_string()),
        Just("By Jane Doe".to_string()),
        Just("(Reuters) – ".to_string()),
        Just("© 2021 Bloomberg LP".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{ad}".to_string()),
        Just("\u{200b}".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r".to_string()),
        Just(". ".to_string()),
        "[A-Za-z ,.]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics_and_spans_hold(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn article_like_text_keeps_span_invariants(pieces in prop::collection::vec(article_piece(), 0..60)) {
        check(&pieces.concat());
    }

    #[test]
    fn parsing_is_deterministic(pieces in prop::collection::vec(article_piece(), 0..40)) {
        let text = pieces.concat();
        let a = serde_json::to_string(&parse(&text)).unwrap();
        let b = serde_json::to_string(&parse(&text)).unwrap();
        prop_assert_eq!(a, b);
    }
}
