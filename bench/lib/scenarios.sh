# The measurements of issues 8 and 17 (sourced by bench/run after the servers are up).

run_scenarios() {
    local host=localhost
    scenario_single rsa "$PORT_RSA" "$P/rsa-ca.pem"
    scenario_single ec "$PORT_EC" "$P/ec-ca.pem"
    scenario_system_store
    scenario_startup
    scenario_fleet
    scenario_capacity
    scenario_growth
    scenario_callgrind
}

# 1. One probe, one trust anchor: handshake only, then with one HTTP GET.
scenario_single() {  # label port cafile
    local label=$1 port=$2 ca=$3
    say "single probe, $label, --no-http"
    time_group "single.$label.nohttp" "$RUNS" 0 \
        tlsprobe "$TLSPROBE --no-http --cacert $ca localhost:$port" \
        tlsprobe_json "$TLSPROBE --no-http --json --cacert $ca localhost:$port" \
        s_client "openssl s_client -connect localhost:$port -servername localhost -CAfile $ca -verify_return_error -verify_hostname localhost" \
        floor "$FLOOR -C $ca localhost $port"
    say "single probe, $label, with HTTP"
    time_group "single.$label.http" "$RUNS" 0 \
        tlsprobe "$TLSPROBE --cacert $ca localhost:$port" \
        curl "curl -sS -o /dev/null --cacert $ca https://localhost:$port/" \
        floor "$FLOOR -g -C $ca localhost $port"
    peak_rss "single.$label.nohttp.tlsprobe" "$TLSPROBE" --no-http --cacert "$ca" "localhost:$port"
    peak_rss "single.$label.nohttp.s_client" openssl s_client -connect "localhost:$port" -servername localhost -CAfile "$ca" -verify_return_error -verify_hostname localhost
    peak_rss "single.$label.nohttp.floor" "$FLOOR" -C "$ca" localhost "$port"
    peak_rss "single.$label.http.tlsprobe" "$TLSPROBE" --cacert "$ca" "localhost:$port"
    peak_rss "single.$label.http.curl" curl -sS -o /dev/null --cacert "$ca" "https://localhost:$port/"
    peak_rss "single.$label.http.floor" "$FLOOR" -g -C "$ca" "localhost" "$port"
}

# 1b. The system trust store: a copy of it plus our roots ($P/sysbundle.pem, $P/syscerts). The
# peers' default is "parse the bundle, then the directory" (what SSL_CERT_FILE + SSL_CERT_DIR
# give them); tlsprobe's default is the hashed directory alone, looked up lazily.
scenario_system_store() {
    local port=$PORT_RSA both="SSL_CERT_FILE=$P/sysbundle.pem SSL_CERT_DIR=$P/syscerts"
    say "single probe, system trust store"
    time_group "system.nohttp" "$RUNS" 0 \
        tlsprobe "env SSL_CERT_DIR=$P/syscerts $TLSPROBE --no-http localhost:$port" \
        tlsprobe_bundle "env $both $TLSPROBE --no-http localhost:$port" \
        s_client "env $both openssl s_client -connect localhost:$port -servername localhost -verify_return_error -verify_hostname localhost" \
        floor_dir "env $FLOOR -P $P/syscerts localhost $port" \
        floor_bundle "env $both $FLOOR localhost $port"
    time_group "system.http" "$RUNS" 0 \
        tlsprobe "env SSL_CERT_DIR=$P/syscerts $TLSPROBE localhost:$port" \
        curl "env $both curl -sS -o /dev/null https://localhost:$port/"
    peak_rss "system.nohttp.tlsprobe" env SSL_CERT_DIR="$P/syscerts" "$TLSPROBE" --no-http "localhost:$port"
    peak_rss "system.nohttp.s_client" env SSL_CERT_FILE="$P/sysbundle.pem" SSL_CERT_DIR="$P/syscerts" openssl s_client -connect "localhost:$port" -servername localhost -verify_return_error -verify_hostname localhost
    peak_rss "system.http.curl" env SSL_CERT_FILE="$P/sysbundle.pem" SSL_CERT_DIR="$P/syscerts" curl -sS -o /dev/null "https://localhost:$port/"
}

# 2. Start-up: what the Swift runtime, Foundation and argument parsing cost before any probe.
scenario_startup() {
    say "start-up"
    time_group "startup" "$RUNS" 0 \
        tlsprobe_version "$TLSPROBE --version" \
        tlsprobe_explain "$TLSPROBE explain -0x2700" \
        hello_c "$W/hello"
    peak_rss "startup.tlsprobe_version" "$TLSPROBE" --version
    peak_rss "startup.hello_c" "$W/hello"
}

# 3. Fleet: $FLEET full handshakes against the RSA server, handshake only (curl does its GET).
scenario_fleet() {
    local port=$PORT_RSA ca=$P/rsa-ca.pem targets
    mapfile -t targets < <(repeat_target "$FLEET" "localhost:$port")
    if "$TLSPROBE" --help 2>&1 | grep -q -- '--jobs'; then
        FLEET_MODE="tlsprobe --jobs"
        local jobs
        for jobs in 1 8 32 128; do
            say "fleet: tlsprobe --jobs $jobs"
            fleet_run "fleet.tlsprobe_j$jobs" "$FLEET" "$TLSPROBE" --jobs "$jobs" --no-http --format ndjson --cacert "$ca" "${targets[@]}"
        done
    else
        # The fleet flags are not merged yet: several targets run one after another in one process.
        FLEET_MODE="sequential (no --jobs yet): one process, $FLEET targets as arguments"
        say "fleet: tlsprobe, $FLEET targets, sequential"
        fleet_run "fleet.tlsprobe_j1" "$FLEET" "$TLSPROBE" --no-http --format ndjson --cacert "$ca" "${targets[@]}"
    fi
    say "fleet: floor, 8 threads"
    fleet_run "fleet.floor_t8" "$FLEET" "$FLOOR" -t 8 -n "$FLEET" -C "$ca" localhost "$port"
    say "fleet: floor, 1 thread"
    fleet_run "fleet.floor_t1" "$FLEET" "$FLOOR" -t 1 -n "$FLEET" -C "$ca" localhost "$port"
    say "fleet: xargs -P8 openssl s_client"
    seq "$FLEET" > "$W/seq.txt"
    fleet_run "fleet.xargs_s_client" "$FLEET" xargs -a "$W/seq.txt" -P8 -I{} \
        openssl s_client -connect "localhost:$port" -servername localhost -CAfile "$ca" -verify_return_error -verify_hostname localhost
    say "fleet: curl --parallel"
    local i
    for ((i = 0; i < FLEET; i++)); do printf 'url = "https://localhost:%s/?%d"\noutput = "/dev/null"\n' "$port" "$i"; done > "$W/curl.cfg"
    fleet_run "fleet.curl_parallel" "$FLEET" curl -sS --parallel --parallel-max 8 --no-sessionid --cacert "$ca" -K "$W/curl.cfg"
}

# 3b. What the box can do: the server's handshake rate and the client's share of the crypto.
scenario_capacity() {
    say "capacity: openssl s_time -new, openssl speed"
    openssl s_time -connect "localhost:$PORT_RSA" -new -time "${CAPACITY_SECONDS:-5}" -CAfile "$P/rsa-ca.pem" >"$W/s_time.out" 2>&1
    local connections seconds
    read -r connections seconds < <(sed -n 's/^\([0-9]*\) connections in \([0-9]*\) real seconds.*/\1 \2/p' "$W/s_time.out" | head -1)
    [ -n "${connections:-}" ] && record "capacity.s_time_per_s" "$(awk -v n="$connections" -v t="$seconds" 'BEGIN { printf "%.1f", n / t }')"
    openssl speed -seconds 1 rsa2048 ecdsap256 ecdhx25519 >"$W/speed.out" 2>/dev/null
    python3 - "$W/speed.out" >> "$RESULTS" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
# The per-second columns keep their precision; the seconds columns round ECDSA/X25519 to 0.0000s.
rsa = re.search(r"^rsa 2048 bits\s+\S+\s+\S+\s+([\d.]+)\s+([\d.]+)", text, re.M)
ecdsa = re.search(r"^\s*256 bits ecdsa \(nistp256\)\s+\S+\s+\S+\s+([\d.]+)\s+([\d.]+)", text, re.M)
x25519 = re.search(r"^\s*253 bits ecdh \(X25519\)\s+\S+\s+([\d.]+)", text, re.M)
if rsa and ecdsa and x25519:
    verify_rsa, verify_ec, ecdh = 1 / float(rsa[2]), 1 / float(ecdsa[2]), 1 / float(x25519[1])
    print(f"capacity.rsa_sign_ms\t{1000 / float(rsa[1]):.3f}")
    print(f"capacity.rsa_verify_ms\t{verify_rsa * 1000:.3f}")
    print(f"capacity.ecdsa_verify_ms\t{verify_ec * 1000:.3f}")
    print(f"capacity.x25519_ms\t{ecdh * 1000:.3f}")
    # A TLS 1.3 client verifies two signatures (CertificateVerify, the leaf's) and does one
    # X25519 key generation and one derivation.
    print(f"capacity.client_crypto_rsa_ms\t{(2 * verify_rsa + 2 * ecdh) * 1000:.3f}")
    print(f"capacity.client_crypto_ec_ms\t{(2 * verify_ec + 2 * ecdh) * 1000:.3f}")
PY
}

# 4. Growth: big leaves, and many targets in one run (memory must stay flat).
scenario_growth() {
    say "growth: big certificates"
    local port name
    for spec in "rsa:$PORT_RSA" "san1000:$PORT_SAN1000" "san3000:$PORT_SAN3000" "san8000:$PORT_SAN8000"; do
        name=${spec%%:*}; port=${spec##*:}
        peak_rss "growth.$name.tlsprobe" "$TLSPROBE" --no-http --cacert "$P/rsa-ca.pem" "localhost:$port"
        peak_rss "growth.$name.floor" "$FLOOR" -C "$P/rsa-ca.pem" localhost "$port"
        "$TLSPROBE" --no-http --json --cacert "$P/rsa-ca.pem" "localhost:$port" >"$W/growth-$name.json" 2>/dev/null
        record "growth.$name.tlsprobe.exit" $?
        record "growth.$name.tlsprobe.diagnoses" "$(python3 -c 'import json,sys; print(",".join(d["id"] for d in json.load(open(sys.argv[1]))["diagnoses"]) or "none")' "$W/growth-$name.json" 2>/dev/null)"
        "$FLOOR" -C "$P/rsa-ca.pem" localhost "$port" >/dev/null 2>&1
        record "growth.$name.floor.exit" $?
    done
    # Exit codes differ (a 250 KB chain is cert.too_large); -i keeps timing them all.
    local growth_runs=$((RUNS < 15 ? RUNS : 15))
    hyperfine -N -i --style none --warmup 2 --runs "$growth_runs" --export-json "$W/growth.json" \
        -n rsa "$TLSPROBE --no-http --cacert $P/rsa-ca.pem localhost:$PORT_RSA" \
        -n san1000 "$TLSPROBE --no-http --cacert $P/rsa-ca.pem localhost:$PORT_SAN1000" \
        -n san3000 "$TLSPROBE --no-http --cacert $P/rsa-ca.pem localhost:$PORT_SAN3000" \
        -n san8000 "$TLSPROBE --no-http --cacert $P/rsa-ca.pem localhost:$PORT_SAN8000" \
        -n floor_rsa "$FLOOR -C $P/rsa-ca.pem localhost $PORT_RSA" \
        -n floor_san1000 "$FLOOR -C $P/rsa-ca.pem localhost $PORT_SAN1000" \
        -n floor_san3000 "$FLOOR -C $P/rsa-ca.pem localhost $PORT_SAN3000" \
        >"$W/growth.log" 2>&1
    python3 - "$W/growth.json" >> "$RESULTS" <<'PY'
import json, sys
for result in json.load(open(sys.argv[1]))["results"]:
    print(f"growth.{result['command']}.median_ms\t{result['median'] * 1000:.2f}")
PY
    say "growth: 10 vs $MANY targets"
    local few many
    # Streamed from a targets file (as a long fleet is run; 10,000 arguments alone cost ~4.5 MB)
    # and with the same 10 workers, so the two runs differ only in length (with the default 16
    # jobs, 10 targets start only 10 workers and the comparison mixed length with --jobs).
    repeat_target 10 "localhost:$PORT_EC" > "$W/targets10.txt"
    repeat_target "$MANY" "localhost:$PORT_EC" > "$W/targets_many.txt"
    fleet_run "growth.targets10" 10 "$TLSPROBE" --jobs 10 --no-http --format ndjson --cacert "$P/ec-ca.pem" --targets-file "$W/targets10.txt"
    fleet_run "growth.targets_many" "$MANY" "$TLSPROBE" --jobs 10 --no-http --format ndjson --cacert "$P/ec-ca.pem" --targets-file "$W/targets_many.txt"
}

# 5. Instruction counts (callgrind): the repeatable figures behind the wall times. A fleet's
# marginal cost per probe is (11 targets − 1 target) / 10, which takes start-up out.
scenario_callgrind() {
    local ca=$P/rsa-ca.pem port=$PORT_RSA eleven=() _
    say "callgrind: start-up, one probe, fleet marginal, explain"
    for _ in $(seq 11); do eleven+=("localhost:$port"); done
    callgrind_count cg.version.tlsprobe "$TLSPROBE_CG" --version
    callgrind_count cg.probe.tlsprobe "$TLSPROBE_CG" --no-http --cacert "$ca" "localhost:$port"
    callgrind_count cg.probe.floor "$FLOOR" -C "$ca" localhost "$port"
    callgrind_count cg.http.tlsprobe "$TLSPROBE_CG" --cacert "$ca" "localhost:$port"
    callgrind_count cg.http.floor "$FLOOR" -g -C "$ca" localhost "$port"
    callgrind_count cg.fleet1.tlsprobe "$TLSPROBE_CG" --jobs 1 --no-http --format ndjson --cacert "$ca" "localhost:$port"
    callgrind_count cg.fleet11.tlsprobe "$TLSPROBE_CG" --jobs 1 --no-http --format ndjson --cacert "$ca" "${eleven[@]}"
    callgrind_count cg.fleet1.floor "$FLOOR" -t 1 -n 1 -C "$ca" localhost "$port"
    callgrind_count cg.fleet11.floor "$FLOOR" -t 1 -n 11 -C "$ca" localhost "$port"
    callgrind_count cg.explain.tlsprobe "$TLSPROBE_CG" explain -0x2700
    SSL_CERT_DIR=$P/syscerts callgrind_count cg.system.tlsprobe "$TLSPROBE_CG" --no-http "localhost:$port"
    callgrind_count cg.san3000.tlsprobe "$TLSPROBE_CG" --no-http --cacert "$ca" "localhost:$PORT_SAN3000"
    record "binary.tlsprobe.bytes" "$(stat -c %s "$TLSPROBE")"
    # As `make install` leaves it (strip --strip-all: DWARF and the static symbol table dropped,
    # the dynamic one kept); the callgrind copy keeps the symbol table (strip -g) to name functions.
    strip --strip-all -o "$W/tlsprobe-installed" "$TLSPROBE"
    record "binary.tlsprobe_installed.bytes" "$(stat -c %s "$W/tlsprobe-installed")"
    rm -f "$W/tlsprobe-installed"
    record "binary.tlsprobe.conformances" "$(objdump -h "$TLSPROBE" | awk '$2 == "swift5_protocol_conformances" { printf "%d", (("0x" $3) + 0) / 4 }')"
}
