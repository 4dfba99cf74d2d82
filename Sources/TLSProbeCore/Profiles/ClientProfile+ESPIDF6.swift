extension ClientProfile {
    /// `esp-idf@6`: ESP-IDF v6.0.2 on Mbed TLS 4.1 / TF-PSA-Crypto. The offer is v5.5's without
    /// the key exchanges 4.0 removed (DHE-RSA, RSA key transport, static ECDH); the codes are
    /// PSA codes where 4.x aliased them, and never combined.
    public static let espIDF6: ClientProfile = {
        var profile = ClientProfile.espIDF
        profile.name = "esp-idf@6"
        profile.summary = "ESP-IDF v6.0 esp-tls on Mbed TLS 4.1 / TF-PSA-Crypto: TLS 1.2, ECDHE only, PSA error codes (-0x0087), no peer-certificate flags in the log"
        profile.basis = "ESP-IDF v6.0.2 (Mbed TLS 4.1.1), Kconfig defaults"
        profile.tls12CipherSuites = profile.tls12CipherSuites.filter { $0.hasPrefix("TLS_ECDHE_") }
        profile.mbedTLS = .v4_1
        profile.sources = [
            ProfileSource("TLS 1.2 only by default (CONFIG_MBEDTLS_SSL_PROTO_TLS1_3 default n)", "espressif/esp-idf v6.0.2 components/mbedtls/Kconfig"),
            ProfileSource("ECDHE-ECDSA and ECDHE-RSA suites only: DHE-RSA, RSA key transport and static ECDH were removed in 4.0", "Mbed-TLS/mbedtls v4.0.0 docs/4.0-migration-guide.md"),
            ProfileSource("not modelled here: the v6.0 bundle (11 roots fewer); bundle checks use the v5.5.4 list", "espressif/esp-idf v6.0.2 docs/en/migration-guides/release-6.x/6.0/security.rst"),
        ]
        return profile
    }()
}
