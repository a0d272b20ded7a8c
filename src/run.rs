//! The `parse` job: inputs → records, in parallel, written in a deterministic order, with every
//! skipped input reported.

use std::io::{self, BufRead, Write};

use rayon::prelude::*;

use crate::corpus::{ArticleFilter, Corpus, CorpusBuilder, Needs};
use crate::extract::{self, Stated};
use crate::input::{self, Queued, Skipped, Source, WalkOptions};
use crate::lexicon::Lexicon;
use crate::output::{Format, Printer};
use crate::record::ArticleRecord;

pub struct ParseOptions {
    pub walk: WalkOptions,
    pub max_bytes: u64,
    pub outlet: Option<String>,
    /// Name the outlet after the first folder below the given root.
    pub outlet_from_dir: bool,
    pub input_format: InputFormat,
}

/// The outcome of a run: what was written and what was skipped.
#[derive(Debug, Default)]
pub struct Summary {
    pub records: usize,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<String>,
    /// Writing the output failed: the run stopped there, but what was skipped is still known.
    pub write_error: Option<io::Error>,
}

impl Summary {
    pub fn absorb(&mut self, other: Summary) {
        self.records += other.records;
        self.skipped.extend(other.skipped);
        self.warnings.extend(other.warnings);
        self.write_error = self.write_error.take().or(other.write_error);
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
    needs: Needs,
) -> io::Result<(Corpus, Vec<usize>, Summary)> {
    let mut builder = CorpusBuilder::new(filter, needs);
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
            let mut parsed = parse_each(&input.paths, lex, options, &mut add);
            if let Some(e) = parsed.write_error.take() {
                return Err(e);
            }
            summary.absorb(parsed);
        }
        ends.push(builder.articles());
    }
    Ok((builder.finish(lex), ends, summary))
}

/// Reads (unless read ahead), decodes and parses one input.
pub fn parse_queued(queued: &Queued, root: Option<&str>, lex: &Lexicon, options: &ParseOptions) -> Result<ArticleRecord, Skipped> {
    let path = queued.source.display_name();
    let skipped = |reason: String| Skipped { path: path.clone(), reason };
    let bytes = queued.bytes(options.max_bytes).map_err(skipped)?;
    let decoded = input::decode(&bytes).map_err(skipped)?;
    let outlet = options.outlet.clone().or_else(|| if options.outlet_from_dir { outlet_dir(&path, root?) } else { None });
    let stated = Stated { outlet, published: None };
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

/// Parses every input and hands the records to `sink` in input order (path order for files).
/// The first error `sink` returns stops the run and is kept in the summary.
pub fn parse_each(
    paths: &[String],
    lex: &Lexicon,
    options: &ParseOptions,
    mut sink: impl FnMut(ArticleRecord) -> io::Result<()>,
) -> Summary {
    let mut summary = Summary::default();
    match options.input_format {
        InputFormat::Text => {
            let (sources, skipped) = input::collect(paths, &options.walk);
            summary.skipped = skipped;
            let root_of = |s: &Source| {
                let name = s.display_name();
                paths.iter().filter(|p| name.starts_with(p.as_str())).max_by_key(|p| p.len()).cloned()
            };
            let queued = sources.into_iter().map(|s| Ok(Queued::read_ahead(s, options.max_bytes)));
            let parse = |q: &Queued| parse_queued(q, root_of(&q.source).as_deref(), lex, options);
            let name_of = |q: &Queued| q.source.display_name();
            summary.write_error = in_order(queued, parse, name_of, &mut summary, &mut sink).err();
        }
        InputFormat::Jsonl => {
            for path in paths {
                let lines = match jsonl_lines(path) {
                    Ok(lines) => lines,
                    Err(s) => {
                        summary.skipped.push(s);
                        continue;
                    }
                };
                let parse = |(name, line): &(String, String)| parse_input_line(name, line, lex, options);
                if let Err(e) = in_order(lines, parse, |(name, _): &(String, String)| name.clone(), &mut summary, &mut sink) {
                    summary.write_error = Some(e);
                    break;
                }
            }
        }
    }
    summary
}

/// Parses items in parallel a chunk at a time, so memory stays bounded, and hands the records
/// to `sink` in input order. The pool parses one chunk while this thread delivers the one
/// before and gathers the next, so writing and listing inputs do not leave the cores idle.
fn in_order<T: Send + Sync>(
    items: impl Iterator<Item = Result<T, Skipped>>,
    parse: impl Fn(&T) -> Result<ArticleRecord, Skipped> + Sync,
    name_of: impl Fn(&T) -> String + Sync,
    summary: &mut Summary,
    sink: &mut impl FnMut(ArticleRecord) -> io::Result<()>,
) -> io::Result<()> {
    const CHUNK: usize = 256;
    let mut items = items.fuse();
    let mut chunk: Vec<Result<T, Skipped>> = items.by_ref().take(CHUNK).collect();
    let mut parsed: Vec<Result<ArticleRecord, Skipped>> = Vec::new();
    while !chunk.is_empty() || !parsed.is_empty() {
        let mut next_parsed = Vec::new();
        let mut next_chunk = Vec::new();
        let mut delivered = Ok(());
        rayon::in_place_scope(|scope| {
            let (chunk, parse, name_of, next_parsed) = (&chunk, &parse, &name_of, &mut next_parsed);
            scope.spawn(move |_| *next_parsed = chunk.par_iter().map(|item| parse_caught(item, parse, name_of)).collect());
            delivered = deliver(std::mem::take(&mut parsed), summary, sink);
            next_chunk = items.by_ref().take(CHUNK).collect();
        });
        delivered?;
        parsed = next_parsed;
        chunk = next_chunk;
    }
    Ok(())
}

fn parse_caught<T>(
    item: &Result<T, Skipped>,
    parse: impl Fn(&T) -> Result<ArticleRecord, Skipped>,
    name_of: impl Fn(&T) -> String,
) -> Result<ArticleRecord, Skipped> {
    let item = item.as_ref().map_err(Clone::clone)?;
    // A bug on one article must not take the rest of the run down with it.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parse(item))).unwrap_or_else(|panic| {
        let what = panic.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| panic.downcast_ref::<String>().cloned());
        let reason = format!("internal error, please report it: {}", what.unwrap_or_default());
        Err(Skipped { path: name_of(item), reason })
    })
}

fn deliver(
    results: Vec<Result<ArticleRecord, Skipped>>,
    summary: &mut Summary,
    sink: &mut impl FnMut(ArticleRecord) -> io::Result<()>,
) -> io::Result<()> {
    for result in results {
        match result {
            Ok(record) => {
                for w in &record.warnings {
                    summary.warnings.push(format!("{}: warning: {w}", record.path));
                }
                sink(record)?;
                summary.records += 1;
            }
            Err(s) => summary.skipped.push(s),
        }
    }
    Ok(())
}

/// How `parse` reads its inputs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Files and folders of article text.
    #[default]
    Text,
    /// JSON Lines of `{id, text, outlet?, published?, url?}`, one article per line: the map step
    /// of Spark (`RDD.pipe`) or Hadoop Streaming.
    Jsonl,
}

/// One article of `--input-format jsonl`.
#[derive(serde::Deserialize)]
struct InputLine {
    id: serde_json::Value,
    text: String,
    outlet: Option<String>,
    published: Option<String>,
    url: Option<String>,
}

/// Lines of a JSON Lines input, each named `FILE:LINE`, read lazily.
type NamedLines = Box<dyn Iterator<Item = Result<(String, String), Skipped>>>;

/// The lines of a JSON Lines file (`-`: standard input).
fn jsonl_lines(path: &str) -> Result<NamedLines, Skipped> {
    let reader: Box<dyn BufRead> = if path == "-" {
        Box::new(io::BufReader::new(io::stdin()))
    } else {
        let file = std::fs::File::open(path).map_err(|e| Skipped { path: path.to_string(), reason: format!("cannot open: {e}") })?;
        Box::new(io::BufReader::new(file))
    };
    let path = path.to_string();
    // A read error ends the input: it would repeat on every later read (a folder gives EISDIR
    // for ever), so only the first is reported.
    let lines = reader
        .lines()
        .enumerate()
        .scan(false, move |failed, (n, line)| {
            if *failed {
                return None;
            }
            let name = format!("{path}:{}", n + 1);
            Some(match line {
                Ok(line) if line.trim().is_empty() => None,
                Ok(line) => Some(Ok((name, line))),
                Err(e) => {
                    *failed = true;
                    Some(Err(Skipped { path: name, reason: format!("cannot read: {e}") }))
                }
            })
        })
        .flatten();
    Ok(Box::new(lines))
}

fn parse_input_line(name: &str, line: &str, lex: &Lexicon, options: &ParseOptions) -> Result<ArticleRecord, Skipped> {
    let skipped = |reason: String| Skipped { path: name.to_string(), reason };
    if line.len() as u64 > options.max_bytes {
        return Err(skipped(format!("line of {} bytes is over --max-bytes {}", line.len(), options.max_bytes)));
    }
    let input: InputLine = serde_json::from_str(line).map_err(|e| skipped(format!("not an input record {{id, text, …}}: {e}")))?;
    let id = match input.id {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    };
    if input.text.trim().is_empty() {
        return Err(skipped(format!("article {id} has no text")));
    }
    let stated = Stated { outlet: options.outlet.clone().or(input.outlet), published: input.published };
    let mut record = extract::parse_article(&id, &input.text, input.text.as_bytes(), "utf-8", lex, &stated);
    record.url = input.url;
    Ok(record)
}

/// Parses every input and prints the records in path order; a write error ends up in the
/// summary's `write_error`.
pub fn parse_paths<W: Write>(paths: &[String], lex: &Lexicon, options: &ParseOptions, out: W, format: Format, color: bool) -> Summary {
    let mut printer = Printer::new(out, format);
    let mut summary = parse_each(paths, lex, options, |r| printer.record(r));
    if summary.write_error.is_none() {
        summary.write_error = printer.finish(color).err();
    }
    summary
}

/// Reads records written earlier by `corpus parse --format jsonl` (`-` for standard input) and
/// hands them to `sink`. A line that is not a record is skipped and named by its line number.
pub fn read_records(path: &str, mut sink: impl FnMut(ArticleRecord) -> io::Result<()>) -> io::Result<Summary> {
    let mut summary = Summary::default();
    let lines = match jsonl_lines(path) {
        Ok(lines) => lines,
        Err(s) => {
            summary.skipped.push(s);
            return Ok(summary);
        }
    };
    for line in lines {
        let record = line.and_then(|(name, line)| {
            serde_json::from_str::<ArticleRecord>(&line).map_err(|e| Skipped { path: name, reason: format!("not an article record: {e}") })
        });
        match record {
            Ok(record) => {
                sink(record)?;
                summary.records += 1;
            }
            Err(s) => summary.skipped.push(s),
        }
    }
    Ok(summary)
}
