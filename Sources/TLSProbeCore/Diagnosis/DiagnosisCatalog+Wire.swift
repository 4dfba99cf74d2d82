// Rows found with tlsprobe's own ClientHellos (Wire/).
extension DiagnosisCatalog {
    /// Diagnoses read with the raw ClientHello component (Wire/): what a server does with offers
    /// OpenSSL would not make, and flags on handshakes that work.
    public struct WireRows: DiagnosisRowSet {
        static let shared = WireRows()

        /// warning: the server rejects our ClientHello but accepts a plain one; the probe continued
        /// over the plain offer. {feature} (what it rejects) {evidence} {clients} (who else sends it) {retry}
        public let handshakeIntolerance = DiagnosisEntry(
            id: "handshake.intolerance", severity: .warning, stage: .serverHello, exitStatus: .success,
            title: "Server rejects part of a normal ClientHello",
            summaryTemplate: "The server rejects a ClientHello carrying {feature}: {evidence}. Who else fails: {clients}. {retry}.",
            facts: ["feature", "evidence", "clients", "retry"],
            explanation: "The server (or a load balancer or middlebox in front of it) drops or refuses ClientHellos with this feature instead of ignoring what it does not know, as RFC 8446 §4.1.2 and RFC 5246 §7.4.1.4 require. Clients that send it fail against this server with a bare close, reset or alert, and nothing in their error says why.",
            fixServer: "Update the TLS stack or middlebox, or turn off the feature's handling on the server (e.g. OCSP stapling support in wolfSSL-based servers); a server must ignore extensions it does not support.",
            fixClient: "Clients can only avoid the feature (curl: do not pass --cert-status; Go/Java cannot turn off status_request easily). Report it to the server's operator.",
            openssl: "the first handshake fails with SSL_R_UNEXPECTED_EOF_WHILE_READING, a reset or alert 40/47/50/80",
            curl: "35 (CURLE_SSL_CONNECT_ERROR) for a client that sends the feature",
            mbedtls: ["MBEDTLS_ERR_SSL_CONN_EOF -0x7280 or MBEDTLS_ERR_NET_CONN_RESET -0x0050 for a client that sends the feature"],
            docs: "RFC 8446 §4.1.2 and §9.3; RFC 7685 (padding)"
        )

        /// warning: a CBC-mode suite was negotiated. {cipher} {aead_choice} (what the server picks
        /// when offered only AEAD suites)
        public let cipherCBC = DiagnosisEntry(
            id: "cipher.cbc", severity: .warning, stage: .serverHello, exitStatus: .success,
            title: "CBC-mode cipher suite negotiated",
            summaryTemplate: "The connection uses {cipher}, a CBC-mode suite without AEAD; {aead_choice}.",
            facts: ["cipher", "aead_choice"],
            explanation: "CBC suites with a separate MAC (MAC-then-encrypt) have a history of padding-oracle attacks (Lucky13, POODLE-TLS) and are not in Mozilla's intermediate profile; TLS 1.3 dropped them. AES-GCM and ChaCha20-Poly1305 authenticate and encrypt in one step.",
            fixServer: "Prefer ECDHE with AES-GCM or ChaCha20-Poly1305 (nginx: ssl_prefer_server_ciphers on with an AEAD-first list), and enable TLS 1.3.",
            fixClient: "Offer AEAD suites first (ESP-IDF: CONFIG_MBEDTLS_GCM_C, on by default).",
            docs: "RFC 9325 §4.2; Mozilla server-side TLS (intermediate)"
        )

        /// warning: the DHE prime p is not a safe prime ((p−1)/2 not prime). {bits}
        public let keyDHSmallSubgroup = DiagnosisEntry(
            id: "key.dh_small_subgroup", severity: .warning, stage: .keyExchange, exitStatus: .success,
            title: "DHE prime is not a safe prime",
            summaryTemplate: "The server's {bits}-bit DHE prime p is not a safe prime: (p−1)/2 is not prime.",
            facts: ["bits"],
            explanation: "With a prime that is not safe, a DH group can have small subgroups; a server that reuses its DH exponent can leak it to small-subgroup attacks (CVE-2016-0701). RFC 7919's ffdhe groups and the RFC 3526 MODP groups are safe primes.",
            fixServer: "Use an RFC 7919 group (ffdhe2048 or larger; nginx ssl_dhparam with `openssl dhparam` output or the ffdhe files), or prefer ECDHE.",
            openssl: "BN_check_prime((p-1)/2) = 0",
            docs: "RFC 7919; CVE-2016-0701"
        )

        /// The server signs with no signature algorithm we offered. {server_sigalgs} {offered}
        public let sigNoShared = DiagnosisEntry(
            id: "sig.no_shared", severity: .error, stage: .serverHello, exitStatus: .noCommonParameters,
            title: "No signature algorithm in common",
            summaryTemplate: "The server accepts only signature algorithms we did not offer: {server_sigalgs} (we offered {offered}).",
            facts: ["server_sigalgs", "offered"],
            explanation: "The server can only sign its key exchange with algorithms the client does not list (for example an RSA key with only SHA-1 or only PKCS#1 v1.5 in TLS 1.3, or a DSA key); the handshake fails before any certificate is sent.",
            fixServer: "Serve a certificate whose key can sign with rsa_pss_rsae_sha256 / ecdsa_secp256r1_sha256, and allow SHA-256 or better.",
            fixClient: "Offer the algorithm the server needs if policy allows (openssl s_client -sigalgs).",
            alert: "handshake_failure (40)",
            curl: "35 (CURLE_SSL_CONNECT_ERROR)",
            docs: "RFC 8446 §4.2.3"
        )
    }
}