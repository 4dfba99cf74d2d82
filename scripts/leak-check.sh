#!/usr/bin/env bash
# Probes one local `openssl s_server` N times in ONE tlsprobe process (targets repeated on the
# command line) and reports the peak RSS for 1,000 and for N (default 10,000) probes: if OpenSSL
# objects leaked per probe, the second number would grow with N.
# Usage: scripts/leak-check.sh [N] [path-to-tlsprobe]   (default .build/debug/tlsprobe)
set -eu
cd "$(dirname "$0")/.."
count=${1:-10000}
binary=${2:-.build/debug/tlsprobe}
[ -x "$binary" ] || swift build --product tlsprobe >/dev/null
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=localhost \
    -addext subjectAltName=DNS:localhost -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
port=$(( 20000 + RANDOM % 20000 ))
openssl s_server -quiet -accept "127.0.0.1:$port" -cert "$work/cert.pem" -key "$work/key.pem" -www >/dev/null 2>&1 &
server=$!
sleep 0.5
run() {
    local n=$1
    # shellcheck disable=SC2046
    /usr/bin/time -f "%M %e" -o "$work/time" "$binary" -q --cacert "$work/cert.pem" --connect-to 127.0.0.1 \
        --timeout 5 $(yes "localhost:$port" | head -n "$n") || { echo "probe run failed (exit $?)"; exit 1; }
    read -r rss seconds <"$work/time"
    echo "$n probes: peak RSS $rss KB, $seconds s"
}
run 1000
run "$count"
