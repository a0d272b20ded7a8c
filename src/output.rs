//! Printing records: JSON Lines, one JSON array, or a human table.

use std::io::{self, Write};

use comfy_table::{ContentArrangement, Table, presets};

use crate::record::ArticleRecord;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Jsonl,
}

/// Writes records as they come, except `json` (one array) and `table`, which need them all.
pub struct Printer<W: Write> {
    out: W,
    format: Format,
    buffered: Vec<ArticleRecord>,
    written: usize,
}

impl<W: Write> Printer<W> {
    pub fn new(out: W, format: Format) -> Self {
        Printer { out, format, buffered: Vec::new(), written: 0 }
    }

    pub fn record(&mut self, record: ArticleRecord) -> io::Result<()> {
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, &record)?;
                self.out.write_all(b"\n")?;
            }
            Format::Json => {
                self.out.write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                let pretty = serde_json::to_string_pretty(&record)?;
                for (i, line) in pretty.lines().enumerate() {
                    if i > 0 {
                        self.out.write_all(b"\n")?;
                    }
                    write!(self.out, "  {line}")?;
                }
            }
            Format::Table => self.buffered.push(record),
        }
        self.written += 1;
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<()> {
        match self.format {
            Format::Jsonl => {}
            Format::Json => self.out.write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?,
            Format::Table => writeln!(self.out, "{}", summary_table(&self.buffered))?,
        }
        self.out.flush()
    }
}

/// Control and bidi characters from scraped text would garble a terminal.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') { ' ' } else { c })
        .collect()
}

fn truncate(s: &str, max: usize) -> String {
    let s = sanitize(s);
    if s.chars().count() <= max {
        s
    } else {
        s.chars().take(max.saturating_sub(1)).collect::<String>() + "…"
    }
}

/// Paths keep their end, where the file name is.
fn truncate_left(s: &str, max: usize) -> String {
    let s = sanitize(s);
    let n = s.chars().count();
    if n <= max { s } else { "…".to_string() + &s.chars().skip(n + 1 - max).collect::<String>() }
}

fn summary_table(records: &[ArticleRecord]) -> Table {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
    table.set_header(["path", "title", "outlet", "published", "authors", "people", "companies", "regulators", "dates", "quotes"]);
    for r in records {
        let names = |v: &[crate::record::Credit]| v.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join(", ");
        table.add_row([
            truncate_left(&r.path, 40),
            truncate(r.title.as_ref().map_or("", |t| t.text.as_str()), 60),
            truncate(r.outlet.as_ref().map_or("", |o| o.name.as_str()), 30),
            r.published.as_ref().map_or(String::new(), |p| p.value.clone()),
            truncate(&names(&r.authors), 40),
            r.people.len().to_string(),
            r.companies.len().to_string(),
            r.regulators.len().to_string(),
            r.dates.len().to_string(),
            r.quotes.len().to_string(),
        ]);
    }
    table
}
