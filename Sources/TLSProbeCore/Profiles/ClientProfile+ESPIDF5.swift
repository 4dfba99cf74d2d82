extension ClientProfile {
    /// The facts behind `esp-idf` / `esp-idf@5` (ESP-IDF v5.5.4, Mbed TLS 3.6.5).
    static let espIDF5Sources: [ProfileSource] = [
        ProfileSource("esp-tls: mbedtls_ssl_config_defaults(CLIENT, STREAM, PRESET_DEFAULT), hostname as SNI and verify name, VERIFY_REQUIRED with cacert_buf/bundle",
                      "espressif/esp-idf v5.5.4 components/esp-tls/esp_tls_mbedtls.c set_client_config"),
        ProfileSource("TLS 1.2 only (CONFIG_MBEDTLS_SSL_PROTO_TLS1_3 default n); Mbed TLS 3.x has no TLS 1.0/1.1", "espressif/esp-idf v5.5.4 components/mbedtls/Kconfig"),
        ProfileSource("no ChaCha20-Poly1305, DHE, Camellia, 3DES, PSK by default", "espressif/esp-idf v5.5.4 components/mbedtls/Kconfig; port/include/mbedtls/esp_config.h"),
        ProfileSource("suite order", "Mbed-TLS/mbedtls v3.6.5 library/ssl_ciphersuites.c ciphersuite_preference"),
        ProfileSource("CONFIG_MBEDTLS_SSL_IN_CONTENT_LEN 16384; CONFIG_MBEDTLS_HAVE_TIME_DATE n (dates not checked)", "espressif/esp-idf v5.5.4 components/mbedtls/Kconfig"),
        ProfileSource("X.509 default profile: SHA-256..SHA-512, RSA ≥ 2048 bits, NIST and brainpool curves", "Mbed-TLS/mbedtls v3.6.5 library/x509_crt.c mbedtls_x509_crt_profile_default"),
        ProfileSource("issuer searched among the trusted CAs, then only in certificates sent after the child", "Mbed-TLS/mbedtls v3.6.5 library/x509_crt.c x509_crt_find_parent (search_list = child->next)"),
    ]

    /// `esp-idf@5`: the same data as the default `esp-idf` (v5.5.4), under its generation's name.
    public static let espIDF5: ClientProfile = {
        var profile = ClientProfile.espIDF
        profile.name = "esp-idf@5"
        profile.summary = "ESP-IDF v5.x (v5.3.4+, v5.4.3+, v5.5.x) esp-tls on Mbed TLS 3.6.3+: TLS 1.2, reassembles fragmented handshake messages"
        return profile
    }()

    /// `esp-idf@5.2`: v5.0.8 / v5.1.5 / v5.2.5 still ship Mbed TLS 3.6.1–3.6.2, which cannot
    /// reassemble a handshake message spread over records: the one rule that differs from 3.6.5.
    public static let espIDF52: ClientProfile = {
        var profile = ClientProfile.espIDF
        profile.name = "esp-idf@5.2"
        profile.summary = "ESP-IDF v5.0–v5.2 esp-tls on Mbed TLS 3.6.0–3.6.2: as esp-idf@5, but a fragmented Certificate message fails (-0x7080)"
        profile.basis = "ESP-IDF v5.2.5 (Mbed TLS 3.6.2), Kconfig defaults"
        profile.mbedTLS = .v3_6_2
        return profile
    }()

    /// `esp-idf@5-tls13`: v5.5.4 with CONFIG_MBEDTLS_SSL_PROTO_TLS1_3=y (what the TLS 1.3
    /// follow-up of `esp-idf` offers, as the main offer).
    public static let espIDF5TLS13: ClientProfile = {
        var profile = ClientProfile.espIDF
        let option = profile.tls13Option!
        profile.name = "esp-idf@5-tls13"
        profile.summary = "ESP-IDF v5.5 with CONFIG_MBEDTLS_SSL_PROTO_TLS1_3=y: TLS 1.2 and 1.3, RSA-PSS, one x25519 key share"
        profile.basis = "ESP-IDF v5.5.4 (Mbed TLS 3.6.5), Kconfig defaults + CONFIG_MBEDTLS_SSL_PROTO_TLS1_3=y"
        profile.maxVersion = .tls13
        profile.tls13CipherSuites = option.cipherSuites
        profile.signatureAlgorithms += option.extraSignatureAlgorithms
        profile.tls13Option = nil
        profile.sources.append(ProfileSource("TLS 1.3 adds TLS_AES_256_GCM_SHA384, TLS_AES_128_GCM_SHA256, TLS_AES_128_CCM(_8)_SHA256 and rsa_pss_rsae_*; it also selects CONFIG_MBEDTLS_SSL_KEEP_PEER_CERTIFICATE",
                                             "espressif/esp-idf v5.5.4 components/mbedtls/Kconfig MBEDTLS_SSL_PROTO_TLS1_3; reference/mbedtls-esp32.md §4 (captured ClientHello)"))
        return profile
    }()
}
