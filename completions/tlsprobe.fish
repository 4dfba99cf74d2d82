function __tlsprobe_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __tlsprobe_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __tlsprobe_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __tlsprobe_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __tlsprobe_parse_tokens -S
    set -l unparsed_tokens (__tlsprobe_tokens -pc)
    switch $unparsed_tokens[1]
    case 'tlsprobe'
        # tlsprobe HOST means tlsprobe probe HOST: a finished first word that is no subcommand, or an option being
        # typed as the first word, means probe (the tokens end before the current one).
        if test (count $unparsed_tokens) -ge 2
            if not contains -- $unparsed_tokens[2] 'probe' 'scan' 'check' 'explain' 'clients' 'lab' 'demo' 'help'
                set unparsed_tokens $unparsed_tokens[1] probe $unparsed_tokens[2..]
            end
        else if string match -q -- '-*' (commandline -ct)
            set unparsed_tokens $unparsed_tokens[1] probe
        end
        __tlsprobe_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'probe'
            __tlsprobe_parse_subcommand -r 1 'connect-to=' '4' '6' 'timeout=' 'connect-timeout=' 'proxy=' 'noproxy=' 'sni=' 'no-sni' 'tls-min=' 'tls-max=' 'ciphers=' 'ciphersuites=' 'groups=' 'alpn=' 'expect-alpn=' 'expect-tls-min=' 'cert=' 'key=' 'cacert=' 'capath=' 'k/insecure' 'warn-days=' 'fail-days=' 'revocation=' 'no-fetch' 'trust-stores' 'at=' 'no-http' 'no-app' 'expect-status=' 'starttls=' 'mqtt-version=' 'mqtt-user=' 'mqtt-password=' 'mqtt-client-id=' 'ws-protocol=' 'json' 'format=' 'q/quiet' 'v/verbose' 'color=' 'strict' 'targets-file=' 'jobs=' 'unordered' 'fail-fast' 'shard=' 'client=' 'client-buffer=' 'client-trust=' 'chip=' 'save-chain=' 'save-root=' 'save-format=' 'valid-until=' 'version' 'h/help'
        case 'scan'
            __tlsprobe_parse_subcommand 1 'starttls=' 'connect-to=' '4' '6' 'timeout=' 'connect-timeout=' 'sni=' 'no-sni' 'connections=' 'cacert=' 'capath=' 'k/insecure' 'warn-days=' 'fail-days=' 'revocation=' 'no-fetch' 'trust-stores' 'at=' 'json' 'format=' 'q/quiet' 'v/verbose' 'color=' 'strict' 'version' 'h/help'
        case 'check'
            __tlsprobe_parse_subcommand -r 1 'key=' 'name=' 'cacert=' 'capath=' 'at=' 'warn-days=' 'fail-days=' 'no-trust-stores' 'json' 'format=' 'q/quiet' 'v/verbose' 'color=' 'strict' 'client=' 'client-buffer=' 'client-trust=' 'chip=' 'version' 'h/help'
        case 'explain'
            __tlsprobe_parse_subcommand -r 1 'list' 'json' 'flags=' 'version' 'h/help'
        case 'clients'
            __tlsprobe_parse_subcommand 1 'clients=' 'require-clients=' 'sni=' 'connect-to=' '4' '6' 'timeout=' 'connect-timeout=' 'cacert=' 'capath=' 'client-trust=' 'at=' 'no-fetch' 'json' 'format=' 'q/quiet' 'v/verbose' 'color=' 'strict' 'version' 'h/help'
        case 'lab'
            __tlsprobe_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'list'
                __tlsprobe_parse_subcommand 0 'json' 'version' 'h/help'
            case 'serve'
                __tlsprobe_parse_subcommand -r 1 'all' 'dir=' 'listen=' 'port-base=' 'version' 'h/help'
            end
        case 'demo'
            __tlsprobe_parse_subcommand 0 'json' 'version' 'h/help'
        case 'help'
            __tlsprobe_parse_subcommand -r 1 'version'
        end
    end
end

function __tlsprobe_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __tlsprobe_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __tlsprobe_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __tlsprobe_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__tlsprobe_tokens -p)
    if test -z "$(__tlsprobe_tokens -t)"
        set -l index (count (__tlsprobe_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'tlsprobe' -f
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe" version' -l 'version' -d 'Show the version.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_positional "tlsprobe" -eq 1' -fa 'probe' -d 'Probe targets (the default command: `tlsprobe HOST` means `tlsprobe probe HOST`).'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_positional "tlsprobe" -eq 1' -fa 'scan' -d 'List what a server accepts: versions, every cipher suite in its order, groups, signature algorithms, certificates, features.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_positional "tlsprobe" -eq 1' -fa 'check' -d 'Check certificate chain files offline, as the certificate stage of a probe would.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_positional "tlsprobe" -eq 1' -fa 'explain' -d 'Explain an error code, verify-flag mask, TLS alert or diagnosis id.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_positional "tlsprobe" -eq 1' -fa 'clients' -d 'Show which clients (OpenSSL, curl, Python, Java, Go, GnuTLS, Android, Windows, Apple, browsers, ESP-IDF) would connect to a server, and why the others fail.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_positional "tlsprobe" -eq 1' -fa 'lab' -d 'Deliberately broken TLS servers, offline: list them or serve them to test a client.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_positional "tlsprobe" -eq 1' -fa 'demo' -d 'Serve every quick lab scenario on loopback, probe each, and check tlsprobe\'s answers (offline).'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_positional "tlsprobe" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" connect-to' -l 'connect-to' -d 'Connect to this host or IP instead, keeping the target\'s name for SNI, verification and Host.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" 4' -s '4' -d 'Use IPv4 addresses only.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" 6' -s '6' -d 'Use IPv6 addresses only.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" timeout' -l 'timeout' -d 'Deadline for the whole probe, in seconds.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" connect-timeout' -l 'connect-timeout' -d 'Deadline for each TCP connect, in seconds.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" proxy' -l 'proxy' -d 'Tunnel through this HTTP proxy with CONNECT (default: $https_proxy / $HTTPS_PROXY; "" for none).' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" noproxy' -l 'noproxy' -d 'Hosts to reach without the proxy, comma-separated; * for all (default: $no_proxy / $NO_PROXY).' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" sni' -l 'sni' -d 'Send this name as SNI (default: the target\'s host name).' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" no-sni' -l 'no-sni' -d 'Send no SNI at all.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" tls-min' -l 'tls-min' -d 'Lowest TLS version to offer.' -rfka '1.0 1.1 1.2 1.3'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" tls-max' -l 'tls-max' -d 'Highest TLS version to offer.' -rfka '1.0 1.1 1.2 1.3'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" ciphers' -l 'ciphers' -d 'TLS 1.2-and-older cipher list (OpenSSL syntax).' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" ciphersuites' -l 'ciphersuites' -d 'TLS 1.3 cipher suites (OpenSSL syntax).' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" groups' -l 'groups' -d 'Key-exchange groups to offer, e.g. x25519:P-256.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" alpn' -l 'alpn' -d 'ALPN protocols to offer, comma-separated (default: http/1.1, or what --client sends).' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" expect-alpn' -l 'expect-alpn' -d 'Fail (exit 21) unless the server selects this ALPN protocol (\'none\': no protocol).' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" expect-tls-min' -l 'expect-tls-min' -d 'Fail (exit 21) when the negotiated TLS version is below this.' -rfka '1.0 1.1 1.2 1.3'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" cert' -l 'cert' -d 'Client certificate (PEM, may include the chain).' -rF
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" key' -l 'key' -d 'Private key for --cert (PEM, unencrypted).' -rF
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" cacert' -l 'cacert' -d 'Trust anchors from this PEM file instead of the system store.' -rF
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" capath' -l 'capath' -d 'Trust anchors from this hashed directory (c_rehash layout).' -rfa '(__tlsprobe_complete_directories)'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" insecure k' -s 'k' -l 'insecure' -d 'Go on to HTTP after certificate errors (they stay errors).'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" warn-days' -l 'warn-days' -d 'Warn when a certificate expires within this many days.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" fail-days' -l 'fail-days' -d 'Fail (exit 32) when a certificate expires within this many days.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" revocation' -l 'revocation' -d 'Ask the CA whether each chain certificate is revoked: its OCSP responder (AIA), its CRL, or both; off by default, because this sends each certificate\'s serial number to its CA over plain HTTP.' -rfka 'ocsp crl both'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" no-fetch' -l 'no-fetch' -d 'Do not download a missing intermediate from its CA Issuers URL (AIA); by default tlsprobe does, to show what browsers see, while the verdict stays the chain as sent.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" trust-stores' -l 'trust-stores' -d 'Say which trust stores accept the chain and by which path: system, --cacert, ESP-IDF full and common bundles, Python certifi, Java cacerts.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" at' -l 'at' -d 'Verify the chain as of this RFC 3339 time (e.g. 2027-01-31T12:00:00Z) instead of now.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" no-http' -l 'no-http' -d 'Stop after the handshake; send no HTTP request (same as --no-app).'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" no-app' -l 'no-app' -d 'Stop after the handshake: no HTTP request, MQTT CONNECT, WebSocket upgrade or other exchange in the target\'s protocol.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" expect-status' -l 'expect-status' -d 'Fail unless the HTTP status is one of these, e.g. 200,301.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" starttls' -l 'starttls' -d 'Upgrade with this protocol\'s STARTTLS before the handshake, on any port: smtp, imap, pop3, ftp, xmpp, ldap, postgres.' -rfka 'smtp imap pop3 ftp xmpp ldap postgres'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" mqtt-version' -l 'mqtt-version' -d 'MQTT version of the CONNECT sent after TLS (mqtts://): 3.1.1 or 5.' -rfka '3.1.1 5'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" mqtt-user' -l 'mqtt-user' -d 'MQTT user name for the CONNECT (default: the URL\'s user, else none).' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" mqtt-password' -l 'mqtt-password' -d 'MQTT password for the CONNECT (or set TLSPROBE_MQTT_PASSWORD, which ps cannot show).' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" mqtt-client-id' -l 'mqtt-client-id' -d 'MQTT client identifier (default: tlsprobe- and random hex).' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" ws-protocol' -l 'ws-protocol' -d 'wss://: ask for this Sec-WebSocket-Protocol (e.g. mqtt).' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" json' -l 'json' -d 'Print one JSON document (same as --format json).'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" format' -l 'format' -d 'Output format.' -rfka 'text json ndjson nagios prometheus junit markdown'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" q quiet' -s 'q' -l 'quiet' -d 'Print nothing on stdout; only the exit code tells.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" v verbose' -s 'v' -l 'verbose' -d 'Show every handshake message and the full chain in detail.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" color' -l 'color' -d 'Colour: auto (on a terminal), always or never.' -rfka 'auto always never'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" strict' -l 'strict' -d 'Warnings fail the run (exit 1).'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" targets-file' -l 'targets-file' -d 'Read targets from this file, one per line: TARGET [--connect-to ADDR] [--sni NAME]; \'#\' comments; \'-\' for standard input.' -rF
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" jobs' -l 'jobs' -d 'Probe this many targets at once.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" unordered' -l 'unordered' -d 'Print each target\'s result as soon as it finishes, not in input order.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" fail-fast' -l 'fail-fast' -d 'Stop at the first failing target.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" shard' -l 'shard' -d 'Probe only shard K of N (1-based), chosen by an FNV-1a hash of each target\'s text, stable across runs and machines.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" client' -l 'client' -d 'Probe as this client: openssl, esp-idf, esp-idf@4.4, esp-idf@5.2, esp-idf@5, esp-idf@5-tls13, esp-idf@6, arduino-esp32@3; \'list\' describes them.' -rfka 'openssl esp-idf esp-idf@4.4 esp-idf@5.2 esp-idf@5 esp-idf@5-tls13 esp-idf@6 arduino-esp32@3 list'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" client-buffer' -l 'client-buffer' -d 'The device\'s input buffer in bytes (CONFIG_MBEDTLS_SSL_IN_CONTENT_LEN), instead of the profile\'s.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" client-trust' -l 'client-trust' -d 'How the device trusts the server: bundle (its built-in roots), cacert (the --cacert file embedded) or insecure (setInsecure(), no verification). Default: cacert when --cacert/--capath is given, else bundle.' -rfka 'bundle cacert insecure'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" chip' -l 'chip' -d 'The ESP chip an ESP-IDF profile runs on, for its hardware limits: esp32, esp32s2, esp32s3, esp32p4, esp32c3, esp32c5, esp32c6, esp32h2, esp32c2.' -rfka 'esp32 esp32s2 esp32s3 esp32p4 esp32c3 esp32c5 esp32c6 esp32h2 esp32c2'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" save-chain' -l 'save-chain' -d 'Write the chain as the server sent it (format from the extension: .pem, .der, .h); when the server leaves out an intermediate that its CA Issuers URL supplies, the repaired chain instead: leaf first, then the intermediates, no root, ready for nginx, Apache or HAProxy.' -rF
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" save-root' -l 'save-root' -d 'Write the trust anchor the verified chain ends in, ready to embed in firmware.' -rF
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" save-format' -l 'save-format' -d 'File format for --save-chain/--save-root, instead of the extension.' -rfka 'pem der h'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" valid-until' -l 'valid-until' -d 'Warn when the saved root expires before this date.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" version' -l 'version' -d 'Show the version.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe probe" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" starttls' -l 'starttls' -d 'Upgrade with this protocol\'s STARTTLS before the handshake, on any port: smtp, imap, pop3, ftp, xmpp, ldap, postgres.' -rfka 'smtp imap pop3 ftp xmpp ldap postgres'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" connect-to' -l 'connect-to' -d 'Connect to this host or IP instead, keeping the target\'s name for SNI, verification and Host.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" 4' -s '4' -d 'Use IPv4 addresses only.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" 6' -s '6' -d 'Use IPv6 addresses only.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" timeout' -l 'timeout' -d 'Deadline for the whole probe, in seconds.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" connect-timeout' -l 'connect-timeout' -d 'Deadline for each TCP connect, in seconds.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" sni' -l 'sni' -d 'Send this name as SNI (default: the target\'s host name).' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" no-sni' -l 'no-sni' -d 'Send no SNI at all.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" connections' -l 'connections' -d 'Connections open at once (1-64).' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" cacert' -l 'cacert' -d 'Trust anchors from this PEM file instead of the system store.' -rF
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" capath' -l 'capath' -d 'Trust anchors from this hashed directory (c_rehash layout).' -rfa '(__tlsprobe_complete_directories)'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" insecure k' -s 'k' -l 'insecure' -d 'Go on to HTTP after certificate errors (they stay errors).'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" warn-days' -l 'warn-days' -d 'Warn when a certificate expires within this many days.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" fail-days' -l 'fail-days' -d 'Fail (exit 32) when a certificate expires within this many days.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" revocation' -l 'revocation' -d 'Ask the CA whether each chain certificate is revoked: its OCSP responder (AIA), its CRL, or both; off by default, because this sends each certificate\'s serial number to its CA over plain HTTP.' -rfka 'ocsp crl both'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" no-fetch' -l 'no-fetch' -d 'Do not download a missing intermediate from its CA Issuers URL (AIA); by default tlsprobe does, to show what browsers see, while the verdict stays the chain as sent.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" trust-stores' -l 'trust-stores' -d 'Say which trust stores accept the chain and by which path: system, --cacert, ESP-IDF full and common bundles, Python certifi, Java cacerts.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" at' -l 'at' -d 'Verify the chain as of this RFC 3339 time (e.g. 2027-01-31T12:00:00Z) instead of now.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" json' -l 'json' -d 'Print one JSON document (same as --format json).'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" format' -l 'format' -d 'Output format.' -rfka 'text json ndjson nagios prometheus junit markdown'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" q quiet' -s 'q' -l 'quiet' -d 'Print nothing on stdout; only the exit code tells.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" v verbose' -s 'v' -l 'verbose' -d 'Show every handshake message and the full chain in detail.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" color' -l 'color' -d 'Colour: auto (on a terminal), always or never.' -rfka 'auto always never'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" strict' -l 'strict' -d 'Warnings fail the run (exit 1).'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" version' -l 'version' -d 'Show the version.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe scan" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_positional "tlsprobe check" -ge 1' -F
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe check" key' -l 'key' -d 'Private key (PEM or DER, unencrypted) that must match the leaf.' -rF
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe check" name' -l 'name' -d 'Host name or IP address the leaf must be valid for (default: not checked).' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe check" cacert' -l 'cacert' -d 'Trust anchors from this PEM file instead of the system store.' -rF
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe check" capath' -l 'capath' -d 'Trust anchors from this hashed directory (c_rehash layout).' -rfa '(__tlsprobe_complete_directories)'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe check" at' -l 'at' -d 'Verify the chain as of this RFC 3339 time (e.g. 2027-01-31T12:00:00Z) instead of now.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe check" warn-days' -l 'warn-days' -d 'Warn when a certificate expires within this many days.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe check" fail-days' -l 'fail-days' -d 'Fail (exit 32) when a certificate expires within this many days.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe check" no-trust-stores' -l 'no-trust-stores' -d 'Leave out the trust-store comparison.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe check" json' -l 'json' -d 'Print one JSON document (same as --format json).'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe check" format' -l 'format' -d 'Output format.' -rfka 'text json ndjson nagios prometheus junit markdown'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe check" q quiet' -s 'q' -l 'quiet' -d 'Print nothing on stdout; only the exit code tells.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe check" v verbose' -s 'v' -l 'verbose' -d 'Show every handshake message and the full chain in detail.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe check" color' -l 'color' -d 'Colour: auto (on a terminal), always or never.' -rfka 'auto always never'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe check" strict' -l 'strict' -d 'Warnings fail the run (exit 1).'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe check" client' -l 'client' -d 'Probe as this client: openssl, esp-idf, esp-idf@4.4, esp-idf@5.2, esp-idf@5, esp-idf@5-tls13, esp-idf@6, arduino-esp32@3; \'list\' describes them.' -rfka 'openssl esp-idf esp-idf@4.4 esp-idf@5.2 esp-idf@5 esp-idf@5-tls13 esp-idf@6 arduino-esp32@3 list'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe check" client-buffer' -l 'client-buffer' -d 'The device\'s input buffer in bytes (CONFIG_MBEDTLS_SSL_IN_CONTENT_LEN), instead of the profile\'s.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe check" client-trust' -l 'client-trust' -d 'How the device trusts the server: bundle (its built-in roots), cacert (the --cacert file embedded) or insecure (setInsecure(), no verification). Default: cacert when --cacert/--capath is given, else bundle.' -rfka 'bundle cacert insecure'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe check" chip' -l 'chip' -d 'The ESP chip an ESP-IDF profile runs on, for its hardware limits: esp32, esp32s2, esp32s3, esp32p4, esp32c3, esp32c5, esp32c6, esp32h2, esp32c2.' -rfka 'esp32 esp32s2 esp32s3 esp32p4 esp32c3 esp32c5 esp32c6 esp32h2 esp32c2'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe check" version' -l 'version' -d 'Show the version.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_positional "tlsprobe explain" -ge 1' -fka 'dns.no_such_name dns.no_address_for_family dns.resolver_failure dns.timeout tcp.refused tcp.timeout tcp.unreachable tcp.error proxy.refused proxy.auth_required proxy.denied proxy.failed handshake.timeout handshake.reset handshake.abrupt_close handshake.sni_required handshake.failed handshake.unexpected_record alert.close_notify alert.unexpected_message alert.bad_record_mac alert.decryption_failed alert.record_overflow alert.decompression_failure alert.handshake_failure alert.no_certificate alert.bad_certificate alert.unsupported_certificate alert.certificate_revoked alert.certificate_expired alert.certificate_unknown alert.illegal_parameter alert.unknown_ca alert.access_denied alert.decode_error alert.decrypt_error alert.export_restriction alert.protocol_version alert.insufficient_security alert.internal_error alert.inappropriate_fallback alert.user_canceled alert.no_renegotiation alert.missing_extension alert.unsupported_extension alert.certificate_unobtainable alert.unrecognized_name alert.bad_certificate_status_response alert.bad_certificate_hash_value alert.unknown_psk_identity alert.certificate_required alert.no_application_protocol alert.client_cert_required alert.unknown proto.tls10_only proto.tls11_only proto.no_common_version proto.below_expected_version proto.unexpected_alpn cipher.no_shared cipher.weak cipher.3des cipher.differs_for_normal_client key.weak_dh key.no_shared_group key.weak_rsa key.weak_ec key.no_forward_secrecy sig.sha1 sig.md5 sig.handshake_sha1 not_tls.plain_http not_tls.banner not_tls.garbage cert.expired cert.not_yet_valid cert.expires_soon cert.self_signed cert.untrusted_root cert.hostname_mismatch cert.cn_only cert.wrong_purpose cert.too_large cert.malformed cert.bad_signature cert.key_mismatch cert.verify_error cert.revoked chain.missing_intermediate chain.aia_unusable chain.intermediate_expired chain.wrong_order chain.extra_certs chain.root_included chain.too_deep chain.leaf_not_first chain.interception chain.wrong_issuer_sent chain.anchor_unusable chain.name_constraints chain.path_length chain.issuer_not_ca chain.ca_key_usage chain.ca_purpose chain.key_identifier chain.policy chain.strict cert.key_usage cert.basic_constraints cert.critical_extension cert.invalid_extension cert.unusable_key cert.signature_algorithm cert.verify_unspecified cert.not_after_boundary http.client_cert_required http.status_5xx http.unexpected_status http.timeout http.closed http.not_http http.reset http.status_4xx http.redirect http.redirect_downgrade http.no_hsts http.hsts_short http.hsts_no_max_age http.headers_too_large internal.error handshake.client_cert_requested starttls.not_offered starttls.refused starttls.postgres_no_ssl starttls.implicit_tls starttls.wrong_protocol starttls.unexpected_reply starttls.no_greeting starttls.timeout starttls.closed starttls.reply_too_large starttls.injection app.timeout app.closed app.reply_too_large app.wrong_protocol app.unexpected_reply app.starttls_still_offered app.postgres_rejected mqtt.not_authorized mqtt.refused mqtt.embedded_client ws.not_upgraded ws.bad_accept ws.no_subprotocol embedded.tls13_required embedded.no_shared_cipher embedded.rsa_pss_required embedded.ed25519_certificate embedded.certificate_too_large embedded.rsa_key_too_large embedded.cert_algorithm_unsupported embedded.root_not_in_bundle embedded.cross_signed_chain embedded.sni_required embedded.clock_unchecked embedded.chain_out_of_order embedded.ip_san_unsupported embedded.device_rejects_chain handshake.malformed_server_hello handshake.message_too_large handshake.post_handshake_flood http.interim_only http.head_unfinished http.unrequested_switch handshake.intolerance cipher.cbc key.dh_small_subgroup sig.no_shared key.ffdhe_refused revocation.unknown ocsp.staple_invalid ocsp.staple_unverified ocsp.staple_mismatch ocsp.staple_expired ocsp.staple_unknown ocsp.must_staple_missing proto.ssl2_accepted proto.ssl3_accepted proto.legacy_accepted proto.no_tls13 cipher.no_aead key.static_key_exchange_accepted handshake.compression handshake.insecure_renegotiation handshake.client_renegotiation handshake.no_fallback_scsv handshake.no_extended_master_secret'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe explain" list' -l 'list' -d 'List the diagnosis catalogue (optionally one family: cert, chain, alert, …).'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe explain" json' -l 'json' -d 'Print JSON instead of text.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe explain" flags' -l 'flags' -d 'Decode an X.509 verify-flag mask (esp_tls_flags).' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe explain" version' -l 'version' -d 'Show the version.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe explain" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe clients" clients' -l 'clients' -d 'Only these clients, comma-separated (a family name such as java or android picks all its versions); \'list\' describes them.' -rfka 'openssl-3.0 curl-7.88 python-3.11 requests-2.34 node-20 openssl-1.1.1 openssl-1.0.2 gnutls-3.7 java-8 java-11 java-17 java-21 go-1.17 go-1.19 android-7 android-9 android-11 android-14 windows-7 windows-10 windows-11 ios-12 macos-12 chrome-101 firefox-100 esp-idf esp-idf@4.4 esp-idf@5.2 esp-idf@5 esp-idf@5-tls13 esp-idf@6 arduino-esp32@3 list'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe clients" require-clients' -l 'require-clients' -d 'Fail (with the client\'s diagnosis exit code, Nagios CRITICAL) when one of these clients fails, e.g. esp-idf,java-8; \'all\' requires every client.' -rfka 'openssl-3.0 curl-7.88 python-3.11 requests-2.34 node-20 openssl-1.1.1 openssl-1.0.2 gnutls-3.7 java-8 java-11 java-17 java-21 go-1.17 go-1.19 android-7 android-9 android-11 android-14 windows-7 windows-10 windows-11 ios-12 macos-12 chrome-101 firefox-100 esp-idf esp-idf@4.4 esp-idf@5.2 esp-idf@5 esp-idf@5-tls13 esp-idf@6 arduino-esp32@3 all'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe clients" sni' -l 'sni' -d 'Send this name as SNI (default: the target\'s host name).' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe clients" connect-to' -l 'connect-to' -d 'Connect to this host or IP instead, keeping the target\'s name for SNI, verification and Host.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe clients" 4' -s '4' -d 'Use IPv4 addresses only.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe clients" 6' -s '6' -d 'Use IPv6 addresses only.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe clients" timeout' -l 'timeout' -d 'Deadline for the whole probe, in seconds.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe clients" connect-timeout' -l 'connect-timeout' -d 'Deadline for each TCP connect, in seconds.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe clients" cacert' -l 'cacert' -d 'Add the trust anchors of this PEM file to every client\'s own store, as if installed on each (the ESP-IDF clients embed it as their CA).' -rF
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe clients" capath' -l 'capath' -d 'Add the trust anchors of this hashed directory (c_rehash layout) to every client\'s own store.' -rfa '(__tlsprobe_complete_directories)'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe clients" client-trust' -l 'client-trust' -d 'How the ESP-IDF and Arduino clients trust the server: bundle, cacert or insecure (as for the probe\'s --client-trust).' -rfka 'bundle cacert insecure'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe clients" at' -l 'at' -d 'Verify the chains as of this RFC 3339 time instead of now.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe clients" no-fetch' -l 'no-fetch' -d 'Download no missing intermediate, even for the clients that do (Windows, Apple, browsers).'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe clients" json' -l 'json' -d 'Print one JSON document (same as --format json).'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe clients" format' -l 'format' -d 'Output format.' -rfka 'text json ndjson nagios prometheus junit markdown'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe clients" q quiet' -s 'q' -l 'quiet' -d 'Print nothing on stdout; only the exit code tells.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe clients" v verbose' -s 'v' -l 'verbose' -d 'Show every handshake message and the full chain in detail.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe clients" color' -l 'color' -d 'Colour: auto (on a terminal), always or never.' -rfka 'auto always never'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe clients" strict' -l 'strict' -d 'Warnings fail the run (exit 1).'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe clients" version' -l 'version' -d 'Show the version.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe clients" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe lab" version' -l 'version' -d 'Show the version.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe lab" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_positional "tlsprobe lab" -eq 1' -fa 'list' -d 'List every lab scenario: what is wrong and the diagnosis and exit code tlsprobe gives.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_positional "tlsprobe lab" -eq 1' -fa 'serve' -d 'Serve lab scenarios until Ctrl-C, logging what each client offers.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe lab list" json' -l 'json' -d 'Print one JSON document.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe lab list" version' -l 'version' -d 'Show the version.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe lab list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe lab serve" all' -l 'all' -d 'Serve every scenario, slow ones included.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe lab serve" dir' -l 'dir' -d 'Where the lab PKI lives.' -rfa '(__tlsprobe_complete_directories)'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe lab serve" listen' -l 'listen' -d 'Address to listen on; anything but loopback exposes deliberately broken TLS.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe lab serve" port-base' -l 'port-base' -d 'Port of the first scenario; the others follow. 0 = any free ports.' -rfka ''
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe lab serve" version' -l 'version' -d 'Show the version.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe lab serve" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe demo" json' -l 'json' -d 'Print one JSON document instead of the table.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe demo" version' -l 'version' -d 'Show the version.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe demo" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tlsprobe' -n '__tlsprobe_should_offer_completions_for_flags_or_options "tlsprobe help" version' -l 'version' -d 'Show the version.'