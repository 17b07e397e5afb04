#!/usr/bin/env bash
# Builds the libFuzzer targets (the Fuzz/ package, -sanitize=fuzzer,address, scratch path .build-fuzz,
# so normal builds are untouched) and runs each target for SECONDS (default 60), one after the other,
# niced, with seed corpora made from SampleLogs, ../shared/seeds and ../shared/real-logs.
#   bash scripts/fuzz.sh                 # every target, 60 s each
#   bash scripts/fuzz.sh 600 json zip    # the named targets, 10 min each
#   CHARGELOG_FUZZ_PARALLEL=1 bash scripts/fuzz.sh 660   # every target at once, 11 min wall clock each
#   CHARGELOG_FUZZ_TARGET=list .build-fuzz/release/chargelog-fuzz    # the target names
# Per target it prints executions, executions per second, corpus size and crashes; crashing inputs
# are kept in .build-fuzz/crashes/ (reproduce: CHARGELOG_FUZZ_TARGET=NAME .build-fuzz/release/chargelog-fuzz FILE).
# Exit status: non-zero when a build failed or any target crashed, leaked, timed out or ran out of memory.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
source scripts/ensure-deps.sh || exit 1
seconds="${1:-60}"
shift || true
out=.build-fuzz
mkdir -p "$out/logs" "$out/crashes" "$out/corpus" "$out/seeds"
echo "building the fuzz targets (release, -sanitize=fuzzer,address) into $out…"
if ! nice -n 10 swift build --package-path Fuzz --scratch-path "$out" -c release \
     -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing > "$out/logs/build.log" 2>&1; then
  grep -E 'error:' "$out/logs/build.log" | head -20
  echo "fuzz build failed (log: $out/logs/build.log)"
  exit 1
fi
bin="$out/release/chargelog-fuzz"
targets=("$@")
[ ${#targets[@]} -eq 0 ] && mapfile -t targets < <(CHARGELOG_FUZZ_TARGET=list "$bin")
python3 scripts/fuzz-seeds.py "$out/seeds" "${targets[@]}" > "$out/logs/seeds.log" || { echo "seed corpus failed"; exit 1; }
# Leaks are not findings here (the Swift runtime keeps one-time allocations).
export ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}"
# libFuzzer reports a crash itself; the Swift runtime's backtracer would read memory ASan flags.
export SWIFT_BACKTRACE="enable=no"
failed=0
printf '%-18s %10s %9s %8s %7s  %s\n' target executions "exec/s" corpus seconds result
# One target: runs it, then prints its row of the table.
run_target() {
  local t=$1 maxlen start status took execs rate corpus result
  # Side by side on two cores a slow input takes longer: the per-input limit grows with the load.
  local limit=20
  [ -n "${CHARGELOG_FUZZ_PARALLEL:-}" ] && limit=60
  mkdir -p "$out/corpus/$t"
  case "$t" in zip|zip-salvage|gzip|pipeline) maxlen=65536 ;; *) maxlen=8192 ;; esac
  start=$(date +%s)
  CHARGELOG_FUZZ_TARGET="$t" nice -n 10 "$bin" -max_total_time="$seconds" -timeout="$limit" -rss_limit_mb=3072 \
    -max_len="$maxlen" -print_final_stats=1 -artifact_prefix="$out/crashes/$t-" \
    "$out/corpus/$t" "$out/seeds/$t" > "$out/logs/$t.log" 2>&1
  status=$?
  took=$(( $(date +%s) - start ))
  execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$out/logs/$t.log" | grep -oE '[0-9]+$' | tail -1)
  rate=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$out/logs/$t.log" | grep -oE '[0-9]+$' | tail -1)
  corpus=$(find "$out/corpus/$t" -type f | wc -l)
  result="no crash"
  if [ "$status" -ne 0 ]; then
    result="FOUND: $(grep -oE 'ERROR: [A-Za-z]+: [a-z-]+|Fatal error: [^\n]{0,80}|deadly signal|timeout|out-of-memory' "$out/logs/$t.log" | head -1) (log: $out/logs/$t.log)"
  fi
  printf '%-18s %10s %9s %8s %7s  %s\n' "$t" "${execs:-?}" "${rate:-?}" "$corpus" "$took" "$result"
  [ "$status" -eq 0 ]
}
if [ -n "${CHARGELOG_FUZZ_PARALLEL:-}" ]; then
  # All targets at once (each libFuzzer process is single-threaded); rows print as targets end.
  pids=()
  for t in "${targets[@]}"; do run_target "$t" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || failed=1; done
else
  for t in "${targets[@]}"; do run_target "$t" || failed=1; done
fi
exit $failed
