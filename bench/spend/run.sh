#!/usr/bin/env bash
# Spend import at scale: generates a CSV of N lines (default 1,000,000; Dutch notation, ';',
# a fifth of the lines without CPV code), imports it with `grip import spend` into a fresh
# SQLite database, and prints the wall time and the peak memory (max RSS) of the import.
# Usage: bench/spend/run.sh [LINES] [--release]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
lines=${1:-1000000}
profile=debug
if [ "${2:-}" = "--release" ]; then profile=release; fi
target=${CARGO_TARGET_DIR:-$root/target}
if [ "$profile" = release ]; then cargo build -q --release -p grip; else cargo build -q -p grip; fi
grip="$target/$profile/grip"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$lines" "$work/spend.csv" <<'PY'
import random, sys
n, path = int(sys.argv[1]), sys.argv[2]
random.seed(1)
suppliers = [f"Leverancier {i} B.V." for i in range(5000)]
cpv = ["34114200-1", "79540000-1", "32323500-8", "38540000-2", "48000000-8", "39110000-6", ""]
words = ["Levering", "Onderhoud", "Tolkdiensten", "Licenties", "Advies", "Schoonmaak", "Catering"]
with open(path, "w", encoding="utf-8") as f:
    f.write("Factuurdatum;Crediteurnaam;Omschrijving;Bedrag excl. BTW;CPV-code\n")
    for i in range(n):
        euros = random.randint(10, 2_000_000)
        amount = f"{euros:,}".replace(",", ".") + f",{random.randint(0, 99):02d}"
        f.write(f"2026-{random.randint(1, 12):02d}-{random.randint(1, 28):02d};{random.choice(suppliers)};"
                f"{random.choice(words)} {i};{amount};{random.choice(cpv) if i % 5 else ''}\n")
PY
size=$(du -h "$work/spend.csv" | cut -f1)
"$grip" migrate --data-dir "$work/data" >/dev/null
"$grip" demo --no-serve --data-dir "$work/data" >/dev/null 2>&1
/usr/bin/time -v "$grip" import spend "$work/spend.csv" --data-dir "$work/data" >"$work/out.txt" 2>"$work/time.txt"
echo "lines: $lines ($size), build: $profile"
grep -E "^(All spend|.*read [0-9]+ lines)" "$work/out.txt" || cat "$work/out.txt"
grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$work/time.txt" | sed 's/^\s*//'
