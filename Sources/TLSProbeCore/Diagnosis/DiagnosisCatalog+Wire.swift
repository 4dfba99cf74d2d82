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

        /// The server signs with no signature algorithm a client offered. {server_sigalgs} {offered}
        public let sigNoShared = DiagnosisEntry(
            id: "sig.no_shared", severity: .error, stage: .serverHello, exitStatus: .noCommonParameters,
            title: "No signature algorithm in common",
            summaryTemplate: "The server signs only with {server_sigalgs}: a ClientHello offering {offered} was refused.",
            facts: ["server_sigalgs", "offered"],
            explanation: "The server can only sign its key exchange with algorithms the client does not list (for example an RSA key with only SHA-1 or only PKCS#1 v1.5 in TLS 1.3, or a DSA key); the handshake fails before any certificate is sent, or where the ServerKeyExchange belongs. A TLS 1.2 server allowed only SHA-1 signatures connects with a client that offers SHA-1 (tlsprobe does, to see such servers) and refuses the ones that do not: OpenSSL 3 at its default security level (curl, Python), browsers, Go; tlsprobe offers the same hello without SHA-1 and MD5 to tell.",
            fixServer: "Serve a certificate whose key can sign with rsa_pss_rsae_sha256 / ecdsa_secp256r1_sha256, and allow SHA-256 or better.",
            fixClient: "Offer the algorithm the server needs if policy allows (openssl s_client -sigalgs).",
            alert: "handshake_failure (40)",
            curl: "35 (CURLE_SSL_CONNECT_ERROR)",
            docs: "RFC 8446 §4.2.3"
        )

        /// The server does DHE only, with no RFC 7919 ffdhe group: it refuses hellos that list ffdhe
        /// groups (RFC 7919 §4) and answers the same hello without them.
        public let keyFFDHERefused = DiagnosisEntry(
            id: "key.ffdhe_refused", severity: .error, stage: .keyExchange, exitStatus: .noCommonParameters,
            title: "DHE refused because the client lists ffdhe groups (RFC 7919)",
            summaryTemplate: "The server does DHE ({cipher}) only for a ClientHello that lists no ffdhe group: ours listed {offered_groups} and got {rejection}; the same hello without them got a ServerHello ({answer}) and a ServerKeyExchange. The server supports none of those groups, and RFC 7919 then forbids it to choose DHE.",
            facts: ["cipher", "offered_groups", "rejection", "answer"],
            explanation: "RFC 7919 lets a client list finite-field DH groups (ffdhe2048 … ffdhe8192) in supported_groups; a server that supports none of the listed groups must not choose a DHE suite (§4). A server that does DHE on its own parameters (a dhparam file), with no ffdhe group enabled and no ECDHE suite, therefore refuses every client that lists ffdhe groups: OpenSSL 3 clients with TLS 1.3 enabled (curl, Python, openssl s_client) and GnuTLS clients fail with a bare handshake_failure, while clients that list no ffdhe group (OpenSSL limited to TLS 1.2, Mbed TLS 2.x) connect with DHE. The suites are not the problem: the same suite is accepted from a hello without ffdhe groups.",
            fixServer: "Enable ECDHE suites (ECDHE-RSA-AES128-GCM-SHA256 and the like), which every current client prefers; to keep DHE, enable the RFC 7919 groups instead of only custom parameters (GnuTLS: +GROUP-FFDHE2048:+GROUP-FFDHE3072 in the priority string; Botan: ffdhe/ietf/2048 in key_exchange_groups).",
            fixClient: "Offer ECDHE, or leave the ffdhe groups out of supported_groups: curl --curves X25519:P-256, openssl s_client -groups X25519:P-256, or a TLS 1.2-only client.",
            openssl: "SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE (1040) on the client",
            alert: "handshake_failure (40) or insufficient_security (71)",
            curl: "35 (CURLE_SSL_CONNECT_ERROR)",
            mbedtls: ["MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE -0x7780 only for a client that lists ffdhe groups (Mbed TLS 2.x lists none and connects)"],
            docs: "RFC 7919 §4"
        )
    }
}