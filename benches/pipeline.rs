//! Per-article benchmarks: the whole pipeline (`extract::parse_article`) on every fixture and on
//! generated articles, and each public stage on its own, all with `Throughput::BytesDecimal` so
//! criterion prints MB/s.
//!
//! ```sh
//! CARGO_TARGET_DIR=/work/target-bench cargo bench --bench pipeline            # everything, a few minutes
//! CARGO_TARGET_DIR=/work/target-bench cargo bench --bench pipeline -- stages  # a filter
//! ```
//!
//! Groups:
//! - `parse_article/<input>`: decode + `extract::parse_article` (what `corpus parse` does per
//!   file, minus reading the file and printing the record) on each fixture, on typical and long
//!   generated articles, and on one generated 100 KB article.
//! - `stages/<stage>/<input>`: `Normalized::new`, `Article::parse` (normalising + line
//!   classification), `find_credits`, `find_outlets` + `find_published`,
//!   `find_entities`, `find_quotes`, `find_dates` (per line, as `parse_article` calls it) and
//!   JSON serialisation of the finished record, each on all fixtures together and on the
//!   100 KB article. The inputs each stage needs are computed once, outside the timing.
//! - `startup/lexicon_builtin`: building the built-in lexicon (once per process).
//!
//! Time is the benchmark thread's on-CPU time (`/proc/thread-self/schedstat`), not wall time,
//! so that other work on a shared machine does not show up as a slower parser; set
//! `BENCH_WALL_TIME=1` for criterion's usual wall-clock measurement. Throughput is in decimal
//! MB/s.

#[path = "../examples/gen_corpus/generator.rs"]
#[allow(dead_code)]
mod generator;

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};

use corpus::article::{Article, LineKind};
use corpus::extract::{self, Stated, credits, dates, entities, outlet, quotes};
use corpus::input;
use corpus::lexicon::Lexicon;
use corpus::text::Normalized;

/// One benchmark input: a name, the raw bytes and the decoded text.
struct Input {
    name: String,
    raw: Vec<u8>,
    text: String,
    encoding: &'static str,
}

fn input(name: &str, raw: Vec<u8>) -> Input {
    let decoded = input::decode(&raw).expect("benchmark input decodes");
    Input { name: name.to_string(), raw, text: decoded.text, encoding: decoded.encoding }
}

fn fixtures() -> Vec<Input> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures/ is readable")
        .map(|e| e.expect("fixture entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy();
            // "01_reuters-chip-subsidies" → "fixture01".
            input(&format!("fixture{}", &stem[..2]), std::fs::read(p).expect("fixture is readable"))
        })
        .collect()
}

/// Generated inputs: a typical article (about 5 KB), the longest of the first 2000 (30 KB+), and
/// one 100 KB article made of many generated bodies.
fn generated() -> Vec<Input> {
    let typical = (0..).map(|i| generator::article(1, i)).find(|a| (4500..6000).contains(&a.text.len()) && !a.cp1252).unwrap();
    let long = (0..2000).map(|i| generator::article(1, i)).filter(|a| !a.cp1252).max_by_key(|a| a.text.len()).unwrap();
    let long_name = format!("gen_long_{}k", long.text.len() / 1000);
    vec![
        input(&format!("gen_typical_{}k", typical.text.len() / 1000), typical.bytes()),
        input(&long_name, long.bytes()),
        input("gen_single_100k", generator::single_article(1, 100_000).into_bytes()),
        // Equal MB/s for both sizes means "the company said" costs the same however many come before.
        input("descriptions_2000_quotes", described_quotes_page(2000).into_bytes()),
        input("descriptions_8000_quotes", described_quotes_page(8000).into_bytes()),
    ]
}

/// A page of `n` paragraphs naming a firm, each followed by a quote that "the company" said.
fn described_quotes_page(n: usize) -> String {
    const FIRMS: [&str; 5] = ["Kestrel Digital Inc.", "Harlow & Finch Ltd.", "Nimbus Freight Corp.", "Sierra Crest Power Corp.", "Orchard Bank plc"];
    let mut page = String::from("Quarterly results\n\nBy Jo Lee\n\n");
    for i in 0..n {
        let firm = FIRMS[i % FIRMS.len()];
        page.push_str(&format!("{firm} shares rose after results beat forecasts.\n\n"));
        page.push_str("\u{201c}We had a strong quarter and expect more growth,\u{201d} the company said on Tuesday.\n\n");
    }
    page
}

/// On-CPU time of the calling thread, in nanoseconds, from `/proc/thread-self/schedstat` (its
/// first field). Unlike wall time it does not count time the thread spent waiting for a core.
struct CpuTime;

fn thread_cpu_ns() -> u64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").expect("/proc/thread-self/schedstat is readable (Linux)");
    stat.split_whitespace().next().and_then(|n| n.parse().ok()).expect("schedstat starts with the run time in ns")
}

impl Measurement for CpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_ns()
    }
    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        // Nanoseconds, like wall time: the same units and MB/s.
        static WALL: WallTime = WallTime;
        WALL.formatter()
    }
}

fn config<M: Measurement>(measurement: M) -> Criterion<M> {
    Criterion::default()
        .with_measurement(measurement)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20)
}

fn parse_article<M: Measurement>(c: &mut Criterion<M>) {
    let lex = Lexicon::builtin();
    let stated = Stated::default();
    let mut group = c.benchmark_group("parse_article");
    for inp in fixtures().iter().chain(generated().iter()) {
        group.throughput(Throughput::BytesDecimal(inp.raw.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&inp.name), inp, |b, inp| {
            b.iter(|| {
                let decoded = input::decode(black_box(&inp.raw)).unwrap();
                extract::parse_article(&inp.name, &decoded.text, &inp.raw, decoded.encoding, &lex, &stated)
            })
        });
    }
    group.finish();
}

/// Everything a stage needs, computed before timing.
struct Prepared {
    inp: Input,
    article: Article,
    credits: Vec<credits::FoundCredit>,
    table: entities::EntityTable,
    record: corpus::record::ArticleRecord,
}

fn prepare(inp: Input, lex: &Lexicon) -> Prepared {
    let article = Article::parse(&inp.text, lex);
    let credits = credits::find_credits(&article, lex);
    let table = entities::find_entities(&article, lex, &credits);
    let record = extract::parse_article(&inp.name, &inp.text, &inp.raw, inp.encoding, lex, &Stated::default());
    Prepared { inp, article, credits, table, record }
}

/// The lines `parse_article` reads dates from.
fn date_lines(a: &Article) -> Vec<&str> {
    (0..a.lines.len())
        .filter(|&i| matches!(a.lines[i].kind, LineKind::Title | LineKind::Body | LineKind::Caption | LineKind::DateLine | LineKind::Byline))
        .map(|i| a.line_text(i))
        .collect()
}

fn stages<M: Measurement>(c: &mut Criterion<M>) {
    let lex = Lexicon::builtin();
    let stated = Stated::default();
    let all_fixtures: Vec<Prepared> = fixtures().into_iter().map(|i| prepare(i, &lex)).collect();
    let single: Vec<Prepared> = generated().into_iter().filter(|i| i.name == "gen_single_100k").map(|i| prepare(i, &lex)).collect();
    let sets: [(&str, &[Prepared]); 2] = [("all_fixtures", &all_fixtures), ("gen_single_100k", &single)];

    let mut group = c.benchmark_group("stages");
    for (set, items) in sets {
        let bytes: u64 = items.iter().map(|p| p.inp.raw.len() as u64).sum();
        group.throughput(Throughput::BytesDecimal(bytes));
        group.bench_function(BenchmarkId::new("normalize", set), |b| {
            b.iter(|| items.iter().map(|p| Normalized::new(black_box(&p.inp.text)).text.len()).sum::<usize>())
        });
        group.bench_function(BenchmarkId::new("article_structure", set), |b| {
            b.iter(|| items.iter().map(|p| Article::parse(black_box(&p.inp.text), &lex).lines.len()).sum::<usize>())
        });
        group.bench_function(BenchmarkId::new("credits", set), |b| {
            b.iter(|| items.iter().map(|p| credits::find_credits(black_box(&p.article), &lex).len()).sum::<usize>())
        });
        group.bench_function(BenchmarkId::new("outlet_sources_published", set), |b| {
            b.iter(|| {
                items
                    .iter()
                    .map(|p| {
                        let (found, sources) = outlet::find_outlets(black_box(&p.article), &lex, &stated);
                        let published = outlet::find_published(&p.article);
                        usize::from(found.is_some()) + sources.len() + usize::from(published.is_some())
                    })
                    .sum::<usize>()
            })
        });
        group.bench_function(BenchmarkId::new("entities", set), |b| {
            b.iter(|| items.iter().map(|p| entities::find_entities(black_box(&p.article), &lex, &p.credits).entities.len()).sum::<usize>())
        });
        group.bench_function(BenchmarkId::new("quotes", set), |b| {
            b.iter(|| items.iter().map(|p| quotes::find_quotes(black_box(&p.article), &p.table, &lex).len()).sum::<usize>())
        });
        group.bench_function(BenchmarkId::new("dates", set), |b| {
            let lines: Vec<Vec<&str>> = items.iter().map(|p| date_lines(&p.article)).collect();
            b.iter(|| lines.iter().flatten().map(|t| dates::find_dates(black_box(t)).len()).sum::<usize>())
        });
        group.bench_function(BenchmarkId::new("to_json", set), |b| {
            b.iter(|| items.iter().map(|p| serde_json::to_vec(black_box(&p.record)).unwrap().len()).sum::<usize>())
        });
    }
    group.finish();
}

fn startup<M: Measurement>(c: &mut Criterion<M>) {
    let mut group = c.benchmark_group("startup");
    group.sample_size(10);
    group.bench_function("lexicon_builtin", |b| b.iter(Lexicon::builtin));
    group.finish();
}

criterion_group! {
    name = cpu_time;
    config = config(CpuTime);
    targets = parse_article, stages, startup
}
criterion_group! {
    name = wall_time;
    config = config(WallTime);
    targets = parse_article, stages, startup
}

fn main() {
    if std::env::var_os("BENCH_WALL_TIME").is_some() {
        wall_time();
    } else {
        cpu_time();
    }
    Criterion::default().configure_from_args().final_summary();
}
