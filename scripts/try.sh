#!/usr/bin/env bash
# Builds chargelog (release) and opens it on SampleLogs. Extra arguments are passed to chargelog.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
swift build -c release --product chargelog 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' || true
bin=.build/release/chargelog
if [ $# -eq 0 ]; then set -- SampleLogs; fi
exec "$bin" "$@"
