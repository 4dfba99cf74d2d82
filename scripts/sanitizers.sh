#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and ThreadSanitizer, each in its own scratch
# path so the normal .build stays untouched. Usage: scripts/sanitizers.sh [address|thread]...
# Prints one PASS/FAIL line per sanitizer with its duration; exits non-zero if any failed.
set -u
cd "$(dirname "$0")/.."
sanitizers=("$@")
[ $# -eq 0 ] && sanitizers=(address thread)
# Toolchain leaks (XCTest, Foundation.Process) are suppressed; anything of ours still fails.
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt:print_suppressions=0"
status=0
for sanitizer in "${sanitizers[@]}"; do
    case "$sanitizer" in
        address) scratch=.build-asan ;;
        thread) scratch=.build-tsan ;;
        *) echo "unknown sanitizer: $sanitizer (expected address or thread)" >&2; exit 64 ;;
    esac
    log="$scratch/sanitizer-test.log"
    mkdir -p "$scratch"
    start=$(date +%s)
    if swift test --scratch-path "$scratch" --sanitize="$sanitizer" >"$log" 2>&1; then
        result=PASS
    else
        result=FAIL
        status=1
    fi
    echo "$sanitizer: $result in $(( $(date +%s) - start )) s (log: $log)"
    grep -E "ERROR: (Address|Thread)Sanitizer|WARNING: ThreadSanitizer|SUMMARY:" "$log" | sort | uniq -c | head -20
done
exit $status
