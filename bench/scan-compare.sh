#!/usr/bin/env bash
# The full accuracy comparison of `tlsprobe scan` with sslscan and testssl.sh (the tests run a
# narrow testssl.sh; this runs `-E`, every cipher per protocol, which takes minutes per server).
# Servers: bench/scan-servers.sh (OpenSSL s_server and gnutls-serv on loopback). Prints, per
# server and version, the accepted suites each tool found and what differs; exit 1 on a difference.
#
#   bench/scan-compare.sh              debug build of the worktree (swift build)
#   BENCH_TLSPROBE=path                use this binary
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
# shellcheck source=scan-servers.sh
source "$HERE/scan-servers.sh"
trap scan_servers_stop EXIT
for tool in sslscan testssl python3; do command -v "$tool" >/dev/null || { echo "scan compare: $tool is missing" >&2; exit 1; }; done
if [ -n "${BENCH_TLSPROBE:-}" ]; then bin=$BENCH_TLSPROBE; else (cd "$ROOT" && swift build --product tlsprobe >/dev/null); bin="$ROOT/.build/debug/tlsprobe"; fi

scan_servers_start
status=0
for entry in "${SCAN_PORTS[@]}"; do
    name=${entry%%=*} port=${entry#*=}
    "$bin" scan "127.0.0.1:$port" --no-sni --json > "$SCAN_W/$name.tlsprobe.json" || true
    sslscan --no-colour --show-sigs --xml=- "127.0.0.1:$port" > "$SCAN_W/$name.sslscan.xml" 2>/dev/null
    testssl --quiet --warnings off --color 0 -p -E -P -Z --jsonfile "$SCAN_W/$name.testssl.json" "127.0.0.1:$port" >/dev/null 2>&1 || true
    python3 - "$name" "$SCAN_W/$name.tlsprobe.json" "$SCAN_W/$name.sslscan.xml" "$SCAN_W/$name.testssl.json" <<'PY' || status=1
import json, re, sys, xml.etree.ElementTree as ET
name, ours_path, sslscan_path, testssl_path = sys.argv[1:]
scan = json.load(open(ours_path))["scan"]
ours = {k: {int(s["code"], 16) for s in v} for k, v in scan["cipher_suites"].items()}
sslscan = {}
for c in ET.parse(sslscan_path).getroot().iter("cipher"):
    v = c.get("sslversion").replace("TLSv", "tls").replace(".", "_")
    sslscan.setdefault(v if "_" in v else v + "_0", set()).add(int(c.get("id"), 16))
testssl = {}
for e in json.load(open(testssl_path)):
    m = re.match(r"cipher-(tls1|tls1_1|tls1_2|tls1_3|ssl3)_x([0-9a-f]+)$", e["id"])
    if m:
        testssl.setdefault({"tls1": "tls1_0"}.get(m.group(1), m.group(1)), set()).add(int(m.group(2), 16))
fallback = next((e["finding"] for e in json.load(open(testssl_path)) if e["id"] == "fallback_SCSV"), "?")
bad = False
for version in ["ssl3", "tls1_0", "tls1_1", "tls1_2", "tls1_3"]:
    a, b, c = ours.get(version, set()), sslscan.get(version, set()), testssl.get(version, set())
    same = a == b == c
    bad |= not same
    print(f"{name:<8} {version:<7} tlsprobe {len(a):3}  sslscan {len(b):3}  testssl {len(c):3}  {'equal' if same else 'DIFFERENT'}")
    if not same:
        print("   only tlsprobe:", sorted(hex(x) for x in a - b - c), " missing in tlsprobe:", sorted(hex(x) for x in (b | c) - a))
print(f"{name:<8} fallback SCSV: tlsprobe {scan['features']['fallback_scsv']}, testssl '{fallback}'")
sys.exit(1 if bad else 0)
PY
done
exit $status
