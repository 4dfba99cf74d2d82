# Loopback servers for the scan benchmark and comparison (sourced by bench/scan.sh and
# bench/scan-compare.sh): an RSA-2048 leaf made here, then
#   openssl s_server  every suite OpenSSL has (ALL:COMPLEMENTOFALL:@SECLEVEL=0), TLS 1.0–1.3, server order
#   gnutls-serv       NORMAL + Camellia-GCM (OpenSSL cannot negotiate it), 3DES, RSA kx, TLS 1.0–1.3, server order
# on ports the OS hands out. Sets SCAN_PORTS (name=port …); scan_servers_stop kills them.
SCAN_W=${SCAN_W:-$(mktemp -d /tmp/tlsprobe-scanbench.XXXXXX)}
SCAN_PIDS=()
SCAN_PORTS=()

scan_free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

scan_wait_port() {
    for _ in $(seq 100); do (echo >/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done
    echo "scan bench: nothing listens on $1" >&2; return 1
}

scan_servers_start() {
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 \
        -keyout "$SCAN_W/leaf.key" -out "$SCAN_W/leaf.pem" 2>/dev/null
    local port
    port=$(scan_free_port)
    openssl s_server -quiet -www -accept "127.0.0.1:$port" -cert "$SCAN_W/leaf.pem" -key "$SCAN_W/leaf.key" \
        -cipher 'ALL:COMPLEMENTOFALL:@SECLEVEL=0' -serverpref >/dev/null 2>&1 &
    SCAN_PIDS+=($!); scan_wait_port "$port"; SCAN_PORTS+=("openssl=$port")
    if command -v gnutls-serv >/dev/null; then
        port=$(scan_free_port)
        gnutls-serv -q --http --disable-client-cert --port "$port" --x509certfile "$SCAN_W/leaf.pem" --x509keyfile "$SCAN_W/leaf.key" \
            --priority 'NORMAL:+CAMELLIA-128-GCM:+CAMELLIA-256-GCM:+VERS-TLS1.1:+VERS-TLS1.0:+3DES-CBC:+RSA:+DHE-RSA:%SERVER_PRECEDENCE' >/dev/null 2>&1 &
        SCAN_PIDS+=($!); scan_wait_port "$port"; SCAN_PORTS+=("gnutls=$port")
    fi
}

scan_servers_stop() {
    for pid in "${SCAN_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    rm -rf "$SCAN_W"
}
