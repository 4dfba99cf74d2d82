#!/usr/bin/env bash
# Installs tlsprobe into a temporary DESTDIR with `make install` and uses it as a user would:
# --version, a real probe of a local `openssl s_server`, the man page through man(1), and
# `make uninstall` leaving nothing behind. Builds in release mode unless it is already built.
#   scripts/install-check.sh            (PREFIX=/usr/local inside the temporary DESTDIR)
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=/usr/local
stage=$(mktemp -d)
work=$(mktemp -d)
server_pid=
cleanup() {
    # SIGKILL: a parent may have left SIGTERM blocked in the signal mask we inherit.
    [[ -n "$server_pid" ]] && { kill -KILL "$server_pid"; wait "$server_pid"; } 2>/dev/null || true
    rm -rf "$stage" "$work"
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*"; }

step "make install DESTDIR=$stage PREFIX=$prefix"
make --no-print-directory install DESTDIR="$stage" PREFIX="$prefix" >/dev/null
for file in bin/tlsprobe share/man/man1/tlsprobe.1 share/bash-completion/completions/tlsprobe \
            share/zsh/site-functions/_tlsprobe share/fish/vendor_completions.d/tlsprobe.fish; do
    [[ -f "$stage$prefix/$file" ]] || { echo "install-check: missing $prefix/$file" >&2; exit 1; }
done
bin="$stage$prefix/bin/tlsprobe"

step "tlsprobe --version"
"$bin" --version
"$bin" --version | grep -q '^OpenSSL running:' || { echo "install-check: --version lacks the OpenSSL line" >&2; exit 1; }

step "probe a local openssl s_server"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
openssl s_server -quiet -accept "127.0.0.1:$port" -cert "$work/cert.pem" -key "$work/key.pem" -www >/dev/null 2>&1 &
server_pid=$!
for _ in $(seq 50); do (echo >/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break; sleep 0.1; done
"$bin" --color never --cacert "$work/cert.pem" --connect-to 127.0.0.1 "localhost:$port"

step "man -l on the installed page"
MANWIDTH=80 man -l "$stage$prefix/share/man/man1/tlsprobe.1" 2>&1 | col -b > "$work/man.txt"
grep -q '^EXIT STATUS' "$work/man.txt" && grep -q '^DIAGNOSES' "$work/man.txt" \
    || { echo "install-check: the installed man page did not render" >&2; exit 1; }
head -8 "$work/man.txt"

step "make uninstall"
make --no-print-directory uninstall DESTDIR="$stage" PREFIX="$prefix" >/dev/null
left=$(find "$stage" -type f | wc -l)
[[ "$left" -eq 0 ]] || { echo "install-check: uninstall left $left files" >&2; find "$stage" -type f >&2; exit 1; }
echo "install-check: ok"
