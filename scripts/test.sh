#!/usr/bin/env bash
# Sets up what the tests need on a fresh machine, then runs them: README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."

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
command -v python3 >/dev/null 2>&1 || missing+=(python3 python3-pip)
# Protocol suites (Tests/TLSProbeProtocolTests): real brokers and mail/database servers.
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || missing+=(mosquitto)
command -v mosquitto_passwd >/dev/null 2>&1 || missing+=(mosquitto-clients)
[ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd dovecot-pop3d)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
# Foreign TLS servers for the handshake tests (TLSProbeLab/Foreign): GnuTLS, Botan, Go crypto/tls,
# lighttpd on wolfSSL and on Mbed TLS.
command -v botan >/dev/null 2>&1 || missing+=(botan)
command -v go >/dev/null 2>&1 || missing+=(golang-go)
command -v lighttpd >/dev/null 2>&1 || missing+=(lighttpd)
[ -e /usr/lib/lighttpd/mod_wolfssl.so ] || missing+=(lighttpd-mod-wolfssl)
[ -e /usr/lib/lighttpd/mod_mbedtls.so ] || missing+=(lighttpd-mod-mbedtls)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "test.sh: please install: ${missing[*]} (e.g. sudo apt-get install -y ${missing[*]})" >&2
        exit 1
    fi
    echo "test.sh: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema
python3 -c 'import prometheus_client' 2>/dev/null || python3 -m pip install -q prometheus-client
python3 -c 'import aiosmtpd' 2>/dev/null || python3 -m pip install -q aiosmtpd

swift test
