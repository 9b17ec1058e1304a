#!/usr/bin/env bash
# Score a grip binary on the labelled screening development set (issue 21, item 3).
# Usage: bash bench/screening-devset/run.sh PATH/TO/grip [--json FILE] [--no-lists]
set -euo pipefail
if [[ $# -lt 1 ]]; then
    echo "usage: bash $0 PATH/TO/grip [--json FILE] [--no-lists]" >&2
    exit 2
fi
if [[ ! -x "$1" ]]; then
    echo "not an executable: $1" >&2
    exit 2
fi
exec python3 "$(dirname "$0")/evaluate.py" "$@"
