#!/usr/bin/env bash
# Runs every test suite of Grip: unit and storage tests (SQLite and PostgreSQL), HTTP tests,
# the public fixtures against the built binary, and the browser tests in Debian's Chromium.
# Starts PostgreSQL and installs Chromium / npm packages when they are missing. A suite that
# cannot run fails the whole run (set GRIP_ALLOW_MISSING=1 to only report it).
# Tests that need the public data in ../shared skip, and say so, when it is not next to the
# checkout; GRIP_REQUIRE_SHARED=1 (set by CI when it is there) makes its absence a failure.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/grip-target}"
export GRIP_TEST_POSTGRES_URL="${GRIP_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

declare -a results=()
# Each Rust test that leaves something out for want of ../shared appends a line here.
export GRIP_SKIP_LOG
GRIP_SKIP_LOG=$(mktemp)
trap 'rm -f "$GRIP_SKIP_LOG"' EXIT
failed=0
missing=0
record() { results+=("$1"); }
run_suite() {
  local name=$1; shift
  echo "==> $name"
  local start=$SECONDS
  if "$@"; then record "ok       $name ($((SECONDS - start)) s)"; else record "FAILED   $name"; failed=1; fi
}
cannot_run() {
  record "NOT RUN  $1: $2"
  missing=1
}

postgres_ready() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
if ! postgres_ready && command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "==> starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  for _ in $(seq 1 50); do postgres_ready && break; sleep 0.2; done
fi

if postgres_ready; then
  run_suite "cargo tests (unit, storage on SQLite and PostgreSQL, HTTP, CLI)" cargo test --workspace --all-targets
else
  cannot_run "PostgreSQL storage tests" "no PostgreSQL server at 127.0.0.1:5432 (install Debian's postgresql)"
  run_suite "cargo tests without PostgreSQL" cargo test --workspace --all-targets -- --skip postgres
fi
if [ -s "$GRIP_SKIP_LOG" ]; then
  # Lines "skipped  <file> <test>: <what>: <reason>", summed up per file: whole tests skipped
  # and tests that ran without their shared part (a contract check, the register texts).
  while IFS= read -r line; do record "$line"; done < <(sort -u "$GRIP_SKIP_LOG" | awk '
    { whole[$2] += /: the whole test: /; part[$2] += !/: the whole test: / }
    END { for (f in whole) printf "skipped  %s: %d tests whole, %d in part: ../shared is not next to this checkout\n", f, whole[f], part[f] }' | sort)
fi

if [ -x ../shared/tools/check-fixtures ] || [ -f ../shared/tools/check-fixtures ]; then
  run_suite "public fixtures (../shared/tools/check-fixtures)" bash -c \
    'cargo build -q -p grip && out=$(python3 ../shared/tools/check-fixtures "$CARGO_TARGET_DIR/debug/grip"); code=$?; echo "$out" | tail -n 3; exit $code'
elif [ "${GRIP_REQUIRE_SHARED:-0}" = 1 ]; then
  record "FAILED   public fixtures: GRIP_REQUIRE_SHARED=1 but ../shared/tools/check-fixtures is missing"
  failed=1
else
  record "skipped  public fixtures (../shared/tools/check-fixtures): ../shared is not next to this checkout"
fi

if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "==> installing Debian's chromium for the browser tests"
  apt-get install -y -q chromium >/dev/null 2>&1 || true
fi
if ! command -v chromium >/dev/null 2>&1; then
  cannot_run "browser tests" "Debian's chromium is not installed (apt-get install chromium)"
elif ! command -v npm >/dev/null 2>&1; then
  cannot_run "browser tests" "npm is not installed (apt-get install npm)"
else
  run_suite "browser tests (Chromium + playwright-core)" bash tests/e2e/run.sh
fi

echo
echo "Summary"
printf '  %s\n' "${results[@]}"
if [ $failed -ne 0 ]; then exit 1; fi
if [ $missing -ne 0 ] && [ "${GRIP_ALLOW_MISSING:-0}" != 1 ]; then
  echo "Some suites could not run (see above)."; exit 1
fi
exit 0
