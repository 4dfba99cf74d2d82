#!/usr/bin/env bash
# The client matrix's speed (issue 20: "the whole client matrix in ≤ 2 s against a loopback
# server"): `tlsprobe clients` (every profile) against `tlsprobe lab serve` scenarios on
# 127.0.0.1, measured with hyperfine; testssl.sh's client simulation (-c) once for comparison
# when it is installed. Loopback only.
#
#   bench/clients-matrix.sh                     the debug build (swift build)
#   TLSPROBE=.build/release/tlsprobe bench/clients-matrix.sh
#   RUNS=20 bench/clients-matrix.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${TLSPROBE:-}
if [[ -z "$bin" ]]; then swift build >/dev/null; bin="$(swift build --show-bin-path)/tlsprobe"; fi
runs=${RUNS:-10}
work=$(mktemp -d /tmp/tlsprobe-clients-bench.XXXXXX)
"$bin" lab serve healthy-rsa sha1-leaf weak-dh-1024 --dir "$work/pki" --port-base 0 >"$work/serve.log" 2>&1 &
lab=$!
trap 'kill "$lab" 2>/dev/null; wait "$lab" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q "serving" "$work/serve.log" 2>/dev/null && break; sleep 0.1; done
port() { sed -n "s|^  $1 *https://localhost:\([0-9]*\)/.*|\1|p" "$work/serve.log"; }
echo "tlsprobe: $bin ($("$bin" --version | head -1)); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "clients: $("$bin" clients --clients list | grep -c "^  basis:")"
for scenario in healthy-rsa sha1-leaf weak-dh-1024; do
    p=$(port "$scenario")
    hyperfine --runs "$runs" --warmup 1 --style basic -N \
        "$bin clients localhost:$p --cacert $work/pki/root.pem -q" --command-name "clients $scenario" 2>&1 | grep -E "Time|Range|clients"
done
if command -v testssl >/dev/null; then
    p=$(port healthy-rsa)
    start=$(date +%s.%N)
    testssl --quiet --color 0 -c "localhost:$p" >/dev/null 2>&1 || true
    echo "testssl -c localhost:$p (one run): $(echo "$(date +%s.%N) - $start" | bc) s"
fi
