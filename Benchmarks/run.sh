#!/usr/bin/env bash
# Indexing benchmark: `chargelog stats` against lnav on the same generated Sungrow bundle (>= 500 MB),
# and the OCPP engine's cost (`transactions`, `exchanges`: index + full analysis).
# Not part of CI. Usage: Benchmarks/run.sh   (env: SIZE=500MB SEED=1 RUNS=3)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DATA=$ROOT/Benchmarks/.data
SIZE=${SIZE:-500MB}
SEED=${SEED:-1}
RUNS=${RUNS:-3}

# --- tools ------------------------------------------------------------------------------------
SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=sudo; fi
apt_install() {
    $SUDO apt-get install -y "$@" >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y "$@" >/dev/null; }
}
[ -x /usr/bin/time ] || apt_install time
command -v lnav >/dev/null || apt_install lnav

echo "== building release"
swift build -c release --product chargelog 2>&1 | { grep -E "error|Build complete" || true; } | tail -2
BIN=$(swift build -c release --show-bin-path)/chargelog

# --- data (generated once, reused while size and seed match) ----------------------------------
MARK=$DATA/.generated-$SIZE-seed$SEED
if [ ! -f "$MARK" ]; then
    echo "== generating a $SIZE bundle into Benchmarks/.data"
    rm -rf "$DATA"
    "$BIN" generate "$DATA" --size "$SIZE" --seed "$SEED"
    touch "$MARK"
fi
BUNDLE=$DATA/A23C2706768
mapfile -t FILES < <(find "$BUNDLE" -type f -name '*.log' | sort)
BYTES=$(cat "${FILES[@]}" | wc -c)
LINES=$(cat "${FILES[@]}" | wc -l)
echo "== input: ${#FILES[@]} files, $(awk -v b="$BYTES" 'BEGIN{printf "%.1f", b/1e6}') MB, $LINES lines ($BUNDLE)"
cat "${FILES[@]}" >/dev/null   # warm the page cache: both tools read from memory

# --- measuring --------------------------------------------------------------------------------
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
ROWS=$TMP/rows

# run LABEL N CMD...: one run under /usr/bin/time -v; appends "label run wall mbs rssmb pct" to ROWS.
run() {
    local label=$1 n=$2; shift 2
    /usr/bin/time -v -o "$TMP/time" "$@" >"$TMP/out" 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
    awk -v label="$label" -v n="$n" -v bytes="$BYTES" '
        /Elapsed \(wall clock\)/ { t = $NF; k = split(t, p, ":"); wall = 0; for (i = 1; i <= k; i++) wall = wall * 60 + p[i] }
        /Maximum resident set size/ { rss = $NF }
        END { printf "%-12s %3d %8.2f %9.0f %12.1f %10.1f%%\n", label, n, wall, bytes / 1e6 / wall, rss / 1024, rss * 1024 * 100 / bytes }
    ' "$TMP/time" >>"$ROWS"
}

echo "== chargelog stats, $RUNS runs"
for i in $(seq 1 "$RUNS"); do
    run chargelog "$i" "$BIN" stats "$BUNDLE"
    grep -E "^total|^indexed" "$TMP/out" | sed 's/^/   /'
done

echo "== OCPP engine: chargelog transactions and exchanges (index + full analysis), $RUNS runs"
for i in $(seq 1 "$RUNS"); do
    run transactions "$i" "$BIN" transactions "$BUNDLE" --format json
    echo "   $(grep -o '"transactionId"' "$TMP/out" | wc -l) transactions"
    run exchanges "$i" "$BIN" exchanges "$BUNDLE" --format ndjson
    echo "   $(wc -l <"$TMP/out") exchanges"
done

echo "== lnav $(lnav -V | awk '{print $2}') headless with the Sungrow formats (Benchmarks/lnav), $RUNS runs"
LNAV_HOME=$TMP/lnav-home      # keeps the formats out of the user's own ~/.lnav
mkdir -p "$LNAV_HOME"
for f in "$ROOT"/Benchmarks/lnav/*.json; do HOME=$LNAV_HOME lnav -i "$f" >/dev/null 2>&1; done
for i in $(seq 1 "$RUNS"); do
    run lnav "$i" env HOME="$LNAV_HOME" lnav -n \
        -c ';SELECT sum(lines) AS lines, count(*) AS files, group_concat(DISTINCT format) AS formats FROM lnav_file' \
        -c ':write-csv-to -' "${FILES[@]}"
    tail -1 "$TMP/out" | sed 's/^/   lines,files,formats: /'
done

# --- table ------------------------------------------------------------------------------------
echo
printf "%-12s %3s %8s %9s %12s %11s\n" tool run "wall s" "MB/s" "peak RSS MiB" "RSS/input"
cat "$ROWS"
echo
median() { grep "^$1 " "$ROWS" | awk -v c="$2" '{ print $c }' | tr -d '%' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for tool in chargelog lnav transactions exchanges; do
    wall=$(median $tool 3); rss=$(median $tool 5); pct=$(median $tool 6)
    awk -v t=$tool -v w="$wall" -v r="$rss" -v p="$pct" -v b="$BYTES" \
        'BEGIN { printf "median %-12s %6.2f s  %6.0f MB/s  peak RSS %6.1f MiB (%.1f%% of the input)\n", t, w, b / 1e6 / w, r, p }'
done
