//! The `corpus` command line: parses flags, runs the library, prints, and maps outcomes to exit
//! statuses (0 ok, 1 differences found by diff-quotes, 2 trouble or skipped input).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use corpus::corpus::{ArticleFilter, Corpus, Needs};
use corpus::extract::entities::Kind;
use corpus::input::WalkOptions;
use corpus::lexicon::Lexicon;
use corpus::output::{self, Format};
use corpus::query::entities::{EntityQuery, EntitySort};
use corpus::query::diff_quotes::{self, DiffOptions, GroupKind};
use corpus::query::pivot::Field;
use corpus::query::quotes::{QuoteQuery, QuoteSort};
use corpus::query::{self, EntityType};
use corpus::run::{self, CorpusInput, InputFormat, ParseOptions, Summary};

// Parsing allocates many small strings per article; mimalloc serves them markedly faster
// than the system allocator (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const EXIT_STATUS: &str = "\
Exit status: 0 all inputs read; 2 some input was skipped (each is named on stderr) or the run
failed.";

const EXAMPLES: &str = "\
Examples:
  corpus parse articles/ --format jsonl > records.jsonl
  corpus entities articles/                   who appears, linked across articles
  corpus entities --records records.jsonl --type person --min-articles 3
  corpus quotes --records records.jsonl --speaker \"Zhang Lidong\" --json
  corpus outlets articles/                    what each outlet covers
  corpus show \"Pony Ma\" articles/             one entity's articles, roles, quotes
  corpus table --rows entity --cols outlet articles/
  corpus timeline --entity Tencent articles/

Output is a table on a terminal and JSON Lines when piped; --format table|json|jsonl|csv.";

#[derive(Parser)]
#[command(name = "corpus", version, about = "Structured records from folders of scraped news articles", before_help = EXAMPLES, after_help = EXIT_STATUS)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse articles into records: title, outlet, dates, people, companies, regulators, quotes.
    ///
    /// Writes one record per article (docs/schema.md), in path order. Memory stays bounded: files
    /// are parsed a batch at a time and written as they are done.
    #[command(before_help = "\
Examples:
  corpus parse articles/                      a table on a terminal, JSON Lines when piped
  corpus parse articles/ --format jsonl > records.jsonl
  corpus parse - < story.txt --json           one article from standard input
  corpus parse articles/ --lexicon mine.json  add your own companies, outlets, names …
  corpus parse --input-format jsonl - < pages.jsonl   {id, text, outlet?, published?, url?} per line", after_help = EXIT_STATUS)]
    Parse(ParseArgs),
    /// One row per entity linked across articles: type, name, articles, mentions, outlets, dates,
    /// aliases, roles.
    #[command(before_help = "\
Examples:
  corpus entities articles/
  corpus entities articles/ --type company --sort mentions --limit 20
  corpus entities --records records.jsonl --min-articles 2 --format csv > entities.csv
  corpus entities articles/ --explain --json  why names were joined (the `links` field)", after_help = EXIT_STATUS)]
    Entities(EntitiesArgs),
    /// One row per quote: speaker (linked across articles), outlet, date, text, article.
    #[command(before_help = "\
Examples:
  corpus quotes articles/
  corpus quotes articles/ --speaker \"Pony Ma\" --json
  corpus quotes --records records.jsonl --grep '(?i)regulat' --format csv", after_help = "\
A --speaker name that fits several entities (a surname two people share) is an error that
lists them.

Exit status: 0 all inputs read; 2 some input was skipped, or --speaker fits several entities.")]
    Quotes(QuotesArgs),
    /// Per outlet: articles, date range, most-mentioned people, companies, regulators, quotes.
    #[command(before_help = "\
Examples:
  corpus outlets articles/
  corpus outlets --records records.jsonl --top 3 --json", after_help = EXIT_STATUS)]
    Outlets(OutletsArgs),
    /// Everything about one entity: articles, outlets, roles, who it is mentioned with, its quotes
    /// and the quotes that mention it.
    #[command(before_help = "\
Examples:
  corpus show \"Pony Ma\" articles/
  corpus show CAC --records records.jsonl --json", after_help = "\
Exit status: 0 shown; 2 no entity or several have the name, or some input was skipped.")]
    Show(ShowArgs),
    /// A pivot of counts: quotes when a field is `speaker`, articles otherwise.
    #[command(before_help = "\
Examples:
  corpus table --rows entity --cols outlet articles/
  corpus table --rows speaker --cols month articles/
  corpus table --rows regulator --cols outlet --format csv articles/", after_help = EXIT_STATUS)]
    Table(TableArgs),
    /// Dated items in order: publications and the dates articles mention.
    #[command(before_help = "\
Examples:
  corpus timeline articles/
  corpus timeline articles/ --entity \"Cyberspace Administration of China\" --format csv", after_help = EXIT_STATUS)]
    Timeline(TimelineArgs),
    /// How different outlets quote the same people: identical, variant (with a word diff) or
    /// carried by one outlet only.
    #[command(before_help = "\
Examples:
  corpus diff-quotes articles/                     every outlet against every other
  corpus diff-quotes articles/ --outlets Reuters,Bloomberg --speaker \"Pony Ma\"
  corpus diff-quotes --left ours/ --right theirs.jsonl --json
  corpus diff-quotes articles/ --format jsonl | jq 'select(.kind == \"variant\")'", after_help = "\
Only speakers that at least two sides quote are compared. Changed words show as [-old-]{+new+}
(in colour on a terminal, unless NO_COLOR is set).

Exit status: 0 every quote is identical on every side; 1 differences found; 2 trouble (a skipped
input, an unknown or ambiguous --speaker).")]
    DiffQuotes(DiffQuotesArgs),
}

#[derive(clap::Args)]
struct DiffQuotesArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Compare only these outlets, the first as the reference (comma-separated).
    #[arg(long, value_delimiter = ',', conflicts_with_all = ["left", "right"])]
    outlets: Vec<String>,
    /// One side: a folder or article file to parse, or a records file (.jsonl).
    #[arg(long, requires = "right", value_name = "PATH")]
    left: Option<String>,
    /// The other side, compared against --left.
    #[arg(long, requires = "left", value_name = "PATH")]
    right: Option<String>,
    /// Only this speaker (a name or alias the corpus links to one entity).
    #[arg(long, value_name = "NAME")]
    speaker: Option<String>,
    /// Quotes sharing at least this share of their words (0–1) are one utterance; a fragment
    /// inside a longer quote always is.
    #[arg(long, default_value_t = 0.6)]
    threshold: f64,
}

/// How files are found and read, for every command that parses.
#[derive(clap::Args)]
struct SourceArgs {
    /// File name endings read inside folders (repeatable).
    #[arg(long = "ext", default_value = "txt")]
    ext: Vec<String>,
    /// Skip files larger than this many bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    max_bytes: u64,
    /// Extra lexicon entries (JSON; see docs/lexicons.md). Repeatable.
    #[arg(long)]
    lexicon: Vec<PathBuf>,
    /// The first folder below each given folder names the outlet.
    #[arg(long)]
    outlet_from_dir: bool,
}

#[derive(clap::Args)]
struct FormatArgs {
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Shorthand for `--format json`.
    #[arg(long, conflicts_with = "format")]
    json: bool,
}

impl FormatArgs {
    fn format(&self) -> Format {
        Format::choose(self.json, self.format)
    }
}

#[derive(clap::Args)]
struct ParseArgs {
    /// Files and folders (walked recursively); `-` reads one article from standard input.
    #[arg(required = true)]
    paths: Vec<String>,
    #[command(flatten)]
    source: SourceArgs,
    #[command(flatten)]
    output: FormatArgs,
    /// The outlet of every article, overriding what the text suggests.
    #[arg(long, conflicts_with = "outlet_from_dir")]
    outlet: Option<String>,
    /// `jsonl`: each path (or `-`) holds JSON Lines of {id, text, outlet?, published?, url?},
    /// one article per line; records come out in the same order (for Spark / Hadoop Streaming).
    #[arg(long, value_enum, default_value = "text")]
    input_format: InputFormat,
}

/// The corpus a command reads, and which of its articles it looks at.
#[derive(clap::Args)]
struct CorpusArgs {
    /// Files and folders to parse now; `-` reads one article from standard input.
    paths: Vec<String>,
    /// Records written earlier by `corpus parse --format jsonl` (`-`: standard input). Repeatable.
    #[arg(long, value_name = "FILE")]
    records: Vec<String>,
    #[command(flatten)]
    source: SourceArgs,
    /// Only articles from this outlet (name or alias, any case).
    #[arg(long)]
    outlet: Option<String>,
    /// Only articles published on or after this date (2019, 2019-11 or 2019-11-19).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only articles published on or before this date.
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    #[command(flatten)]
    output: FormatArgs,
    /// At most this many rows.
    #[arg(long)]
    limit: Option<usize>,
}

#[derive(clap::Args)]
struct EntitiesArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Only entities of this type.
    #[arg(long = "type", value_enum)]
    kind: Option<EntityType>,
    /// Only entities in at least this many articles.
    #[arg(long, default_value_t = 1)]
    min_articles: usize,
    #[arg(long, value_enum, default_value = "articles")]
    sort: EntitySort,
    /// Say why names were joined: a `links` field in JSON; with a table or CSV, the links as rows.
    #[arg(long)]
    explain: bool,
}

#[derive(clap::Args)]
struct QuotesArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Only quotes by this speaker: a name or any alias the corpus links to one entity.
    #[arg(long, value_name = "NAME")]
    speaker: Option<String>,
    /// Only quotes whose text matches this regular expression.
    #[arg(long, value_name = "REGEX")]
    grep: Option<regex::Regex>,
    #[arg(long, value_enum, default_value = "path")]
    sort: QuoteSort,
}

#[derive(clap::Args)]
struct OutletsArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// How many people, companies and regulators to list per outlet.
    #[arg(long, default_value_t = 5)]
    top: usize,
}

#[derive(clap::Args)]
struct ShowArgs {
    /// The entity: its name or any alias the corpus links to it.
    name: String,
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Look only among entities of this type.
    #[arg(long = "type", value_enum)]
    kind: Option<EntityType>,
}

#[derive(clap::Args)]
struct TableArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// The field down the side.
    #[arg(long, value_enum)]
    rows: Field,
    /// The field across the top.
    #[arg(long, value_enum)]
    cols: Field,
}

#[derive(clap::Args)]
struct TimelineArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Only articles that mention this entity.
    #[arg(long, value_name = "NAME")]
    entity: Option<String>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse(args) => parse(args),
        Command::Entities(args) => with_corpus(&args.corpus, Needs::ENTITIES_ONLY, |corpus, out, format, color| {
            let query = EntityQuery {
                kind: args.kind,
                min_articles: args.min_articles,
                sort: args.sort,
                limit: args.corpus.limit,
                explain: args.explain,
            };
            let rows = query::entities::entities(corpus, &query);
            if args.explain && matches!(format, Format::Table | Format::Csv) {
                output::write_rows(out, &query::entities::link_rows(&rows), format, color)?;
            } else {
                output::write_rows(out, &rows, format, color)?;
            }
            Ok(Done::Ok)
        }),
        Command::Quotes(args) => with_corpus(&args.corpus, Needs::WITH_QUOTES, |corpus, out, format, color| {
            let query = QuoteQuery { speaker: args.speaker.clone(), grep: args.grep.clone(), sort: args.sort, limit: args.corpus.limit };
            match query::quotes::quotes(corpus, &query) {
                Ok(rows) => output::write_rows(out, &rows, format, color).map(|_| Done::Ok),
                Err(e) => Ok(Done::Trouble(e.to_string())),
            }
        }),
        Command::Outlets(args) => with_corpus(&args.corpus, Needs::WITH_QUOTES, |corpus, out, format, color| {
            output::write_rows(out, &query::outlets::outlets(corpus, args.top, args.corpus.limit), format, color)?;
            Ok(Done::Ok)
        }),
        Command::Show(args) => with_corpus(&args.corpus, Needs::WITH_QUOTES, |corpus, out, format, color| {
            match corpus.lookup(&args.name, args.kind.map(Kind::from)) {
                Ok(id) => query::show::show(corpus, id, args.corpus.limit).write(out, format, color).map(|_| Done::Ok),
                Err(e) => Ok(Done::Trouble(e.to_string())),
            }
        }),
        Command::Table(args) => with_corpus(&args.corpus, Needs::WITH_QUOTES, |corpus, out, format, color| {
            match query::pivot::pivot(corpus, args.rows, args.cols, args.corpus.limit) {
                Ok(pivot) => pivot.write(out, format, color).map(|_| Done::Ok),
                Err(e) => Ok(Done::Trouble(e)),
            }
        }),
        Command::Timeline(args) => with_corpus(&args.corpus, Needs::WITH_MENTIONED_DATES, |corpus, out, format, color| {
            let entity = match args.entity.as_deref().map(|n| corpus.lookup(n, None)).transpose() {
                Ok(entity) => entity,
                Err(e) => return Ok(Done::Trouble(e.to_string())),
            };
            output::write_rows(out, &query::timeline::timeline(corpus, entity, args.corpus.limit), format, color)?;
            Ok(Done::Ok)
        }),
        Command::DiffQuotes(args) => diff_quotes(args),
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`corpus … | head`) is a normal way to stop reading.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            say(&format!("cannot write output: {e}"));
            ExitCode::from(2)
        }
    }
}

fn diff_quotes(args: DiffQuotesArgs) -> io::Result<ExitCode> {
    let (inputs, side_names) = match (&args.left, &args.right) {
        (Some(left), Some(right)) => {
            if !args.corpus.paths.is_empty() || !args.corpus.records.is_empty() {
                say("give either --left and --right, or paths and --records");
                return Ok(ExitCode::from(2));
            }
            (vec![CorpusInput::guess(left), CorpusInput::guess(right)], vec![left.clone(), right.clone()])
        }
        _ if args.corpus.paths.is_empty() && args.corpus.records.is_empty() => {
            say("give files or folders to parse, --records FILE, or --left and --right");
            return Ok(ExitCode::from(2));
        }
        _ => (vec![CorpusInput { paths: args.corpus.paths.clone(), records: args.corpus.records.clone() }], Vec::new()),
    };
    with_inputs(&args.corpus, &inputs, Needs::WITH_QUOTES, |corpus, ends, out, format, color| {
        let speaker = match args.speaker.as_deref().map(|n| corpus.lookup(n, None)).transpose() {
            Ok(speaker) => speaker,
            Err(e) => return Ok(Done::Trouble(e.to_string())),
        };
        let side_of = |article: usize| -> String {
            if side_names.is_empty() {
                corpus.outlet_of(article).to_string()
            } else {
                side_names[ends.iter().position(|&end| article < end).unwrap_or(0)].clone()
            }
        };
        let sides = if side_names.is_empty() { args.outlets.clone() } else { side_names.clone() };
        let options = DiffOptions { sides, speaker, threshold: args.threshold };
        let groups = diff_quotes::diff_quotes(corpus, &side_of, &options);
        let same = groups.iter().all(|g| g.kind == GroupKind::Identical);
        diff_quotes::write(out, &query::limited(groups, args.corpus.limit), format, color)?;
        Ok(if same { Done::Ok } else { Done::Differences })
    })
}

/// How a report ended, before skipped inputs are counted in.
enum Done {
    Ok,
    /// diff-quotes found differences.
    Differences,
    /// The question could not be answered as asked (an ambiguous name): said on stderr.
    Trouble(String),
}

fn load_lexicon(files: &[PathBuf]) -> Result<Lexicon, ExitCode> {
    let mut lex = Lexicon::builtin();
    for file in files {
        if let Err(e) = lex.extend_from_file(file) {
            say(&format!("{e:#}"));
            return Err(ExitCode::from(2));
        }
    }
    Ok(lex)
}

fn parse_options(source: &SourceArgs, outlet: Option<String>, input_format: InputFormat) -> ParseOptions {
    ParseOptions {
        walk: WalkOptions { extensions: source.ext.clone() },
        max_bytes: source.max_bytes,
        outlet,
        outlet_from_dir: source.outlet_from_dir,
        input_format,
    }
}

fn parse(args: ParseArgs) -> io::Result<ExitCode> {
    let lex = match load_lexicon(&args.source.lexicon) {
        Ok(lex) => lex,
        Err(code) => return Ok(code),
    };
    let options = parse_options(&args.source, args.outlet, args.input_format);
    // Records are a few kilobytes each: a larger buffer than the default 8 KiB halves the writes.
    let out = io::BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    let mut summary = run::parse_paths(&args.paths, &lex, &options, out, args.output.format(), output::color_wanted());
    let code = report(&summary);
    match summary.write_error.take() {
        None => Ok(code),
        Some(e) => Err(e),
    }
}

/// Builds the corpus, runs one report over it and prints it.
fn with_corpus(
    args: &CorpusArgs,
    needs: Needs,
    report_fn: impl FnOnce(&Corpus, &mut dyn Write, Format, bool) -> io::Result<Done>,
) -> io::Result<ExitCode> {
    if args.paths.is_empty() && args.records.is_empty() {
        say("give files or folders to parse, or --records FILE");
        return Ok(ExitCode::from(2));
    }
    let input = CorpusInput { paths: args.paths.clone(), records: args.records.clone() };
    with_inputs(args, &[input], needs, |corpus, _, out, format, color| report_fn(corpus, out, format, color))
}

/// `with_corpus` over several inputs; the report also gets each input's end (in articles).
fn with_inputs(
    args: &CorpusArgs,
    inputs: &[CorpusInput],
    needs: Needs,
    report_fn: impl FnOnce(&Corpus, &[usize], &mut dyn Write, Format, bool) -> io::Result<Done>,
) -> io::Result<ExitCode> {
    let lex = match load_lexicon(&args.source.lexicon) {
        Ok(lex) => lex,
        Err(code) => return Ok(code),
    };
    let filter = ArticleFilter { outlet: args.outlet.clone(), since: args.since.clone(), until: args.until.clone() };
    let (corpus, ends, summary) = run::build_corpus(inputs, &lex, &parse_options(&args.source, None, InputFormat::Text), filter, needs)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let done = report_fn(&corpus, &ends, &mut out, args.output.format(), output::color_wanted())?;
    out.flush()?;
    let code = report(&summary);
    match done {
        Done::Ok => Ok(code),
        Done::Differences if code == ExitCode::SUCCESS => Ok(ExitCode::from(1)),
        Done::Differences => Ok(code),
        Done::Trouble(message) => {
            say(&message);
            Ok(ExitCode::from(2))
        }
    }
}

/// A diagnostic on stderr. Never panics: a full or closed stderr must not end the run.
fn say(message: &str) {
    let _ = writeln!(io::stderr().lock(), "corpus: {message}");
}

/// Names every skipped input and warning on stderr; the exit status says whether any input was
/// skipped.
fn report(summary: &Summary) -> ExitCode {
    for w in &summary.warnings {
        say(w);
    }
    for s in &summary.skipped {
        say(&s.to_string());
    }
    match summary.skipped_line() {
        None => ExitCode::SUCCESS,
        Some(line) => {
            say(&line);
            ExitCode::from(2)
        }
    }
}
