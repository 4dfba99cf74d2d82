// proto, cipher, key, sig and not_tls rows: the server answered, but what it negotiates is unusable or weak.
extension DiagnosisCatalog {
    public struct NegotiationRows: DiagnosisRowSet {
        static let shared = NegotiationRows()

        // proto — facts: {server_versions} ("TLS 1.0, TLS 1.1"), {offered} ("TLS 1.2–1.3"), {version}
        public let protoTLS10Only = DiagnosisEntry(
            id: "proto.tls10_only", severity: .error, stage: .serverHello, exitStatus: .noCommonParameters,
            title: "Server only speaks TLS 1.0",
            summaryTemplate: "The server only accepts {server_versions}; we offered {offered}.",
            facts: ["server_versions", "offered"],
            explanation: "TLS 1.0 is deprecated (RFC 8996) and disabled in current OpenSSL, browsers and mbedTLS 3.x. Modern clients cannot connect.",
            fixServer: "Enable TLS 1.2 (and 1.3); TLS 1.0 should be off.",
            fixClient: "For a one-off test only: openssl s_client -tls1 -cipher 'DEFAULT@SECLEVEL=0'. ESP-IDF 5.x/6.x (mbedTLS 3/4) cannot speak TLS 1.0 at all.",
            openssl: "SSL_R_UNSUPPORTED_PROTOCOL \"unsupported protocol\" (258) or alert protocol_version (1070)",
            alert: "protocol_version (70)",
            curl: "35 (CURLE_SSL_CONNECT_ERROR)",
            mbedtls: ["MBEDTLS_ERR_SSL_BAD_PROTOCOL_VERSION -0x6E80 (2.x name MBEDTLS_ERR_SSL_BAD_HS_PROTOCOL_VERSION)", "MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE -0x7780 if the server answers with alert 70"],
            docs: "RFC 8996"
        )

        public let protoTLS11Only = DiagnosisEntry(
            id: "proto.tls11_only", severity: .error, stage: .serverHello, exitStatus: .noCommonParameters,
            title: "Server speaks nothing newer than TLS 1.1",
            summaryTemplate: "The server only accepts {server_versions}; we offered {offered}.",
            facts: ["server_versions", "offered"],
            explanation: "TLS 1.1 is deprecated (RFC 8996) and disabled by default almost everywhere; clients limited to TLS 1.2+ cannot connect.",
            fixServer: "Enable TLS 1.2 (and 1.3).",
            fixClient: "For a one-off test only: openssl s_client -tls1_1 -cipher 'DEFAULT@SECLEVEL=0'. ESP-IDF 5.x/6.x cannot speak TLS 1.1.",
            openssl: "SSL_R_UNSUPPORTED_PROTOCOL \"unsupported protocol\" (258) or alert protocol_version (1070)",
            alert: "protocol_version (70)",
            curl: "35 (CURLE_SSL_CONNECT_ERROR)",
            mbedtls: ["MBEDTLS_ERR_SSL_BAD_PROTOCOL_VERSION -0x6E80", "MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE -0x7780 if the server answers with alert 70"],
            docs: "RFC 8996"
        )

        public let protoNoCommonVersion = DiagnosisEntry(
            id: "proto.no_common_version", severity: .error, stage: .serverHello, exitStatus: .noCommonParameters,
            title: "No TLS version in common",
            summaryTemplate: "We offered {offered}, the server accepts {server_versions}: nothing in common.",
            facts: ["offered", "server_versions"],
            explanation: "The version ranges do not overlap. The usual device case is a TLS 1.3-only server and a TLS 1.2-only client (ESP-IDF's default build has TLS 1.3 off).",
            fixServer: "Accept TLS 1.2 as well as 1.3 if devices or older clients must connect.",
            fixClient: "Widen the client's range: curl --tlsv1.2 --tls-max 1.3; ESP-IDF CONFIG_MBEDTLS_SSL_PROTO_TLS1_3=y.",
            openssl: "SSL_R_TLSV1_ALERT_PROTOCOL_VERSION (1070) or SSL_R_UNSUPPORTED_PROTOCOL (258)",
            alert: "protocol_version (70)",
            curl: "35 (CURLE_SSL_CONNECT_ERROR)",
            mbedtls: ["MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE -0x7780 (server sent alert 70)", "MBEDTLS_ERR_SSL_BAD_PROTOCOL_VERSION -0x6E80 (server chose an older version)"],
            docs: "RFC 8446 §4.2.1"
        )

        /// --expect-tls-min: {version} {expected}
        public let protoBelowExpectedVersion = DiagnosisEntry(
            id: "proto.below_expected_version", severity: .error, stage: .serverHello, exitStatus: .noCommonParameters,
            title: "TLS version below the expected minimum",
            summaryTemplate: "The server negotiated {version}; --expect-tls-min asks for {expected} or newer.",
            facts: ["version", "expected"],
            explanation: "The handshake works, but the server chose an older protocol version than this check requires: it either does not speak the expected version or prefers an older one. Clients limited to the newer version cannot connect.",
            fixServer: "Enable the expected version (TLS 1.3 needs OpenSSL 1.1.1+, nginx ssl_protocols TLSv1.2 TLSv1.3; Apache SSLProtocol -all +TLSv1.2 +TLSv1.3).",
            fixClient: "If the older version is acceptable after all, lower --expect-tls-min.",
            docs: "RFC 8446 §4.2.1"
        )

        /// --expect-alpn: {alpn} (selected, or "none") {expected} {offered}
        public let protoUnexpectedALPN = DiagnosisEntry(
            id: "proto.unexpected_alpn", severity: .error, stage: .finished, exitStatus: .noCommonParameters,
            title: "Server selected an unexpected ALPN protocol",
            summaryTemplate: "The server selected ALPN {alpn}; {expected} (we offered {offered}).",
            facts: ["alpn", "expected", "offered"],
            explanation: "ALPN decides which application protocol runs over TLS. A server (or a load balancer in front of it) that selects another protocol, or none, will not serve clients that depend on the expected one, e.g. gRPC needs h2. A server that selects a protocol the client never offered breaks RFC 7301 §3.2: every conforming client (OpenSSL, Go, browsers) aborts the handshake (OpenSSL: \"bad extension\").",
            fixServer: "Enable the protocol in the TLS terminator (nginx: listen 443 ssl http2 / http2 on; HAProxy: alpn h2,http/1.1 on the bind line).",
            fixClient: "Offer the protocol with --alpn; --expect-alpn none checks that no protocol is selected.",
            openssl: "SSL_get0_alpn_selected",
            docs: "RFC 7301"
        )

        // cipher — facts: {cipher} (name), {offered} (count), {server_ciphers} (what it accepts)
        public let cipherNoShared = DiagnosisEntry(
            id: "cipher.no_shared", severity: .error, stage: .serverHello, exitStatus: .noCommonParameters,
            title: "No cipher suite in common",
            summaryTemplate: "None of our {offered} cipher suites is accepted; the server accepts {server_ciphers}.",
            facts: ["offered", "server_ciphers"],
            explanation: "The server refused every cipher suite offered. For devices this is typical against ChaCha20-only or DHE-only servers (ESP-IDF offers neither by default), and on ESP-IDF 6 against servers that only do static RSA key exchange.",
            fixServer: "Enable ECDHE-ECDSA/ECDHE-RSA with AES-128-GCM and AES-256-GCM; they are what every client offers.",
            fixClient: "Enable a suite the server accepts (ESP-IDF: CONFIG_MBEDTLS_CHACHAPOLY_C for ChaCha20, CONFIG_MBEDTLS_DHM_C plus DHE key exchange for DHE-only servers); curl --ciphers to test.",
            openssl: "SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE (1040) on the client; SSL_R_NO_SHARED_CIPHER (193) in the server's log",
            alert: "handshake_failure (40)",
            curl: "35 (CURLE_SSL_CONNECT_ERROR)",
            mbedtls: ["MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE -0x7780 (server sent alert 40)", "MBEDTLS_ERR_SSL_NO_USABLE_CIPHERSUITE -0x6980 (2.x, server side)", "MBEDTLS_ERR_SSL_HANDSHAKE_FAILURE -0x6E00 (3.x, detected locally)"],
            docs: "RFC 8446 §4.1.1, RFC 5246 §7.4.1.3"
        )

        /// {cipher} {reason} ("RC4", "NULL", "EXPORT", "anonymous", "DES")
        public let cipherWeak = DiagnosisEntry(
            id: "cipher.weak", severity: .error, stage: .serverHello, exitStatus: .noCommonParameters,
            title: "Server accepts a broken cipher",
            summaryTemplate: "The server accepts {cipher} ({reason}).",
            facts: ["cipher", "reason"],
            explanation: "The server still negotiates a cipher that gives no real protection (RC4, NULL, EXPORT, anonymous key exchange, single DES). A client that offers it can be attacked; modern clients refuse it.",
            fixServer: "Remove the cipher from the server's list (e.g. nginx ssl_ciphers without !aNULL:!eNULL:!EXPORT:!RC4:!DES is wrong).",
            openssl: "negotiated only with @SECLEVEL=0",
            docs: "RFC 7465 (RC4), RFC 9325 §4.1"
        )

        /// warning
        public let cipher3DES = DiagnosisEntry(
            id: "cipher.3des", severity: .warning, stage: .serverHello, exitStatus: .success,
            title: "Server accepts 3DES",
            summaryTemplate: "The server accepts {cipher}, a 64-bit block cipher (Sweet32).",
            facts: ["cipher"],
            explanation: "3DES has 64-bit blocks; long connections leak plaintext (Sweet32, CVE-2016-2183). It is only there for very old clients.",
            fixServer: "Remove 3DES (DES-CBC3) suites unless a known legacy client still needs them.",
            docs: "RFC 9325 §4.1"
        )

        /// info: {cipher} {normal_cipher}
        public let cipherNormalClientDiffers = DiagnosisEntry(
            id: "cipher.differs_for_normal_client", severity: .info, stage: .serverHello, exitStatus: .success,
            title: "A normal client gets a different cipher",
            summaryTemplate: "This client negotiated {cipher}; a default OpenSSL client gets {normal_cipher}.",
            facts: ["cipher", "normal_cipher"],
            explanation: "The server picks a different suite for a desktop client than for the profile probed here. Useful when only one kind of client fails.",
            fixServer: "No action needed unless the suite chosen for this client is weaker than expected."
        )

        // key — facts: {bits} {group} {curve} {subject} {depth}
        public let keyWeakDH = DiagnosisEntry(
            id: "key.weak_dh", severity: .error, stage: .keyExchange, exitStatus: .noCommonParameters,
            title: "Weak Diffie-Hellman group",
            summaryTemplate: "The server's DHE group has only {bits} bits.",
            facts: ["bits"],
            explanation: "Finite-field DH below 2048 bits can be broken (Logjam). OpenSSL 3 refuses it at the default security level.",
            fixServer: "Prefer ECDHE; if DHE is needed, use a 2048-bit or larger RFC 7919 group (ffdhe2048+).",
            fixClient: "ESP-IDF only offers DHE with CONFIG_MBEDTLS_DHM_C enabled; ECDHE avoids the issue.",
            openssl: "SSL_R_DH_KEY_TOO_SMALL \"dh key too small\" (394)",
            curl: "35 (CURLE_SSL_CONNECT_ERROR)",
            mbedtls: ["MBEDTLS_ERR_DHM_READ_PARAMS_FAILED -0x3100", "MBEDTLS_ERR_SSL_BAD_HS_SERVER_KEY_EXCHANGE -0x7B00 (2.x)"],
            docs: "RFC 7919"
        )

        public let keyNoSharedGroup = DiagnosisEntry(
            id: "key.no_shared_group", severity: .error, stage: .keyExchange, exitStatus: .noCommonParameters,
            title: "No key-exchange group in common",
            summaryTemplate: "The server accepts none of our groups ({offered_groups}); it accepts {server_groups}.",
            facts: ["offered_groups", "server_groups"],
            explanation: "No elliptic curve / DH group is acceptable to both sides: e.g. an X448-only or post-quantum-only server, or a client without x25519/P-256.",
            fixServer: "Enable x25519 and P-256 (secp256r1) in the group list.",
            fixClient: "Offer x25519 and P-256; ESP-IDF offers x25519, P-256/384/521 and brainpool by default.",
            openssl: "SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE (1040); server log SSL_R_NO_SHARED_GROUPS (410) or SSL_R_NO_SUITABLE_KEY_SHARE (101)",
            alert: "handshake_failure (40)",
            curl: "35 (CURLE_SSL_CONNECT_ERROR)",
            mbedtls: ["MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE -0x7780 (server sent alert 40)", "MBEDTLS_ERR_SSL_HANDSHAKE_FAILURE -0x6E00 when the server picks a group the device does not offer", "MBEDTLS_ERR_ECP_FEATURE_UNAVAILABLE -0x4E80 when the curve is not compiled in"],
            docs: "RFC 8446 §4.2.7"
        )

        public let keyWeakRSA = DiagnosisEntry(
            id: "key.weak_rsa", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "RSA key too small",
            summaryTemplate: "The certificate \"{subject}\" (depth {depth}) has a {bits}-bit RSA key.",
            facts: ["subject", "depth", "bits"],
            explanation: "RSA keys below 2048 bits are rejected by OpenSSL's default security level and by mbedTLS's default X.509 profile.",
            fixServer: "Reissue the certificate with an RSA-2048+ or ECDSA P-256 key.",
            fixClient: "None that is safe.",
            openssl: "X509_V_ERR_EE_KEY_TOO_SMALL (66) / X509_V_ERR_CA_KEY_TOO_SMALL (67); SSL_R_EE_KEY_TOO_SMALL (399)",
            alert: "client sends unsupported_certificate (43)",
            curl: "60 (CURLE_PEER_FAILED_VERIFICATION)",
            mbedtls: ["MBEDTLS_ERR_X509_CERT_VERIFY_FAILED -0x2700 with flag MBEDTLS_X509_BADCERT_BAD_KEY 0x10000"],
            docs: "RFC 9325 §4.3"
        )

        public let keyWeakEC = DiagnosisEntry(
            id: "key.weak_ec", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "Elliptic-curve key too weak or on an unusual curve",
            summaryTemplate: "The certificate \"{subject}\" (depth {depth}) uses {curve} ({bits} bits).",
            facts: ["subject", "depth", "curve", "bits"],
            explanation: "Curves below 224 bits are too weak; some curves (secp256k1, P-224) are not accepted by clients such as mbedTLS's default profile, which allows only P-256/384/521 and brainpool 256/384/512.",
            fixServer: "Reissue with ECDSA P-256 or P-384.",
            openssl: "X509_V_ERR_EE_KEY_TOO_SMALL (66) or X509_V_ERR_CA_KEY_TOO_SMALL (67)",
            curl: "60 (CURLE_PEER_FAILED_VERIFICATION)",
            mbedtls: ["MBEDTLS_ERR_X509_CERT_VERIFY_FAILED -0x2700 with flag MBEDTLS_X509_BADCERT_BAD_KEY 0x10000", "MBEDTLS_ERR_SSL_BAD_CERTIFICATE -0x7A00 (curve not in the client's group list)", "MBEDTLS_ERR_ECP_FEATURE_UNAVAILABLE -0x4E80 (curve not compiled in)"],
            docs: "RFC 8422 §5.1.1"
        )

        /// warning: RSA key transport; {cipher}
        public let keyNoForwardSecrecy = DiagnosisEntry(
            id: "key.no_forward_secrecy", severity: .warning, stage: .keyExchange, exitStatus: .success,
            title: "No forward secrecy",
            summaryTemplate: "The server chose {cipher}, which uses RSA key transport: no forward secrecy.",
            facts: ["cipher"],
            explanation: "With static RSA key exchange, whoever obtains the server's private key later can decrypt recorded traffic. ESP-IDF 6 (mbedTLS 4) no longer offers these suites at all.",
            fixServer: "Prefer ECDHE suites; put them first in the server's list.",
            docs: "RFC 9325 §4.1"
        )

        // sig — facts: {subject} {depth} {algorithm}
        public let sigSHA1 = DiagnosisEntry(
            id: "sig.sha1", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "Certificate signed with SHA-1",
            summaryTemplate: "The certificate \"{subject}\" (depth {depth}) is signed with {algorithm}.",
            facts: ["subject", "depth", "algorithm"],
            explanation: "SHA-1 signatures are forgeable in practice (SHAttered) and rejected by current OpenSSL and by mbedTLS's default profile (SHA-256/384/512 only). Self-signed roots are exempt: their signature is never checked.",
            fixServer: "Reissue the certificate (or replace the intermediate) with a SHA-256 signature.",
            openssl: "X509_V_ERR_CA_MD_TOO_WEAK (68); SSL_R_CA_MD_TOO_WEAK (398)",
            curl: "60 (CURLE_PEER_FAILED_VERIFICATION)",
            mbedtls: ["MBEDTLS_ERR_X509_CERT_VERIFY_FAILED -0x2700 with flag MBEDTLS_X509_BADCERT_BAD_MD 0x4000"],
            docs: "RFC 9155"
        )

        public let sigMD5 = DiagnosisEntry(
            id: "sig.md5", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "Certificate signed with MD5",
            summaryTemplate: "The certificate \"{subject}\" (depth {depth}) is signed with {algorithm}.",
            facts: ["subject", "depth", "algorithm"],
            explanation: "MD5 signatures have been forged in the wild; no current client accepts them.",
            fixServer: "Reissue the certificate with a SHA-256 signature.",
            openssl: "X509_V_ERR_CA_MD_TOO_WEAK (68)",
            curl: "60 (CURLE_PEER_FAILED_VERIFICATION)",
            mbedtls: ["MBEDTLS_ERR_X509_CERT_VERIFY_FAILED -0x2700 with flag MBEDTLS_X509_BADCERT_BAD_MD 0x4000"],
            docs: "RFC 6151"
        )

        /// server signed the key exchange with SHA-1: {algorithm}
        public let sigHandshakeSHA1 = DiagnosisEntry(
            id: "sig.handshake_sha1", severity: .error, stage: .keyExchange, exitStatus: .noCommonParameters,
            title: "Key exchange signed with SHA-1",
            summaryTemplate: "The server signed its key exchange with {algorithm}.",
            facts: ["algorithm"],
            explanation: "TLS 1.2 lets the server choose the hash for its ServerKeyExchange signature; SHA-1 is deprecated there (RFC 9155), and OpenSSL 3 clients refuse it at their default security level (\"legacy sigalg disallowed\"), so curl and most tools fail this handshake. Clients that do not offer SHA-1 signature algorithms, such as ESP-IDF, fail the handshake against a server that can only do SHA-1.",
            fixServer: "Allow SHA-256 signature algorithms (rsa_pkcs1_sha256, ecdsa_secp256r1_sha256).",
            docs: "RFC 9155"
        )

        // not_tls — facts: {preview} (sanitised first bytes / line), {hex} (first bytes in hex),
        // {protocol} (for banners: "SMTP", "FTP", "SSH", "POP3", "IMAP", or "unknown")
        public let notTLSPlainHTTP = DiagnosisEntry(
            id: "not_tls.plain_http", severity: .error, stage: .serverHello, exitStatus: .notTLS,
            title: "Plain HTTP on this port",
            summaryTemplate: "The server answered with plain HTTP (\"{status_line}\") instead of TLS.",
            facts: ["status_line"],
            explanation: "The port serves unencrypted HTTP. The client's TLS ClientHello looked like garbage to it, and its HTTP error response looked like garbage to the client.",
            fixServer: "Serve TLS on this port, or publish the right port for HTTPS.",
            fixClient: "Use http:// for this port, or the HTTPS port (usually 443). On devices check the scheme and port of the URL: https/wss/mqtts need TLS ports.",
            openssl: "SSL_R_WRONG_VERSION_NUMBER \"wrong version number\" (267), packed 0A00010B; or SSL_R_HTTP_REQUEST",
            curl: "35 (CURLE_SSL_CONNECT_ERROR: \"wrong version number\")",
            mbedtls: ["MBEDTLS_ERR_SSL_INVALID_RECORD -0x7200"],
            docs: "RFC 8446 §5.1"
        )

        public let notTLSBanner = DiagnosisEntry(
            id: "not_tls.banner", severity: .error, stage: .serverHello, exitStatus: .notTLS,
            title: "Another protocol on this port",
            summaryTemplate: "The server spoke first, with a {protocol} greeting (\"{preview}\"), instead of answering with TLS.",
            facts: ["protocol", "preview"],
            explanation: "The port speaks a different protocol that starts with a server greeting (SMTP, FTP, SSH, POP3, IMAP). Some of these support TLS only after a STARTTLS command.",
            fixServer: "Publish the implicit-TLS port (e.g. 465, 993, 995) if clients expect TLS immediately.",
            fixClient: "Use the protocol's STARTTLS (openssl s_client -starttls smtp) or the implicit-TLS port.",
            openssl: "SSL_R_WRONG_VERSION_NUMBER \"wrong version number\" (267)",
            curl: "35 (CURLE_SSL_CONNECT_ERROR)",
            mbedtls: ["MBEDTLS_ERR_SSL_INVALID_RECORD -0x7200"],
            docs: "RFC 8314"
        )

        public let notTLSGarbage = DiagnosisEntry(
            id: "not_tls.garbage", severity: .error, stage: .serverHello, exitStatus: .notTLS,
            title: "Not TLS",
            summaryTemplate: "The server sent bytes that are not a TLS record: {hex}.",
            facts: ["hex"],
            explanation: "The first bytes do not form a TLS record header. The port runs another protocol, a captive portal or transparent proxy answered, or the server expects something first (e.g. a PROXY protocol header).",
            fixServer: "Check what listens on the port.",
            fixClient: "Check the port; on Wi-Fi with a captive portal, log in first.",
            openssl: "SSL_R_WRONG_VERSION_NUMBER (267) or SSL_R_PACKET_LENGTH_TOO_LONG (198)",
            curl: "35 (CURLE_SSL_CONNECT_ERROR)",
            mbedtls: ["MBEDTLS_ERR_SSL_INVALID_RECORD -0x7200"],
            docs: "RFC 8446 §5.1"
        )
    }
}