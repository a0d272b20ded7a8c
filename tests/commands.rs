//! Integration tests of the corpus commands: every command in every format on the fixtures,
//! checked against exact expected output in `tests/expected/commands/`, plus exit statuses.
//!
//! After an intended change, regenerate with `UPDATE_EXPECTED=1 cargo test --test commands` and
//! review the diff.

use std::path::Path;
use std::process::{Command, Output};
use std::sync::OnceLock;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .output()
        .expect("corpus runs")
}

/// The fixtures parsed once into a records file, which the commands then read.
fn records() -> &'static str {
    static RECORDS: OnceLock<String> = OnceLock::new();
    RECORDS.get_or_init(|| {
        let out = run(&["parse", "fixtures", "--format", "jsonl"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fixture-records.jsonl");
        std::fs::write(&path, &out.stdout).unwrap();
        path.to_string_lossy().into_owned()
    })
}

/// Runs a command and compares its standard output with `tests/expected/commands/NAME`.
fn snapshot(name: &str, args: &[&str]) -> Output {
    let out = run(args);
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected/commands").join(name);
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, &out.stdout).unwrap();
    } else {
        let expected = std::fs::read_to_string(&file).unwrap_or_default();
        let got = String::from_utf8_lossy(&out.stdout);
        assert!(
            got == expected,
            "`corpus {}` differs from {} (UPDATE_EXPECTED=1 to accept)\n--- got ---\n{got}",
            args.join(" "),
            file.display()
        );
    }
    out
}

const FORMATS: [(&str, &str); 4] = [("table", "txt"), ("json", "json"), ("jsonl", "jsonl"), ("csv", "csv")];

/// Each command with its arguments, run in every format over the fixture records.
const COMMANDS: [(&str, &[&str]); 11] = [
    ("entities", &["entities"]),
    ("entities-explain", &["entities", "--explain", "--min-articles", "2"]),
    ("quotes", &["quotes"]),
    ("outlets", &["outlets", "--top", "3"]),
    ("show", &["show", "Toyota Motor Corp."]),
    ("table-entity-outlet", &["table", "--rows", "entity", "--cols", "outlet", "--limit", "15"]),
    ("table-speaker-month", &["table", "--rows", "speaker", "--cols", "month"]),
    ("timeline", &["timeline"]),
    ("diff-quotes", &["diff-quotes"]),
    ("show-cluster", &["show", "Victor Lam"]),
    ("diff-quotes-cluster", &["diff-quotes", "--speaker", "Victor Lam"]),
];

#[test]
fn every_command_in_every_format_matches_its_expected_output() {
    let records = records();
    for (name, args) in COMMANDS {
        for (format, ext) in FORMATS {
            let mut full: Vec<&str> = args.to_vec();
            full.extend(["--records", records, "--format", format]);
            let out = snapshot(&format!("{name}.{ext}"), &full);
            let expected_status = if name.starts_with("diff-quotes") { [0, 1] } else { [0, 0] };
            let code = out.status.code().unwrap();
            assert!(expected_status.contains(&code), "`{name}` in {format} exited {code}: {}", String::from_utf8_lossy(&out.stderr));
        }
    }
}

#[test]
fn json_outputs_parse_and_csv_has_a_header_line() {
    let records = records();
    for (name, args) in COMMANDS {
        let mut full: Vec<&str> = args.to_vec();
        full.extend(["--records", records, "--json"]);
        let out = run(&full);
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut full: Vec<&str> = args.to_vec();
        full.extend(["--records", records, "--format", "csv"]);
        let out = run(&full);
        let text = String::from_utf8_lossy(&out.stdout);
        let mut csv = csv::Reader::from_reader(text.as_bytes());
        let width = csv.headers().unwrap().len();
        assert!(csv.records().all(|r| r.unwrap().len() == width), "{name}: ragged CSV");
    }
}

#[test]
fn parsing_paths_and_reading_records_give_the_same_report() {
    let from_paths = run(&["entities", "fixtures", "--format", "jsonl"]);
    let from_records = run(&["entities", "--records", records(), "--format", "jsonl"]);
    assert_eq!(String::from_utf8_lossy(&from_paths.stdout), String::from_utf8_lossy(&from_records.stdout));
}

#[test]
fn records_from_standard_input() {
    let file = std::fs::File::open(records()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(["outlets", "--records", "-", "--format", "csv"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(file)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("outlet,articles,"));
}

#[test]
fn a_line_that_is_not_a_record_is_named_and_the_rest_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mixed.jsonl");
    let good = std::fs::read_to_string(records()).unwrap();
    std::fs::write(&file, format!("{}not json\n", good.lines().next().unwrap().to_owned() + "\n")).unwrap();
    let out = run(&["entities", "--records", file.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("mixed.jsonl:2: skipped: not an article record"), "{stderr}");
    assert!(stderr.contains("1 of 2 inputs skipped"), "{stderr}");
    assert!(!out.stdout.is_empty());
}

#[test]
fn filters_select_articles_by_outlet_and_date() {
    let out = run(&["outlets", "--records", records(), "--outlet", "reuters", "--format", "csv"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert!(!rows.is_empty() && rows.iter().all(|r| r.starts_with("Reuters,")), "{text}");
    let out = run(&["timeline", "--records", records(), "--since", "2020", "--until", "2020-12", "--format", "csv"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().skip(1).all(|r| r.contains(",published,") || r.contains(",mentioned,")));
}

#[test]
fn an_unknown_name_for_show_is_trouble() {
    let out = run(&["show", "Nobody At All", "--records", records()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no entity is called \"Nobody At All\""));
}

#[test]
fn a_command_without_input_says_what_it_needs() {
    let out = run(&["entities"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--records"));
}

/// Two outlets reporting one remark, written here so each case holds exactly one difference.
fn two_outlets(first: &str, second: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let article = |outlet: &str, quote: &str| {
        format!(
            "Outlet: {outlet}\nPublished: 2024-03-05\n\nHarbour council approves new ferry timetable\n\n\
             The harbour council approved a new ferry timetable on Tuesday.\n\n\
             \u{201c}{quote}\u{201d} said Marta Okafor, the council's transport director.\n\n\
             The timetable starts in April.\n"
        )
    };
    std::fs::write(dir.path().join("a.txt"), article("Harbour Post", first)).unwrap();
    std::fs::write(dir.path().join("b.txt"), article("Bay Courier", second)).unwrap();
    dir
}

#[test]
fn diff_quotes_exit_status_is_zero_when_outlets_agree() {
    let dir = two_outlets("Ferries will run every twenty minutes at peak times.", "ferries will run every twenty minutes at peak times");
    let out = run(&["diff-quotes", dir.path().to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    let group: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(group["kind"], "identical");
    assert_eq!(group["sides"], serde_json::json!(["Bay Courier", "Harbour Post"]));
}

#[test]
fn diff_quotes_marks_changed_words_and_exits_one() {
    let dir = two_outlets("Ferries will run every twenty minutes at peak times.", "Ferries will run every fifteen minutes at peak times.");
    let out = run(&["diff-quotes", dir.path().to_str().unwrap(), "--outlets", "Harbour Post,Bay Courier", "--format", "table"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Bay Courier: \u{201c}Ferries will run every [-twenty-] {+fifteen+} minutes at peak times.\u{201d}"), "{text}");
    assert!(text.contains("variant, similarity 0.89"), "{text}");
}

#[test]
fn diff_quotes_left_and_right_name_the_sides() {
    let dir = two_outlets("Ferries will run every twenty minutes.", "We expect more passengers this summer.");
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    let out = run(&["diff-quotes", "--left", a.to_str().unwrap(), "--right", b.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().filter(|l| l.contains(",only_in,")).count(), 2, "{text}");
}

#[test]
fn diff_quotes_with_an_unknown_speaker_is_trouble() {
    let dir = two_outlets("Ferries will run.", "Ferries will run.");
    let out = run(&["diff-quotes", dir.path().to_str().unwrap(), "--speaker", "Nobody"]);
    assert_eq!(out.status.code(), Some(2));
}

/// The story cluster (fixtures/cluster): four outlets, one event, with linking traps.
fn cluster_entities() -> Vec<serde_json::Value> {
    let out = run(&["entities", "fixtures/cluster", "--format", "jsonl"]);
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn entity<'a>(rows: &'a [serde_json::Value], name: &str) -> &'a serde_json::Value {
    rows.iter().find(|r| r["name"] == name).unwrap_or_else(|| panic!("no entity {name}"))
}

#[test]
fn cluster_links_name_variants_and_keeps_namesakes_apart() {
    let rows = cluster_entities();
    let lam = entity(&rows, "Victor Lam");
    assert_eq!(lam["articles"], 4);
    let aliases: Vec<&str> = lam["aliases"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert!(aliases.contains(&"Lam Ka-wing") && aliases.contains(&"Victor Lam Ka-wing"), "{aliases:?}");
    assert_eq!(entity(&rows, "Grace Lam")["articles"], 1);
    assert!(entity(&rows, "Zhou Mingyu") != entity(&rows, "Zhou Jiahui"));
    assert_eq!(entity(&rows, "Nimbus Group")["articles"], 4);
    assert_eq!(entity(&rows, "Nimbus Pay Technology Co.")["articles"], 1);
    let dpsa = entity(&rows, "Digital Platforms Standards Authority");
    assert!(dpsa["aliases"].as_array().unwrap().iter().any(|a| a["name"] == "DPSA"));
}

#[test]
fn a_lone_surname_two_people_share_is_ambiguous_for_speaker() {
    let out = run(&["quotes", "fixtures/cluster", "--speaker", "Lam"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Victor Lam") && stderr.contains("Grace Lam"), "{stderr}");
}

#[test]
fn cluster_diff_finds_the_identical_statement_and_the_reworded_one() {
    let out = run(&["diff-quotes", "fixtures/cluster", "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    let groups: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let kinds = |speaker: &str, kind: &str| groups.iter().filter(|g| g["speaker"] == speaker && g["kind"] == kind).count();
    assert!(kinds("Digital Platforms Standards Authority", "identical") >= 1);
    assert!(kinds("Victor Lam", "variant") >= 1);
    assert!(kinds("Victor Lam", "only_in") >= 1);
}
