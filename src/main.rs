//! The `corpus` command line: parses flags, runs the library, prints, and maps outcomes to exit
//! statuses (0 ok, 2 something was skipped or failed).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use corpus::input::WalkOptions;
use corpus::lexicon::Lexicon;
use corpus::output::Format;
use corpus::run::{ParseOptions, parse_paths};

const EXAMPLES: &str = "\
Examples:
  corpus parse articles/                      a table on a terminal, JSON Lines when piped
  corpus parse articles/ --format jsonl > records.jsonl
  corpus parse - < story.txt --json           one article from standard input
  corpus parse articles/ --lexicon mine.json  add your own companies, outlets, names …

Exit status: 0 all inputs parsed; 2 some input was skipped (each is named on stderr) or the
run failed.";

#[derive(Parser)]
#[command(name = "corpus", version, about = "Structured records from folders of scraped news articles", before_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse articles into records: title, outlet, dates, people, companies, regulators, quotes.
    ///
    /// Writes one record per article (docs/schema.md), in path order. Memory stays bounded: files
    /// are parsed a batch at a time and written as they are done (except `--format json` and
    /// `table`, which hold the records until the end).
    #[command(before_help = EXAMPLES)]
    Parse(ParseArgs),
}

#[derive(clap::Args)]
struct ParseArgs {
    /// Files and folders (walked recursively); `-` reads one article from standard input.
    #[arg(required = true)]
    paths: Vec<String>,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Shorthand for `--format json`.
    #[arg(long, conflicts_with = "format")]
    json: bool,
    /// File name endings read inside folders (repeatable).
    #[arg(long = "ext", default_value = "txt")]
    ext: Vec<String>,
    /// Skip files larger than this many bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    max_bytes: u64,
    /// Extra lexicon entries (JSON; see docs/lexicons.md). Repeatable.
    #[arg(long)]
    lexicon: Vec<PathBuf>,
    /// The outlet of every article, overriding what the text suggests.
    #[arg(long)]
    outlet: Option<String>,
    /// The first folder below each given folder names the outlet.
    #[arg(long, conflicts_with = "outlet")]
    outlet_from_dir: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Parse(args) => parse(args),
    }
}

fn parse(args: ParseArgs) -> ExitCode {
    let mut lex = Lexicon::builtin();
    for file in &args.lexicon {
        if let Err(e) = lex.extend_from_file(file) {
            eprintln!("corpus: {e:#}");
            return ExitCode::from(2);
        }
    }
    let stdout = std::io::stdout();
    let format = if args.json {
        Format::Json
    } else {
        args.format.unwrap_or(if stdout.is_terminal() { Format::Table } else { Format::Jsonl })
    };
    let options = ParseOptions {
        walk: WalkOptions { extensions: args.ext },
        max_bytes: args.max_bytes,
        outlet: args.outlet,
        outlet_from_dir: args.outlet_from_dir,
    };
    let out = std::io::BufWriter::new(stdout.lock());
    match parse_paths(&args.paths, &lex, &options, out, format) {
        Ok(summary) => {
            for w in &summary.warnings {
                eprintln!("corpus: {w}");
            }
            for s in &summary.skipped {
                eprintln!("corpus: {s}");
            }
            if summary.skipped.is_empty() {
                ExitCode::SUCCESS
            } else {
                let total = summary.records + summary.skipped.len();
                eprintln!("corpus: {} of {} inputs skipped", summary.skipped.len(), total);
                ExitCode::from(2)
            }
        }
        // A closed pipe (`corpus parse … | head`) is a normal way to stop reading.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("corpus: cannot write output: {e}");
            ExitCode::from(2)
        }
    }
}
