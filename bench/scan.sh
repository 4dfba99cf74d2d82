#!/usr/bin/env bash
# The capability scan's speed against sslscan's for the same servers (issue 20: the scan in
# ≤ 0.5× sslscan's time). hyperfine runs `tlsprobe scan` and `sslscan --show-sigs` (protocols,
# every cipher per protocol, groups, signature algorithms, renegotiation, compression, fallback
# SCSV, heartbleed, certificate: what sslscan covers; the scan covers that and more) against
# each loopback server of bench/scan-servers.sh, and prints the medians and their ratio.
#
#   bench/scan.sh                 release build, 10 runs each
#   BENCH_RUNS=N                  runs per command
#   BENCH_TLSPROBE=path           measure this binary (no build)
#   BENCH_CONNECTIONS=N           tlsprobe scan --connections N (default: the tool's default)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
RUNS=${BENCH_RUNS:-10}
# shellcheck source=scan-servers.sh
source "$HERE/scan-servers.sh"
trap scan_servers_stop EXIT
for tool in hyperfine sslscan python3; do command -v "$tool" >/dev/null || { echo "scan bench: $tool is missing" >&2; exit 1; }; done

if [ -n "${BENCH_TLSPROBE:-}" ]; then
    bin=$BENCH_TLSPROBE
else
    (cd "$ROOT" && swift build -c release --product tlsprobe >/dev/null)
    bin="$ROOT/.build/release/tlsprobe"
fi
extra=()
[ -n "${BENCH_CONNECTIONS:-}" ] && extra=(--connections "$BENCH_CONNECTIONS")

scan_servers_start
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $("$bin" --version); sslscan $(sslscan --version 2>/dev/null | sed -n 's/.*\([0-9]\+\.[0-9]\+\.[0-9]\+\).*/\1/p' | head -1)"
printf '%-8s %10s %10s %7s %12s\n' server tlsprobe sslscan ratio connections
for entry in "${SCAN_PORTS[@]}"; do
    name=${entry%%=*} port=${entry#*=}
    json="$SCAN_W/$name.json"
    hyperfine --runs "$RUNS" --warmup 1 -i --export-json "$json" -N \
        "$bin scan 127.0.0.1:$port --no-sni --quiet ${extra[*]}" \
        "sslscan --no-colour --show-sigs 127.0.0.1:$port" >/dev/null 2>&1
    connections=$("$bin" scan "127.0.0.1:$port" --no-sni --json "${extra[@]}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["scan"]["connections"])' || true)
    python3 - "$json" "$name" "$connections" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
ours, theirs = runs[0]["median"], runs[1]["median"]
print(f"{sys.argv[2]:<8} {ours*1000:8.0f} ms {theirs*1000:7.0f} ms {ours/theirs:6.2f}× {sys.argv[3]:>12}")
PY
done
