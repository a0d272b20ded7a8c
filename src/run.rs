//! The `parse` job: inputs → records, in parallel, written in a deterministic order, with every
//! skipped input reported.

use std::io::{self, BufRead, Write};

use rayon::prelude::*;

use crate::corpus::{ArticleFilter, Corpus, CorpusBuilder};
use crate::extract::{self, Stated};
use crate::input::{self, Skipped, Source, WalkOptions};
use crate::lexicon::Lexicon;
use crate::output::{Format, Printer};
use crate::record::ArticleRecord;

pub struct ParseOptions {
    pub walk: WalkOptions,
    pub max_bytes: u64,
    pub outlet: Option<String>,
    /// Name the outlet after the first folder below the given root.
    pub outlet_from_dir: bool,
}

/// The outcome of a run: what was written and what was skipped.
#[derive(Debug, Default)]
pub struct Summary {
    pub records: usize,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<String>,
}

impl Summary {
    pub fn absorb(&mut self, other: Summary) {
        self.records += other.records;
        self.skipped.extend(other.skipped);
        self.warnings.extend(other.warnings);
    }

    /// The closing line of a run that skipped something: "2 of 1,204 inputs skipped: a.txt, b.txt".
    pub fn skipped_line(&self) -> Option<String> {
        if self.skipped.is_empty() {
            return None;
        }
        let shown: Vec<&str> = self.skipped.iter().take(3).map(|s| s.path.as_str()).collect();
        let more = if self.skipped.len() > shown.len() { ", …" } else { "" };
        Some(format!(
            "{} of {} inputs skipped: {}{more}",
            thousands(self.skipped.len()),
            thousands(self.records + self.skipped.len()),
            shown.join(", ")
        ))
    }
}

/// 1204 → "1,204".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Where a corpus comes from: records written earlier, and paths parsed now.
#[derive(Debug, Clone, Default)]
pub struct CorpusInput {
    pub paths: Vec<String>,
    pub records: Vec<String>,
}

impl CorpusInput {
    /// One path that may be either: a `.jsonl` file holds records, anything else is parsed.
    pub fn guess(path: &str) -> CorpusInput {
        if path.ends_with(".jsonl") {
            CorpusInput { records: vec![path.to_string()], ..CorpusInput::default() }
        } else {
            CorpusInput { paths: vec![path.to_string()], ..CorpusInput::default() }
        }
    }
}

/// Builds one corpus index from several inputs. Also returns, per input, the number of
/// articles read up to its end, so callers can tell the inputs apart.
pub fn build_corpus(
    inputs: &[CorpusInput],
    lex: &Lexicon,
    options: &ParseOptions,
    filter: ArticleFilter,
) -> io::Result<(Corpus, Vec<usize>, Summary)> {
    let mut builder = CorpusBuilder::new(filter);
    let mut summary = Summary::default();
    let mut ends = Vec::new();
    for input in inputs {
        let mut add = |r| {
            builder.add(r);
            Ok(())
        };
        for file in &input.records {
            summary.absorb(read_records(file, &mut add)?);
        }
        if !input.paths.is_empty() {
            summary.absorb(parse_each(&input.paths, lex, options, &mut add)?);
        }
        ends.push(builder.articles());
    }
    Ok((builder.finish(lex), ends, summary))
}

/// Reads, decodes and parses one source.
pub fn parse_source(source: &Source, root: Option<&str>, lex: &Lexicon, options: &ParseOptions) -> Result<ArticleRecord, Skipped> {
    let path = source.display_name();
    let skipped = |reason: String| Skipped { path: path.clone(), reason };
    let bytes = input::read(source, options.max_bytes).map_err(skipped)?;
    let decoded = input::decode(&bytes).map_err(skipped)?;
    let outlet = options.outlet.clone().or_else(|| if options.outlet_from_dir { outlet_dir(&path, root?) } else { None });
    let stated = Stated { outlet };
    let mut record = extract::parse_article(&path, &decoded.text, &bytes, decoded.encoding, lex, &stated);
    record.warnings.extend(decoded.warning);
    Ok(record)
}

/// The first folder below `root` on the way to `path`.
fn outlet_dir(path: &str, root: &str) -> Option<String> {
    let rest = std::path::Path::new(path).strip_prefix(root).ok()?;
    let mut parts = rest.components();
    let first = parts.next()?;
    parts.next()?;
    Some(first.as_os_str().to_string_lossy().into_owned())
}

/// Parses every input and hands the records to `sink` in path order. Returns the summary, or
/// the first error `sink` returned.
pub fn parse_each(
    paths: &[String],
    lex: &Lexicon,
    options: &ParseOptions,
    mut sink: impl FnMut(ArticleRecord) -> io::Result<()>,
) -> io::Result<Summary> {
    let (sources, mut skipped) = input::collect(paths, &options.walk);
    let root_of = |s: &Source| {
        let name = s.display_name();
        paths.iter().filter(|p| name.starts_with(p.as_str())).max_by_key(|p| p.len()).cloned()
    };
    let mut summary = Summary::default();
    // Parse in parallel a chunk at a time, so memory stays bounded and output stays in order.
    for chunk in sources.chunks(256) {
        let results: Vec<Result<ArticleRecord, Skipped>> =
            chunk.par_iter().map(|s| parse_source(s, root_of(s).as_deref(), lex, options)).collect();
        for result in results {
            match result {
                Ok(record) => {
                    for w in &record.warnings {
                        summary.warnings.push(format!("{}: warning: {w}", record.path));
                    }
                    sink(record)?;
                    summary.records += 1;
                }
                Err(s) => skipped.push(s),
            }
        }
    }
    summary.skipped = skipped;
    Ok(summary)
}

/// Parses every input and prints the records in path order.
pub fn parse_paths<W: Write>(
    paths: &[String],
    lex: &Lexicon,
    options: &ParseOptions,
    out: W,
    format: Format,
    color: bool,
) -> io::Result<Summary> {
    let mut printer = Printer::new(out, format);
    let summary = parse_each(paths, lex, options, |r| printer.record(r))?;
    printer.finish(color)?;
    Ok(summary)
}

/// Reads records written earlier by `corpus parse --format jsonl` (`-` for standard input) and
/// hands them to `sink`. A line that is not a record is skipped and named by its line number.
pub fn read_records(path: &str, mut sink: impl FnMut(ArticleRecord) -> io::Result<()>) -> io::Result<Summary> {
    let reader: Box<dyn BufRead> = if path == "-" {
        Box::new(io::stdin().lock())
    } else {
        match std::fs::File::open(path) {
            Ok(f) => Box::new(io::BufReader::new(f)),
            Err(e) => {
                let skipped = vec![Skipped { path: path.to_string(), reason: format!("cannot open records: {e}") }];
                return Ok(Summary { skipped, ..Summary::default() });
            }
        }
    };
    let mut summary = Summary::default();
    for (n, line) in reader.lines().enumerate() {
        let where_ = || format!("{}:{}", path, n + 1);
        let line = match line {
            Ok(line) => line,
            Err(e) => {
                summary.skipped.push(Skipped { path: where_(), reason: format!("cannot read: {e}") });
                break;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<ArticleRecord>(&line) {
            Ok(record) => {
                sink(record)?;
                summary.records += 1;
            }
            Err(e) => summary.skipped.push(Skipped { path: where_(), reason: format!("not an article record: {e}") }),
        }
    }
    Ok(summary)
}
