#!/usr/bin/env bash
# Instructions (valgrind callgrind) for one probe of a local `openssl s_server -www`, for
# comparing two builds of tlsprobe: repeatable on a noisy machine where wall time is not.
#
#   bench/probe-instructions.sh [BINARY...]     default: .build/debug/tlsprobe
#
# Prints "Ir <count> <binary>" per binary (median of 3 runs; the spread is shown).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
[ $# -gt 0 ] || set -- "$ROOT/.build/debug/tlsprobe"
command -v valgrind >/dev/null || { echo "probe-instructions: valgrind is required" >&2; exit 1; }
W=$(mktemp -d /tmp/tlsprobe-instr.XXXXXX)
SERVER=
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$W"' EXIT
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=localhost \
    -addext subjectAltName=DNS:localhost -keyout "$W/key.pem" -out "$W/cert.pem" 2>/dev/null
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
openssl s_server -quiet -www -accept "127.0.0.1:$PORT" -cert "$W/cert.pem" -key "$W/key.pem" >/dev/null 2>&1 &
SERVER=$!
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done
for BIN in "$@"; do
    # valgrind 3.19 gives up on the DWARF of Swift debug builds: measure a stripped copy.
    strip -o "$W/tlsprobe" "$BIN"
    counts=()
    for run in 1 2 3; do
        valgrind --tool=callgrind --callgrind-out-file="$W/out.$run" "$W/tlsprobe" --cacert "$W/cert.pem" --color never \
            "https://localhost:$PORT/" >"$W/probe.$run" 2>"$W/vg.$run" || true
        counts+=("$(grep -m1 '^summary:' "$W/out.$run" | cut -d' ' -f2)")
    done
    sorted=$(printf '%s\n' "${counts[@]}" | sort -n | tr '\n' ' ')
    status=0; "$BIN" --cacert "$W/cert.pem" -q "https://localhost:$PORT/" || status=$?
    echo "Ir $(printf '%s\n' "${counts[@]}" | sort -n | sed -n 2p) $BIN (runs: $sorted; probe exit $status)"
done
