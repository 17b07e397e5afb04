#!/usr/bin/env bash
# Builds chargelog (release) and opens it on SampleLogs. Extra arguments are passed to chargelog.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
source scripts/ensure-deps.sh || exit 1
mkdir -p .build
log=.build/try-build.log
echo "building chargelog (release; a few minutes the first time)…" >&2
if ! swift build -c release --product chargelog > "$log" 2>&1; then
  grep -E 'error:' "$log" | head -30 >&2
  echo "build failed (full log: $log)" >&2
  exit 1
fi
bin=.build/release/chargelog
if [ $# -eq 0 ]; then set -- SampleLogs; fi
exec "$bin" "$@"
