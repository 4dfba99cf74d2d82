// Low-level module codes (0x0001–0x007F, the part that is added to a high-level code), the few
// other modules that show up in handshakes, well-known sums, and the PSA codes of mbedTLS 4.x.
extension MbedTLSCodes {
    static let lowLevel: [MbedTLSCode] = [
        .row(-0x0001, "MBEDTLS_ERR_ERROR_GENERIC_ERROR", "error", "Generic, unspecified error.",
             note: "In mbedTLS 4.x: PSA_ERROR_GENERIC_ERROR, -0x0084."),
        .row(-0x0004, "MBEDTLS_ERR_MPI_BAD_INPUT_DATA", "mpi", "Invalid big-number input."),
        .row(-0x000E, "MBEDTLS_ERR_MPI_NOT_ACCEPTABLE", "mpi", "Big-number operands not acceptable; on ESP chips also the hardware MPI refusing an operand larger than it supports.",
             causes: ["RSA key or CA above 4096 bits on ESP32/S2/S3/P4 without CONFIG_MBEDTLS_LARGE_KEY_SOFTWARE_MPI."],
             fixes: ["Use RSA ≤ 4096 or ECDSA on the server, or enable CONFIG_MBEDTLS_LARGE_KEY_SOFTWARE_MPI."]),
        .row(-0x0010, "MBEDTLS_ERR_MPI_ALLOC_FAILED", "mpi", "Big-number allocation failed (low heap).", fixes: ["Free heap; use PSRAM for mbedTLS allocations."]),
        .row(-0x0012, "MBEDTLS_ERR_GCM_AUTH_FAILED", "gcm", "GCM tag check failed (corrupted record or key mismatch).",
             openssl: ["SSL_R_DECRYPTION_FAILED_OR_BAD_RECORD_MAC"]),
        .row(-0x002E, "MBEDTLS_ERR_OID_NOT_FOUND", "oid", "An OID has no known mapping (the low part of -0x262E).",
             note: "In mbedTLS 4.x replaced by PSA_ERROR_NOT_SUPPORTED, -0x0086."),
        .row(-0x0034, "MBEDTLS_ERR_CTR_DRBG_ENTROPY_SOURCE_FAILED", "ctr_drbg", "The random generator could not get entropy."),
        .row(-0x0060, "MBEDTLS_ERR_ASN1_OUT_OF_DATA", "asn1", "ASN.1 data ended too early."),
        .row(-0x0062, "MBEDTLS_ERR_ASN1_UNEXPECTED_TAG", "asn1", "An ASN.1 element has an unexpected tag."),
        .row(-0x0064, "MBEDTLS_ERR_ASN1_INVALID_LENGTH", "asn1", "An ASN.1 length is invalid."),
        .row(-0x0066, "MBEDTLS_ERR_ASN1_LENGTH_MISMATCH", "asn1", "Declared and actual ASN.1 lengths differ."),
        .row(-0x0068, "MBEDTLS_ERR_ASN1_INVALID_DATA", "asn1", "ASN.1 content is invalid."),
        .row(-0x006E, "MBEDTLS_ERR_ERROR_CORRUPTION_DETECTED", "error", "An internal consistency check failed (memory corruption or a library bug).",
             fixes: ["Increase the TLS task's stack; look for memory corruption."],
             note: "In mbedTLS 4.x: PSA_ERROR_CORRUPTION_DETECTED, -0x0097."),
        .row(-0x1080, "MBEDTLS_ERR_PEM_NO_HEADER_FOOTER_PRESENT", "pem", "No PEM BEGIN/END lines found (the parser then tries DER).",
             openssl: ["PEM_R_NO_START_LINE"]),
        .row(-0x1100, "MBEDTLS_ERR_PEM_INVALID_DATA", "pem", "The PEM body is damaged (bad base64).", openssl: ["PEM_R_BAD_BASE64_DECODE"]),
        .row(-0x1300, "MBEDTLS_ERR_PEM_PASSWORD_REQUIRED", "pem", "Encrypted PEM needs a password.", openssl: ["PEM_R_BAD_PASSWORD_READ"]),
        .row(-0x3100, "MBEDTLS_ERR_DHM_READ_PARAMS_FAILED", "dhm", "The server's DH parameters could not be read (only with DHE suites enabled).",
             fixes: ["Prefer ECDHE on the server."], openssl: ["SSL_R_DH_KEY_TOO_SMALL", "SSL_R_BAD_DH_VALUE"]),
        .row(-0x5180, "MBEDTLS_ERR_MD_ALLOC_FAILED", "md", "Hash context allocation failed (low heap)."),
        .row(-0x6300, "MBEDTLS_ERR_CIPHER_AUTH_FAILED", "cipher", "AEAD authentication failed (corrupted record or key mismatch).",
             openssl: ["SSL_R_DECRYPTION_FAILED_OR_BAD_RECORD_MAC"]),
    ]

    /// Sums that devices commonly log; the explainer also splits any other sum by itself.
    static let combined: [MbedTLSCode] = [
        .row(-0x262E, "X509_UNKNOWN_SIG_ALG + OID_NOT_FOUND", "combined", "A certificate is signed with an algorithm this build does not know; mbedTLS skips it and verification then usually fails with NOT_TRUSTED.",
             causes: ["Ed25519/Ed448-signed certificates or exotic algorithms in the chain."], fixes: ["Use RSA- or ECDSA-signed chains."]),
        .row(-0x21E2, "X509_INVALID_FORMAT + ASN1_UNEXPECTED_TAG", "combined", "The buffer is not a certificate where one is expected (wrong ASN.1 tag).",
             causes: ["A key, CSR or garbage passed as certificate; broken DER."], fixes: ["Check what the buffer holds."]),
        .row(-0x2562, "X509_INVALID_EXTENSIONS + ASN1_UNEXPECTED_TAG", "combined", "A certificate extension is encoded with an unexpected tag.",
             openssl: ["X509_V_ERR_INVALID_EXTENSION (41)"]),
        .row(-0x3D62, "PK_KEY_INVALID_FORMAT + ASN1_UNEXPECTED_TAG", "combined", "The private key structure is not recognised.",
             fixes: ["Convert the key with `openssl pkey`."]),
        .row(-0x428E, "RSA_PUBLIC_FAILED + MPI_NOT_ACCEPTABLE", "combined", "An RSA public operation was refused by the hardware big-number unit (derived from source, not observed on hardware).",
             causes: ["Server RSA key above 4096 bits on ESP32/S2/S3/P4 with the software fallback off (default there)."],
             fixes: ["Use RSA ≤ 4096 or ECDSA, or enable CONFIG_MBEDTLS_LARGE_KEY_SOFTWARE_MPI."]),
        .row(-0x4290, "RSA_PUBLIC_FAILED + MPI_ALLOC_FAILED", "combined", "An RSA public operation ran out of memory.", fixes: ["Free heap or use PSRAM."]),
        .row(-0x4310, "RSA_PRIVATE_FAILED + MPI_ALLOC_FAILED", "combined", "Signing with the RSA client key ran out of memory.",
             fixes: ["Free heap, or use an ECDSA client key."]),
    ]

    /// PSA Crypto codes (0x0080–0x00FF), which mbedTLS 4.x (ESP-IDF 6.x) returns in place of several legacy codes.
    static let psa: [MbedTLSCode] = [
        .row(-0x0084, "PSA_ERROR_GENERIC_ERROR", "psa", "Unspecified failure.", era: .psa4x),
        .row(-0x0086, "PSA_ERROR_NOT_SUPPORTED", "psa", "Algorithm or feature not supported (4.x replacement of MBEDTLS_ERR_OID_NOT_FOUND).", era: .psa4x,
             fixes: ["Use RSA/ECDSA with SHA-256 or better."]),
        .row(-0x0087, "PSA_ERROR_INVALID_ARGUMENT", "psa", "Invalid argument; in 4.x also the value of MBEDTLS_ERR_SSL_BAD_INPUT_DATA, so an oversized certificate chain is expected to show up here.", era: .psa4x,
             causes: ["Server chain or record larger than the input buffer (see -0x7100)."], fixes: ["Raise CONFIG_MBEDTLS_SSL_IN_CONTENT_LEN; shorten the chain."]),
        .row(-0x0089, "PSA_ERROR_BAD_STATE", "psa", "Called in the wrong state, e.g. PSA not initialised.", era: .psa4x,
             fixes: ["Call psa_crypto_init() before TLS."]),
        .row(-0x008A, "PSA_ERROR_BUFFER_TOO_SMALL", "psa", "Buffer too small (4.x value of the SSL/X509/NET buffer-too-small codes).", era: .psa4x,
             causes: ["Own client chain larger than CONFIG_MBEDTLS_SSL_OUT_CONTENT_LEN."]),
        .row(-0x008D, "PSA_ERROR_INSUFFICIENT_MEMORY", "psa", "Out of memory (4.x value of the SSL/X509 allocation-failure codes).", era: .psa4x,
             fixes: ["Free heap; enable dynamic buffers; use PSRAM."]),
        .row(-0x0093, "PSA_ERROR_HARDWARE_FAILURE", "psa", "Crypto hardware or driver failure.", era: .psa4x),
        .row(-0x0094, "PSA_ERROR_INSUFFICIENT_ENTROPY", "psa", "Not enough entropy.", era: .psa4x),
        .row(-0x0095, "PSA_ERROR_INVALID_SIGNATURE", "psa", "A signature did not verify.", era: .psa4x, openssl: ["SSL_R_BAD_SIGNATURE"]),
        .row(-0x0097, "PSA_ERROR_CORRUPTION_DETECTED", "psa", "Internal corruption detected.", era: .psa4x),
    ]
}
