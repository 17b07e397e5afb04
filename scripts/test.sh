#!/usr/bin/env bash
# Runs the whole test suite: unit, screen-snapshot and tmux end-to-end tests (headless).
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
export TERM="${TERM:-xterm-256color}"
[ "$TERM" = "dumb" ] && export TERM=xterm-256color
if ! swift build --build-tests > /tmp/chargelog-build.log 2>&1; then
  grep -E 'error:' /tmp/chargelog-build.log | head -50
  echo "build failed (full log: /tmp/chargelog-build.log)"
  exit 1
fi
grep -E 'warning:' /tmp/chargelog-build.log | grep -v -e '/.build/' -e 'prohibited flag' -e "found 1 file(s) which are unhandled" | sort -u
swift test 2>&1 | grep --line-buffered -vE '(started\.$|^\[[0-9]+/[0-9]+\] )'
exit "${PIPESTATUS[0]}"
