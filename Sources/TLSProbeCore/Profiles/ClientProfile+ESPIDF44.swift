extension ClientProfile {
    /// ESP-IDF v4.4 (the last 4.x, Mbed TLS 2.28) esp-tls client with Kconfig defaults. The
    /// prediction for this profile is checked in the tests against Debian's Mbed TLS 2.28 run as
    /// esp-tls runs it (Tests/Oracle/esp_tls_client.c).
    public static let espIDF44 = ClientProfile(
        name: "esp-idf@4.4",
        summary: "ESP-IDF v4.4 esp-tls on Mbed TLS 2.28: TLS 1.0–1.2, DHE and static RSA/ECDH suites, no IP-SAN matching, no handshake reassembly",
        basis: "ESP-IDF v4.4.8 (Mbed TLS 2.28.8), Kconfig defaults",
        isOpenSSLDefault: false,
        minVersion: .tls10, maxVersion: .tls12,
        // Mbed TLS 2.28 library/ssl_ciphersuites.c ciphersuite_preference, without what ESP-IDF
        // v4.4's Kconfig compiles out (ChaCha20, Camellia, DES, RC4, PSK, NULL, ECJPAKE).
        tls12CipherSuites: [
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CCM", "TLS_DHE_RSA_WITH_AES_256_CCM", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8",
            "TLS_DHE_RSA_WITH_AES_256_CCM_8", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_CCM", "TLS_DHE_RSA_WITH_AES_128_CCM",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8", "TLS_DHE_RSA_WITH_AES_128_CCM_8", "TLS_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_RSA_WITH_AES_256_CCM", "TLS_RSA_WITH_AES_256_CBC_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA384", "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA384", "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA",
            "TLS_RSA_WITH_AES_256_CCM_8", "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_CCM",
            "TLS_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_128_CCM_8",
        ],
        tls13CipherSuites: [],
        // Mbed TLS 2.28 library/ecp.c ecp_supported_curves order; X448 undefined by esp_config.h.
        groups: ["P-521", "brainpoolP512r1", "P-384", "brainpoolP384r1", "P-256", "secp256k1", "brainpoolP256r1",
                 "P-224", "secp224k1", "P-192", "secp192k1", "X25519"],
        // ssl_preset_default_hashes (SHA-512, -384, -256, -224; no SHA-1), each with ECDSA and RSA.
        signatureAlgorithms: ["ECDSA+SHA512", "RSA+SHA512", "ECDSA+SHA384", "RSA+SHA384", "ECDSA+SHA256", "RSA+SHA256",
                              "ECDSA+SHA224", "RSA+SHA224"],
        alpn: [],
        sendsSNI: true,
        inputBufferBytes: 16384,
        maxRSABits: 4096,
        // mbedtls_x509_crt_profile_default in 2.28: SHA-224 and up, RSA ≥ 2048, any curve.
        minRSABits: 2048,
        certificateCurves: ["P-256", "P-384", "P-521", "brainpoolP256r1", "brainpoolP384r1", "brainpoolP512r1",
                            "P-224", "P-192", "secp256k1", "secp224k1", "secp192k1"],
        certificateHashes: ["sha224", "sha256", "sha384", "sha512"],
        supportsEdDSA: false,
        checksDates: false,
        defaultBundle: ESPCertificateBundle.v5_5_4.name,
        tls13Option: nil,
        mbedTLS: MbedTLSBehaviour(
            version: "2.28.8", codes: .v2, reassemblesHandshakeMessages: false, inputBufferOverhead: 0,
            matchesIPAddressSANs: false, minDHBits: 1024, flagsAfterFailure: .always,
            sources: [
                ProfileSource("Mbed TLS 2.28.8 in ESP-IDF v4.4.8", "espressif/esp-idf v4.4.8 components/mbedtls/mbedtls (submodule)"),
                ProfileSource("a handshake message spread over several records fails: \"TLS handshake fragmentation not supported\", MBEDTLS_ERR_SSL_FEATURE_UNAVAILABLE -0x7080",
                              "Mbed-TLS/mbedtls v2.28.3 library/ssl_msg.c mbedtls_ssl_prepare_handshake_record"),
                ProfileSource("host names are compared with dNSName SANs (or the CN without SANs); iPAddress SANs never match",
                              "Mbed-TLS/mbedtls v2.28.3 library/x509_crt.c x509_crt_verify_name"),
                ProfileSource("DHE groups from 1024 bits (mbedtls_ssl_conf_dhm_min_bitlen default)", "Mbed-TLS/mbedtls v2.28.3 library/ssl_tls.c mbedtls_ssl_config_defaults"),
                ProfileSource("esp-tls calls mbedtls_ssl_get_verify_result after every failed handshake with a CA set and logs \"Failed to verify peer certificate!\" (or \"Certificate verified.\")",
                              "espressif/esp-idf v4.4.8 components/esp-tls/esp_tls_mbedtls.c esp_mbedtls_handshake, esp_mbedtls_verify_certificate"),
            ]),
        sources: [
            ProfileSource("esp-tls: mbedtls_ssl_config_defaults(CLIENT, STREAM, PRESET_DEFAULT), hostname as SNI and verify name, VERIFY_REQUIRED with cacert_buf/bundle",
                          "espressif/esp-idf v4.4.8 components/esp-tls/esp_tls_mbedtls.c set_client_config"),
            ProfileSource("TLS 1.0, 1.1 and 1.2 on (CONFIG_MBEDTLS_SSL_PROTO_TLS1/_TLS1_1/_TLS1_2 default y)", "espressif/esp-idf v4.4.8 components/mbedtls/Kconfig"),
            ProfileSource("RSA, DHE-RSA, ECDHE-RSA/ECDSA, ECDH-RSA/ECDSA key exchanges on; ChaCha20-Poly1305, Camellia, DES, PSK off", "espressif/esp-idf v4.4.8 components/mbedtls/Kconfig"),
            ProfileSource("every curve but X448 (secp192/224/256 r1 and k1, brainpool, x25519)", "espressif/esp-idf v4.4.8 components/mbedtls/Kconfig MBEDTLS_ECP_DP_*; port/include/mbedtls/esp_config.h undefines CURVE448"),
            ProfileSource("CONFIG_MBEDTLS_SSL_IN_CONTENT_LEN 16384, CONFIG_MBEDTLS_HAVE_TIME_DATE n (dates not checked)", "espressif/esp-idf v4.4.8 components/mbedtls/Kconfig"),
            ProfileSource("suite order", "Mbed-TLS/mbedtls v2.28.3 library/ssl_ciphersuites.c ciphersuite_preference"),
            ProfileSource("X.509 default profile: SHA-224..SHA-512, RSA ≥ 2048 bits, any curve", "Mbed-TLS/mbedtls v2.28.3 library/x509_crt.c mbedtls_x509_crt_profile_default"),
            ProfileSource("issuer searched among the trusted CAs, then only in certificates sent after the child", "Mbed-TLS/mbedtls v2.28.3 library/x509_crt.c x509_crt_find_parent (search_list = child->next)"),
        ],
        sendsSNIForIPAddress: true,
        usesChip: true
    )
}
