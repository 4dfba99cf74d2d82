#!/usr/bin/env bash
# Writes bench/symbol-order.txt, the order in which the release link (Makefile) lays out
# functions: the ones typical runs execute first, packed together, so a probe touches a few
# megabytes of text instead of pages spread over the whole binary (the kernel maps 64 KB around
# each page fault). Names come from callgrind over real runs of a release build against the
# lab's servers on 127.0.0.1: --version and --help, healthy and failing probes (text, --json,
# -v, --no-http), a fleet, explain, check, and last a scan and the client matrix. Functions every
# run needs come first, then those fewer runs need.
#
#   bench/symbol-order.sh [BINARY]     (default: the release build, `make build`)
#
# A stale list only costs memory, never correctness: a name that no longer exists is skipped by
# the linker (--no-warn-symbol-ordering). `bench/symbol-order.sh --check` says how many of the
# list's names the current build still has (run it after larger changes; regenerate when low).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
LIST="$HERE/symbol-order.txt"

if [ "${1:-}" = "--check" ]; then
    binary="${2:-$(cd "$ROOT" && make -s bin-path)/tlsprobe}"
    command -v nm >/dev/null || { echo "symbol-order: nm is required (binutils)" >&2; exit 1; }
    W=$(mktemp -d /tmp/tlsprobe-symorder.XXXXXX)
    trap 'rm -rf "$W"' EXIT
    nm --defined-only "$binary" | awk '{print $3}' | sort -u >"$W/present"
    sort -u "$LIST" >"$W/listed"
    total=$(wc -l <"$W/listed")
    found=$(comm -12 "$W/listed" "$W/present" | wc -l)
    echo "symbol-order: $found of $total listed functions are in $binary ($((100 * found / total))%)"
    [ $((100 * found / total)) -ge 80 ] || { echo "symbol-order: below 80%: regenerate with bench/symbol-order.sh" >&2; exit 1; }
    exit 0
fi

BIN="${1:-$(cd "$ROOT" && make -s bin-path)/tlsprobe}"
[ -x "$BIN" ] || { echo "symbol-order: no binary at $BIN (make build)" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "symbol-order: valgrind is required" >&2; exit 1; }
W=$(mktemp -d /tmp/tlsprobe-symorder.XXXXXX)
SERVER=
# valgrind cannot read the DWARF 5 the Swift compiler writes: profile a copy without it (the
# symbol table, which names the functions, stays).
cp "$BIN" "$W/tlsprobe" && strip -g "$W/tlsprobe"
BIN="$W/tlsprobe"
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null; rm -rf "$W"; }
trap cleanup EXIT
unset SSL_CERT_FILE SSL_CERT_DIR

BASE=${SYMBOL_ORDER_PORT_BASE:-27700}
SCENARIOS=(healthy-rsa healthy-ecdsa expired wrong-host missing-intermediate http-500 refused)
(cd "$W" && exec "$BIN" lab serve "${SCENARIOS[@]}" --port-base "$BASE" >"$W/serve.log" 2>&1) &
SERVER=$!
for _ in $(seq 50); do grep -q "Ctrl-C" "$W/serve.log" 2>/dev/null && break; sleep 0.2; done
grep -q "Ctrl-C" "$W/serve.log" || { cat "$W/serve.log" >&2; exit 1; }
port() { local i; for i in "${!SCENARIOS[@]}"; do if [ "${SCENARIOS[$i]}" = "$1" ]; then echo $((BASE + i)); fi; done; }
CA=(--cacert "$W/tlsprobe-lab/root.pem")
printf 'localhost:%s\n' "$(port healthy-rsa)" "$(port healthy-ecdsa)" "$(port expired)" "$(port wrong-host)" >"$W/targets"

runs=(
    "--version"
    "--help"
    "${CA[*]} localhost:$(port healthy-rsa)"
    "${CA[*]} --no-http localhost:$(port healthy-ecdsa)"
    "${CA[*]} --json localhost:$(port healthy-rsa)"
    "${CA[*]} -v localhost:$(port healthy-ecdsa)"
    "${CA[*]} localhost:$(port expired)"
    "${CA[*]} localhost:$(port wrong-host)"
    "${CA[*]} localhost:$(port missing-intermediate)"
    "${CA[*]} --format nagios localhost:$(port http-500)"
    "${CA[*]} localhost:$(port refused)"
    "${CA[*]} --no-http --format ndjson --targets-file $W/targets"
    "explain -0x2700"
    "check $W/tlsprobe-lab/root.pem"
    "scan ${CA[*]} localhost:$(port healthy-rsa)"
    "clients ${CA[*]} localhost:$(port healthy-rsa)"
)
n=0
for run in "${runs[@]}"; do
    n=$((n + 1))
    # shellcheck disable=SC2086  # each run is a command line
    (cd "$W" && valgrind --tool=callgrind --callgrind-out-file="$W/cg.$n" --compress-strings=no --demangle=no \
        --compress-pos=no "$BIN" $run >/dev/null 2>"$W/vg.$n") || true
    grep -q "^fn=" "$W/cg.$n" 2>/dev/null || { echo "symbol-order: no profile for: tlsprobe $run" >&2; tail -5 "$W/vg.$n" >&2; exit 1; }
done

# Only the binary's own functions (not libc's or libcrypto's), by how many runs executed them,
# then in the order the runs first reached them.
nm --defined-only "$BIN" | awk '$2 ~ /^[tTwW]$/ {print $3}' | sort -u >"$W/own"
for i in $(seq "$n"); do
    grep -h "^fn=" "$W/cg.$i" | sed 's/^fn=//' | awk '!seen[$0]++' >"$W/fns.$i"
done
python3 - "$W" "$n" "$LIST" <<'EOF'
import sys
work, runs, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
own = set(open(f"{work}/own").read().split())
count, first = {}, {}
position = 0
for i in range(1, runs + 1):
    for name in open(f"{work}/fns.{i}").read().splitlines():
        name = name.split("'")[0]  # callgrind marks recursion levels as name'2
        if name not in own:
            continue
        count[name] = count.get(name, 0) + 1
        if name not in first:
            first[name] = position
            position += 1
ordered = sorted(count, key=lambda name: (-count[name], first[name]))
with open(out, "w") as handle:
    handle.write("\n".join(ordered) + "\n")
print(f"symbol-order: {len(ordered)} functions from {runs} runs written to {out}")
EOF
