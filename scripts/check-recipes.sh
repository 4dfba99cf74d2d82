#!/usr/bin/env bash
# Runs every `<!-- recipe: NAME -->` block of docs/ci-recipes.md against a local openssl s_server
# (example.com is replaced by localhost:PORT; the lab CA is trusted through SSL_CERT_FILE) and
# checks each result. Ends with "N passed, N failed"; exits 1 if any recipe failed or was not run.
# Needs: openssl, jq, python3, and a built tlsprobe (TLSPROBE=path, default .build/debug/tlsprobe).
set -uo pipefail

cd "$(dirname "$0")/.."
root=$PWD
BIN=$(realpath "${TLSPROBE:-.build/debug/tlsprobe}")
work=$(mktemp -d)
server=
# SIGKILL: a parent (e.g. a test runner) may have left SIGTERM blocked in the mask we inherit.
cleanup() { [[ -n "$server" ]] && kill -KILL "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/bin" && ln -s "$BIN" "$work/bin/tlsprobe"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 -subj "/CN=recipes CA" \
    -keyout "$work/ca.key" -out "$work/ca.pem" 2>/dev/null
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=localhost" \
    -keyout "$work/leaf.key" -out "$work/leaf.csr" 2>/dev/null
printf 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n' > "$work/leaf.ext"
openssl x509 -req -in "$work/leaf.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" -CAcreateserial -days 30 \
    -extfile "$work/leaf.ext" -out "$work/leaf.pem" 2>/dev/null
port=$(free_port)
closed=$(free_port)
openssl s_server -quiet -www -accept "127.0.0.1:$port" -cert "$work/leaf.pem" -key "$work/leaf.key" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done

# Healthy (warns: s_server sends no HSTS), refused, and reached by IP (the certificate names only
# localhost: hostname mismatch).
cat > "$work/targets.txt" <<TARGETS
# recipes fleet
localhost:$port
localhost:$closed   # nothing listens here

127.0.0.1:$port
TARGETS

# name → the recipe's text, from the markdown.
declare -A recipes
while IFS= read -r -d '' record; do
    recipes[${record%%$'\n'*}]=${record#*$'\n'}
done < <(awk '
    /^<!-- recipe: / { name = $3; next }
    name != "" && /^```sh$/ { inside = 1; body = ""; next }
    inside && /^```$/ { printf "%s\n%s%c", name, body, 0; inside = 0; name = ""; next }
    inside { body = body $0 "\n" }
' docs/ci-recipes.md)

passed=0
failed=0
check() { # name condition-description result(0/1)
    if [[ $3 -eq 0 ]]; then passed=$((passed + 1)); echo "ok   $1"
    else failed=$((failed + 1)); echo "FAIL $1: expected $2; got exit $code, output:"; sed 's/^/     /' <<< "$out"; fi
}
run() { # name → sets out, code
    local body=${recipes[$1]:-}
    if [[ -z "$body" ]]; then out="(recipe '$1' not found in docs/ci-recipes.md)"; code=127; return; fi
    body=${body//example.com/localhost:$port}
    out=$(cd "$work" && PATH="$work/bin:$PATH" SSL_CERT_FILE="$work/ca.pem" bash -o pipefail -c "$body" 2>&1)
    code=$?
}

run days-left;        [[ $code -eq 0 && "$out" =~ ^[0-9]+$ && $out -ge 28 && $out -le 30 ]]; check days-left "29 or 30" $?
run diagnosis-ids;    [[ $code -eq 0 && "$out" == *http.no_hsts* ]]; check diagnosis-ids "http.no_hsts listed" $?
run strict;           [[ $code -eq 1 && -z "$out" ]]; check strict "exit 1, no output" $?
run fail-days;        [[ $code -eq 0 && -z "$out" ]]; check fail-days "exit 0 (30 days left)" $?
run jq-warning-gate;  [[ $code -eq 1 && "$out" == false ]]; check jq-warning-gate "jq -e fails on the warning" $?
run failing-hosts;    [[ $code -ne 0 && "$out" == "localhost:$closed"$'\n'"127.0.0.1:$port" ]]; check failing-hosts "the refused and the mismatched target" $?
run failing-hosts-tsv; [[ "$out" == "localhost:$closed"$'\t'"11"$'\t'"tcp.refused"$'\n'"127.0.0.1:$port"$'\t'"31"$'\t'"cert.hostname_mismatch" ]]; check failing-hosts-tsv "TSV of the two failures" $?
run fleet-exit;       [[ "$out" == "exit 11" ]]; check fleet-exit "exit 11 (the first failure in input order)" $?
run shards;           [[ "$out" == "$(printf '%s\n' "127.0.0.1:$port" "localhost:$closed" "localhost:$port" | sort)" ]]; check shards "every target exactly once" $?

run junit-report;     [[ "$out" == "exit 11"$'\n'"3"$'\n''type="tcp.refused"'$'\n''type="cert.hostname_mismatch"' ]]; check junit-report "exit 11, 3 test cases, the two failures typed" $?
run markdown-summary; [[ "$out" == "exit 11"$'\n'"3 targets: 0 ok, 1 warning, 2 failed" ]]; check markdown-summary "exit 11 and the totals line" $?

echo "recipes: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
