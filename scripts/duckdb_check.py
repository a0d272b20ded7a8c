#!/usr/bin/env python3
"""Corpus-wide checks of `corpus parse` output loaded into DuckDB.

    python3 scripts/duckdb_check.py [DIR]      # DIR defaults to fixtures/
    CORPUS_BIN=target/release/corpus python3 scripts/duckdb_check.py

Runs `corpus parse DIR --format jsonl` into a temporary file (with CORPUS_BIN when set, else
through `cargo run --release`), loads it with DuckDB's `read_json_auto`, and checks that
aggregations over the whole corpus agree with the same numbers computed record by record in
plain Python: the record count (one per .txt file), distinct paths and ids, people mentions
after UNNEST, the quotes-per-outlet GROUP BY, dates by kind. This shows that the JSON Lines
load into an analytics engine as they are: consistent types across records, nested lists of
structs that UNNEST, no record lost or split.

Exits 0 with a message when the `duckdb` package is not importable (pip install duckdb), 1
when a check fails, 2 when `corpus parse` fails.
"""

import collections
import json
import os
import pathlib
import subprocess
import sys
import tempfile

try:
    import duckdb
except ImportError:
    print("duckdb_check: skipped, the duckdb Python package is not installed (pip install duckdb)")
    sys.exit(0)

ROOT = pathlib.Path(__file__).resolve().parent.parent
FAILURES = []


def check(what, got, expected):
    ok = got == expected
    print(f"  [{'ok' if ok else 'FAIL'}] {what}: {got!r}" + ("" if ok else f" (expected {expected!r})"))
    if not ok:
        FAILURES.append(what)


def run_parse(directory, out_path):
    binary = os.environ.get("CORPUS_BIN")
    cmd = [binary] if binary else ["cargo", "run", "--release", "--quiet", "--"]
    cmd += ["parse", str(directory), "--format", "jsonl"]
    with open(out_path, "wb") as out:
        proc = subprocess.run(cmd, cwd=ROOT, stdout=out, stderr=subprocess.PIPE)
    # Status 2 with records written means some input was skipped: report it, it is a failure.
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        print(f"duckdb_check: `{' '.join(cmd)}` exited with status {proc.returncode}")
        sys.exit(2)


def main():
    directory = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "fixtures"
    if not directory.is_absolute():
        directory = (pathlib.Path.cwd() / directory).resolve()
    txt_files = sorted(p for p in directory.rglob("*.txt") if not any(part.startswith(".") for part in p.parts))

    with tempfile.TemporaryDirectory() as tmp:
        jsonl = pathlib.Path(tmp) / "records.jsonl"
        run_parse(directory, jsonl)
        records = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines() if line.strip()]

        con = duckdb.connect()
        con.execute(
            "CREATE TABLE articles AS SELECT * FROM read_json_auto(?, format = 'newline_delimited')",
            [str(jsonl)],
        )
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731

        print(f"duckdb_check: {len(txt_files)} .txt files in {directory}, duckdb {duckdb.__version__}")

        # One record per file, none lost or split.
        check("records in DuckDB = .txt files", q("SELECT count(*) FROM articles")[0][0], len(txt_files))
        check("records in DuckDB = lines of JSON", q("SELECT count(*) FROM articles")[0][0], len(records))
        check("distinct paths", q("SELECT count(DISTINCT path) FROM articles")[0][0], len(txt_files))
        check("distinct ids", q("SELECT count(DISTINCT id) FROM articles")[0][0], len({r["id"] for r in records}))
        check("schema tags", q("SELECT DISTINCT schema FROM articles"), [("corpus.article/1",)])
        check("records with a title", q("SELECT count(*) FROM articles WHERE title.text IS NOT NULL")[0][0],
              sum(1 for r in records if r["title"]))

        # People: UNNEST the nested list of structs and count names and mentions.
        people = collections.Counter()
        mentions = 0
        for r in records:
            for p in r["people"]:
                people[p["name"]] += 1
                mentions += p["mentions"]
        check("people (UNNEST) rows", q("SELECT count(*) FROM (SELECT unnest(people) AS p FROM articles)")[0][0],
              sum(people.values()))
        check("distinct people names", q("SELECT count(DISTINCT p.name) FROM (SELECT unnest(people) AS p FROM articles)")[0][0],
              len(people))
        check("sum of people mentions", q("SELECT sum(p.mentions) FROM (SELECT unnest(people) AS p FROM articles)")[0][0],
              mentions)
        top = q("SELECT p.name, count(*) AS n FROM (SELECT unnest(people) AS p FROM articles) "
                "GROUP BY 1 HAVING n > 1 ORDER BY n DESC, 1")
        check("people named in more than one article", top,
              sorted(((n, c) for n, c in people.items() if c > 1), key=lambda x: (-x[1], x[0])))

        # Quotes per outlet.
        per_outlet = collections.Counter()
        for r in records:
            per_outlet[(r["outlet"] or {}).get("name")] += len(r["quotes"])
        got = q("SELECT outlet.name, sum(len(quotes)) FROM articles GROUP BY 1 ORDER BY 1 NULLS FIRST")
        expected = sorted(per_outlet.items(), key=lambda x: (x[0] is not None, x[0] or ""))
        check("quotes per outlet (GROUP BY)", [(o, int(n)) for o, n in got], expected)
        speakers = sum(1 for r in records for qt in r["quotes"] if qt["speaker"])
        check("quotes with a speaker", q("SELECT count(*) FROM (SELECT unnest(quotes) AS q FROM articles) WHERE q.speaker IS NOT NULL")[0][0],
              speakers)

        # Dates by kind, companies and regulators.
        kinds = collections.Counter(d["kind"] for r in records for d in r["dates"])
        check("dates by kind", q("SELECT d.kind, count(*) FROM (SELECT unnest(dates) AS d FROM articles) GROUP BY 1 ORDER BY 1"),
              sorted(kinds.items()))
        for field in ("companies", "regulators", "authors"):
            check(f"{field} (UNNEST) rows", q(f"SELECT count(*) FROM (SELECT unnest({field}) FROM articles)")[0][0],
                  sum(len(r[field]) for r in records))

        # Span types survive the load: every quote span is a pair of integers inside the file.
        check("quote spans are [start, end) pairs",
              q("SELECT count(*) FROM (SELECT unnest(quotes) AS q FROM articles) WHERE len(q.span) <> 2 OR q.span[1] > q.span[2]")[0][0], 0)

    if FAILURES:
        print(f"duckdb_check: {len(FAILURES)} check(s) failed: {', '.join(FAILURES)}")
        sys.exit(1)
    print("duckdb_check: all checks passed")


if __name__ == "__main__":
    main()
