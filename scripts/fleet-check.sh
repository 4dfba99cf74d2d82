#!/usr/bin/env bash
# Fleet check: probes a 100- and a 1,000-target file (healthy and broken servers mixed, all on
# 127.0.0.1) with --jobs 32 --format ndjson, checks that every line parses and that the lines
# come in input order, and reports the peak RSS of each run (GNU time -v) so memory can be seen
# to stay flat. Servers are `openssl s_server` instances started here, plus one closed port.
#
# Usage: scripts/fleet-check.sh [counts...]   (default: 100 1000)
#   TLSPROBE=path/to/tlsprobe  (default: .build/release/tlsprobe if built, else .build/debug/tlsprobe)
#   JOBS=32
# Needs: openssl, jq, python3, GNU time at /usr/bin/time (apt-get install time).
set -euo pipefail

cd "$(dirname "$0")/.."
BIN=${TLSPROBE:-}
if [[ -z "$BIN" ]]; then
    if [[ -x .build/release/tlsprobe ]]; then BIN=.build/release/tlsprobe; else BIN=.build/debug/tlsprobe; fi
fi
JOBS=${JOBS:-32}
COUNTS=("${@:-100 1000}")
[[ $# -eq 0 ]] && COUNTS=(100 1000)
for tool in openssl jq python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "fleet-check: $tool is missing" >&2; exit 2; }
done

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# A CA, and leaves for *.fleet.test (healthy, expiring in 3 days), other.example (wrong host),
# plus a self-signed *.fleet.test (untrusted).
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 -subj "/CN=fleet-check CA" \
    -keyout "$work/ca.key" -out "$work/ca.pem" 2>/dev/null
leaf() { # name days subject-alt-name
    openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$3" \
        -keyout "$work/$1.key" -out "$work/$1.csr" 2>/dev/null
    printf 'subjectAltName=DNS:%s\nextendedKeyUsage=serverAuth\n' "$3" > "$work/$1.ext"
    openssl x509 -req -in "$work/$1.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" -CAcreateserial \
        -days "$2" -extfile "$work/$1.ext" -out "$work/$1.pem" 2>/dev/null
}
leaf healthy 90 '*.fleet.test'
leaf soon 3 '*.fleet.test'
leaf wronghost 90 'other.example'
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 90 -subj "/CN=*.fleet.test" \
    -addext "subjectAltName=DNS:*.fleet.test" -keyout "$work/selfsigned.key" -out "$work/selfsigned.pem" 2>/dev/null

declare -A port
serve() { # kind cert-name
    local p; p=$(free_port)
    openssl s_server -quiet -www -accept "127.0.0.1:$p" -cert "$work/$2.pem" -key "$work/$2.key" >/dev/null 2>&1 &
    pids+=($!)
    port[$1]=$p
}
serve healthy1 healthy
serve healthy2 healthy
serve healthy3 healthy
serve soon soon
serve wronghost wronghost
serve selfsigned selfsigned
port[closed]=$(free_port)  # nothing listens here: connection refused
for kind in healthy1 healthy2 healthy3 soon wronghost selfsigned; do
    for _ in $(seq 50); do
        (exec 3<>"/dev/tcp/127.0.0.1/${port[$kind]}") 2>/dev/null && break
        sleep 0.1
    done
done

# Seven of ten targets are fine (three of them warn: no HSTS from s_server, one expires soon),
# three fail: wrong host (31), untrusted (30), refused (11).
kinds=(healthy1 healthy2 soon healthy3 wronghost healthy1 selfsigned healthy2 closed healthy3)
make_targets() { # count file
    for ((i = 0; i < $1; i++)); do
        kind=${kinds[i % 10]}
        echo "site$i.fleet.test:${port[$kind]} --connect-to 127.0.0.1"
    done > "$2"
}

status=0
declare -A rss
for count in "${COUNTS[@]}"; do
    targets="$work/targets-$count.txt"
    make_targets "$count" "$targets"
    set +e
    /usr/bin/time -v "$BIN" --targets-file "$targets" --jobs "$JOBS" --format ndjson --cacert "$work/ca.pem" \
        --timeout 10 > "$work/out-$count.ndjson" 2> "$work/time-$count.txt"
    code=$?
    set -e
    lines=$(jq -c . "$work/out-$count.ndjson" | wc -l)
    ordered=no
    if diff -q <(cut -d' ' -f1 "$targets") <(jq -r .target.input "$work/out-$count.ndjson") >/dev/null; then ordered=yes; fi
    rss[$count]=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time-$count.txt")
    elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time-$count.txt")
    summary=$(jq -r '.outcome' "$work/out-$count.ndjson" | sort | uniq -c | awk '{printf "%s %s, ", $1, $2}')
    echo "targets=$count lines=$lines in_order=$ordered exit=$code elapsed=$elapsed peak_rss_kb=${rss[$count]} outcomes: ${summary%, }"
    if [[ "$lines" -ne "$count" || "$ordered" != yes ]]; then status=1; fi
    # The first target is healthy, the fifth has the wrong host: the run exits 31.
    if [[ "$count" -ge 5 && "$code" -ne 31 ]]; then echo "fleet-check: expected exit 31, got $code" >&2; status=1; fi
done

if [[ -n "${rss[100]:-}" && -n "${rss[1000]:-}" ]]; then
    growth=$(( (rss[1000] - rss[100]) * 100 / rss[100] ))
    echo "peak RSS 100 → 1000 targets: ${rss[100]} kB → ${rss[1000]} kB (${growth}%)"
    # Flat means the 10× longer list costs no more than a quarter more memory.
    if (( growth > 25 )); then echo "fleet-check: memory grew with the list" >&2; status=1; fi
fi
exit $status
