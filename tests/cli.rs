//! Integration tests: run the real `corpus` binary on fixtures and on bad inputs.
//!
//! `tests/expected/NAME.json` holds the exact record of `fixtures/NAME.txt`. After an intended
//! change, regenerate with `UPDATE_EXPECTED=1 cargo test --test cli` and review the diff.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn corpus(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("corpus runs")
}

fn records(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("a JSON record")).collect()
}

/// Fixture files relative to `fixtures/` ("cluster/01_….txt" for the story cluster), in the
/// order the walk gives them.
fn fixture_names() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut names = Vec::new();
    for dir in [root.clone(), root.join("cluster")] {
        for entry in std::fs::read_dir(&dir).expect("fixtures folder").filter_map(|e| e.ok()) {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "txt") {
                names.push(path.strip_prefix(&root).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    names.sort();
    names
}

#[test]
fn fixtures_match_their_expected_records() {
    let out = corpus(&["parse", "fixtures", "--format", "jsonl"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got = records(&out);
    let names = fixture_names();
    assert_eq!(got.len(), names.len());
    let expected_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected");
    let update = std::env::var_os("UPDATE_EXPECTED").is_some();
    let mut mismatched = Vec::new();
    for (record, name) in got.iter().zip(&names) {
        let file = expected_dir.join(name.replace(".txt", ".json"));
        let pretty = serde_json::to_string_pretty(record).unwrap() + "\n";
        if update {
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(&file, &pretty).unwrap();
        } else if std::fs::read_to_string(&file).ok().as_deref() != Some(pretty.as_str()) {
            mismatched.push(name.clone());
        }
    }
    assert!(mismatched.is_empty(), "records differ from tests/expected for {mismatched:?} (UPDATE_EXPECTED=1 to accept)");
}

/// The structure fields stated in each fixture's gold file: title, dateline and authors.
#[test]
fn fixtures_structure_matches_gold() {
    let out = corpus(&["parse", "fixtures", "--format", "jsonl"]);
    let got = records(&out);
    let mut wrong = Vec::new();
    for (record, name) in got.iter().zip(fixture_names()) {
        let gold_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name.replace(".txt", ".gold.json"));
        let Ok(gold) = std::fs::read_to_string(&gold_path) else { continue };
        let gold: Value = serde_json::from_str(&gold).unwrap();
        if gold["title"] != record["title"]["text"] {
            wrong.push(format!("{name}: title {} != {}", record["title"]["text"], gold["title"]));
        }
        let dateline = record["dateline"]["text"].as_str().map(|d| d.trim_end_matches(['–', '—', '-', ' ']).trim().to_string());
        let gold_dateline = gold["dateline"].as_str().map(|d| d.trim_end_matches(['–', '—', '-', ' ']).trim().to_string());
        if dateline != gold_dateline {
            wrong.push(format!("{name}: dateline {dateline:?} != {gold_dateline:?}"));
        }
        let mut authors: Vec<String> =
            record["authors"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap().to_lowercase()).collect();
        let mut gold_authors: Vec<String> =
            gold["authors"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_lowercase()).collect();
        authors.sort();
        gold_authors.sort();
        if authors != gold_authors {
            wrong.push(format!("{name}: authors {authors:?} != {gold_authors:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_span_slices_to_its_text() {
    let out = corpus(&["parse", "fixtures", "--format", "jsonl"]);
    for record in records(&out) {
        let path = record["path"].as_str().unwrap();
        let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
        let text = match record["encoding"].as_str().unwrap() {
            "utf-8" => String::from_utf8(bytes).unwrap().trim_start_matches('\u{feff}').to_string(),
            _ => continue,
        };
        for q in record["quotes"].as_array().unwrap() {
            let (s, e) = (q["span"][0].as_u64().unwrap() as usize, q["span"][1].as_u64().unwrap() as usize);
            assert_eq!(&text[s..e], q["text"].as_str().unwrap(), "{path}");
        }
        for d in record["dates"].as_array().unwrap() {
            let (s, e) = (d["span"][0].as_u64().unwrap() as usize, d["span"][1].as_u64().unwrap() as usize);
            assert_eq!(&text[s..e], d["text"].as_str().unwrap(), "{path}");
        }
        if let Some(t) = record["title"].as_object() {
            let (s, e) = (t["span"][0].as_u64().unwrap() as usize, t["span"][1].as_u64().unwrap() as usize);
            assert_eq!(&text[s..e], t["text"].as_str().unwrap(), "{path}");
        }
    }
}

#[test]
fn output_does_not_depend_on_argument_order() {
    let names = fixture_names();
    let forward: Vec<String> = names.iter().map(|n| format!("fixtures/{n}")).collect();
    let backward: Vec<String> = forward.iter().rev().cloned().collect();
    let a = corpus(&[&["parse", "--format", "jsonl"][..], &forward.iter().map(String::as_str).collect::<Vec<_>>()].concat());
    let b = corpus(&[&["parse", "--format", "jsonl"][..], &backward.iter().map(String::as_str).collect::<Vec<_>>()].concat());
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
}

/// A folder with one good article and the bad file `name` holding `bytes`.
fn folder_with(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "Council approves the new budget\n\nThe city council approved the budget on Tuesday after a long debate about libraries and roads.\n",
    )
    .unwrap();
    let bad = dir.path().join(name);
    std::fs::write(&bad, bytes).unwrap();
    (dir, bad)
}

fn assert_skipped(out: &Output, bad: &Path, reason: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(&format!("{}: skipped: {reason}", bad.display())), "{stderr}");
    assert!(stderr.contains("1 of 2 inputs skipped"), "{stderr}");
    let got = records(out);
    assert_eq!(got.len(), 1);
    assert!(got[0]["path"].as_str().unwrap().ends_with("good.txt"));
}

#[test]
fn empty_file_is_skipped_and_named() {
    let (dir, bad) = folder_with("empty.txt", b"");
    let out = corpus(&["parse", dir.path().to_str().unwrap(), "--format", "jsonl"]);
    assert_skipped(&out, &bad, "empty file");
}

#[test]
fn binary_file_is_skipped_and_named() {
    let (dir, bad) = folder_with("blob.txt", b"PK\x03\x04\x00\x00\x00binary\x00");
    let out = corpus(&["parse", dir.path().to_str().unwrap(), "--format", "jsonl"]);
    assert_skipped(&out, &bad, "binary file (NUL bytes)");
}

#[test]
fn oversized_file_is_skipped_and_named() {
    let (dir, bad) = folder_with("huge.txt", "word ".repeat(100).as_bytes());
    let out = corpus(&["parse", dir.path().to_str().unwrap(), "--format", "jsonl", "--max-bytes", "200"]);
    assert_skipped(&out, &bad, "larger than --max-bytes (500 > 200 bytes)");
}

#[test]
fn missing_path_is_reported() {
    let (dir, _) = folder_with("ok.txt", b"Another headline for testing\n\nSome text here that is long enough to be a real paragraph of the story.\n");
    let missing = dir.path().join("nope");
    let out = corpus(&["parse", dir.path().join("good.txt").to_str().unwrap(), missing.to_str().unwrap(), "--format", "jsonl"]);
    assert_skipped(&out, &missing, "no such file or folder");
}

#[test]
fn unreadable_entry_is_reported() {
    // A link to nothing cannot be read by anyone, root included.
    let (dir, _) = folder_with("ok.md", b"not an article");
    let bad = dir.path().join("gone.txt");
    std::os::unix::fs::symlink(dir.path().join("missing-target"), &bad).unwrap();
    let out = corpus(&["parse", dir.path().to_str().unwrap(), "--format", "jsonl"]);
    assert_skipped(&out, &bad, "no such file or folder");
}

#[test]
fn windows_1252_is_decoded_with_a_warning() {
    let (dir, bad) = folder_with("legacy.txt", b"Caf\xe9 owners \x93celebrate\x94 new rules\n\nOwners of the caf\xe9 said on Monday that the rules would help them.\n");
    let out = corpus(&["parse", dir.path().to_str().unwrap(), "--format", "jsonl"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("{}: warning: not valid UTF-8; decoded as Windows-1252", bad.display())), "{stderr}");
    let got = records(&out);
    let legacy = got.iter().find(|r| r["path"].as_str().unwrap().ends_with("legacy.txt")).unwrap();
    assert_eq!(legacy["title"]["text"], "Café owners “celebrate” new rules");
    assert_eq!(legacy["encoding"], "windows-1252");
}

#[test]
fn stdin_is_read_with_a_dash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(["parse", "-", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Markets rally on rate hopes\n\nStocks rose on Friday as investors bet that the central bank would cut interest rates soon.\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let got = records(&out);
    assert_eq!(got[0]["path"], "-");
    assert_eq!(got[0]["title"]["text"], "Markets rally on rate hopes");
}

#[test]
fn closed_pipe_ends_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(["parse", "fixtures", "fixtures", "--format", "json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn json_format_is_one_array() {
    let out = corpus(&["parse", "fixtures", "--json"]);
    let all: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(all.as_array().unwrap().len(), fixture_names().len());
    assert!(all.as_array().unwrap().iter().all(|r| r["schema"] == "corpus.article/1"));
}

#[test]
fn outlet_from_dir_names_the_first_folder() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("Example Gazette");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("a.txt"), "Council approves the new budget\n\nThe city council approved the budget on Tuesday after a long debate about libraries.\n").unwrap();
    let out = corpus(&["parse", root.path().to_str().unwrap(), "--outlet-from-dir", "--format", "jsonl"]);
    assert!(out.status.success());
    let got = records(&out);
    assert_eq!(got[0]["outlet"]["name"], "Example Gazette");
    assert_eq!(got[0]["outlet"]["evidence"]["rule"], "stated");
}

#[test]
fn user_lexicon_adds_a_company() {
    let dir = tempfile::tempdir().unwrap();
    let lexicon = dir.path().join("mine.json");
    std::fs::write(&lexicon, r#"{"companies": [{"name": "Zorblax Widgets", "aliases": ["Zorblax"]}]}"#).unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Widget makers meet in the capital\n\nDemand doubled at Zorblax last spring, according to figures released on Monday.\n").unwrap();
    let without = records(&corpus(&["parse", article.to_str().unwrap(), "--format", "jsonl"]));
    let with = records(&corpus(&["parse", article.to_str().unwrap(), "--format", "jsonl", "--lexicon", lexicon.to_str().unwrap()]));
    let names = |r: &Value| r["companies"].as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    assert!(!names(&without[0]).contains(&"Zorblax".to_string()));
    assert!(names(&with[0]).contains(&"Zorblax".to_string()), "{:?}", names(&with[0]));
}

#[test]
fn user_lexicon_names_a_party_that_is_no_company() {
    let dir = tempfile::tempdir().unwrap();
    let lexicon = dir.path().join("mine.json");
    std::fs::write(&lexicon, r#"{"parties": [{"name": "Freedonia First"}]}"#).unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Party picks a leader\n\nFreedonia First chairman Daniel Okafor wrote to members on Monday.\n").unwrap();
    let companies = |r: &Value| r["companies"].as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    let without = records(&corpus(&["parse", article.to_str().unwrap(), "--format", "jsonl"]));
    let with = records(&corpus(&["parse", article.to_str().unwrap(), "--format", "jsonl", "--lexicon", lexicon.to_str().unwrap()]));
    assert_eq!(companies(&without[0]), ["Freedonia First"]);
    assert!(companies(&with[0]).is_empty(), "{:?}", companies(&with[0]));
}

#[test]
fn bad_lexicon_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let lexicon = dir.path().join("bad.json");
    std::fs::write(&lexicon, "{\"companys\": []}").unwrap();
    let out = corpus(&["parse", "fixtures", "--lexicon", lexicon.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a valid lexicon file"));
}

/// The README's example shows real output: the same projection of the same fixture.
#[test]
fn readme_example_is_real_output() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme.find("--json | jq").expect("the example command");
    let json_start = start + readme[start..].find("\n{").expect("the example output") + 1;
    let json_end = json_start + readme[json_start..].find("\n```").unwrap();
    let shown: Value = serde_json::from_str(&readme[json_start..json_end]).unwrap();
    let out = corpus(&["parse", "fixtures/01_reuters-chip-subsidies.txt", "--json"]);
    let all: Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = &all[0];
    let names = |field: &str| r[field].as_array().unwrap().iter().map(|e| e["name"].clone()).collect::<Vec<_>>();
    let quotes: Vec<Value> = r["quotes"].as_array().unwrap().iter().take(2).map(|q| serde_json::json!({"speaker": q["speaker"], "text": q["text"]})).collect();
    let real = serde_json::json!({
        "title": r["title"]["text"], "outlet": r["outlet"]["name"], "dateline": r["dateline"]["text"],
        "published": r["published"]["value"], "authors": names("authors"), "regulators": names("regulators"), "quotes": quotes,
    });
    assert_eq!(shown, real, "update the README example");
}

#[test]
fn jsonl_input_streams_records_in_order_and_names_bad_lines() {
    let input = concat!(
        r#"{"id":"a1","text":"Harbour council approves ferry plan\n\nThe council approved the plan on Tuesday, said Marta Okafor, the transport director.","outlet":"Harbour Post","published":"2024-03-05T10:00:00Z","url":"https://example.com/a1"}"#,
        "\nnot json\n",
        r#"{"id":7,"text":"Second story\n\nNothing much happened in Bayview on Monday."}"#,
        "\n"
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(["parse", "--input-format", "jsonl", "-", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let got = records(&out);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0]["path"], "a1");
    assert_eq!(got[0]["url"], "https://example.com/a1");
    assert_eq!(got[0]["outlet"]["name"], "Harbour Post");
    assert_eq!(got[0]["published"]["value"], "2024-03-05");
    assert_eq!(got[0]["people"][0]["name"], "Marta Okafor");
    assert_eq!(got[1]["path"], "7");
    assert!(String::from_utf8_lossy(&out.stderr).contains("-:2: skipped: not an input record"));
}

#[test]
fn a_folder_given_as_json_lines_is_one_skipped_input() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_str().unwrap();
    let out = corpus(&["parse", "--input-format", "jsonl", path, "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("skipped: cannot read").count(), 1, "{stderr}");
    let out = corpus(&["entities", "--records", path, "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr).matches("skipped: cannot read").count(), 1);
}
