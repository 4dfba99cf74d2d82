/// The Mbed TLS 3.6 and 4.x behaviours the ESP-IDF 5.x / 6.x profiles share (2.28's lives in
/// its one profile, `esp-idf@4.4`).
extension MbedTLSBehaviour {
    /// Mbed TLS 3.6.3 and later in ESP-IDF v5.3.4+ / v5.4.3+ / v5.5.4 (3.6.4, 3.6.5).
    public static let v3_6_5 = MbedTLSBehaviour(
        version: "3.6.5", codes: .v3, reassemblesHandshakeMessages: true, inputBufferOverhead: 320,
        matchesIPAddressSANs: true, minDHBits: 1024, flagsAfterFailure: .onlyWithPeerCertificate,
        sources: [
            ProfileSource("Mbed TLS 3.6.5 in ESP-IDF v5.5.4", "espressif/esp-idf v5.5.4 components/mbedtls/mbedtls (submodule)"),
            ProfileSource("since 3.6.3 a handshake message spread over several records is reassembled (TLS 1.2 and 1.3)",
                          "Mbed-TLS/mbedtls v3.6.3 ChangeLog; v3.6.5 library/ssl_msg.c mbedtls_ssl_prepare_handshake_record"),
            ProfileSource("the reassembled message must fit MBEDTLS_SSL_IN_BUFFER_LEN: IN_CONTENT_LEN + 320 (IV 16 + MAC 48 + padding 256), else \"requesting more data than fits\" -0x7100",
                          "Mbed-TLS/mbedtls v3.6.5 library/ssl_misc.h MBEDTLS_SSL_PAYLOAD_OVERHEAD; library/ssl_msg.c mbedtls_ssl_fetch_input"),
            ProfileSource("iPAddress SANs are matched", "Mbed-TLS/mbedtls v3.6.0 library/x509_crt.c x509_crt_check_san_ip"),
            ProfileSource("esp-tls reads the verify flags only if mbedtls_ssl_get_peer_cert() returns a certificate; ssl->session is NULL after a failed first handshake, so the stored flags stay 0",
                          "espressif/esp-idf v5.5.4 components/esp-tls/esp_tls_mbedtls.c esp_mbedtls_handshake; Mbed-TLS/mbedtls v3.6.5 library/ssl_tls.c mbedtls_ssl_get_peer_cert"),
        ])

    /// Mbed TLS 3.6.0–3.6.2 (ESP-IDF v5.0.8, v5.1.5, v5.2.5): no reassembly yet.
    public static let v3_6_2: MbedTLSBehaviour = {
        var release = MbedTLSBehaviour.v3_6_5
        release.version = "3.6.2"
        release.reassemblesHandshakeMessages = false
        release.inputBufferOverhead = 0
        release.sources = [
            ProfileSource("Mbed TLS 3.6.2 in ESP-IDF v5.2.5 and v5.0.8 (3.6.1 in v5.1.5)", "espressif/esp-idf v5.2.5 components/mbedtls/mbedtls (submodule)"),
            ProfileSource("a fragmented handshake message fails: \"TLS handshake fragmentation not supported\", -0x7080",
                          "Mbed-TLS/mbedtls v3.6.2 library/ssl_msg.c mbedtls_ssl_prepare_handshake_record"),
        ] + v3_6_5.sources.filter { $0.fact.hasPrefix("iPAddress") || $0.fact.hasPrefix("esp-tls") }
        return release
    }()

    /// Mbed TLS 4.1 with TF-PSA-Crypto (ESP-IDF v6.0.x).
    public static let v4_1 = MbedTLSBehaviour(
        version: "4.1.1", codes: .v4, reassemblesHandshakeMessages: true, inputBufferOverhead: 320,
        matchesIPAddressSANs: true, minDHBits: nil, flagsAfterFailure: .onlyWithPeerCertificate,
        sources: [
            ProfileSource("Mbed TLS 4.1.1 with TF-PSA-Crypto in ESP-IDF v6.0.2", "espressif/esp-idf v6.0.2 components/mbedtls (submodules)"),
            ProfileSource("codes are no longer combined; SSL_BAD_INPUT_DATA is PSA_ERROR_INVALID_ARGUMENT -0x0087, ALLOC_FAILED -0x008D, BUFFER_TOO_SMALL -0x008A",
                          "Mbed-TLS/mbedtls v4.0.0 docs/4.0-migration-guide.md (Error codes)"),
            ProfileSource("no DHE-RSA, no RSA key transport, no static ECDH in TLS 1.2", "Mbed-TLS/mbedtls v4.0.0 docs/4.0-migration-guide.md (Removal of obsolete key exchanges)"),
            ProfileSource("CONFIG_MBEDTLS_SSL_KEEP_PEER_CERTIFICATE default n (selected by TLS 1.3): esp-tls logs no verify flags",
                          "espressif/esp-idf v6.0.2 components/mbedtls/Kconfig; components/esp-tls/esp_tls_mbedtls.c"),
        ])
}
