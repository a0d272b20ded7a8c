#!/usr/bin/env bash
# Builds the release binary once and runs scripts/duckdb_check.py against it (DIR defaults to
# fixtures/). The Python script skips with status 0 when the duckdb package is missing; install
# it with `pip install duckdb` to run the checks.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin corpus
export CORPUS_BIN="${CARGO_TARGET_DIR:-target}/release/corpus"
exec python3 scripts/duckdb_check.py "$@"
