# Generates the benchmark's own PKI under $W/pki (sourced by bench/run).
#   rsa-ca.pem / rsa.pem+key      RSA-2048 root → RSA-2048 leaf for localhost
#   ec-ca.pem  / ec.pem+key       ECDSA P-256 root → P-256 leaf for localhost
#   san1000 / san3000 / san8000   RSA leaves with 1,000 / 3,000 / ~8,000 names (≈ 30 / 80 / 250 KB DER)
#   sysbundle.pem + syscerts/     a copy of the system store plus our two roots, as a PEM bundle
#                                 (what s_client and curl parse by default) and as a hashed
#                                 directory (what tlsprobe looks up lazily) — the system store is
#                                 never modified.

pki_root() {  # name subject key-options…
    local name=$1 subject=$2
    shift 2
    openssl req -x509 -new -nodes "$@" -keyout "$P/$name-ca.key" -out "$P/$name-ca.pem" \
        -days 30 -subj "$subject" -addext basicConstraints=critical,CA:TRUE \
        -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
}

pki_leaf() {  # name ca keyspec [extra-san-file]
    local ext="$P/$1.ext"
    {
        echo "basicConstraints=critical,CA:FALSE"
        echo "keyUsage=critical,digitalSignature,keyEncipherment"
        echo "extendedKeyUsage=serverAuth"
        echo "subjectAltName=@names"
        echo "[names]"
        echo "DNS.0=localhost"
        echo "IP.0=127.0.0.1"
        [ -n "${4:-}" ] && cat "$4"
    } > "$ext"
    openssl req -new -nodes -newkey "$3" -keyout "$P/$1.key" -out "$P/$1.csr" -subj "/CN=localhost" 2>/dev/null
    openssl x509 -req -in "$P/$1.csr" -CA "$P/$2-ca.pem" -CAkey "$P/$2-ca.key" -CAcreateserial \
        -days 30 -sha256 -extfile "$ext" -out "$P/$1.pem" 2>/dev/null
}

pki_san_list() {  # count bytes-per-name → a [names] section body
    local count=$1 width=$2
    python3 - "$count" "$width" <<'PY'
import sys
count, width = int(sys.argv[1]), int(sys.argv[2])
for i in range(1, count + 1):
    label = f"n{i:05d}."
    print(f"DNS.{i}={label}{'x' * max(1, width - len(label) - 5)}.test")
PY
}

pki_generate() {
    P="$W/pki"
    mkdir -p "$P"
    pki_root rsa "/CN=tlsprobe bench RSA root" -newkey rsa:2048
    pki_root ec "/CN=tlsprobe bench ECDSA root" -newkey ec -pkeyopt ec_paramgen_curve:P-256
    pki_leaf rsa rsa rsa:2048
    openssl req -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:P-256 -keyout "$P/ec.key" -out "$P/ec.csr" \
        -subj "/CN=localhost" 2>/dev/null
    pki_leaf_sign ec ec
    local count width
    for spec in 1000:28 3000:25 8000:30; do
        count=${spec%%:*}; width=${spec##*:}
        pki_san_list "$count" "$width" > "$P/san$count.names"
        pki_leaf "san$count" rsa rsa:2048 "$P/san$count.names"
    done
    # A system-sized store that also trusts our roots.
    cat /etc/ssl/certs/ca-certificates.crt "$P/rsa-ca.pem" "$P/ec-ca.pem" > "$P/sysbundle.pem"
    mkdir -p "$P/syscerts"
    cp /etc/ssl/certs/*.pem "$P/syscerts/" 2>/dev/null || true
    cp "$P/rsa-ca.pem" "$P/ec-ca.pem" "$P/syscerts/"
    openssl rehash "$P/syscerts" 2>/dev/null
}

# Signs an existing CSR (used for the ECDSA leaf, whose key is made with -pkeyopt).
pki_leaf_sign() {  # name ca
    printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
        "extendedKeyUsage=serverAuth" "subjectAltName=DNS:localhost,IP:127.0.0.1" > "$P/$1.ext"
    openssl x509 -req -in "$P/$1.csr" -CA "$P/$2-ca.pem" -CAkey "$P/$2-ca.key" -CAcreateserial \
        -days 30 -sha256 -extfile "$P/$1.ext" -out "$P/$1.pem" 2>/dev/null
}

pki_der_kb() {  # name → leaf size in KB (DER)
    openssl x509 -in "$P/$1.pem" -outform DER | wc -c | awk '{ printf "%.0f", $1 / 1024 }'
}
