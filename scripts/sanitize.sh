#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer (C code), then under
# ThreadSanitizer, each built into its own scratch path (.build-asan, .build-tsan) so the normal build
# is untouched. Prints per mode: build and test time, the test result, and the sanitizer reports found.
#   bash scripts/sanitize.sh            # both
#   bash scripts/sanitize.sh asan       # or: tsan
# Logs: .build-asan/sanitize-test.log, .build-tsan/sanitize-test.log. Exit status: non-zero when a
# build or a test failed or a sanitizer reported anything.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
source scripts/ensure-deps.sh || exit 1
export TERM="${TERM:-xterm-256color}"
[ "$TERM" = "dumb" ] && export TERM=xterm-256color
# Leak checking is off: the Swift runtime and Foundation keep one-time allocations until exit.
export ASAN_OPTIONS="detect_leaks=0:halt_on_error=0:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=0:${UBSAN_OPTIONS:-}"
export TSAN_OPTIONS="halt_on_error=0:${TSAN_OPTIONS:-}"
modes=("$@")
[ ${#modes[@]} -eq 0 ] && modes=(asan tsan)
failed=0
for mode in "${modes[@]}"; do
  case "$mode" in
    # swiftc has no -sanitize=undefined on Linux (Swift checks overflow and bounds itself, by trapping);
    # UBSan instruments the C code (zlib shims, swift-crypto's BoringSSL), its runtime comes with ASan's.
    asan) flags=(--sanitize=address -Xcc -fsanitize=undefined); scratch=.build-asan ;;
    tsan) flags=(--sanitize=thread); scratch=.build-tsan ;;
    *) echo "unknown mode $mode (asan or tsan)"; exit 2 ;;
  esac
  mkdir -p "$scratch"
  t0=$(date +%s)
  echo "[$mode] building with ${flags[*]} into $scratch…"
  if ! nice -n 10 swift build --build-tests --scratch-path "$scratch" "${flags[@]}" > "$scratch/sanitize-build.log" 2>&1; then
    grep -E 'error:' "$scratch/sanitize-build.log" | head -20
    echo "[$mode] build failed (log: $scratch/sanitize-build.log)"
    failed=1
    continue
  fi
  t1=$(date +%s)
  log="$scratch/sanitize-test.log"
  # The end-to-end tests run the chargelog binary of this build (next to the test runner).
  nice -n 10 swift test --skip-build --scratch-path "$scratch" "${flags[@]}" > "$log" 2>&1
  status=$?
  t2=$(date +%s)
  reports=$(grep -cE 'ERROR: AddressSanitizer|runtime error:|WARNING: ThreadSanitizer|SUMMARY: (Address|Thread|UndefinedBehavior)Sanitizer' "$log")
  summary=$(grep -E '^✔ Test run|^✘ Test run|Executed [0-9]+ tests' "$log" | tail -2 | tr '\n' ' ')
  echo "[$mode] build $((t1 - t0)) s, tests $((t2 - t1)) s, exit $status, sanitizer reports: $reports"
  echo "[$mode] $summary"
  if [ "$reports" -gt 0 ]; then
    grep -E -A12 'ERROR: AddressSanitizer|runtime error:|WARNING: ThreadSanitizer' "$log" | head -80
  fi
  [ "$status" -ne 0 ] && { grep -E '^✘' "$log" | head -20; failed=1; }
  [ "$reports" -gt 0 ] && failed=1
done
exit $failed
