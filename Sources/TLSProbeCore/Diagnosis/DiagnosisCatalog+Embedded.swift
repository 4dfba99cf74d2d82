// embedded rows: what a `--client` profile (ESP-IDF's default mbedTLS client) would hit. Each
// summary quotes the line the device logs; `fixClient` names the menuconfig option and says
// which side is cheaper to change. Codes are Mbed TLS 3.6 (ESP-IDF v5.x); see
// reference/mbedtls-esp32.md §3–§5 for where each comes from.
extension DiagnosisCatalog {
    /// embedded — what a `--client` profile (an ESP32 with ESP-IDF's defaults) would hit that the
    /// handshake tlsprobe itself made does not show. Facts: {client} (profile name), {profile}
    /// (the release it describes); the other facts per row.
    public struct EmbeddedRows: DiagnosisRowSet {
        static let shared = EmbeddedRows()

        public let embeddedTLS13Required = DiagnosisEntry(
            id: "embedded.tls13_required", severity: .error, stage: .serverHello, exitStatus: .noCommonParameters,
            title: "Server requires TLS 1.3; the device offers TLS 1.2 only",
            summaryTemplate: "{client} offers {offered}, this server speaks only {server_versions} and answers alert protocol_version (70); the device logs \"mbedtls_ssl_handshake returned -0x7780\" (fatal alert received; the 70 shows only in mbedTLS debug output).",
            facts: ["client", "offered", "server_versions"],
            explanation: "ESP-IDF builds leave TLS 1.3 off (CONFIG_MBEDTLS_SSL_PROTO_TLS1_3 defaults to n in every v5.x and v6.0), so the ClientHello has no supported_versions extension and the server refuses it. Laptops negotiate TLS 1.3 and never notice.",
            fixServer: "Allow TLS 1.2 next to 1.3 (nginx: ssl_protocols TLSv1.2 TLSv1.3; with ECDHE-ECDSA/ECDHE-RSA AES-GCM suites).",
            fixClient: "menuconfig: Component config → mbedTLS → mbedTLS v3.x related → Support TLS 1.3 protocol (CONFIG_MBEDTLS_SSL_PROTO_TLS1_3=y; needs Mbed TLS ≥ 3.6, ESP-IDF ≥ 5.3). Cheaper side: the server (one line) unless devices in the field can already be updated over the air.",
            openssl: "SSL_R_TLSV1_ALERT_PROTOCOL_VERSION (1070) for a TLS 1.2-only OpenSSL client",
            alert: "protocol_version (70), sent by the server",
            mbedtls: ["mbedtls_ssl_handshake returned -0x7780 (MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE, alert 70)", "ESP_ERR_MBEDTLS_SSL_HANDSHAKE_FAILED 0x801A"],
            docs: "RFC 8446 §4.2.1"
        )

        public let embeddedNoSharedCipher = DiagnosisEntry(
            id: "embedded.no_shared_cipher", severity: .error, stage: .serverHello, exitStatus: .noCommonParameters,
            title: "No cipher suite or group in common with the device",
            summaryTemplate: "The server refuses every suite and group {client} offers (alert handshake_failure, 40) but accepts {cipher}; the device logs \"mbedtls_ssl_handshake returned -0x7780\".",
            facts: ["client", "cipher"],
            explanation: "The device's list is fixed at build time: ESP-IDF's defaults have no ChaCha20-Poly1305, no DHE, no X448 or FFDHE groups. A server restricted to those looks healthy to browsers and rejects the device.",
            fixServer: "Enable at least one ECDHE suite with AES-GCM (ECDHE-ECDSA-AES128-GCM-SHA256 / ECDHE-RSA-AES128-GCM-SHA256) and the groups x25519 and P-256.",
            fixClient: "menuconfig: Component config → mbedTLS → Symmetric Ciphers (e.g. CONFIG_MBEDTLS_CHACHAPOLY_C=y) or TLS Key Exchange Methods (CONFIG_MBEDTLS_KEY_EXCHANGE_DHE_RSA with CONFIG_MBEDTLS_DHM_C). Cheaper side: the server, which only has to add a suite every client supports.",
            openssl: "SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE (1040) with the device's cipher list",
            alert: "handshake_failure (40), sent by the server",
            mbedtls: ["mbedtls_ssl_handshake returned -0x7780 (MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE, alert 40)"],
            docs: "RFC 5246 §7.4.1.2"
        )

        public let embeddedRSAPSSRequired = DiagnosisEntry(
            id: "embedded.rsa_pss_required", severity: .error, stage: .serverHello, exitStatus: .noCommonParameters,
            title: "Server signs only with RSA-PSS; the device's TLS 1.2 offers PKCS#1 v1.5",
            summaryTemplate: "With {client}'s signature algorithms the server answers alert handshake_failure (40); offering {sigalg} as well makes it succeed. The device logs \"mbedtls_ssl_handshake returned -0x7780\".",
            facts: ["client", "sigalg"],
            explanation: "A TLS 1.2-only ESP-IDF build advertises rsa_pkcs1_sha256/384/512 and ECDSA only (RSA-PSS is added only with TLS 1.3 on). A server configured to sign its key exchange with RSA-PSS alone finds no common signature algorithm.",
            fixServer: "Allow rsa_pkcs1_sha256 (and ECDSA) in the server's signature algorithms (OpenSSL: SignatureAlgorithms / -sigalgs; nginx: ssl_conf_command SignatureAlgorithms).",
            fixClient: "Enable TLS 1.3 (CONFIG_MBEDTLS_SSL_PROTO_TLS1_3=y), which adds rsa_pss_rsae_* to the list; TLS 1.2 itself offers no PSS in Mbed TLS 3.6. Cheaper side: the server.",
            openssl: "SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE (1040); the server logs no shared signature algorithms",
            alert: "handshake_failure (40), sent by the server",
            mbedtls: ["mbedtls_ssl_handshake returned -0x7780 (MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE, alert 40)"],
            docs: "RFC 8446 §4.2.3, RFC 5246 §7.4.1.4.1"
        )

        public let embeddedEd25519Certificate = DiagnosisEntry(
            id: "embedded.ed25519_certificate", severity: .error, stage: .serverHello, exitStatus: .noCommonParameters,
            title: "Ed25519 certificate: the device cannot use it",
            summaryTemplate: "The server has only an EdDSA certificate: with {client}'s signature algorithms it answers handshake_failure (40), offering {sigalg} makes it succeed. The device logs \"mbedtls_ssl_handshake returned -0x7780\".",
            facts: ["client", "sigalg"],
            explanation: "Mbed TLS (3.x and 4.x) supports no Ed25519 or Ed448 keys or signatures, so ESP-IDF never offers them and cannot parse such a certificate. Browsers and OpenSSL accept it, which hides the problem.",
            fixServer: "Serve an ECDSA P-256 (or RSA-2048) certificate, alone or next to the Ed25519 one (nginx and OpenSSL pick per client).",
            fixClient: "None: no ESP-IDF option adds EdDSA. Cheaper side: the server (add a second certificate).",
            openssl: "SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE (1040); the server logs no shared signature algorithms",
            alert: "handshake_failure (40), sent by the server",
            mbedtls: ["mbedtls_ssl_handshake returned -0x7780 (MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE, alert 40)"],
            docs: "RFC 8410, RFC 8446 §4.2.3"
        )

        public let embeddedCertificateTooLarge = DiagnosisEntry(
            id: "embedded.certificate_too_large", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "Certificate message larger than the device's input buffer",
            summaryTemplate: "The server's Certificate message is {bytes} bytes and {client}'s input buffer is {limit} bytes: {effect}; the device logs \"mbedtls_ssl_handshake returned {code}\" (-0x7080 on Mbed TLS 2.28 and 3.6.0–3.6.2 once the message spans records, -0x7100 on 3.6.3+ above buffer + 320 bytes, -0x0087 on ESP-IDF 6).",
            facts: ["bytes", "client", "limit", "effect", "code"],
            explanation: "mbedTLS must hold a whole handshake message in its input buffer (CONFIG_MBEDTLS_SSL_IN_CONTENT_LEN, at most 16384, plus 320 bytes of record overhead that Mbed TLS 3.6.3+ lets a reassembled message use); before 3.6.3 a message spread over several records fails whatever its size. A chain with many SANs, an extra cross-signed certificate, the root, or RSA-4096 CAs pushes the Certificate message past it; OpenSSL accepts up to 100 KB and never notices.",
            fixServer: "Shrink the chain: drop the root and any cross-signed extra certificate, use fewer names per certificate, prefer ECDSA keys.",
            fixClient: "Only if the buffer was reduced: raise CONFIG_MBEDTLS_SSL_IN_CONTENT_LEN (Component config → mbedTLS → TLS maximum incoming fragment length) back towards 16384; beyond 16384 nothing helps. Cheaper side: the server.",
            openssl: "none: OpenSSL accepts certificate lists up to 100 KB",
            mbedtls: ["mbedtls_ssl_handshake returned -0x7100 (MBEDTLS_ERR_SSL_BAD_INPUT_DATA, \"requesting more data than fits\")", "-0x7080 (MBEDTLS_ERR_SSL_FEATURE_UNAVAILABLE) with Mbed TLS ≤ 3.6.2", "-0x0087 on ESP-IDF 6 (Mbed TLS 4)"],
            docs: "RFC 8449, RFC 6066 §4"
        )

        public let embeddedRSAKeyTooLarge = DiagnosisEntry(
            id: "embedded.rsa_key_too_large", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "RSA key beyond the ESP32 hardware limit",
            summaryTemplate: "{subject} (depth {depth}) has an RSA key of {bits} bits; the RSA accelerator of the {chip} stops at {max_bits} bits and ESP-IDF has no software fallback there by default (--chip esp32c3/c6/h2 fall back to software), so {effect}.",
            facts: ["subject", "depth", "bits", "chip", "max_bits", "effect"],
            explanation: "Mbed TLS itself handles RSA up to 8192 bits, but ESP-IDF routes modular exponentiation to the RSA peripheral, which refuses operands above SOC_RSA_MAX_BIT_LEN (4096 on ESP32, S2, S3, P4) with MBEDTLS_ERR_MPI_NOT_ACCEPTABLE. CONFIG_MBEDTLS_LARGE_KEY_SOFTWARE_MPI defaults to n on those chips (it defaults to y on C3/C5/C6/H2, whose hardware stops at 3072 bits and which fall back to software). Derived from ESP-IDF v5.5.4 source (esp_bignum.c, soc_caps.h); not observed on hardware by tlsprobe.",
            fixServer: "Use an RSA key of at most 4096 bits, or ECDSA P-256, for the server certificate and the CAs above it.",
            fixClient: "menuconfig: Component config → mbedTLS → Fallback to software implementation for larger MPI values (CONFIG_MBEDTLS_LARGE_KEY_SOFTWARE_MPI=y); expect seconds per handshake in software. Cheaper side: the server for its own certificate; the device when the large key is a public root.",
            openssl: "none: OpenSSL accepts RSA-8192",
            mbedtls: ["mbedtls_ssl_handshake returned -0x428E (MBEDTLS_ERR_RSA_PUBLIC_FAILED + MBEDTLS_ERR_MPI_NOT_ACCEPTABLE) for the server's own key", "-0x2700 with flags 0x08 BADCERT_NOT_TRUSTED when a CA key is too large (its signature cannot be checked)"],
            docs: "ESP-IDF Kconfig MBEDTLS_LARGE_KEY_SOFTWARE_MPI"
        )

        public let embeddedCertAlgorithmUnsupported = DiagnosisEntry(
            id: "embedded.cert_algorithm_unsupported", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "Certificate uses an algorithm the device rejects",
            summaryTemplate: "{subject} (depth {depth}) uses {what}, which {client} does not accept; the device logs \"mbedtls_ssl_handshake returned -0x2700\" with verify flags {flags}.",
            facts: ["subject", "depth", "what", "client", "flags"],
            explanation: "mbedTLS's default X.509 profile accepts only SHA-256/384/512 signatures, RSA keys of 2048 bits or more, the curves P-256/384/521 and brainpool 256/384/512, and no EdDSA at all. Anything else anywhere in the chain fails verification on the device.",
            fixServer: "Reissue the certificate with SHA-256 and an RSA-2048+ or P-256/P-384 key, and use a CA chain that does the same.",
            fixClient: "A custom X.509 profile (mbedtls_ssl_conf_cert_profile) can relax hash and key limits; EdDSA has no option. Cheaper side: the server.",
            mbedtls: ["mbedtls_ssl_handshake returned -0x2700 (MBEDTLS_ERR_X509_CERT_VERIFY_FAILED)", "flags 0x4000 BADCERT_BAD_MD (hash), 0x8000 BADCERT_BAD_PK (algorithm), 0x10000 BADCERT_BAD_KEY (size or curve)"],
            docs: "Mbed TLS x509_crt.c mbedtls_x509_crt_profile_default"
        )

        public let embeddedRootNotInBundle = DiagnosisEntry(
            id: "embedded.root_not_in_bundle", severity: .error, stage: .certificate, exitStatus: .untrustedChain,
            title: "Chain does not end in ESP-IDF's certificate bundle",
            summaryTemplate: "The last certificate the server sends ({subject}) is issued by {issuer}, which is not in the {bundle} bundle (Mozilla {snapshot}); the device logs \"esp-x509-crt-bundle: No matching trusted root certificate found\" and \"mbedtls_ssl_handshake returned -0x3000\" (verify flags 0xFFFFFFFF).",
            facts: ["subject", "issuer", "bundle", "snapshot"],
            explanation: "With esp_crt_bundle_attach the device trusts only the bundle's roots and looks up the issuer of the topmost certificate the server sent. A private CA, a root the ESP-IDF release dropped (v6.0 removed 11), or the 'common' subset miss it; the bundle marks every verify flag on failure, so do not read 0xFFFFFFFF bit by bit.",
            fixServer: "Use a certificate from a CA in the bundle, and send the chain up to (not including) a bundle root.",
            fixClient: "Embed the root (tlsprobe --save-root root.pem, then cert_pem or CONFIG_MBEDTLS_CUSTOM_CERTIFICATE_BUNDLE_PATH in Component config → mbedTLS → Certificate Bundle). Cheaper side: the device if you own the firmware and the server's CA is stable; otherwise the server.",
            openssl: "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY (20) against the bundle's roots",
            alert: "none sent before the device closes",
            mbedtls: ["mbedtls_ssl_handshake returned -0x3000 (MBEDTLS_ERR_X509_FATAL_ERROR: the bundle callback failed)", "verify flags 0xFFFFFFFF"],
            docs: "ESP-IDF docs: ESP x509 Certificate Bundle"
        )

        public let embeddedCrossSignedChain = DiagnosisEntry(
            id: "embedded.cross_signed_chain", severity: .error, stage: .certificate, exitStatus: .untrustedChain,
            title: "Chain ends in a cross-signed certificate whose issuer is not in the bundle",
            summaryTemplate: "The server's chain ends with {subject}, cross-signed by {issuer}; the device looks up {issuer} in the {bundle} bundle, not {root}, and logs \"mbedtls_ssl_handshake returned -0x3000\" (verify flags 0xFFFFFFFF).",
            facts: ["subject", "issuer", "bundle", "root"],
            explanation: "The ESP-IDF bundle checks the issuer of the last certificate on the wire. When that certificate is a cross-sign (the classic ISRG Root X1 signed by DST Root CA X3), the device never considers the self-signed root of the same name even when the bundle has it. Laptops build the short path to their own copy of the root and succeed.",
            fixServer: "Serve the short chain: drop the cross-signed certificate so the chain ends in a certificate issued by the root itself (certbot: --preferred-chain).",
            fixClient: "Embed the self-signed root as cert_pem instead of the bundle (tlsprobe --save-root), or on ESP-IDF 6 enable CONFIG_MBEDTLS_CERTIFICATE_BUNDLE_CROSS_SIGNED_VERIFY. Cheaper side: the server (a chain choice).",
            openssl: "none: OpenSSL finds the self-signed root in its store first",
            mbedtls: ["mbedtls_ssl_handshake returned -0x3000 (MBEDTLS_ERR_X509_FATAL_ERROR)", "verify flags 0xFFFFFFFF"],
            docs: "ESP-IDF docs: ESP x509 Certificate Bundle"
        )

        public let embeddedSNIRequired = DiagnosisEntry(
            id: "embedded.sni_required", severity: .warning, stage: .serverHello, exitStatus: .success,
            title: "Server requires SNI: a device that omits it fails",
            summaryTemplate: "Without SNI the server refuses the handshake; {client} sends SNI \"{sni}\" by default, but an ESP-IDF client with skip_common_name set, or one connecting by IP, sends none and logs \"mbedtls_ssl_handshake returned -0x7780\" (alert 112) or -0x7280 (connection closed).",
            facts: ["client", "sni"],
            explanation: "esp-tls passes the URL host as SNI and as the name to verify. Setting skip_common_name (or common_name to NULL) drops both, and an IP-address URL has no name to send.",
            fixServer: "Give clients without SNI a default certificate/virtual host, if such devices must work.",
            fixClient: "Connect by host name and leave skip_common_name false (or set common_name). Cheaper side: the device configuration.",
            openssl: "SSL_R_TLSV1_UNRECOGNIZED_NAME (1112) or an unexpected EOF",
            alert: "unrecognized_name (112), or none",
            mbedtls: ["mbedtls_ssl_handshake returned -0x7780 (alert 112)", "-0x7280 MBEDTLS_ERR_SSL_CONN_EOF when the server just closes"],
            docs: "RFC 6066 §3"
        )

        public let embeddedClockUnchecked = DiagnosisEntry(
            id: "embedded.clock_unchecked", severity: .info, stage: .certificate, exitStatus: .success,
            title: "Certificate dates depend on the device clock",
            summaryTemplate: "{client} ignores validity dates by default (CONFIG_MBEDTLS_HAVE_TIME_DATE=n), so it would also accept this chain after {not_after}; if you enable the check, set the clock via SNTP before connecting, or it thinks it is 1970 and fails with -0x2700, flags 0x200 BADCERT_FUTURE.",
            facts: ["client", "not_after"],
            explanation: "Devices without a battery-backed RTC boot at the epoch. With date checks off, expired certificates pass silently; with them on, every certificate looks not yet valid until SNTP has synchronised.",
            fixServer: "Nothing to change; renew before expiry as usual.",
            fixClient: "If you enable Component config → mbedTLS → Enable mbedtls certificate expiry check (CONFIG_MBEDTLS_HAVE_TIME_DATE), start TLS only after esp_netif_sntp_sync_wait() succeeded.",
            mbedtls: ["mbedtls_ssl_handshake returned -0x2700, flags 0x200 BADCERT_FUTURE (clock at 1970, check on)", "flags 0x01 BADCERT_EXPIRED (expired, check on)"],
            docs: "ESP-IDF Kconfig MBEDTLS_HAVE_TIME_DATE"
        )

        public let embeddedChainOutOfOrder = DiagnosisEntry(
            id: "embedded.chain_out_of_order", severity: .error, stage: .certificate, exitStatus: .untrustedChain,
            title: "Chain out of order: the device does not reorder it",
            summaryTemplate: "{client} looks for the issuer of {subject} only among its trusted CAs and the certificates sent after it, and the issuer was sent before it; the device logs \"mbedtls_ssl_handshake returned -0x2700\" with verify flags {flags} (esp-tls stores {logged}).",
            facts: ["client", "subject", "flags", "logged"],
            explanation: "Mbed TLS (2.28, 3.6 and 4.x: x509_crt_find_parent searches the trusted CAs, then child->next) builds the path in sending order and never reorders, fetches or substitutes. OpenSSL, browsers and curl sort the certificates themselves, so the same chain passes on a laptop.",
            fixServer: "Send the chain in order: leaf, then the certificate that issued it, then that one's issuer (nginx: ssl_certificate with the leaf first and each issuer after the certificate it signed).",
            fixClient: "Embed the intermediate that comes too early next to the root in the device's CA (cert_pem) as a stopgap. Cheaper side: the server (reorder one file).",
            openssl: "none: OpenSSL reorders (chain.wrong_order, a warning)",
            mbedtls: ["mbedtls_ssl_handshake returned -0x2700 (MBEDTLS_ERR_X509_CERT_VERIFY_FAILED)", "verify flags 0x08 BADCERT_NOT_TRUSTED"],
            docs: "RFC 8446 §4.4.2 (senders order the list; 1.3 receivers should tolerate disorder), RFC 5246 §7.4.2"
        )

        public let embeddedIPSANUnsupported = DiagnosisEntry(
            id: "embedded.ip_san_unsupported", severity: .error, stage: .certificate, exitStatus: .hostnameMismatch,
            title: "Device reached by IP address: Mbed TLS 2.28 does not match IP SANs",
            summaryTemplate: "The certificate names {host} as an iPAddress SAN, but Mbed TLS {version} compares the host only with dNSName SANs (or the CN when there are none); {client} logs \"mbedtls_ssl_handshake returned -0x2700\" with verify flags {flags} (BADCERT_CN_MISMATCH).",
            facts: ["host", "version", "client", "flags"],
            explanation: "IP-address matching arrived in Mbed TLS 3.x (x509_crt_check_san_ip); ESP-IDF v4.4 ships 2.28, whose x509_crt_verify_name never matches an iPAddress entry. esp-tls also sends the IP address as SNI.",
            fixServer: "Give the device a DNS name to connect to and put that name in the certificate's SANs.",
            fixClient: "Connect by host name, or move to ESP-IDF 5.x (Mbed TLS 3.6 matches IP SANs). Setting common_name to a DNS name the certificate carries also works. Cheaper side: the device configuration.",
            openssl: "none: OpenSSL matches the IP SAN",
            mbedtls: ["mbedtls_ssl_handshake returned -0x2700 (MBEDTLS_ERR_X509_CERT_VERIFY_FAILED)", "verify flags 0x04 BADCERT_CN_MISMATCH"],
            docs: "RFC 6125 §6.2, RFC 5280 §4.2.1.6"
        )

        public let embeddedDeviceRejectsChain = DiagnosisEntry(
            id: "embedded.device_rejects_chain", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "The device rejects a chain OpenSSL accepts",
            summaryTemplate: "OpenSSL accepts this chain, {client} does not: {reason}. The device logs \"mbedtls_ssl_handshake returned {code}\" with verify flags {flags} (esp-tls stores {logged}).",
            facts: ["client", "reason", "code", "flags", "logged"],
            explanation: "Mbed TLS verifies with its own rules: its X.509 profile, its name matching, its chain building in sending order, and the curves and key usages it accepts for the negotiated suite.",
            fixServer: "Serve a chain every client verifies: in order, SHA-256 signatures, RSA-2048+ or P-256/P-384 keys, serverAuth in the extended key usage.",
            fixClient: "Depends on the reason; see the device's verify flags (mbedtls_x509_crt_verify_info). Cheaper side: usually the server.",
            mbedtls: ["mbedtls_ssl_handshake returned -0x2700 (MBEDTLS_ERR_X509_CERT_VERIFY_FAILED) or -0x7A00 (BAD_CERTIFICATE)"],
            docs: "Mbed TLS library/x509_crt.c, library/ssl_tls.c"
        )
    }
}