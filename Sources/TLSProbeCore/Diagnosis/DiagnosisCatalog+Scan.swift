// Rows found by `tlsprobe scan` (Scan/): what a server *accepts*, in the families they belong to.
extension DiagnosisCatalog {
    /// Diagnoses of the capability scan: offering every version, suite and feature. Where the
    /// probe's own row means the same it is reused instead (cipher.weak {cipher} {reason},
    /// cipher.3des {cipher}, key.no_forward_secrecy {cipher}: the server's first choice).
    public struct ScanRows: DiagnosisRowSet {
        static let shared = ScanRows()

        /// error: SSL 2.0 is spoken (RFC 6176, DROWN). {ciphers}
        public let protoSSL2Accepted = DiagnosisEntry(
            id: "proto.ssl2_accepted", severity: .error, stage: .serverHello, exitStatus: .noCommonParameters,
            title: "Server speaks SSL 2.0",
            summaryTemplate: "The server answers an SSL 2.0 CLIENT-HELLO with a SERVER-HELLO offering {ciphers}.",
            facts: ["ciphers"],
            explanation: "SSL 2.0 has been prohibited since 2011 (RFC 6176): no handshake integrity, export-grade and 40-bit ciphers, MD5-based MACs. A server that still speaks it exposes its RSA key to DROWN (CVE-2016-0800): recorded TLS sessions that used the same key can be decrypted with SSL 2.0 connections. No client has offered it for over a decade.",
            fixServer: "Disable SSL 2.0 (OpenSSL ≥ 1.1.0 has none; older: SSL_OP_NO_SSLv2, nginx/Apache: ssl_protocols / SSLProtocol without SSLv2) and never share its RSA key with a server that speaks it.",
            docs: "RFC 6176; DROWN (CVE-2016-0800)"
        )

        /// error: SSL 3.0 is accepted (POODLE, RFC 7568). {answer}
        public let protoSSL3Accepted = DiagnosisEntry(
            id: "proto.ssl3_accepted", severity: .error, stage: .serverHello, exitStatus: .noCommonParameters,
            title: "Server accepts SSL 3.0",
            summaryTemplate: "The server answers an SSL 3.0 ClientHello: {answer}.",
            facts: ["answer"],
            explanation: "SSL 3.0 is broken (POODLE, CVE-2014-3566) and prohibited by RFC 7568. A client or attacker that forces a downgrade gets a connection whose CBC padding can be decrypted byte by byte; no current client offers it.",
            fixServer: "Disable SSL 3.0 (nginx ssl_protocols TLSv1.2 TLSv1.3; Apache SSLProtocol -all +TLSv1.2 +TLSv1.3; OpenSSL MinProtocol = TLSv1.2).",
            docs: "RFC 7568"
        )

        /// warning: TLS 1.0 or 1.1 accepted next to a newer version. {versions}
        public let protoLegacyAccepted = DiagnosisEntry(
            id: "proto.legacy_accepted", severity: .warning, stage: .serverHello, exitStatus: .success,
            title: "Server still accepts TLS 1.0 or 1.1",
            summaryTemplate: "The server accepts {versions}, deprecated by RFC 8996.",
            facts: ["versions"],
            explanation: "TLS 1.0 and 1.1 rely on SHA-1/MD5 in the handshake and CBC constructions with known attacks (BEAST, Lucky13). Clients that still offer them are rare; keeping them on mostly widens what a downgrade can reach. PCI DSS has required their removal since 2018.",
            fixServer: "Accept TLS 1.2 and 1.3 only, unless a known legacy client still needs TLS 1.0/1.1.",
            docs: "RFC 8996"
        )

        /// info: no TLS 1.3. {best}
        public let protoNoTLS13 = DiagnosisEntry(
            id: "proto.no_tls13", severity: .info, stage: .serverHello, exitStatus: .success,
            title: "No TLS 1.3",
            summaryTemplate: "The server does not accept TLS 1.3; its best version is {best}.",
            facts: ["best"],
            explanation: "TLS 1.3 saves a round trip, encrypts the certificate and only has AEAD suites with forward secrecy. Every current client offers it; ESP-IDF's default build does not (CONFIG_MBEDTLS_SSL_PROTO_TLS1_3).",
            fixServer: "Enable TLS 1.3 (OpenSSL 1.1.1 or later; nginx ssl_protocols TLSv1.2 TLSv1.3).",
            docs: "RFC 8446"
        )

        /// warning: no AEAD suite accepted at any version. {best}
        public let cipherNoAEAD = DiagnosisEntry(
            id: "cipher.no_aead", severity: .warning, stage: .serverHello, exitStatus: .success,
            title: "No AEAD cipher suite",
            summaryTemplate: "The server accepts no AES-GCM, AES-CCM or ChaCha20-Poly1305 suite at any version (best version {best}).",
            facts: ["best"],
            explanation: "Without an AEAD suite every connection uses CBC with a separate MAC (or worse): the padding-oracle family (Lucky13, POODLE-TLS) applies, and clients that offer only AEAD suites (TLS 1.3-era profiles, Mozilla's modern list, some IoT stacks) cannot connect.",
            fixServer: "Enable ECDHE-ECDSA/ECDHE-RSA with AES-128-GCM, AES-256-GCM and ChaCha20-Poly1305 (TLS 1.2) and TLS 1.3.",
            docs: "RFC 9325 §4.2"
        )

        /// warning: RSA key-transport (or static DH) suites accepted. {count} {cipher} (the first three)
        public let keyStaticAccepted = DiagnosisEntry(
            id: "key.static_key_exchange_accepted", severity: .warning, stage: .keyExchange, exitStatus: .success,
            title: "Suites without forward secrecy accepted",
            summaryTemplate: "The server accepts {count} suites without forward secrecy (RSA key transport or static DH), e.g. {cipher}.",
            facts: ["count", "cipher"],
            explanation: "A client that offers one of these suites (and a server that prefers one) gets a connection that anyone holding the server's key later can decrypt from a recording; RSA key transport is also where Bleichenbacher-style oracles (ROBOT) live. Mozilla's intermediate profile and TLS 1.3 have none of them.",
            fixServer: "Remove the kRSA / static DH suites (OpenSSL cipher string !kRSA), keeping ECDHE suites first.",
            docs: "RFC 9325 §4.1; ROBOT (CVE-2017-13099)"
        )

        /// error: the server compresses when offered DEFLATE (CRIME). {version}
        public let handshakeCompression = DiagnosisEntry(
            id: "handshake.compression", severity: .error, stage: .serverHello, exitStatus: .noCommonParameters,
            title: "Server compresses TLS records",
            summaryTemplate: "Offered DEFLATE first, the server chose it at {version}.",
            facts: ["version"],
            explanation: "TLS-level compression lets an attacker who can inject data next to a secret (a cookie, a token) learn the secret from the compressed lengths (CRIME, CVE-2012-4929). Clients no longer offer it, but a server that accepts it is an outdated or misconfigured stack.",
            fixServer: "Turn compression off (OpenSSL SSL_OP_NO_COMPRESSION, the default since 1.1.0; GnuTLS: no COMP-DEFLATE in the priority string).",
            docs: "RFC 7457 §2.6"
        )

        /// warning: no renegotiation_info in the ServerHello (RFC 5746). {version}
        public let handshakeInsecureRenegotiation = DiagnosisEntry(
            id: "handshake.insecure_renegotiation", severity: .warning, stage: .serverHello, exitStatus: .success,
            title: "No secure renegotiation",
            summaryTemplate: "The {version} ServerHello has no renegotiation_info: the server does not do RFC 5746 secure renegotiation.",
            facts: ["version"],
            explanation: "Without RFC 5746 a man in the middle can splice its own data before a client's renegotiated session (CVE-2009-3555). OpenSSL 3 clients refuse such servers unless UnsafeLegacyServerConnect is set: `curl` fails with \"unsafe legacy renegotiation disabled\".",
            fixServer: "Update the TLS stack; every maintained implementation does RFC 5746.",
            openssl: "SSL_R_UNSAFE_LEGACY_RENEGOTIATION_DISABLED on an OpenSSL 3 client",
            curl: "35 (CURLE_SSL_CONNECT_ERROR)",
            docs: "RFC 5746"
        )

        /// warning: the server renegotiates when the client asks (CVE-2011-1473). {version}
        public let handshakeClientRenegotiation = DiagnosisEntry(
            id: "handshake.client_renegotiation", severity: .warning, stage: .serverHello, exitStatus: .success,
            title: "Server accepts client-initiated renegotiation",
            summaryTemplate: "The server completed a renegotiation the client started on a {version} connection.",
            facts: ["version"],
            explanation: "Each renegotiation costs the server a new handshake and a private-key operation, and one connection can ask for them without end: a cheap denial of service (CVE-2011-1473, THC-SSL-DOS). Secure renegotiation (RFC 5746) prevents the injection attack, not this. Clients almost never start a renegotiation; servers that need a client certificate for part of a site start it themselves, which is unaffected. TLS 1.3 has no renegotiation.",
            fixServer: "Refuse client-initiated renegotiation: OpenSSL 3 does by default (s_server -client_renegotiation turns it on), OpenSSL 1.1 with SSL_OP_NO_RENEGOTIATION; a GnuTLS server application answers GNUTLS_E_REHANDSHAKE with a no_renegotiation alert instead of a new handshake; nginx refuses it; or accept only TLS 1.3.",
            docs: "CVE-2011-1473; RFC 5746 §5"
        )

        /// warning: a hello for a lower version with TLS_FALLBACK_SCSV is answered. {version} {best}
        public let handshakeNoFallbackSCSV = DiagnosisEntry(
            id: "handshake.no_fallback_scsv", severity: .warning, stage: .serverHello, exitStatus: .success,
            title: "No downgrade protection (TLS_FALLBACK_SCSV)",
            summaryTemplate: "A {version} ClientHello carrying TLS_FALLBACK_SCSV was answered although the server speaks {best}.",
            facts: ["version", "best"],
            explanation: "A client that retries with a lower version after a failed handshake signals it with TLS_FALLBACK_SCSV (RFC 7507); a server that speaks something newer must refuse with inappropriate_fallback, so an attacker cannot force the downgrade by dropping the first attempt. TLS 1.3 has its own downgrade sentinel, but TLS 1.0–1.2 clients rely on this.",
            fixServer: "Update the TLS stack (OpenSSL ≥ 1.0.1j handles it), or turn off the old versions so there is nothing to fall back to.",
            alert: "inappropriate_fallback (86) expected",
            docs: "RFC 7507"
        )

        /// info: no extended_master_secret (RFC 7627) at TLS ≤ 1.2. {version}
        public let handshakeNoExtendedMasterSecret = DiagnosisEntry(
            id: "handshake.no_extended_master_secret", severity: .info, stage: .serverHello, exitStatus: .success,
            title: "No extended master secret",
            summaryTemplate: "The {version} ServerHello has no extended_master_secret (RFC 7627).",
            facts: ["version"],
            explanation: "Without the extended master secret, TLS ≤ 1.2 sessions are open to the triple-handshake attack on resumption and renegotiation; FIPS 140-3 requires it for TLS 1.2 and some clients (Go with FIPS, RHEL 9 crypto policies) refuse servers without it.",
            fixServer: "Update the TLS stack (OpenSSL ≥ 1.1.0, GnuTLS ≥ 3.4 send it by default).",
            docs: "RFC 7627"
        )
    }
}
