#!/usr/bin/env bash
# Fuzz the article parser for a fixed time (not part of CI): scripts/fuzz.sh [SECONDS] [TARGET]
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain. The corpus is seeded
# from fixtures/*.txt and kept in fuzz/corpus/TARGET between runs (git-ignored). A crash stops
# the run and leaves its input in fuzz/artifacts/TARGET/; then:
#   cargo +nightly fuzz tmin TARGET fuzz/artifacts/TARGET/crash-…   # minimise it
# and keep the minimised input as a regression test (tests/regressions/, run by
# tests/hostile.rs) before fixing the bug.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-300}
target=${2:-parse_article}
corpus_dir=fuzz/corpus/$target
mkdir -p "$corpus_dir"
for f in fixtures/*.txt tests/regressions/*; do
  [ -f "$f" ] && cp -n "$f" "$corpus_dir/" || true
done

# --sanitizer none: the crate is safe Rust, and AddressSanitizer made runs ~5x slower;
# --debug-assertions keeps overflow checks and debug_assert!s on. -max_len: long enough for
# whole articles; -timeout: an input slower than this is a finding too (a super-linear rule),
# kept as a timeout artifact.
exec cargo +nightly fuzz run --sanitizer none --debug-assertions "$target" "$corpus_dir" -- \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1
