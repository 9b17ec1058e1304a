#!/usr/bin/env bash
# Times the dossier page of a demo dossier and counts the SQL statements one request runs.
# Starts `grip demo` on a fresh SQLite database in a temporary folder, signs in as the
# buyer, asks for the page 50 times and prints the median and p90 in ms and the statements
# per request (sqlx logs each statement at debug level). Prints figures; asserts nothing.
# Usage: bench/dossier-page/run.sh [PATH/TO/grip]   (default: the debug build)
set -euo pipefail
cd "$(dirname "$0")/../.."
grip=${1:-${CARGO_TARGET_DIR:-$HOME/.cache/grip-target}/debug/grip}
port=${GRIP_BENCH_PORT:-18091}
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
GRIP_LOG="sqlx::query=debug,warn" "$grip" demo --data-dir "$work/data" --bind "127.0.0.1:$port" \
  >"$work/log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
jar="$work/cookies"
curl -fs -c "$jar" -o /dev/null -H "Origin: http://127.0.0.1:$port" \
  --data "username=inkoper&password=grip-demo" "http://127.0.0.1:$port/login"
id=$(curl -fs -b "$jar" "http://127.0.0.1:$port/dossiers?q=Basispolitievoertuigen" \
  | grep -o 'href="/dossiers/[0-9a-f-]\{36\}"' | head -n 1 | cut -d/ -f3 | tr -d '"')
url="http://127.0.0.1:$port/dossiers/$id"
curl -fs -b "$jar" -o /dev/null "$url" # warm up
# The fewest statements over 10 requests: the background worker's polls and session
# refreshes also log statements now and then.
fewest=
for _ in $(seq 1 10); do
  before=$(grep -c "sqlx::query" "$work/log" || true)
  curl -fs -b "$jar" -o /dev/null "$url"
  after=$(grep -c "sqlx::query" "$work/log" || true)
  n=$((after - before))
  if [ -z "$fewest" ] || [ "$n" -lt "$fewest" ]; then fewest=$n; fi
done
times=()
for _ in $(seq 1 50); do
  times+=("$(curl -fs -b "$jar" -o /dev/null -w '%{time_total}' "$url")")
done
printf '%s\n' "${times[@]}" | sort -n | awk -v q="$fewest" '
  { t[NR] = $1 * 1000 }
  END { printf "dossier page: median %.1f ms, p90 %.1f ms over %d requests; %d SQL statements per request\n", t[int(NR/2)+1], t[int(NR*0.9)], NR, q }'
