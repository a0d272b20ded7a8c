#!/usr/bin/env bash
# End-to-end benchmark of the release binary on a generated corpus.
#
#   scripts/bench.sh                       # 100,000 articles (about 500 MB) in ./bench-data
#   ARTICLES=5000 scripts/bench.sh         # a quick run
#   SKIP_LINEARITY=1 scripts/bench.sh      # without the 1 MB / 10 MB single-article check
#
# Environment: ARTICLES (100000), SEED (1), BENCH_DATA (./bench-data; git-ignored, never
# committed), CARGO_TARGET_DIR (where cargo builds; honoured), SKIP_LINEARITY, LINEARITY_MB
# ("1 10": the sizes of the single articles).
#
# What it does:
#  1. generates the corpus with `cargo run --release --example gen_corpus` unless it is already
#     there (a `.complete` marker in the corpus folder),
#  2. builds the release binary,
#  3. reads the inputs right before each run so it sees a warm page cache (and reports what it
#     read from disk anyway), then measures with GNU time
#     (`/usr/bin/time -v`) wall time, CPU time, MB/s, articles/s and peak RSS of
#       - `find DIR -name '*.txt' -print0 | xargs -0 cat | wc -w`   (the reference),
#       - `corpus parse DIR --format jsonl > /dev/null` (the records are not written anywhere,
#         so disk writes do not count),
#       - `corpus entities DIR --format jsonl > /dev/null` when `corpus --help` lists an
#         `entities` subcommand (skipped with a note otherwise),
#  4. linearity: one 1 MB and one 10 MB article (each a single file made of many generated
#     article bodies), parsed one at a time; a linear parser takes about 10x as long for the
#     second,
#  5. prints a markdown table (also saved to BENCH_DATA/results-ARTICLES.md).
#
# GNU time: /usr/bin/time must be GNU time (for -v). When it is missing and we are root, the
# script installs it with `apt-get install -y time` (Debian/Ubuntu package "time"); otherwise it
# stops and says so.
#
# Other work on the machine (a build in another checkout) slows every number down: the table
# has the 1-minute load average seen just before each run, and WAIT_QUIET=SECONDS waits up to
# that long before each run for the load to fall below 0.5.
#
# Note: `wc -w` is single-threaded; `corpus parse` uses every core (rayon). The CPU-seconds
# column shows the work done, the wall column what a user waits for.
set -euo pipefail
cd "$(dirname "$0")/.."

ARTICLES=${ARTICLES:-100000}
SEED=${SEED:-1}
DATA=${BENCH_DATA:-./bench-data}
LINEARITY_MB=${LINEARITY_MB:-"1 10"}
TARGET_DIR=${CARGO_TARGET_DIR:-target}
BIN="$TARGET_DIR/release/corpus"
GEN="$TARGET_DIR/release/examples/gen_corpus"
CORPUS="$DATA/articles-$ARTICLES-seed$SEED"
mkdir -p "$DATA"
LOG="$DATA/logs"
mkdir -p "$LOG"

say() { printf '%s\n' "bench: $*" >&2; }

# --- GNU time ------------------------------------------------------------------------------
if ! /usr/bin/time -v true >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "GNU time is missing: installing it (apt-get install -y time)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
  else
    say "GNU time (/usr/bin/time with -v) is needed: apt-get install time"
    exit 1
  fi
fi

# --- build and generate --------------------------------------------------------------------
say "building (release): corpus and the gen_corpus example"
cargo build --release --quiet --bin corpus --example gen_corpus

if [ -f "$CORPUS/.complete" ]; then
  say "corpus present: $CORPUS"
else
  say "generating $ARTICLES articles into $CORPUS"
  rm -rf "$CORPUS"
  "$GEN" --articles "$ARTICLES" --seed "$SEED" --out "$CORPUS"
  touch "$CORPUS/.complete"
fi

BYTES=$(find "$CORPUS" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {printf "%d", s}')
FILES=$(find "$CORPUS" -name '*.txt' | wc -l)
say "corpus: $FILES files, $BYTES bytes"

# --- measuring -----------------------------------------------------------------------------
ROWS=()

# measure NAME INPUT_BYTES INPUT_ARTICLES COMMAND...
# stdout of COMMAND goes to /dev/null, or to LOG/NAME.out when KEEP_OUT=1 is set for the call.
# Sets WALL (s), CPU (s), RSS_MB, and appends a table row.
measure() {
  local name=$1 bytes=$2 articles=$3
  shift 3
  local tv="$LOG/$name.time" start end status=0 load waited=0
  while [ -n "${WAIT_QUIET:-}" ] && [ "$waited" -lt "$WAIT_QUIET" ] && awk '{exit !($1 >= 0.5)}' /proc/loadavg; do
    sleep 5
    waited=$((waited + 5))
  done
  # This VM drops page cache within minutes: read the inputs again right before each run, so
  # that the run measures parsing and not the disk (the disk column shows what was read).
  [ -n "${WARM:-}" ] && find "$WARM" -name '*.txt' -print0 | xargs -0 cat >/dev/null
  load=$(cut -d' ' -f1 /proc/loadavg)
  start=$(date +%s.%N)
  local out=/dev/null
  [ -n "${KEEP_OUT:-}" ] && out="$LOG/$name.out"
  /usr/bin/time -v -o "$tv" "$@" >"$out" 2>"$LOG/$name.err" || status=$?
  end=$(date +%s.%N)
  WALL=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}')
  CPU=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f", u + s}' "$tv")
  RSS_MB=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$tv")
  # GNU time counts file system inputs in 512-byte blocks.
  local disk_mb
  disk_mb=$(awk -F': ' '/File system inputs/ {printf "%.0f", $2 * 512 / 1e6}' "$tv")
  local mbs aps mbc
  mbs=$(awk -v b="$bytes" -v w="$WALL" 'BEGIN {printf "%.1f", b / 1e6 / w}')
  # MB per CPU-second: what one core does, much less sensitive to other load than wall time.
  mbc=$(awk -v b="$bytes" -v c="$CPU" 'BEGIN {printf "%.2f", (c > 0 ? b / 1e6 / c : 0)}')
  aps=$(awk -v n="$articles" -v w="$WALL" 'BEGIN {printf "%.0f", n / w}')
  if [ "$status" != 0 ]; then
    say "$name exited with status $status (see $LOG/$name.err)"
  fi
  local warnings
  warnings=$(grep -c 'warning' "$LOG/$name.err" || true)
  LOAD=$load
  say "$name: ${WALL}s wall, ${CPU}s CPU, $mbs MB/s, $aps articles/s, peak RSS ${RSS_MB} MB, read from disk ${disk_mb} MB, exit $status, $warnings warning lines, load before $load"
  ROWS+=("| $name | $(awk -v b="$bytes" 'BEGIN {printf "%.1f MB", b / 1e6}') | $WALL | $CPU | $mbs | $mbc | $aps | $RSS_MB | RATIO_$name | $load | $disk_mb |")
}

WARM=$CORPUS

# wc -w: the reference for "as fast as reading the text". C.UTF-8 so it counts words in UTF-8.
KEEP_OUT=1 measure wc_w "$BYTES" "$FILES" sh -c "find '$CORPUS' -name '*.txt' -print0 | LC_ALL=C.UTF-8 xargs -0 cat | LC_ALL=C.UTF-8 wc -w"
WC_WALL=$WALL
say "wc -w counted $(tr -d ' ' <"$LOG/wc_w.out") words"

measure parse "$BYTES" "$FILES" "$BIN" parse "$CORPUS" --format jsonl
PARSE_WALL=$WALL
PARSE_RSS=$RSS_MB
PARSE_MBS=$(awk -v b="$BYTES" -v w="$WALL" 'BEGIN {printf "%.1f", b / 1e6 / w}')

ENTITIES_NOTE=""
if "$BIN" --help 2>/dev/null | grep -qE '^[[:space:]]+entities([[:space:]]|$)'; then
  measure entities "$BYTES" "$FILES" "$BIN" entities "$CORPUS" --format jsonl
  ENTITIES_WALL=$WALL
  ENTITIES_RSS=$RSS_MB
else
  ENTITIES_NOTE="corpus entities: skipped, \`corpus --help\` lists no \`entities\` subcommand in this build"
  say "$ENTITIES_NOTE"
fi

# --- linearity -----------------------------------------------------------------------------
LIN_ROWS=()
LIN_NOTE=""
if [ -z "${SKIP_LINEARITY:-}" ]; then
  declare -A LIN_WALL LIN_CPU
  for mb in $LINEARITY_MB; do
    f="$DATA/single-${mb}mb-seed$SEED.txt"
    [ -f "$f" ] || "$GEN" --single-bytes $((mb * 1000000)) --seed "$SEED" --out "$f"
    size=$(stat -c %s "$f")
    WARM=$f measure "single_${mb}mb" "$size" 1 "$BIN" parse "$f" --format jsonl
    LIN_WALL[$mb]=$WALL
    LIN_CPU[$mb]=$CPU
    LIN_ROWS+=("| ${mb} MB | $size | $WALL | $CPU | $(awk -v b="$size" -v w="$WALL" 'BEGIN {printf "%.2f", b / 1e6 / w}') | $RSS_MB | $LOAD |")
  done
  set -- $LINEARITY_MB
  if [ $# -ge 2 ]; then
    small=$1
    large=${!#}
    LIN_RATIO=$(awk -v a="${LIN_WALL[$small]}" -v b="${LIN_WALL[$large]}" 'BEGIN {printf "%.1f", b / a}')
    LIN_CPU_RATIO=$(awk -v a="${LIN_CPU[$small]}" -v b="${LIN_CPU[$large]}" 'BEGIN {printf "%.1f", (a > 0 ? b / a : 0)}')
    LIN_EXPECTED=$((large / small))
    LIN_NOTE="time(${large} MB) / time(${small} MB) = ${LIN_RATIO} wall, ${LIN_CPU_RATIO} CPU (linear would be ${LIN_EXPECTED})"
  fi
fi

# --- report --------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
OUT="$DATA/results-$ARTICLES.md"
{
  echo "### corpus benchmark: $FILES articles, $(awk -v b="$BYTES" 'BEGIN {printf "%.1f MB", b / 1e6}'), seed $SEED"
  echo
  echo "Machine: $(nproc) cores, $(lscpu | awk -F': +' '/Model name/ {print $2; exit}'), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), $(rustc --version)"
  echo
  echo "| run | input | wall s | CPU s | MB/s | MB per CPU-s | articles/s | peak RSS MB | wall / wc -w | load before | read from disk MB |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  for row in "${ROWS[@]}"; do
    case $row in
      *RATIO_single_*) ;;
      *) echo "$row" ;;
    esac
  done | sed -e "s/RATIO_wc_w/1.00/" \
    -e "s/RATIO_parse/$(ratio "$PARSE_WALL" "$WC_WALL")/" \
    -e "s/RATIO_entities/$(ratio "${ENTITIES_WALL:-0}" "$WC_WALL")/"
  [ -n "$ENTITIES_NOTE" ] && { echo; echo "$ENTITIES_NOTE"; }
  if [ ${#LIN_ROWS[@]} -gt 0 ]; then
    echo
    echo "Linearity (one article per file):"
    echo
    echo "| article | bytes | wall s | CPU s | MB/s | peak RSS MB | load before |"
    echo "|---|---|---|---|---|---|---|"
    printf '%s\n' "${LIN_ROWS[@]}"
    echo
    echo "$LIN_NOTE"
  fi
  echo
  echo "Targets:"
  check() { if awk "BEGIN {exit !($2)}"; then echo "- [met] $1"; else echo "- [NOT met] $1"; fi; }
  check "parse >= 50 MB/s (got $PARSE_MBS)" "$PARSE_MBS >= 50"
  check "parse <= 1.5x the wc -w time (got $(ratio "$PARSE_WALL" "$WC_WALL")x)" "$PARSE_WALL <= 1.5 * $WC_WALL"
  check "parse peak RSS <= 200 MB (got $PARSE_RSS MB)" "$PARSE_RSS <= 200"
  if [ -n "${ENTITIES_WALL:-}" ]; then
    check "entities <= 2x parse time (got $(ratio "$ENTITIES_WALL" "$PARSE_WALL")x)" "$ENTITIES_WALL <= 2 * $PARSE_WALL"
    check "entities peak RSS <= 1024 MB (got $ENTITIES_RSS MB)" "$ENTITIES_RSS <= 1024"
  else
    echo "- [not measured] entities targets: no entities subcommand"
  fi
  if [ -n "${LIN_RATIO:-}" ]; then
    check "${large} MB article about ${LIN_EXPECTED}x a ${small} MB one (got ${LIN_RATIO}x; counted met up to 1.5x the linear ratio)" "$LIN_RATIO <= 1.5 * $LIN_EXPECTED"
  fi
} | tee "$OUT"
say "results saved to $OUT; logs in $LOG"
