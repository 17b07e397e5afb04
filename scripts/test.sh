#!/usr/bin/env bash
# Runs the whole test suite: unit, screen-snapshot and tmux end-to-end tests (headless).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
source scripts/ensure-deps.sh || exit 1
export TERM="${TERM:-xterm-256color}"
[ "$TERM" = "dumb" ] && export TERM=xterm-256color
mkdir -p .build
log=.build/test-build.log
echo "building chargelog and its tests…"
if ! swift build --build-tests > "$log" 2>&1; then
  grep -E 'error:' "$log" | head -50
  echo "build failed (full log: $log)"
  exit 1
fi
# Signal, terminal and speed behaviour is tested on the release binary users run too.
echo "building the release binary…"
if ! swift build -c release --product chargelog > .build/test-release-build.log 2>&1; then
  grep -E 'error:' .build/test-release-build.log | head -50
  echo "release build failed (full log: .build/test-release-build.log)"
  exit 1
fi
# Our own warnings, if any (ZIPFoundation's unhandled-file note is the dependency's, not ours).
{ cat "$log" .build/test-release-build.log | grep -E 'warning:' | grep -v -e '/.build/' -e "'zipfoundation': found" | sort -u; } || true
swift test 2>&1 | grep --line-buffered -vE '(started\.$|^\[[0-9]+/[0-9]+\] )'
exit "${PIPESTATUS[0]}"
