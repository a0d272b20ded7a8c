//! Printing: records as JSON Lines or one JSON array, and every report as a table, JSON, JSON
//! Lines or CSV through one `Row` trait.

use std::io::{self, IsTerminal, Write};

use comfy_table::{Cell, Color, ContentArrangement, Table, presets};
use serde::Serialize;

use crate::record::ArticleRecord;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Jsonl,
    Csv,
}

impl Format {
    /// `--json` wins, then `--format`, then a table on a terminal and JSON Lines elsewhere.
    pub fn choose(json: bool, format: Option<Format>) -> Format {
        if json {
            Format::Json
        } else {
            format.unwrap_or(if io::stdout().is_terminal() { Format::Table } else { Format::Jsonl })
        }
    }
}

/// Colour only on a terminal, and never when NO_COLOR is set to anything (no-color.org).
pub fn color_wanted() -> bool {
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// One line of a report. JSON shapes come from `Serialize`; tables and CSV from `cells`.
pub trait Row: Serialize {
    /// Column names, snake_case, the same in tables and CSV.
    const HEADERS: &'static [&'static str];
    /// Longest cell a table shows per column (0: no limit); longer cells end in "…".
    const LIMITS: &'static [usize];
    /// Every column as text: lists joined with "; ".
    fn cells(&self) -> Vec<String>;
}

/// Writes a whole report.
pub fn write_rows<W: Write + ?Sized, R: Row>(out: &mut W, rows: &[R], format: Format, color: bool) -> io::Result<()> {
    match format {
        Format::Json | Format::Jsonl => write_json(out, rows, format),
        Format::Table | Format::Csv => write_cells(out, R::HEADERS, R::LIMITS, rows.iter().map(Row::cells), format, color),
    }
}

/// Values as one pretty JSON array (`json`) or one compact value per line (`jsonl`).
pub fn write_json<W: Write + ?Sized, T: Serialize>(out: &mut W, values: &[T], format: Format) -> io::Result<()> {
    if format == Format::Json {
        serde_json::to_writer_pretty(&mut *out, values)?;
        out.write_all(b"\n")?;
    } else {
        for v in values {
            serde_json::to_writer(&mut *out, v)?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

/// One value: pretty JSON (`json`) or one compact line (`jsonl`).
pub fn write_value<W: Write + ?Sized, T: Serialize>(out: &mut W, value: &T, format: Format) -> io::Result<()> {
    if format == Format::Json {
        serde_json::to_writer_pretty(&mut *out, value)?;
    } else {
        serde_json::to_writer(&mut *out, value)?;
    }
    out.write_all(b"\n")
}

/// Rows of text as a terminal table or as CSV.
pub fn write_cells<W: Write + ?Sized, H: AsRef<str>>(
    out: &mut W,
    headers: &[H],
    limits: &[usize],
    rows: impl Iterator<Item = Vec<String>>,
    format: Format,
    color: bool,
) -> io::Result<()> {
    if format == Format::Csv {
        let mut csv = csv::Writer::from_writer(&mut *out);
        csv.write_record(headers.iter().map(AsRef::as_ref))?;
        for row in rows {
            csv.write_record(row)?;
        }
        csv.flush()?;
        Ok(())
    } else {
        writeln!(out, "{}", table(headers, limits, rows, color))
    }
}

/// A table that fits the terminal, with long cells cut visibly.
pub fn table<H: AsRef<str>>(headers: &[H], limits: &[usize], rows: impl Iterator<Item = Vec<String>>, color: bool) -> Table {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
    table.set_header(headers.iter().map(|h| {
        let cell = Cell::new(h.as_ref());
        if color { cell.fg(Color::Cyan) } else { cell }
    }));
    for cells in rows {
        table.add_row(cells.iter().enumerate().map(|(i, c)| {
            let limit = limits.get(i).copied().unwrap_or(0);
            match (limit, headers.get(i).map(AsRef::as_ref)) {
                (0, _) => sanitize(c),
                (_, Some("path")) => truncate_left(c, limit),
                _ => truncate(c, limit),
            }
        }));
    }
    table
}

/// Writes records as they come, except `json` (one array), which is written as it goes too but
/// closed at the end, and `table` / `csv`, which show one summary line per record.
pub struct Printer<W: Write> {
    out: W,
    format: Format,
    summaries: Vec<RecordSummary>,
    written: usize,
}

impl<W: Write> Printer<W> {
    pub fn new(out: W, format: Format) -> Self {
        Printer { out, format, summaries: Vec::new(), written: 0 }
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
            Format::Table | Format::Csv => self.summaries.push(RecordSummary::of(&record)),
        }
        self.written += 1;
        Ok(())
    }

    pub fn finish(mut self, color: bool) -> io::Result<()> {
        match self.format {
            Format::Jsonl => {}
            Format::Json => self.out.write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?,
            Format::Table | Format::Csv => write_rows(&mut self.out, &self.summaries, self.format, color)?,
        }
        self.out.flush()
    }
}

/// One record in a line, for `parse --format table|csv`.
#[derive(Serialize)]
struct RecordSummary {
    path: String,
    title: String,
    outlet: String,
    published: String,
    authors: Vec<String>,
    people: usize,
    companies: usize,
    regulators: usize,
    dates: usize,
    quotes: usize,
}

impl RecordSummary {
    fn of(r: &ArticleRecord) -> Self {
        RecordSummary {
            path: r.path.clone(),
            title: r.title.as_ref().map(|t| t.text.clone()).unwrap_or_default(),
            outlet: r.outlet.as_ref().map(|o| o.name.clone()).unwrap_or_default(),
            published: r.published.as_ref().map(|p| p.value.clone()).unwrap_or_default(),
            authors: r.authors.iter().map(|c| c.name.clone()).collect(),
            people: r.people.len(),
            companies: r.companies.len(),
            regulators: r.regulators.len(),
            dates: r.dates.len(),
            quotes: r.quotes.len(),
        }
    }
}

impl Row for RecordSummary {
    const HEADERS: &'static [&'static str] =
        &["path", "title", "outlet", "published", "authors", "people", "companies", "regulators", "dates", "quotes"];
    const LIMITS: &'static [usize] = &[40, 60, 30, 0, 40];
    fn cells(&self) -> Vec<String> {
        vec![
            self.path.clone(),
            self.title.clone(),
            self.outlet.clone(),
            self.published.clone(),
            self.authors.join("; "),
            self.people.to_string(),
            self.companies.to_string(),
            self.regulators.to_string(),
            self.dates.to_string(),
            self.quotes.to_string(),
        ]
    }
}

/// Control and bidi characters from scraped text would garble a terminal.
pub fn sanitize(s: &str) -> String {
    s.chars().map(|c| if is_unsafe(c) { ' ' } else { c }).collect()
}

fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
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
