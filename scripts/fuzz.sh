#!/usr/bin/env bash
# Builds the libFuzzer harness (Sources/tlsprobe-fuzz, with -sanitize=fuzzer,address) in its own
# scratch path and fuzzes each target for a bounded time from its committed seed corpus.
# Usage: scripts/fuzz.sh [seconds-per-target] [target…]   (default 60 s, all targets)
# New interesting inputs go to .build-fuzz/corpus/<target> (not committed); a crash leaves
# crash-* in .build-fuzz/artifacts/<target>/ and the script exits 1. Keep a crash as a
# regression by copying it into fuzz/corpus/<target>/ (the tests replay every corpus file).
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(peer-bytes http-head http-reader target hello safe-text)
scratch=.build-fuzz
mkdir -p "$scratch"
swift build --scratch-path "$scratch" -c release --product tlsprobe-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld -Xswiftc -DFUZZING >"$scratch/harness-build.log" 2>&1 \
    || { tail -20 "$scratch/harness-build.log"; exit 70; }
binary="$scratch/release/tlsprobe-fuzz"
status=0
for target in "${targets[@]}"; do
    mkdir -p "$scratch/corpus/$target" "$scratch/artifacts/$target"
    start=$(date +%s)
    if "$binary" "$target" "$scratch/corpus/$target" "fuzz/corpus/$target" \
        -max_total_time="$seconds" -max_len=4096 -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$scratch/artifacts/$target/" >"$scratch/$target.log" 2>&1; then
        result=ok
    else
        result=CRASH
        status=1
    fi
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$scratch/$target.log" | grep -o '[0-9]*$' || echo "?")
    coverage=$(grep -o 'cov: [0-9]*' "$scratch/$target.log" | tail -1 || true)
    echo "$target: $result, $runs runs, $coverage in $(( $(date +%s) - start )) s"
    [ "$result" = CRASH ] && grep -E "ERROR|Fatal error|precondition" "$scratch/$target.log" | head -5
done
exit $status
