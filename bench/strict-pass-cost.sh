#!/usr/bin/env bash
# What the strict second opinion (#15: StrictChainJudge, with its offline X509_STRICT
# re-verification) costs one probe, in callgrind instructions: the inclusive count of
# StrictChainJudge.findings against the whole process, for a --no-http probe of a root →
# intermediate → leaf chain (P-256, made here) served by openssl s_server on loopback.
#
#   bench/strict-pass-cost.sh [path/to/tlsprobe]   default: .build/release/tlsprobe
# A binary with debug info confuses valgrind's reader: it is measured through a `strip -g` copy.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/release/tlsprobe}
[[ -x "$binary" ]] || { echo "strict-pass-cost: no executable at $binary" >&2; exit 64; }
work=$(mktemp -d /tmp/tlsprobe-strictcost.XXXXXX)
server=
trap '[[ -n "$server" ]] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
cp "$OLDPWD/$binary" tlsprobe 2>/dev/null || cp "$binary" tlsprobe
strip -g tlsprobe
printf '[ca]\nbasicConstraints = critical, CA:TRUE\nkeyUsage = critical, keyCertSign, cRLSign\nsubjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\n[leaf]\nbasicConstraints = critical, CA:FALSE\nkeyUsage = critical, digitalSignature\nextendedKeyUsage = serverAuth\nsubjectAltName = DNS:localhost\nsubjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\n' > x.cnf
for name in root int leaf; do openssl ecparam -name prime256v1 -genkey -noout -out $name.key; done
openssl req -x509 -key root.key -subj /CN=Bench-Root -days 10 -out root.pem -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -new -key int.key -subj /CN=Bench-CA -out int.csr
openssl x509 -req -in int.csr -CA root.pem -CAkey root.key -set_serial 2 -days 10 -extfile x.cnf -extensions ca -out int.pem 2>/dev/null
openssl req -new -key leaf.key -subj /CN=localhost -out leaf.csr
openssl x509 -req -in leaf.csr -CA int.pem -CAkey int.key -set_serial 3 -days 10 -extfile x.cnf -extensions leaf -out leaf.pem 2>/dev/null
openssl s_server -accept 127.0.0.1:0 -cert leaf.pem -cert_chain int.pem -key leaf.key -www > server.log 2>&1 &
server=$!
for _ in $(seq 50); do grep -q ACCEPT server.log && break; sleep 0.1; done
port=$(sed -n 's/.*ACCEPT [^:]*:\([0-9]*\).*/\1/p' server.log | head -1)
./tlsprobe localhost:$port --connect-to 127.0.0.1 --cacert root.pem --no-http >/dev/null   # warm-up, and a check that it verifies
valgrind --tool=callgrind --callgrind-out-file=cg.out ./tlsprobe localhost:$port --connect-to 127.0.0.1 --cacert root.pem --no-http --timeout 60 >/dev/null 2>valgrind.log
total=$(callgrind_annotate cg.out | sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p' | tr -d ,)
strict=$(callgrind_annotate --inclusive=yes cg.out | grep 'StrictChainJudgeV8findings' | head -1 | awk '{print $1}' | tr -d ,)
reverify=$(callgrind_annotate --inclusive=yes cg.out | grep 'TLSConnectionC13verifyOffline' | head -1 | awk '{print $1}' | tr -d ,)
echo "probe total: $total instructions"
echo "StrictChainJudge.findings (inclusive): ${strict:-?} ($(awk -v s="${strict:-0}" -v t="$total" 'BEGIN{printf "%.1f", 100*s/t}')% of the probe)"
echo "  of which TLSConnection.verifyOffline (X509_STRICT re-verification): ${reverify:-?}"
