extension ClientProfile {
    /// ESP-IDF's default mbedTLS client (esp-tls / esp_http_client with Kconfig defaults).
    ///
    /// Source: /work/shared/reference/mbedtls-esp32.md §4 (ESP-IDF v5.5.4 `components/mbedtls/Kconfig`
    /// and `esp_config.h`, and a ClientHello captured from Mbed TLS 3.6.5 built with that config).
    /// The suite order is Mbed TLS 3.6.5's `ciphersuite_preference` (library/ssl_ciphersuites.c)
    /// without what the Kconfig defaults compile out: ChaCha20-Poly1305, DHE, Camellia, 3DES,
    /// PSK, NULL. That gives the captured 58 suites; 32 of them exist in OpenSSL 3 (the static
    /// ECDH and some ARIA-CBC/CCM suites do not), which matters only for a server that accepts
    /// nothing else. The same defaults hold for every v5.x patch release that ships Mbed TLS 3.6.
    public static let espIDF = ClientProfile(
        name: "esp-idf",
        summary: "ESP-IDF v5.5.4 default mbedTLS client (esp-tls): TLS 1.2 only, 16 KB input buffer, certificate bundle",
        basis: "ESP-IDF v5.5.4 (Mbed TLS 3.6.5), Kconfig defaults, ESP32 target",
        isOpenSSLDefault: false,
        // CONFIG_MBEDTLS_SSL_PROTO_TLS1_3 defaults to n; Mbed TLS 3.x has no TLS 1.0/1.1.
        minVersion: .tls12, maxVersion: .tls12,
        tls12CipherSuites: [
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CCM", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8",
            "TLS_ECDHE_ECDSA_WITH_ARIA_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_ARIA_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_ARIA_256_CBC_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CCM", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8",
            "TLS_ECDHE_ECDSA_WITH_ARIA_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_ARIA_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_ARIA_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_ARIA_128_CBC_SHA256",
            "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_256_CCM",
            "TLS_RSA_WITH_AES_256_CBC_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA384",
            "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA", "TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA384", "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA",
            "TLS_RSA_WITH_AES_256_CCM_8", "TLS_ECDH_ECDSA_WITH_ARIA_256_GCM_SHA384",
            "TLS_ECDH_RSA_WITH_ARIA_256_GCM_SHA384", "TLS_RSA_WITH_ARIA_256_GCM_SHA384",
            "TLS_ECDH_ECDSA_WITH_ARIA_256_CBC_SHA384", "TLS_ECDH_RSA_WITH_ARIA_256_CBC_SHA384",
            "TLS_RSA_WITH_ARIA_256_CBC_SHA384", "TLS_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_RSA_WITH_AES_128_CCM", "TLS_RSA_WITH_AES_128_CBC_SHA256",
            "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_128_CCM_8",
            "TLS_ECDH_ECDSA_WITH_ARIA_128_GCM_SHA256", "TLS_ECDH_RSA_WITH_ARIA_128_GCM_SHA256",
            "TLS_RSA_WITH_ARIA_128_GCM_SHA256", "TLS_ECDH_ECDSA_WITH_ARIA_128_CBC_SHA256",
            "TLS_ECDH_RSA_WITH_ARIA_128_CBC_SHA256", "TLS_RSA_WITH_ARIA_128_CBC_SHA256",
        ],
        tls13CipherSuites: [],
        // x25519 first, then the NIST and brainpool curves; no X448, FFDHE or hybrid groups.
        groups: ["X25519", "P-256", "P-384", "P-521", "brainpoolP256r1", "brainpoolP384r1", "brainpoolP512r1"],
        // TLS 1.2-only build: PKCS#1 v1.5 and ECDSA, SHA-256 and up. No RSA-PSS, no Ed25519, no SHA-1.
        signatureAlgorithms: [
            "ecdsa_secp521r1_sha512", "rsa_pkcs1_sha512", "ecdsa_secp384r1_sha384",
            "rsa_pkcs1_sha384", "ecdsa_secp256r1_sha256", "rsa_pkcs1_sha256",
        ],
        // esp-tls sends ALPN only when the application sets alpn_protos.
        alpn: [],
        sendsSNI: true,
        // CONFIG_MBEDTLS_SSL_IN_CONTENT_LEN (range 512–16384).
        inputBufferBytes: 16384,
        // SOC_RSA_MAX_BIT_LEN is 4096 on ESP32/S2/S3/P4 and CONFIG_MBEDTLS_LARGE_KEY_SOFTWARE_MPI
        // defaults to n there, so larger operands fail with MBEDTLS_ERR_MPI_NOT_ACCEPTABLE.
        // (C3/C5/C6/H2 stop at 3072 bits in hardware but fall back to software by default.)
        maxRSABits: 4096,
        // mbedtls_x509_crt_profile_default: RSA ≥ 2048, these curves, SHA-256/384/512.
        minRSABits: 2048,
        certificateCurves: ["P-256", "P-384", "P-521", "brainpoolP256r1", "brainpoolP384r1", "brainpoolP512r1"],
        certificateHashes: ["sha256", "sha384", "sha512"],
        supportsEdDSA: false,
        // CONFIG_MBEDTLS_HAVE_TIME_DATE defaults to n: validity dates are ignored.
        checksDates: false,
        defaultBundle: ESPCertificateBundle.v5_5_4.name,
        // Captured with TLS 1.3 on: four suites (no ChaCha20), a single x25519 key share, and
        // rsa_pss_rsae_* added to signature_algorithms.
        tls13Option: TLS13Option(
            setting: "CONFIG_MBEDTLS_SSL_PROTO_TLS1_3=y",
            cipherSuites: ["TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_8_SHA256"],
            extraSignatureAlgorithms: ["rsa_pss_rsae_sha512", "rsa_pss_rsae_sha384", "rsa_pss_rsae_sha256"]),
        mbedTLS: .v3_6_5,
        sources: ClientProfile.espIDF5Sources,
        sendsSNIForIPAddress: true,
        usesChip: true
    )
}
