#!/usr/bin/env bash
# Runs the browser tests: builds grip, starts a demo server on a free port with a fresh
# database, and runs every tests/e2e/*.spec.mjs with Node's test runner in Debian's Chromium.
# Installs Chromium (apt) and playwright-core (npm ci) when they are missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

if ! command -v chromium >/dev/null 2>&1; then
  echo "e2e: installing Debian's chromium" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q chromium >/dev/null; else sudo apt-get install -y -q chromium >/dev/null; fi
fi
[ -d node_modules/playwright-core ] && [ -d node_modules/axe-core ] || npm ci --no-audit --no-fund --ignore-scripts >/dev/null

target=${CARGO_TARGET_DIR:-$root/target}
cargo build -q -p grip
grip="$target/debug/grip"

data=$(mktemp -d)
port=${GRIP_E2E_PORT:-18080}
"$grip" demo --data-dir "$data" --bind "127.0.0.1:$port" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { cat "$data/server.log" >&2; exit 1; }
  sleep 0.2
done
GRIP_E2E_URL="http://127.0.0.1:$port" node --test --test-concurrency=1 tests/e2e/*.spec.mjs
