//! Invariants of the parser on arbitrary input: it never panics, every span lies on character
//! boundaries of the original text and slices to exactly the text it reports, and the output
//! is the same byte for byte whatever the run and the number of threads.

mod common;

use std::path::Path;
use std::process::Command;
use std::sync::LazyLock;

use corpus::extract::{Stated, parse_article};
use corpus::input::decode;
use corpus::lexicon::Lexicon;
use corpus::record::ArticleRecord;
use proptest::prelude::*;

static LEX: LazyLock<Lexicon> = LazyLock::new(Lexicon::builtin);

fn parse(text: &str) -> ArticleRecord {
    parse_article("prop.txt", text, text.as_bytes(), "utf-8", &LEX, &Stated::default())
}

fn check(text: &str) {
    if let Err(e) = common::span_errors(text, &parse(text)) {
        panic!("{e}");
    }
}

/// Raw bytes the way a file is read: decoded (or, when the decoder refuses them, read lossily:
/// the parser must hold up on any text), parsed, and checked against the decoded text.
fn check_bytes(bytes: &[u8]) {
    let (text, encoding) = match decode(bytes) {
        Ok(d) => (d.text, d.encoding),
        Err(_) => (String::from_utf8_lossy(bytes).into_owned(), "utf-8"),
    };
    let record = parse_article("prop.txt", &text, bytes, encoding, &LEX, &Stated::default());
    if let Err(e) = common::span_errors(&text, &record) {
        panic!("{e}");
    }
}

/// Byte pieces: article text, then what breaks decoders: stray and truncated UTF-8, lone
/// continuation bytes, Windows-1252 punctuation, NULs, byte-order marks in odd places.
fn byte_piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => article_piece().prop_map(String::into_bytes),
        1 => prop_oneof![
            Just(b"\xFF".to_vec()),
            Just(b"\xC3".to_vec()),
            Just(b"\xE2\x80".to_vec()),
            Just(b"\x80\xBF".to_vec()),
            Just(b"\x93".to_vec()),
            Just(b"\x94".to_vec()),
            Just(b"\xE9".to_vec()),
            Just(b"\x00".to_vec()),
            Just(b"\xEF\xBB\xBF".to_vec()),
            Just(b"\xFF\xFE".to_vec()),
            Just(b"\xED\xA0\x80".to_vec()),
            any::<u8>().prop_map(|b| vec![b]),
        ],
    ]
}

/// How a file may start: nothing special, or a byte-order mark.
fn byte_prefix() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![Just(Vec::new()), Just(b"\xEF\xBB\xBF".to_vec()), Just(b"\xFF\xFE".to_vec()), Just(b"\xFE\xFF".to_vec())]
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
    fn arbitrary_bytes_never_panic_and_spans_hold(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        check_bytes(&bytes);
    }

    #[test]
    fn damaged_article_bytes_keep_span_invariants(prefix in byte_prefix(), pieces in prop::collection::vec(byte_piece(), 0..60)) {
        check_bytes(&[prefix, pieces.concat()].concat());
    }

    #[test]
    fn parsing_is_deterministic(pieces in prop::collection::vec(article_piece(), 0..40)) {
        let text = pieces.concat();
        let a = serde_json::to_string(&parse(&text)).unwrap();
        let b = serde_json::to_string(&parse(&text)).unwrap();
        prop_assert_eq!(a, b);
    }
}

/// The binary's whole output (records, warnings, skipped inputs) is byte-identical from run to
/// run and whatever the number of threads: the fixtures, plus damaged copies of them (cut
/// short, CRLF line ends, a bad byte, an empty file) so that warnings and skips are compared too.
#[test]
fn output_is_identical_across_runs_and_thread_counts() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let dir = tempfile::tempdir().unwrap();
    let mut names: Vec<_> = std::fs::read_dir(&fixtures).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).collect();
    names.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    names.sort();
    for (k, path) in names.iter().enumerate() {
        let bytes = std::fs::read(path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy();
        std::fs::write(dir.path().join(format!("{name}.txt")), &bytes).unwrap();
        std::fs::write(dir.path().join(format!("{name}-cut.txt")), &bytes[..bytes.len() * (k + 1) / (names.len() + 1)]).unwrap();
        let crlf = String::from_utf8_lossy(&bytes).replace('\n', "\r\n");
        std::fs::write(dir.path().join(format!("{name}-crlf.txt")), crlf).unwrap();
        let mut bad = bytes.clone();
        bad.insert(bytes.len() / 2, 0xFF);
        std::fs::write(dir.path().join(format!("{name}-bad-byte.txt")), bad).unwrap();
    }
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    let run = |threads: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_corpus"))
            .args(["parse", dir.path().to_str().unwrap(), "--format", "jsonl"])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
        (out.stdout, out.stderr)
    };
    let one = run("1");
    assert_eq!(String::from_utf8_lossy(&one.0).lines().count(), names.len() * 4);
    for threads in ["2", "4", "1"] {
        let other = run(threads);
        assert!(one.0 == other.0, "records differ between 1 and {threads} threads");
        assert!(one.1 == other.1, "stderr differs between 1 and {threads} threads");
    }
}
