#!/usr/bin/env bash
# Tender benchmark (issue 21): 500 supplier documents (125 each of PDF, DOCX, HTML and text,
# ~100 KB of text each, 50 MB in all, made of real register and inventory paragraphs)
# screened on two cores and on one; one 100 KB document of each format screened alone;
# peak memory. Targets: 500 documents < 10 s on two cores, 100 KB < 20 ms, memory < 100 MB.
#
#   bench/screen/run.sh [REV]   from the repository root; REV (e.g. main) also measures the
#                               engine of that revision with the same documents and harness
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED=${SHARED:-$(cd .. && pwd)/shared}
if [ ! -d "$SHARED/corpora" ]; then
  echo "skipped  screening benchmark: $SHARED/corpora is absent (../shared is not next to this checkout)"
  exit 0
fi
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/grip-target}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# build SOURCE_DIR → path of its screen_bench (the harness is this checkout's, so an older
# revision is measured with exactly the same code around it)
build() {
  if [ "$1" != "." ]; then
    cp crates/grip-screen/examples/screen_bench.rs "$1/crates/grip-screen/examples/screen_bench.rs"
  fi
  (cd "$1" && cargo build --release -q -p grip-screen --example screen_bench)
  echo "$CARGO_TARGET_DIR/release/examples/screen_bench"
}

measure() {
  local label=$1 bin=$2
  echo "== $label"
  for jobs in 2 1; do
    for _ in 1 2 3; do "$bin" tender "$WORK/docs" "$jobs"; done | sort -t: -k2 -n | head -1
  done
  for f in 000.pdf 001.docx 002.html 003.txt; do "$bin" one "$WORK/docs/$f" 21; done
}

python3 bench/screen/make_corpus.py "$SHARED" "$WORK/paragraphs.txt"
AFTER=$(build .)
cp "$AFTER" "$WORK/after"
"$WORK/after" make "$WORK/paragraphs.txt" "$WORK/docs"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$WORK"/docs/* > /dev/null
if [ $# -ge 1 ]; then
  mkdir "$WORK/before"
  git archive "$1" | tar -x -C "$WORK/before"
  BEFORE=$(build "$WORK/before")
  cp "$BEFORE" "$WORK/before-bin"
  measure "before ($1)" "$WORK/before-bin"
fi
measure "this checkout" "$WORK/after"
