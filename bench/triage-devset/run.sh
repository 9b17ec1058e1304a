#!/usr/bin/env bash
# Score a grip binary on the labelled change-notice triage development set.
# Usage: bash bench/triage-devset/run.sh PATH/TO/grip [--no-lists] [--json FILE] [--half tune|holdout]
# Exit status: 0 when every baseline run produced one result per notice, 1 when a run
# failed or printed too few lines (the figures are still printed), 2 on bad usage.
set -euo pipefail
if [[ $# -lt 1 ]]; then
    echo "usage: bash $0 PATH/TO/grip [--no-lists] [--json FILE] [--half tune|holdout]" >&2
    exit 2
fi
if [[ ! -x "$1" ]]; then
    echo "not an executable: $1" >&2
    exit 2
fi
exec python3 "$(dirname "$0")/evaluate.py" "$@"
