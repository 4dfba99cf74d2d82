#!/bin/bash

__tlsprobe_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__tlsprobe_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__tlsprobe_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__tlsprobe_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_tlsprobe() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __tlsprobe_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    probe|scan|check|explain|clients|lab|demo|help)
        # Offer subcommand argument completions
        "_tlsprobe_${subcommand}"
        ;;
    *)
        # tlsprobe HOST means tlsprobe probe HOST: complete the words as probe's, and the subcommand names first.
        unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")
        COMPREPLY=()
        _tlsprobe_probe
        [[ "${COMP_CWORD}" -eq 1 && "${cur}" != -* ]] && COMPREPLY+=($(compgen -W 'probe scan check explain clients lab demo help' -- "${cur}"))
        ;;
    esac
}

_tlsprobe_probe() {
    repeating_flags=()
    non_repeating_flags=(-4 -6 --no-sni -k --insecure --no-fetch --trust-stores --no-http --no-app --json -q --quiet -v --verbose --strict --unordered --fail-fast --version -h --help)
    repeating_options=()
    non_repeating_options=(--connect-to --timeout --connect-timeout --proxy --noproxy --sni --tls-min --tls-max --ciphers --ciphersuites --groups --alpn --expect-alpn --expect-tls-min --cert --key --cacert --capath --warn-days --fail-days --revocation --at --expect-status --starttls --mqtt-version --mqtt-user --mqtt-password --mqtt-client-id --ws-protocol --format --color --targets-file --jobs --shard --client --client-buffer --client-trust --chip --save-chain --save-root --save-format --valid-until)
    __tlsprobe_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--connect-to')
        return
        ;;
    '--timeout')
        return
        ;;
    '--connect-timeout')
        return
        ;;
    '--proxy')
        return
        ;;
    '--noproxy')
        return
        ;;
    '--sni')
        return
        ;;
    '--tls-min')
        __tlsprobe_add_completions -W '1.0'$'\n''1.1'$'\n''1.2'$'\n''1.3'
        return
        ;;
    '--tls-max')
        __tlsprobe_add_completions -W '1.0'$'\n''1.1'$'\n''1.2'$'\n''1.3'
        return
        ;;
    '--ciphers')
        return
        ;;
    '--ciphersuites')
        return
        ;;
    '--groups')
        return
        ;;
    '--alpn')
        return
        ;;
    '--expect-alpn')
        return
        ;;
    '--expect-tls-min')
        __tlsprobe_add_completions -W '1.0'$'\n''1.1'$'\n''1.2'$'\n''1.3'
        return
        ;;
    '--cert')
        __tlsprobe_add_completions -f
        return
        ;;
    '--key')
        __tlsprobe_add_completions -f
        return
        ;;
    '--cacert')
        __tlsprobe_add_completions -f
        return
        ;;
    '--capath')
        __tlsprobe_add_completions -d
        return
        ;;
    '--warn-days')
        return
        ;;
    '--fail-days')
        return
        ;;
    '--revocation')
        __tlsprobe_add_completions -W 'ocsp'$'\n''crl'$'\n''both'
        return
        ;;
    '--at')
        return
        ;;
    '--expect-status')
        return
        ;;
    '--starttls')
        __tlsprobe_add_completions -W 'smtp'$'\n''imap'$'\n''pop3'$'\n''ftp'$'\n''xmpp'$'\n''ldap'$'\n''postgres'
        return
        ;;
    '--mqtt-version')
        __tlsprobe_add_completions -W '3.1.1'$'\n''5'
        return
        ;;
    '--mqtt-user')
        return
        ;;
    '--mqtt-password')
        return
        ;;
    '--mqtt-client-id')
        return
        ;;
    '--ws-protocol')
        return
        ;;
    '--format')
        __tlsprobe_add_completions -W 'text'$'\n''json'$'\n''ndjson'$'\n''nagios'$'\n''prometheus'$'\n''junit'$'\n''markdown'
        return
        ;;
    '--color')
        __tlsprobe_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--targets-file')
        __tlsprobe_add_completions -f
        return
        ;;
    '--jobs')
        return
        ;;
    '--shard')
        return
        ;;
    '--client')
        __tlsprobe_add_completions -W 'openssl'$'\n''esp-idf'$'\n''esp-idf@4.4'$'\n''esp-idf@5.2'$'\n''esp-idf@5'$'\n''esp-idf@5-tls13'$'\n''esp-idf@6'$'\n''arduino-esp32@3'$'\n''list'
        return
        ;;
    '--client-buffer')
        return
        ;;
    '--client-trust')
        __tlsprobe_add_completions -W 'bundle'$'\n''cacert'$'\n''insecure'
        return
        ;;
    '--chip')
        __tlsprobe_add_completions -W 'esp32'$'\n''esp32s2'$'\n''esp32s3'$'\n''esp32p4'$'\n''esp32c3'$'\n''esp32c5'$'\n''esp32c6'$'\n''esp32h2'$'\n''esp32c2'
        return
        ;;
    '--save-chain')
        __tlsprobe_add_completions -f
        return
        ;;
    '--save-root')
        __tlsprobe_add_completions -f
        return
        ;;
    '--save-format')
        __tlsprobe_add_completions -W 'pem'$'\n''der'$'\n''h'
        return
        ;;
    '--valid-until')
        return
        ;;
    esac
}

_tlsprobe_scan() {
    repeating_flags=()
    non_repeating_flags=(-4 -6 --no-sni -k --insecure --no-fetch --trust-stores --json -q --quiet -v --verbose --strict --version -h --help)
    repeating_options=()
    non_repeating_options=(--starttls --connect-to --timeout --connect-timeout --sni --connections --cacert --capath --warn-days --fail-days --revocation --at --format --color)
    __tlsprobe_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--starttls')
        __tlsprobe_add_completions -W 'smtp'$'\n''imap'$'\n''pop3'$'\n''ftp'$'\n''xmpp'$'\n''ldap'$'\n''postgres'
        return
        ;;
    '--connect-to')
        return
        ;;
    '--timeout')
        return
        ;;
    '--connect-timeout')
        return
        ;;
    '--sni')
        return
        ;;
    '--connections')
        return
        ;;
    '--cacert')
        __tlsprobe_add_completions -f
        return
        ;;
    '--capath')
        __tlsprobe_add_completions -d
        return
        ;;
    '--warn-days')
        return
        ;;
    '--fail-days')
        return
        ;;
    '--revocation')
        __tlsprobe_add_completions -W 'ocsp'$'\n''crl'$'\n''both'
        return
        ;;
    '--at')
        return
        ;;
    '--format')
        __tlsprobe_add_completions -W 'text'$'\n''json'$'\n''ndjson'$'\n''nagios'$'\n''prometheus'$'\n''junit'$'\n''markdown'
        return
        ;;
    '--color')
        __tlsprobe_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_tlsprobe_check() {
    repeating_flags=()
    non_repeating_flags=(--no-trust-stores --json -q --quiet -v --verbose --strict --version -h --help)
    repeating_options=()
    non_repeating_options=(--key --name --cacert --capath --at --warn-days --fail-days --format --color --client --client-buffer --client-trust --chip)
    __tlsprobe_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--key')
        __tlsprobe_add_completions -f
        return
        ;;
    '--name')
        return
        ;;
    '--cacert')
        __tlsprobe_add_completions -f
        return
        ;;
    '--capath')
        __tlsprobe_add_completions -d
        return
        ;;
    '--at')
        return
        ;;
    '--warn-days')
        return
        ;;
    '--fail-days')
        return
        ;;
    '--format')
        __tlsprobe_add_completions -W 'text'$'\n''json'$'\n''ndjson'$'\n''nagios'$'\n''prometheus'$'\n''junit'$'\n''markdown'
        return
        ;;
    '--color')
        __tlsprobe_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--client')
        __tlsprobe_add_completions -W 'openssl'$'\n''esp-idf'$'\n''esp-idf@4.4'$'\n''esp-idf@5.2'$'\n''esp-idf@5'$'\n''esp-idf@5-tls13'$'\n''esp-idf@6'$'\n''arduino-esp32@3'$'\n''list'
        return
        ;;
    '--client-buffer')
        return
        ;;
    '--client-trust')
        __tlsprobe_add_completions -W 'bundle'$'\n''cacert'$'\n''insecure'
        return
        ;;
    '--chip')
        __tlsprobe_add_completions -W 'esp32'$'\n''esp32s2'$'\n''esp32s3'$'\n''esp32p4'$'\n''esp32c3'$'\n''esp32c5'$'\n''esp32c6'$'\n''esp32h2'$'\n''esp32c2'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __tlsprobe_add_completions -f
        return
        ;;
    esac
}

_tlsprobe_explain() {
    repeating_flags=()
    non_repeating_flags=(--list --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--flags)
    __tlsprobe_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--flags')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __tlsprobe_add_completions -W 'dns.no_such_name'$'\n''dns.no_address_for_family'$'\n''dns.resolver_failure'$'\n''dns.timeout'$'\n''tcp.refused'$'\n''tcp.timeout'$'\n''tcp.unreachable'$'\n''tcp.error'$'\n''proxy.refused'$'\n''proxy.auth_required'$'\n''proxy.denied'$'\n''proxy.failed'$'\n''handshake.timeout'$'\n''handshake.reset'$'\n''handshake.abrupt_close'$'\n''handshake.sni_required'$'\n''handshake.failed'$'\n''handshake.unexpected_record'$'\n''alert.close_notify'$'\n''alert.unexpected_message'$'\n''alert.bad_record_mac'$'\n''alert.decryption_failed'$'\n''alert.record_overflow'$'\n''alert.decompression_failure'$'\n''alert.handshake_failure'$'\n''alert.no_certificate'$'\n''alert.bad_certificate'$'\n''alert.unsupported_certificate'$'\n''alert.certificate_revoked'$'\n''alert.certificate_expired'$'\n''alert.certificate_unknown'$'\n''alert.illegal_parameter'$'\n''alert.unknown_ca'$'\n''alert.access_denied'$'\n''alert.decode_error'$'\n''alert.decrypt_error'$'\n''alert.export_restriction'$'\n''alert.protocol_version'$'\n''alert.insufficient_security'$'\n''alert.internal_error'$'\n''alert.inappropriate_fallback'$'\n''alert.user_canceled'$'\n''alert.no_renegotiation'$'\n''alert.missing_extension'$'\n''alert.unsupported_extension'$'\n''alert.certificate_unobtainable'$'\n''alert.unrecognized_name'$'\n''alert.bad_certificate_status_response'$'\n''alert.bad_certificate_hash_value'$'\n''alert.unknown_psk_identity'$'\n''alert.certificate_required'$'\n''alert.no_application_protocol'$'\n''alert.client_cert_required'$'\n''alert.unknown'$'\n''proto.tls10_only'$'\n''proto.tls11_only'$'\n''proto.no_common_version'$'\n''proto.below_expected_version'$'\n''proto.unexpected_alpn'$'\n''cipher.no_shared'$'\n''cipher.weak'$'\n''cipher.3des'$'\n''cipher.differs_for_normal_client'$'\n''key.weak_dh'$'\n''key.no_shared_group'$'\n''key.weak_rsa'$'\n''key.weak_ec'$'\n''key.no_forward_secrecy'$'\n''sig.sha1'$'\n''sig.md5'$'\n''sig.handshake_sha1'$'\n''not_tls.plain_http'$'\n''not_tls.banner'$'\n''not_tls.garbage'$'\n''cert.expired'$'\n''cert.not_yet_valid'$'\n''cert.expires_soon'$'\n''cert.self_signed'$'\n''cert.untrusted_root'$'\n''cert.hostname_mismatch'$'\n''cert.cn_only'$'\n''cert.wrong_purpose'$'\n''cert.too_large'$'\n''cert.malformed'$'\n''cert.bad_signature'$'\n''cert.key_mismatch'$'\n''cert.verify_error'$'\n''cert.revoked'$'\n''chain.missing_intermediate'$'\n''chain.aia_unusable'$'\n''chain.intermediate_expired'$'\n''chain.wrong_order'$'\n''chain.extra_certs'$'\n''chain.root_included'$'\n''chain.too_deep'$'\n''chain.leaf_not_first'$'\n''chain.interception'$'\n''chain.wrong_issuer_sent'$'\n''chain.anchor_unusable'$'\n''chain.name_constraints'$'\n''chain.path_length'$'\n''chain.issuer_not_ca'$'\n''chain.ca_key_usage'$'\n''chain.ca_purpose'$'\n''chain.key_identifier'$'\n''chain.policy'$'\n''chain.strict'$'\n''cert.key_usage'$'\n''cert.basic_constraints'$'\n''cert.critical_extension'$'\n''cert.invalid_extension'$'\n''cert.unusable_key'$'\n''cert.signature_algorithm'$'\n''cert.verify_unspecified'$'\n''cert.not_after_boundary'$'\n''http.client_cert_required'$'\n''http.status_5xx'$'\n''http.unexpected_status'$'\n''http.timeout'$'\n''http.closed'$'\n''http.not_http'$'\n''http.reset'$'\n''http.status_4xx'$'\n''http.redirect'$'\n''http.redirect_downgrade'$'\n''http.no_hsts'$'\n''http.hsts_short'$'\n''http.hsts_no_max_age'$'\n''http.headers_too_large'$'\n''internal.error'$'\n''handshake.client_cert_requested'$'\n''starttls.not_offered'$'\n''starttls.refused'$'\n''starttls.postgres_no_ssl'$'\n''starttls.implicit_tls'$'\n''starttls.wrong_protocol'$'\n''starttls.unexpected_reply'$'\n''starttls.no_greeting'$'\n''starttls.timeout'$'\n''starttls.closed'$'\n''starttls.reply_too_large'$'\n''starttls.injection'$'\n''app.timeout'$'\n''app.closed'$'\n''app.reply_too_large'$'\n''app.wrong_protocol'$'\n''app.unexpected_reply'$'\n''app.starttls_still_offered'$'\n''app.postgres_rejected'$'\n''mqtt.not_authorized'$'\n''mqtt.refused'$'\n''mqtt.embedded_client'$'\n''ws.not_upgraded'$'\n''ws.bad_accept'$'\n''ws.no_subprotocol'$'\n''embedded.tls13_required'$'\n''embedded.no_shared_cipher'$'\n''embedded.rsa_pss_required'$'\n''embedded.ed25519_certificate'$'\n''embedded.certificate_too_large'$'\n''embedded.rsa_key_too_large'$'\n''embedded.cert_algorithm_unsupported'$'\n''embedded.root_not_in_bundle'$'\n''embedded.cross_signed_chain'$'\n''embedded.sni_required'$'\n''embedded.clock_unchecked'$'\n''embedded.chain_out_of_order'$'\n''embedded.ip_san_unsupported'$'\n''embedded.device_rejects_chain'$'\n''handshake.malformed_server_hello'$'\n''handshake.message_too_large'$'\n''handshake.post_handshake_flood'$'\n''http.interim_only'$'\n''http.head_unfinished'$'\n''http.unrequested_switch'$'\n''handshake.intolerance'$'\n''cipher.cbc'$'\n''key.dh_small_subgroup'$'\n''sig.no_shared'$'\n''key.ffdhe_refused'$'\n''revocation.unknown'$'\n''ocsp.staple_invalid'$'\n''ocsp.staple_unverified'$'\n''ocsp.staple_mismatch'$'\n''ocsp.staple_expired'$'\n''ocsp.staple_unknown'$'\n''ocsp.must_staple_missing'$'\n''proto.ssl2_accepted'$'\n''proto.ssl3_accepted'$'\n''proto.legacy_accepted'$'\n''proto.no_tls13'$'\n''cipher.no_aead'$'\n''key.static_key_exchange_accepted'$'\n''handshake.compression'$'\n''handshake.insecure_renegotiation'$'\n''handshake.client_renegotiation'$'\n''handshake.no_fallback_scsv'$'\n''handshake.no_extended_master_secret'
        return
        ;;
    esac
}

_tlsprobe_clients() {
    repeating_flags=()
    non_repeating_flags=(-4 -6 --no-fetch --json -q --quiet -v --verbose --strict --version -h --help)
    repeating_options=()
    non_repeating_options=(--clients --require-clients --sni --connect-to --timeout --connect-timeout --cacert --capath --client-trust --at --format --color)
    __tlsprobe_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--clients')
        __tlsprobe_add_completions -W 'openssl-3.0'$'\n''curl-7.88'$'\n''python-3.11'$'\n''requests-2.34'$'\n''node-20'$'\n''openssl-1.1.1'$'\n''openssl-1.0.2'$'\n''gnutls-3.7'$'\n''java-8'$'\n''java-11'$'\n''java-17'$'\n''java-21'$'\n''go-1.17'$'\n''go-1.19'$'\n''android-7'$'\n''android-9'$'\n''android-11'$'\n''android-14'$'\n''windows-7'$'\n''windows-10'$'\n''windows-11'$'\n''ios-12'$'\n''macos-12'$'\n''chrome-101'$'\n''firefox-100'$'\n''esp-idf'$'\n''esp-idf@4.4'$'\n''esp-idf@5.2'$'\n''esp-idf@5'$'\n''esp-idf@5-tls13'$'\n''esp-idf@6'$'\n''arduino-esp32@3'$'\n''list'
        return
        ;;
    '--require-clients')
        __tlsprobe_add_completions -W 'openssl-3.0'$'\n''curl-7.88'$'\n''python-3.11'$'\n''requests-2.34'$'\n''node-20'$'\n''openssl-1.1.1'$'\n''openssl-1.0.2'$'\n''gnutls-3.7'$'\n''java-8'$'\n''java-11'$'\n''java-17'$'\n''java-21'$'\n''go-1.17'$'\n''go-1.19'$'\n''android-7'$'\n''android-9'$'\n''android-11'$'\n''android-14'$'\n''windows-7'$'\n''windows-10'$'\n''windows-11'$'\n''ios-12'$'\n''macos-12'$'\n''chrome-101'$'\n''firefox-100'$'\n''esp-idf'$'\n''esp-idf@4.4'$'\n''esp-idf@5.2'$'\n''esp-idf@5'$'\n''esp-idf@5-tls13'$'\n''esp-idf@6'$'\n''arduino-esp32@3'$'\n''all'
        return
        ;;
    '--sni')
        return
        ;;
    '--connect-to')
        return
        ;;
    '--timeout')
        return
        ;;
    '--connect-timeout')
        return
        ;;
    '--cacert')
        __tlsprobe_add_completions -f
        return
        ;;
    '--capath')
        __tlsprobe_add_completions -d
        return
        ;;
    '--client-trust')
        __tlsprobe_add_completions -W 'bundle'$'\n''cacert'$'\n''insecure'
        return
        ;;
    '--at')
        return
        ;;
    '--format')
        __tlsprobe_add_completions -W 'text'$'\n''json'$'\n''ndjson'$'\n''nagios'$'\n''prometheus'$'\n''junit'$'\n''markdown'
        return
        ;;
    '--color')
        __tlsprobe_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_tlsprobe_lab() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tlsprobe_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|serve)
        # Offer subcommand argument completions
        "_tlsprobe_lab_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list serve' -- "${cur}"))
        ;;
    esac
}

_tlsprobe_lab_list() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tlsprobe_offer_flags_options 0
}

_tlsprobe_lab_serve() {
    repeating_flags=()
    non_repeating_flags=(--all --version -h --help)
    repeating_options=()
    non_repeating_options=(--dir --listen --port-base)
    __tlsprobe_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--dir')
        __tlsprobe_add_completions -d
        return
        ;;
    '--listen')
        return
        ;;
    '--port-base')
        return
        ;;
    esac
}

_tlsprobe_demo() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=()
    __tlsprobe_offer_flags_options 0
}

_tlsprobe_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __tlsprobe_offer_flags_options -1
}

complete -o filenames -F _tlsprobe tlsprobe