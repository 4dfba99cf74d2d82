# Starts the benchmark's TLS servers on 127.0.0.1 (sourced by bench/run): nginx when installed
# (the server people run), else `openssl s_server -www`. Full handshakes only: no session cache,
# no tickets, no keep-alive, so every probe pays for the same work.
#   PORT_RSA, PORT_EC, PORT_SAN1000, PORT_SAN3000, PORT_SAN8000 are set; SERVER_KIND names the server.

SERVER_PIDS=()

servers_start() {
    local base=${BENCH_PORT:-28440}
    PORT_RSA=$base; PORT_EC=$((base + 1)); PORT_SAN1000=$((base + 2)); PORT_SAN3000=$((base + 3)); PORT_SAN8000=$((base + 4))
    if command -v nginx >/dev/null 2>&1 && [ -z "${BENCH_S_SERVER:-}" ]; then
        servers_start_nginx
    else
        servers_start_s_server
    fi
    local port
    for port in $PORT_RSA $PORT_EC $PORT_SAN1000 $PORT_SAN3000 $PORT_SAN8000; do
        for _ in $(seq 50); do
            (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
            sleep 0.1
        done
    done
}

servers_nginx_block() {  # port name
    cat <<CONF
    server {
        listen 127.0.0.1:$1 ssl;
        server_name localhost;
        ssl_certificate $P/$2.pem;
        ssl_certificate_key $P/$2.key;
        location / { return 200 "ok\n"; }
    }
CONF
}

servers_start_nginx() {
    SERVER_KIND="nginx $(nginx -v 2>&1 | sed 's/.*nginx\///')"
    local dir="$W/nginx"
    mkdir -p "$dir/logs" "$dir/tmp"
    {
        cat <<CONF
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $dir/tmp;
    proxy_temp_path $dir/tmp;
    fastcgi_temp_path $dir/tmp;
    uwsgi_temp_path $dir/tmp;
    scgi_temp_path $dir/tmp;
    keepalive_timeout 0;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_session_cache off;
    ssl_session_tickets off;
CONF
        servers_nginx_block "$PORT_RSA" rsa
        servers_nginx_block "$PORT_EC" ec
        servers_nginx_block "$PORT_SAN1000" san1000
        servers_nginx_block "$PORT_SAN3000" san3000
        servers_nginx_block "$PORT_SAN8000" san8000
        echo "}"
    } > "$dir/nginx.conf"
    nginx -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' 2>>"$dir/logs/error.log" &
    SERVER_PIDS+=($!)
}

servers_start_s_server() {
    SERVER_KIND="openssl s_server -www (nginx not installed)"
    local spec port name
    for spec in "$PORT_RSA:rsa" "$PORT_EC:ec" "$PORT_SAN1000:san1000" "$PORT_SAN3000:san3000" "$PORT_SAN8000:san8000"; do
        port=${spec%%:*}; name=${spec##*:}
        openssl s_server -quiet -www -accept "127.0.0.1:$port" -cert "$P/$name.pem" -key "$P/$name.key" \
            -no_ticket -naccept 1000000 >/dev/null 2>&1 &
        SERVER_PIDS+=($!)
    done
}

servers_stop() {
    local pid
    for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${SERVER_PIDS[@]}"; do wait "$pid" 2>/dev/null; done
    SERVER_PIDS=()
}
