#!/usr/bin/env bash
# Sets up what the tests need on a fresh machine, then runs them: README's test command.
# Needs root only to install what is missing; with everything installed it runs as any user.
# The prerequisites (README lists the same): libssl-dev, pkg-config, openssl, curl, jq, groff,
# mandoc, man-db, a C compiler, xmllint, GNU time, gnutls-bin, mosquitto, dovecot, postgresql,
# Python 3 with jsonschema, prometheus-client and aiosmtpd.
set -euo pipefail
cd "$(dirname "$0")/.."

has_module() { python3 -c "import $1" 2>/dev/null; }

missing=()
dpkg -s libssl-dev >/dev/null 2>&1 || missing+=(libssl-dev)
dpkg -s pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
# The Mbed TLS 2.28 oracle client (Tests/Oracle/esp_tls_client.c) is compiled by the tests.
dpkg -s libmbedtls-dev >/dev/null 2>&1 || missing+=(libmbedtls-dev)
for tool in openssl curl jq; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
command -v groff >/dev/null 2>&1 || missing+=(groff-base)
command -v mandoc >/dev/null 2>&1 || missing+=(mandoc)
command -v man >/dev/null 2>&1 || missing+=(man-db)
command -v cc >/dev/null 2>&1 || missing+=(gcc)
[ -x /usr/bin/time ] || missing+=(time)  # peak-RSS tests (GNU time -f %M)
command -v gnutls-serv >/dev/null 2>&1 || missing+=(gnutls-bin)  # a second TLS server stapling OCSP
# Protocol suites (Tests/TLSProbeProtocolTests): real brokers and mail/database servers.
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || missing+=(mosquitto)
command -v mosquitto_passwd >/dev/null 2>&1 || missing+=(mosquitto-clients)
[ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd dovecot-pop3d)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
# Foreign TLS servers for the handshake tests (TLSProbeLab/Foreign): GnuTLS, Botan, Go crypto/tls,
# lighttpd on wolfSSL and on Mbed TLS.
command -v botan >/dev/null 2>&1 || missing+=(botan)
command -v go >/dev/null 2>&1 || missing+=(golang-go)
command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)  # the JSSE test server
command -v lighttpd >/dev/null 2>&1 || missing+=(lighttpd)
[ -e /usr/lib/lighttpd/mod_wolfssl.so ] || missing+=(lighttpd-mod-wolfssl)
[ -e /usr/lib/lighttpd/mod_mbedtls.so ] || missing+=(lighttpd-mod-mbedtls)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
# The capability scan's oracles (Tests/TLSProbeCoreTests/Scan): sslscan and testssl.sh.
command -v sslscan >/dev/null 2>&1 || missing+=(sslscan)
command -v testssl >/dev/null 2>&1 || missing+=(testssl.sh)
# nginx serves the chain tlsprobe repairs through AIA (--save-chain), for curl and s_client to verify.
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
# The trust-store comparison (#19): Java cacerts written by keytool, the Mozilla roots as a bundle file.
command -v keytool >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
[ -f /etc/ssl/certs/ca-certificates.crt ] || missing+=(ca-certificates)
if command -v python3 >/dev/null 2>&1; then
    # Debian packages them: no pip into the system Python (PEP 668 forbids it there).
    has_module jsonschema || missing+=(python3-jsonschema)
    has_module prometheus_client || missing+=(python3-prometheus-client)
    has_module aiosmtpd || missing+=(python3-aiosmtpd)  # the SMTP STARTTLS test server
    has_module requests || missing+=(python3-requests)  # the real requests client of the client matrix
else
    missing+=(python3 python3-jsonschema python3-prometheus-client python3-aiosmtpd python3-requests)
fi

# Verifiers that are not ours, for the chain tests: GnuTLS certtool, Go's crypto/x509 (above); the PSL.
command -v certtool >/dev/null 2>&1 || missing+=(gnutls-bin)
[ -f /usr/share/publicsuffix/public_suffix_list.dat ] || missing+=(publicsuffix)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "test.sh: installing ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
        # Installing nginx starts the system service on port 80; the tests run their own.
        if [[ " ${missing[*]} " == *" nginx-light "* ]]; then service nginx stop >/dev/null 2>&1 || true; fi
    else
        # Without root only the Python modules can still be had, in a virtual environment.
        system=()
        for package in "${missing[@]}"; do [[ "$package" == python3-* ]] || system+=("$package"); done
        if [ ${#system[@]} -gt 0 ]; then
            echo "test.sh: please install: ${missing[*]} (e.g. sudo apt-get install -y ${missing[*]})" >&2
            exit 1
        fi
    fi
fi

# Still without the modules (not root, or no Debian package): a virtual environment under .build,
# first on PATH for the tests (they run `python3 scripts/…`). Never pip into the system Python.
if ! has_module jsonschema || ! has_module prometheus_client || ! has_module aiosmtpd || ! has_module requests; then
    venv=.build/test-python
    if [ ! -x "$venv/bin/python3" ] && ! python3 -m venv --system-site-packages "$venv" >/dev/null 2>&1; then
        echo "test.sh: cannot create a Python virtual environment (apt-get install python3-venv), and" \
             "jsonschema / prometheus-client are missing: the JSON-schema and Prometheus checks need them" >&2
        exit 1
    fi
    if ! "$venv/bin/python3" -m pip install -q jsonschema prometheus-client aiosmtpd requests; then
        echo "test.sh: pip could not install jsonschema, prometheus-client and aiosmtpd into $venv (offline?);" \
             "install python3-jsonschema, python3-prometheus-client and python3-aiosmtpd with apt instead" >&2
        exit 1
    fi
    export PATH="$PWD/$venv/bin:$PATH"
    echo "test.sh: using the Python modules in $venv"
fi

# tlslite-ng, a TLS stack in pure Python, as one more foreign test server (#14): from PyPI (Debian
# has no package), pinned, in a virtual environment of its own (ForeignTools.tlsliteBin).
tlslite="$HOME/.cache/tlsprobe/tlslite-ng"
if [ ! -x "$tlslite/bin/tls.py" ]; then
    if python3 -m venv "$tlslite" >/dev/null 2>&1 && "$tlslite/bin/python3" -m pip install -q tlslite-ng==0.8.2; then
        echo "test.sh: installed tlslite-ng 0.8.2 into $tlslite"
    else
        echo "test.sh: could not install tlslite-ng into $tlslite (python3-venv, or offline?)" >&2
        exit 1
    fi
fi

swift test
