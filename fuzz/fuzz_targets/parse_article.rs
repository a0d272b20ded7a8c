//! Arbitrary bytes through what `corpus parse` does to a file: decode, parse the article, run
//! every extractor, serialise the record. Nothing may panic, every span must hold (the same
//! checks as the integration tests), and the JSON must read back to the same record.

#![no_main]

use std::sync::LazyLock;

use corpus::extract::{Stated, parse_article};
use corpus::input::decode;
use corpus::lexicon::Lexicon;
use corpus::record::ArticleRecord;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

static LEX: LazyLock<Lexicon> = LazyLock::new(Lexicon::builtin);

fn check(text: &str, raw: &[u8], encoding: &str) {
    let record = parse_article("fuzz.txt", text, raw, encoding, &LEX, &Stated::default());
    if let Err(e) = common::span_errors(text, &record) {
        panic!("{e}");
    }
    let json = serde_json::to_string(&record).expect("a record serialises");
    let back: ArticleRecord = serde_json::from_str(&json).expect("a record reads back");
    assert_eq!(back, record, "the JSON does not read back to the same record");
}

fuzz_target!(|data: &[u8]| {
    match decode(data) {
        Ok(decoded) => check(&decoded.text, data, decoded.encoding),
        // Input the decoder refuses (binary, empty) never reaches the parser in a run, but the
        // parser must hold up on any text: feed it the lossy reading too.
        Err(_) => check(&String::from_utf8_lossy(data), data, "utf-8"),
    }
});
