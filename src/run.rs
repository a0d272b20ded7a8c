//! The `parse` job: inputs → records, in parallel, written in a deterministic order, with every
//! skipped input reported.

use std::io::Write;

use rayon::prelude::*;

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

/// Parses every input and prints the records in path order. Returns the summary, or an I/O
/// error from writing the output.
pub fn parse_paths<W: Write>(paths: &[String], lex: &Lexicon, options: &ParseOptions, out: W, format: Format) -> std::io::Result<Summary> {
    let (sources, mut skipped) = input::collect(paths, &options.walk);
    let root_of = |s: &Source| {
        let name = s.display_name();
        paths.iter().filter(|p| name.starts_with(p.as_str())).max_by_key(|p| p.len()).cloned()
    };
    let mut printer = Printer::new(out, format);
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
                    printer.record(record)?;
                    summary.records += 1;
                }
                Err(s) => skipped.push(s),
            }
        }
    }
    printer.finish()?;
    summary.skipped = skipped;
    Ok(summary)
}
