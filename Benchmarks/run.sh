#!/usr/bin/env bash
# Benchmark of issue 11's targets on a generated Sungrow bundle (>= 500 MB), with lnav and grep run
# on the same files in the same run: index (`stats`), search (`timeline --grep` against `grep`),
# OCPP analysis (`transactions`, `exchanges`), the viewer's model (first screen, key press to grid,
# `/` `n` `N`), and with BIG=1 a generated 5 GB bundle's index RSS. Ends with a table of ratios.
# Not part of CI. Usage: Benchmarks/run.sh   (env: SIZE=500MB SEED=1 RUNS=3 PATTERN=Faulted BIG=0)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DATA=$ROOT/Benchmarks/.data
SIZE=${SIZE:-500MB}
SEED=${SEED:-1}
RUNS=${RUNS:-3}
PATTERN=${PATTERN:-Faulted}
BIG=${BIG:-0}

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
# The on-disk index goes to a throw-away folder; every row but "re-open" runs with --no-cache, so it
# measures reading the files, as lnav (which keeps no index between runs) does.
export XDG_CACHE_HOME=$TMP/xdg

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
    run chargelog "$i" "$BIN" stats "$BUNDLE" --no-cache
    grep -E "^total|^indexed" "$TMP/out" | sed 's/^/   /'
done

echo "== re-open: chargelog stats on the unchanged bundle with its on-disk index, $RUNS runs (after one run that writes it)"
"$BIN" stats "$BUNDLE" >/dev/null
for i in $(seq 1 "$RUNS"); do
    run reopen "$i" "$BIN" stats "$BUNDLE"
    grep -E "^indexed|^on-disk" "$TMP/out" | sed 's/^/   /'
done

echo "== OCPP engine: chargelog transactions and exchanges (index + full analysis), $RUNS runs"
for i in $(seq 1 "$RUNS"); do
    run transactions "$i" "$BIN" transactions "$BUNDLE" --format json --no-cache
    echo "   $(grep -o '"transactionId"' "$TMP/out" | wc -l) transactions"
    run exchanges "$i" "$BIN" exchanges "$BUNDLE" --format ndjson --no-cache
    echo "   $(wc -l <"$TMP/out") exchanges"
done

echo "== search: chargelog timeline --grep against grep, pattern '$PATTERN' (and '(?i)$PATTERN' / grep -i), $RUNS runs"
for i in $(seq 1 "$RUNS"); do
    # grep exits 1 when nothing matches: that is a result, not a failure.
    run grep "$i" sh -c 'grep -h -- "$0" "$@"; [ $? -le 1 ]' "$PATTERN" "${FILES[@]}"
    gl=$(wc -l <"$TMP/out")
    run search "$i" "$BIN" timeline "$BUNDLE" --grep "$PATTERN" --no-cache
    echo "   grep $gl lines, chargelog $(wc -l <"$TMP/out") records"
    run grep-i "$i" sh -c 'grep -hi -- "$0" "$@"; [ $? -le 1 ]' "$PATTERN" "${FILES[@]}"
    gl=$(wc -l <"$TMP/out")
    run search-i "$i" "$BIN" timeline "$BUNDLE" --grep "(?i)$PATTERN" --no-cache
    echo "   grep -i $gl lines, chargelog $(wc -l <"$TMP/out") records"
done

echo "== viewer model (no terminal): first screen, key press to redrawn grid, / n N for '$PATTERN', $RUNS runs"
MODEL=$TMP/model
for i in $(seq 1 "$RUNS"); do
    "$BIN" bench-model "$BUNDLE" --no-cache --keys 2000 --search "$PATTERN" >"$TMP/m" 2>/dev/null || { echo "bench-model failed"; exit 1; }
    sed "s/^/$i /" "$TMP/m" >>"$MODEL"
    echo "   $(tr '\n' ' ' <"$TMP/m" | cut -c1-200)"
done

echo "== follow: 1 MB of the proxy log's own last lines appended to a copy of the bundle, $RUNS runs"
FOLLOWDIR=$TMP/follow
cp -r "$BUNDLE" "$FOLLOWDIR"
FOLLOW=$TMP/followrows
for i in $(seq 1 "$RUNS"); do
    "$BIN" bench-follow "$FOLLOWDIR" --no-cache --append 1048576 >"$TMP/f" 2>/dev/null || { echo "bench-follow failed"; exit 1; }
    sed "s/^/$i /" "$TMP/f" >>"$FOLLOW"
    echo "   $(tr '\n' ' ' <"$TMP/f" | cut -c1-200)"
done
rm -rf "$FOLLOWDIR"

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

if [ "$BIG" = 1 ]; then
    BIGDATA=$ROOT/Benchmarks/.data-5GB
    if [ ! -f "$BIGDATA/.generated-5GB-seed$SEED" ]; then
        echo "== generating a 5 GB bundle into Benchmarks/.data-5GB (needs about 6 GB of disk)"
        rm -rf "$BIGDATA"
        "$BIN" generate "$BIGDATA" --size 5GB --seed "$SEED"
        touch "$BIGDATA/.generated-5GB-seed$SEED"
    fi
    BIGBYTES=$(find "$BIGDATA/A23C2706768" -type f -name '*.log' -exec cat {} + | wc -c)
    /usr/bin/time -v -o "$TMP/bigtime" "$BIN" stats "$BIGDATA/A23C2706768" --no-cache >"$TMP/bigout"
    BIGRSS=$(awk '/Maximum resident set size/ { print $NF }' "$TMP/bigtime")
    echo "   $(grep -E '^total' "$TMP/bigout")"
fi

# --- table ------------------------------------------------------------------------------------
echo
printf "%-12s %3s %8s %9s %12s %11s\n" tool run "wall s" "MB/s" "peak RSS MiB" "RSS/input"
cat "$ROWS"
echo
median() { grep "^$1 " "$ROWS" | awk -v c="$2" '{ print $c }' | tr -d '%' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for tool in chargelog reopen lnav transactions exchanges grep search grep-i search-i; do
    wall=$(median $tool 3); rss=$(median $tool 5); pct=$(median $tool 6)
    awk -v t=$tool -v w="$wall" -v r="$rss" -v p="$pct" -v b="$BYTES" \
        'BEGIN { printf "median %-12s %6.2f s  %6.0f MB/s  peak RSS %6.1f MiB (%.1f%% of the input)\n", t, w, b / 1e6 / w, r, p }'
done

# --- issue 11's targets: each row measured in this run -------------------------------------------
mmed() { grep " $1 " "$MODEL" | awk '{ print $3 }' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
IDX=$(median chargelog 3); LN=$(median lnav 3); TR=$(median transactions 3); EX=$(median exchanges 3)
GR=$(median grep 3); SE=$(median search 3); GRI=$(median grep-i 3); SEI=$(median search-i 3)
TRR=$(median transactions 5); IXR=$(median chargelog 5)
FS=$(mmed first_screen_s); MIX=$(mmed index_s); P99=$(mmed key_p99_ms); VS=$(mmed search_s); VN=$(mmed next_s); VP=$(mmed previous_s)
MB=$(awk -v b="$BYTES" 'BEGIN { print b / 1048576 }')
echo
echo "== issue 11 targets (medians of $RUNS runs; ratio = chargelog / reference)"
printf "%-44s %12s %12s %8s  %s\n" what chargelog reference ratio target
printf "%-44s %11ss %11ss %8s  %s\n" "search: timeline --grep '$PATTERN' vs grep" "$SE" "$GR" "$(ratio "$SE" "$GR")" "<= 2"
printf "%-44s %11ss %11ss %8s  %s\n" "search: timeline --grep '(?i)…' vs grep -i" "$SEI" "$GRI" "$(ratio "$SEI" "$GRI")" "<= 2"
printf "%-44s %11ss %11ss %8s  %s\n" "search: viewer / (model, after index) vs grep" "$VS" "$GR" "$(ratio "$VS" "$GR")" "<= 2"
printf "%-44s %11ss %11ss %8s  %s\n" "search: viewer n vs grep" "$VN" "$GR" "$(ratio "$VN" "$GR")" "<= 2"
printf "%-44s %11ss %11ss %8s  %s\n" "search: viewer N vs grep" "$VP" "$GR" "$(ratio "$VP" "$GR")" "<= 2"
printf "%-44s %11ss %11ss %8s  %s\n" "analysis: transactions vs lnav index" "$TR" "$LN" "$(ratio "$TR" "$LN")" "<= 1"
printf "%-44s %11ss %11ss %8s  %s\n" "analysis: exchanges vs lnav index" "$EX" "$LN" "$(ratio "$EX" "$LN")" "<= 1"
printf "%-44s %10sMiB %10sMiB %8s  %s\n" "analysis RSS vs input" "$TRR" "$(printf %.0f "$MB")" "$(ratio "$TRR" "$MB")" "<= 0.2"
printf "%-44s %11ss %11ss %8s  %s\n" "index: lnav vs stats (speed-up)" "$IDX" "$LN" "$(ratio "$LN" "$IDX")" ">= 4"
printf "%-44s %10sMiB %10sMiB %8s  %s\n" "index RSS vs input" "$IXR" "$(printf %.0f "$MB")" "$(ratio "$IXR" "$MB")" "<= 0.15"
printf "%-44s %11ss %11ss %8s  %s\n" "first screen vs index (model)" "$FS" "$MIX" "$(ratio "$FS" "$MIX")" "<= 0.5"
RO=$(median reopen 3)
printf "%-44s %11ss %11ss %8s  %s\n" "re-open unchanged bundle (stats, on-disk index)" "$RO" "0.15" "$(ratio "$RO" 0.15)" "<= 1"
fmed() { grep " $1 " "$FOLLOW" | awk '{ print $3 }' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
FSC=$(fmed follow_screen_ms); FAN=$(fmed follow_analysis_s); FFULL=$(fmed full_analysis_s); FIN=$(fmed follow_insights_s)
FRANGES=$(grep " follow_analysis_s " "$FOLLOW" | head -1 | grep -o '[0-9]* ranges scanned, [0-9]* from the memo' || true)
printf "%-44s %10sms %10sms %8s  %s\n" "follow: 1 MB appended, on screen (model)" "$FSC" "100" "$(ratio "$FSC" 100)" "<= 1"
printf "%-44s %11ss %11ss %8s  %s\n" "follow: analysis after 1 MB vs a full pass" "$FAN" "$FFULL" "$(ratio "$FAN" "$FFULL")" "without a full pass ($FRANGES)"
printf "%-44s %11ss %12s %8s  %s\n" "follow: findings of the grown bundle (memory)" "$FIN" "-" "-" "-"
printf "%-44s %10sms %12s %8s  %s\n" "key press to grid p99 (model, $LINES lines)" "$P99" "16 ms" "$(ratio "$P99" 16)" "<= 1"
if [ "$BIG" = 1 ]; then
    printf "%-44s %10sMiB %10sMiB %8s  %s\n" "5 GB bundle: stats RSS vs input" "$((BIGRSS / 1024))" "$((BIGBYTES / 1048576))" "$(ratio "$((BIGRSS / 1024))" "$((BIGBYTES / 1048576))")" "<= 0.15"
else
    printf "%-44s %12s %12s %8s  %s\n" "5 GB bundle RSS" "BIG=1 runs it" "-" "-" "<= 0.15"
fi
