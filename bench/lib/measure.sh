# Measuring helpers (sourced by bench/run). Every number lands in $RESULTS as "key<TAB>value".

record() { printf '%s\t%s\n' "$1" "$2" >> "$RESULTS"; }

# Runs a command once and fails loudly unless it exits with the expected status, so a broken
# setup never produces fast-looking numbers.
check_exit() {  # expected-status label command…
    local expected=$1 label=$2 status
    shift 2
    "$@" </dev/null >/dev/null 2>"$W/check.err"
    status=$?
    if [ "$status" != "$expected" ]; then
        echo "bench: '$label' exited $status (expected $expected): $*" >&2
        head -5 "$W/check.err" >&2
        return 1
    fi
}

# Times commands side by side with hyperfine (no shell in between) and records min and median
# wall time in ms. Arguments: group runs expected-status, then pairs of name and command.
time_group() {
    local group=$1 runs=$2 expected=$3
    shift 3
    local args=() name command ok=1
    while [ $# -gt 0 ]; do
        name=$1 command=$2
        shift 2
        # shellcheck disable=SC2086 # commands are word lists without quoting, on purpose
        check_exit "$expected" "$group.$name" $command || { ok=0; record "$group.$name.failed" 1; continue; }
        args+=(-n "$name" "$command")
    done
    [ ${#args[@]} -eq 0 ] && return
    hyperfine -N -i --style none --warmup 3 --runs "$runs" --export-json "$W/$group.json" "${args[@]}" >"$W/$group.log" 2>&1 ||
        { echo "bench: hyperfine failed for $group (see $W/$group.log)" >&2; return; }
    python3 - "$W/$group.json" "$group" >> "$RESULTS" <<'PY'
import json, sys
for result in json.load(open(sys.argv[1]))["results"]:
    times = sorted(result["times"])
    print(f"{sys.argv[2]}.{result['command']}.min_ms\t{times[0] * 1000:.2f}")
    print(f"{sys.argv[2]}.{result['command']}.median_ms\t{result['median'] * 1000:.2f}")
PY
}

# Peak RSS in KB: the median of three runs of /usr/bin/time -f %M.
peak_rss() {  # key command…
    local key=$1 samples=()
    shift
    for _ in 1 2 3; do
        /usr/bin/time -f %M -o "$W/rss.out" "$@" </dev/null >/dev/null 2>&1
        samples+=("$(tail -1 "$W/rss.out")")
    done
    record "$key.rss_kb" "$(printf '%s\n' "${samples[@]}" | sort -n | sed -n 2p)"
}

# One run of a whole fleet: wall seconds, client CPU seconds (user+sys of the process tree),
# peak RSS of the largest single process.
fleet_run() {  # key probes command…
    local key=$1 probes=$2
    shift 2
    /usr/bin/time -f '%e %U %S %M %x' -o "$W/fleet.out" "$@" </dev/null >/dev/null 2>"$W/fleet.err"
    read -r wall user sys rss status < <(tail -1 "$W/fleet.out")
    [ "$status" != 0 ] && echo "bench: fleet '$key' exited $status" >&2 && head -3 "$W/fleet.err" >&2
    record "$key.status" "$status"
    record "$key.probes_per_s" "$(awk -v n="$probes" -v t="$wall" 'BEGIN { printf "%.1f", n / t }')"
    record "$key.cpu_ms_per_probe" "$(awk -v n="$probes" -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", (u + s) * 1000 / n }')"
    record "$key.rss_kb" "$rss"
    record "$key.wall_s" "$wall"
}

# N copies of a target, as arguments.
repeat_target() {  # count target
    local i
    for ((i = 0; i < $1; i++)); do printf '%s\n' "$2"; done
}
