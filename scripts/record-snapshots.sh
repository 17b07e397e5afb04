#!/usr/bin/env bash
# Re-records the UI's text snapshots (Tests/ChargeLogUITests/Snapshots/*.txt) from the current code.
# A normal test run never writes a snapshot; read `git diff Tests/ChargeLogUITests/Snapshots` before
# committing what this wrote. Refused under CI=true. Extra arguments go to `swift test`
# (e.g. `--filter SnapshotTests`).
set -euo pipefail
case "${CI:-}" in true|TRUE|True|1) echo "record-snapshots: refused under CI=true (snapshots are recorded by a person, not by CI)" >&2; exit 2 ;; esac
cd "$(dirname "$0")/.."
CHARGELOG_RECORD_SNAPSHOTS=1 swift test --filter ChargeLogUITests "$@"
echo "record-snapshots: done; review with: git diff --stat Tests/ChargeLogUITests/Snapshots"
