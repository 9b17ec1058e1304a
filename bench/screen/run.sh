#!/usr/bin/env bash
# Screening benchmark (issue 4): grip's screener against `grep -c -i -F -f` with the lexicon's
# plain terms, over the same files in the same run. Prints documents/s, MB/s, peak memory and
# the grip/grep time ratio for (A) 1,530 small register texts and (B) ~100 KB documents, then
# DOCX/PDF extraction time per page (and pdftotext when installed). Figures only, no asserts.
#
#   bench/screen/run.sh            (from the repository root; SHARED=/path/to/shared to override)
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED=${SHARED:-$(cd .. && pwd)/shared}
if [ ! -d "$SHARED/corpora" ]; then
  # The corpora are the public data sets in ../shared; without them there is nothing to time.
  echo "skipped  screening benchmark: $SHARED/corpora is absent (../shared is not next to this checkout)"
  exit 0
fi
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/grip-target}

# The screener under test is the real command line, `grip screen`, on every core (and once
# more with --jobs 1); the example prints the lexicon's terms and times extraction.
cargo build --release -q -p grip
cargo build --release -q -p grip-screen --example screen_bench
BENCH_BIN="$CARGO_TARGET_DIR/release/examples/screen_bench"
GRIP="$CARGO_TARGET_DIR/release/grip"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 bench/screen/make_corpus.py "$SHARED" "$WORK"
"$BENCH_BIN" terms > "$WORK/terms.txt"
echo "lexicon plain terms for grep: $(wc -l < "$WORK/terms.txt")"

# measure CMD...  → best wall-clock seconds of 5 runs (nanosecond clock) and peak RSS (KB)
measure() {
  local out="$WORK/time.$$" best="" kb=0
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$out" "$@" > /dev/null || true
    end=$(date +%s%N)
    local s=$(( end - start ))
    if [ -z "$best" ] || [ "$s" -lt "$best" ]; then best=$s; fi
    kb=$(tail -1 "$out")
  done
  python3 -c "print($best / 1e9, $kb)"
}

report() {
  local set=$1 files=$2
  local count bytes
  count=$(ls "$WORK/$set" | wc -l)
  bytes=$(cat "$WORK/$set"/* | wc -c)
  # Warm the page cache so neither side pays for disk reads.
  cat "$WORK/$set"/* > /dev/null
  read -r g_s g_kb < <(measure grep -c -i -F -f "$WORK/terms.txt" $files)
  read -r s_s s_kb < <(measure "$GRIP" screen $files)
  read -r o_s o_kb < <(measure "$GRIP" screen --jobs 1 $files)
  python3 - "$set" "$count" "$bytes" "$g_s" "$g_kb" "$s_s" "$s_kb" "$o_s" "$o_kb" <<'PY'
import sys
name, n, b = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
gs, gkb, ss, skb, os_, okb = map(float, sys.argv[4:])
mb = b / 1e6
print(f"({name.upper()}) {n} documents, {mb:.1f} MB")
def line(label, s, kb):
    print(f"    {label:<22}: {s:7.3f} s  {n/s:9.0f} docs/s  {mb/s:7.1f} MB/s  peak {kb/1024:6.1f} MB")
line("grip screen", ss, skb)
line("grip screen --jobs 1", os_, okb)
line("grep -c -i -F -f", gs, gkb)
print(f"    ratio grip/grep (time): {ss/gs:.2f}x  (one core: {os_/gs:.2f}x)")
PY
}

cd "$WORK"
report a "$(ls a/* | tr '\n' ' ')"
report b "$(ls b/* | tr '\n' ' ')"
cd - > /dev/null

echo "(extraction) generated documents, 100 pages each:"
"$BENCH_BIN" extraction "$WORK" 100
if command -v pdftotext > /dev/null; then
  start=$(date +%s.%N); pdftotext "$WORK/generated.pdf" /dev/null; end=$(date +%s.%N)
  python3 -c "print(f'    pdftotext: {($end-$start)*1000:.1f} ms for 100 pages = {($end-$start)*10:.3f} ms/page')"
else
  echo "    pdftotext not installed; skipped"
fi
