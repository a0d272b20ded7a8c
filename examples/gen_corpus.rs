//! Writes a synthetic corpus of news articles for benchmarks (never committed: see .gitignore).
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --articles 100000 --out bench-data/articles [--seed 1]
//! cargo run --release --example gen_corpus -- --articles 1000 --out bench-data/a.jsonl --jsonl
//! cargo run --release --example gen_corpus -- --single-bytes 1000000 --out bench-data/one-1mb.txt
//! ```
//!
//! Folders: `OUT/part-0000/article-0000000.txt` …, 1000 files per subfolder. `--jsonl`: one JSON
//! Lines file of `{"id","text","outlet","published","url"}` records. `--single-bytes N`: one
//! article of at least N bytes made of many generated bodies (the linearity input). The output
//! depends only on the seed and the count.

#[path = "gen_corpus/generator.rs"]
mod generator;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen_corpus --articles N --out DIR [--seed S] [--jsonl]\n       gen_corpus --single-bytes N --out FILE [--seed S]";
const PER_FOLDER: u64 = 1000;

struct Args {
    articles: Option<u64>,
    single_bytes: Option<usize>,
    out: PathBuf,
    seed: u64,
    jsonl: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let (mut articles, mut single_bytes, mut out, mut seed, mut jsonl) = (None, None, None, 1u64, false);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--articles" => articles = Some(value("--articles")?.parse().map_err(|e| format!("--articles: {e}"))?),
            "--single-bytes" => single_bytes = Some(value("--single-bytes")?.parse().map_err(|e| format!("--single-bytes: {e}"))?),
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--seed" => seed = value("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--jsonl" => jsonl = true,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let out = out.ok_or("--out is required")?;
    if articles.is_none() == single_bytes.is_none() {
        return Err("give exactly one of --articles and --single-bytes".to_string());
    }
    Ok(Args { articles, single_bytes, out, seed, jsonl })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("gen_corpus: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(args: &Args) -> std::io::Result<()> {
    if let Some(parent) = args.out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    if let Some(n) = args.single_bytes {
        let text = generator::single_article(args.seed, n);
        std::fs::write(&args.out, &text)?;
        eprintln!("gen_corpus: wrote one article of {} bytes to {}", text.len(), args.out.display());
        return Ok(());
    }
    let n = args.articles.unwrap_or(0);
    let mut total: u64 = 0;
    if args.jsonl {
        let mut w = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&args.out)?);
        for i in 0..n {
            let a = generator::article(args.seed, i);
            // JSON carries text, so a Windows-1252 file is stored as the text it decodes to.
            let record = serde_json::json!({
                "id": format!("a{i:07}"),
                "text": a.text,
                "outlet": a.outlet,
                "published": a.published,
                "url": a.url,
            });
            serde_json::to_writer(&mut w, &record)?;
            w.write_all(b"\n")?;
            total += a.text.len() as u64;
        }
        w.flush()?;
    } else {
        let mut folder = PathBuf::new();
        for i in 0..n {
            if i % PER_FOLDER == 0 {
                folder = args.out.join(format!("part-{:04}", i / PER_FOLDER));
                std::fs::create_dir_all(&folder)?;
            }
            let bytes = generator::article(args.seed, i).bytes();
            std::fs::write(folder.join(format!("article-{i:07}.txt")), &bytes)?;
            total += bytes.len() as u64;
        }
    }
    eprintln!(
        "gen_corpus: wrote {n} articles, {total} bytes ({:.1} MB, {:.0} bytes per article) to {}",
        total as f64 / 1e6,
        if n > 0 { total as f64 / n as f64 } else { 0.0 },
        args.out.display()
    );
    Ok(())
}
