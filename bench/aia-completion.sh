#!/usr/bin/env bash
# What the AIA completion (#19) costs: one probe of a leaf-only `openssl s_server` whose leaf names
# a CA Issuers URL on a loopback `python3 -m http.server`, with the download and with --no-fetch,
# against the same leaf served with its intermediate. Instructions by valgrind callgrind (median
# of 3, repeatable on a noisy machine) and wall time by hyperfine (if installed).
#
#   bench/aia-completion.sh [BINARY]     default: .build/debug/tlsprobe
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-"$ROOT/.build/debug/tlsprobe"}
W=$(mktemp -d /tmp/tlsprobe-aia.XXXXXX)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$W"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return; sleep 0.1; done; }
HTTP=$(free_port); LEAF_ONLY=$(free_port); FULL=$(free_port)
cd "$W"
cat > ext.cnf <<EOF
[req]
distinguished_name = dn
[dn]
[ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[leaf]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost
authorityInfoAccess = caIssuers;URI:http://127.0.0.1:$HTTP/int.der
EOF
ec() { openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$1.key" -out "$1.csr" -subj "/CN=$2" -config ext.cnf 2>/dev/null; }
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout root.key -out root.pem -subj "/CN=Bench Root" -days 2 -extensions ca -config ext.cnf 2>/dev/null
ec int "Bench Intermediate"; openssl x509 -req -in int.csr -CA root.pem -CAkey root.key -CAcreateserial -out int.pem -days 2 -extfile ext.cnf -extensions ca 2>/dev/null
ec leaf localhost; openssl x509 -req -in leaf.csr -CA int.pem -CAkey int.key -CAcreateserial -out leaf.pem -days 2 -extfile ext.cnf -extensions leaf 2>/dev/null
openssl x509 -in int.pem -outform der -out int.der
python3 -m http.server "$HTTP" --bind 127.0.0.1 >/dev/null 2>&1 & PIDS+=($!)
openssl s_server -quiet -www -accept "127.0.0.1:$LEAF_ONLY" -cert leaf.pem -key leaf.key >/dev/null 2>&1 & PIDS+=($!)
openssl s_server -quiet -www -accept "127.0.0.1:$FULL" -cert leaf.pem -key leaf.key -cert_chain int.pem >/dev/null 2>&1 & PIDS+=($!)
wait_port "$HTTP"; wait_port "$LEAF_ONLY"; wait_port "$FULL"

COMMON="--cacert $W/root.pem --connect-to 127.0.0.1 --no-http --color never --timeout 30"
CASES=("full chain|localhost:$FULL" "leaf only, AIA download|localhost:$LEAF_ONLY" "leaf only, --no-fetch|localhost:$LEAF_ONLY --no-fetch")
"$BIN" localhost:$LEAF_ONLY $COMMON --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
c = next(s for s in d["stages"] if s["name"] == "certificate")["details"]["aia_completion"]
print("completion: status %s, %.1f ms in all, downloads %s ms; probe %.1f ms, exit %d" % (c["status"], c["duration_ms"], [f["duration_ms"] for f in c["fetches"]], d["duration_ms"], d["exit_code"]))'
if command -v valgrind >/dev/null; then
    strip -o "$W/tlsprobe" "$BIN"  # valgrind gives up on the DWARF of Swift debug builds
    for case in "${CASES[@]}"; do
        label=${case%%|*}; args=${case#*|}
        counts=()
        for run in 1 2 3; do
            valgrind --tool=callgrind --callgrind-out-file="$W/out.$run" "$W/tlsprobe" $args $COMMON -q >/dev/null 2>&1 || true
            counts+=("$(grep -m1 '^summary:' "$W/out.$run" | cut -d' ' -f2)")
        done
        echo "Ir $(printf '%s\n' "${counts[@]}" | sort -n | sed -n 2p)  $label (runs: $(printf '%s ' "${counts[@]}"))"
    done
fi
if command -v hyperfine >/dev/null; then
    commands=()
    for case in "${CASES[@]}"; do commands+=("$BIN ${case#*|} $COMMON -q"); done
    hyperfine -N -i -w 3 -r 20 "${commands[@]}" 2>&1 | grep -E "Benchmark|Time"
fi
