#!/usr/bin/env bash
# Times the dossier list (paging, filters, search) with 100,000 dossiers on SQLite and on
# PostgreSQL (127.0.0.1:5432, as for the tests). Prints figures; asserts nothing.
# Usage: bench/dossier-list.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
for backend in sqlite postgres; do
  cargo run -q --release -p grip-app --features testing --example bench_dossier_list -- "$backend" "$n"
  echo
done
