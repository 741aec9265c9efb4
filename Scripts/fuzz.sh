#!/usr/bin/env bash
# Fuzzes the two parsers of untrusted input with libFuzzer (and AddressSanitizer): the JSONL interchange decoder
# and the rubric loader. Seed corpora come from Samples/ and Rubrics/. Usage:
#   bash Scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 60; CI runs it briefly)
# Prints each target's executions and exits non-zero on a crash, leaving the crashing input in .build/fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
root="$PWD"
work="$root/.build/fuzz"
mkdir -p "$work"

echo "== building the fuzz targets (libFuzzer + AddressSanitizer)"
swift build --package-path Fuzz --scratch-path "$work/build" --sanitize fuzzer --sanitize address -c debug 2>&1 | tail -n 3
bin="$(swift build --package-path Fuzz --scratch-path "$work/build" --sanitize fuzzer --sanitize address -c debug --show-bin-path)"

# Seed corpora: every Samples line (one file each) and every stock rubric and pair file.
rm -rf "$work/seed-jsonl" "$work/seed-xml"
mkdir -p "$work/seed-jsonl" "$work/seed-xml" "$work/corpus-jsonl" "$work/corpus-xml"
n=0
for file in Samples/interactions/*.jsonl; do
    while IFS= read -r line; do
        n=$((n + 1))
        printf '%s' "$line" > "$work/seed-jsonl/$n.json"
    done < "$file"
done
cp Rubrics/*.xml Fuzz/seed-rubric.xml "$work/seed-xml/"
find Samples/pairs -name '*.xml' -exec cp {} "$work/seed-xml/" \; 2>/dev/null || true

status=0
run() {
    local target="$1" corpus="$2" seed="$3" dict="${4:-}" maxlen="${5:-65536}"
    echo "== $target for ${seconds}s"
    local log="$work/$target.log"
    # LeakSanitizer is off: Swift stores indirect enum payloads as pointers with tag bits set, which it cannot
    # see as references, so every rubric held by a global is reported as leaked. A real leak still shows as
    # growing memory, which -rss_limit_mb turns into a failure.
    local args=(-max_total_time="$seconds" -rss_limit_mb=2048 -detect_leaks=0 -timeout=20 -artifact_prefix="$work/$target-" -print_final_stats=1 -max_len="$maxlen")
    if [ -n "$dict" ]; then args+=(-dict="$dict"); fi
    if ! ASAN_OPTIONS=detect_leaks=0 "$bin/$target" "${args[@]}" "$corpus" "$seed" > "$log" 2>&1; then
        status=1
        echo "$target: FAILED; the input is in $work/$target-*"
        grep -E "ERROR|Fatal error|panic|SUMMARY" "$log" | head -n 5 || true
    fi
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$log" | sed "s/^/  /" || true
    grep -E "^#[0-9]+.*DONE" "$log" | tail -n 1 | sed "s/^/  /" || true
}
run FuzzInteractionDecoder "$work/corpus-jsonl" "$work/seed-jsonl" "$root/Fuzz/json.dict"
# Rubrics: inputs up to 16 KiB (the stock rubrics, 25-50 KiB, compile in about a second each under the
# sanitizer; they are read whole once as seeds, then mutations stay small and fast).
run FuzzRubricLoader "$work/corpus-xml" "$work/seed-xml" "$root/Fuzz/xml.dict" 16384
exit $status
