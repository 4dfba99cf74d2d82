// The remaining cert rows (size, encoding, signature, revocation) and the chain rows.
extension DiagnosisCatalog {
    public struct CertificateDetailRows: DiagnosisRowSet {
        static let shared = CertificateDetailRows()

        public let certTooLarge = DiagnosisEntry(
            id: "cert.too_large", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "Certificate message too large for this client",
            summaryTemplate: "The server's Certificate message is {bytes} bytes; the limit for this client is {limit}.",
            facts: ["bytes", "limit"],
            explanation: "Embedded clients read each handshake message into a fixed buffer. mbedTLS's input buffer is CONFIG_MBEDTLS_SSL_IN_CONTENT_LEN (16384 by default, often lowered to 4096–8192 to save RAM); a larger chain cannot be received. Before mbedTLS 3.6.3 a message split over several records also failed. A message over 100 KB with more than 100 certificates is beyond every client: tlsprobe reads its size, its count and the first 20 certificates, judges those and ends the handshake instead of decoding the rest.",
            fixServer: "Send only leaf + intermediates (not the root, not extra cross-signs); prefer ECDSA certificates, which are much smaller; when the leaf itself is large (thousands of names), split the names over several certificates.",
            fixClient: "Raise CONFIG_MBEDTLS_SSL_IN_CONTENT_LEN (max 16384); update to an ESP-IDF release with mbedTLS ≥ 3.6.3 for fragmented messages.",
            openssl: "SSL_R_EXCESSIVE_MESSAGE_SIZE (152) only beyond OpenSSL's own limit (--max-cert-list)",
            curl: "35 (CURLE_SSL_CONNECT_ERROR) only if the limit is exceeded",
            mbedtls: ["MBEDTLS_ERR_SSL_BAD_INPUT_DATA -0x7100 (3.6.3+)", "MBEDTLS_ERR_SSL_FEATURE_UNAVAILABLE -0x7080 (before 3.6.3: \"TLS handshake fragmentation not supported\")", "MBEDTLS_ERR_SSL_INVALID_RECORD -0x7200 (record larger than a reduced input buffer)", "PSA_ERROR_INVALID_ARGUMENT -0x0087 expected on ESP-IDF 6 (mbedTLS 4)"],
            docs: "RFC 8446 §4.4.2"
        )

        public let certMalformed = DiagnosisEntry(
            id: "cert.malformed", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "Certificate cannot be parsed",
            summaryTemplate: "A certificate the server sent is malformed: {detail}.",
            facts: ["detail"],
            explanation: "The DER encoding is broken or uses constructs the parser rejects (bad dates, invalid extensions, unknown critical extensions).",
            fixServer: "Reissue the certificate with a standard CA tool; check it with `openssl x509 -text -noout`.",
            openssl: "X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION (34), X509_V_ERR_INVALID_EXTENSION (41), or an ASN.1 decoding error",
            curl: "60 (CURLE_PEER_FAILED_VERIFICATION) or 35 (CURLE_SSL_CONNECT_ERROR)",
            mbedtls: ["MBEDTLS_ERR_X509_INVALID_FORMAT -0x2180 (often with an ASN.1 part, e.g. -0x21E2)", "MBEDTLS_ERR_X509_INVALID_EXTENSIONS -0x2500", "MBEDTLS_ERR_SSL_BAD_CERTIFICATE -0x7A00"],
            docs: "RFC 5280 §4"
        )

        public let certBadSignature = DiagnosisEntry(
            id: "cert.bad_signature", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "Certificate signature does not verify",
            summaryTemplate: "The signature on \"{subject}\" (depth {depth}) does not verify against its issuer's key.",
            facts: ["subject", "depth"],
            explanation: "The certificate was not signed by the key of the certificate presented as its issuer: a wrong intermediate (same name, different key, e.g. after a CA re-key), or a corrupted certificate.",
            fixServer: "Serve the intermediate that actually issued the leaf (download it from the CA's AIA URL).",
            openssl: "X509_V_ERR_CERT_SIGNATURE_FAILURE (7) \"certificate signature failure\"",
            alert: "client sends decrypt_error (51) or bad_certificate (42)",
            curl: curlVerifyFailed,
            mbedtls: [mbedtlsVerifyFailed + " with flag MBEDTLS_X509_BADCERT_NOT_TRUSTED 0x08", "the debug log shows the signature check fail: MBEDTLS_ERR_RSA_VERIFY_FAILED -0x4380 or MBEDTLS_ERR_ECP_VERIFY_FAILED -0x4E00"],
            docs: "RFC 5280 §6.1.3"
        )

        /// {code} {reason} {depth} — any other verify code
        public let certKeyMismatch = DiagnosisEntry(
            id: "cert.key_mismatch", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "Private key does not match the certificate",
            summaryTemplate: "The key {key} ({key_type}) is not the private key of \"{subject}\" ({leaf_key}): a server configured with the two cannot prove it owns the certificate.",
            facts: ["key", "key_type", "subject", "leaf_key"],
            explanation: "A TLS server signs the handshake with the private key of its certificate. With another key, nginx refuses to start (\"key values mismatch\"), Apache and HAProxy too; a server that starts anyway fails every handshake. Typical causes: a renewed certificate deployed with the old key, the key of another site, or the files swapped.",
            fixServer: "Pair the certificate with the key its CSR was made from; compare `openssl x509 -noout -pubkey -in cert.pem` with `openssl pkey -pubout -in key.pem`.",
            openssl: "X509_check_private_key / SSL_CTX_check_private_key: \"key values mismatch\" (X509_R_KEY_VALUES_MISMATCH)",
            mbedtls: ["MBEDTLS_ERR_PK_BAD_INPUT_DATA -0x3E80 from mbedtls_pk_check_pair (server side)"],
            docs: "RFC 8446 §4.4.3"
        )

        public let certVerifyError = DiagnosisEntry(
            id: "cert.verify_error", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "Certificate verification failed",
            summaryTemplate: "Verification failed at depth {depth}: {reason} (OpenSSL verify code {code}).",
            facts: ["depth", "reason", "code"],
            explanation: "OpenSSL rejected the chain for a reason without a more specific tlsprobe diagnosis; the verify code and text are quoted. `tlsprobe explain verify:N` describes the code.",
            fixServer: "Look up the verify code (openssl-verify(1), section VERIFY ERRORS) and fix the certificate concerned.",
            openssl: "X509_V_ERR_* (the quoted code)",
            curl: curlVerifyFailed,
            mbedtls: [mbedtlsVerifyFailed + " with the matching MBEDTLS_X509_BADCERT_* flag"],
            docs: "openssl-verify(1)"
        )

        public let certRevoked = DiagnosisEntry(
            id: "cert.revoked", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "Certificate revoked",
            summaryTemplate: "The certificate \"{subject}\" has been revoked by its issuer \"{issuer}\": {revocation}.",
            facts: ["subject", "issuer", "revocation"],
            explanation: "The CA has declared this certificate invalid (key compromise, mis-issuance, or superseded). Clients that check revocation will refuse it.",
            fixServer: "Install a newly issued certificate and a new key.",
            openssl: "X509_V_ERR_CERT_REVOKED (23) \"certificate revoked\"",
            alert: "client sends certificate_revoked (44)",
            curl: "60 (CURLE_PEER_FAILED_VERIFICATION) with a CRL (--crlfile); 91 (CURLE_SSL_INVALIDCERTSTATUS) with --cert-status for a stapled \"revoked\"",
            mbedtls: [mbedtlsVerifyFailed + " with flag MBEDTLS_X509_BADCERT_REVOKED 0x02 (only if a CRL is loaded)"],
            docs: "RFC 5280 §5, RFC 6960"
        )

        // chain — facts: {missing_issuer} {aia_url} {subject} {depth} {order} {extra}
        public let chainMissingIntermediate = DiagnosisEntry(
            id: "chain.missing_intermediate", severity: .error, stage: .certificate, exitStatus: .incompleteChain,
            title: "Intermediate certificate missing",
            summaryTemplate: "The server does not send the intermediate \"{missing_issuer}\" that issued its certificate; {aia_url}.",
            facts: ["missing_issuer", "aia_url"],
            explanation: "The server sends its leaf without the intermediate that links it to a trusted root. Browsers often hide this by caching or downloading intermediates; curl, OpenSSL and every embedded client (mbedTLS never fetches AIA) fail.",
            fixServer: "Configure the full chain file: leaf followed by the intermediate(s), e.g. Let's Encrypt fullchain.pem, nginx ssl_certificate pointing at the chain.",
            fixClient: "A stopgap only: add the intermediate to the client's CA file (curl --cacert). On a device, fixing the server is the only robust fix.",
            openssl: "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY (20) or X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE (21)",
            alert: "client sends unknown_ca (48)",
            curl: curlVerifyFailed,
            mbedtls: [mbedtlsVerifyFailed + " with flag MBEDTLS_X509_BADCERT_NOT_TRUSTED 0x08", "MBEDTLS_ERR_X509_FATAL_ERROR -0x3000 with the ESP-IDF certificate bundle"],
            docs: "RFC 8446 §4.4.2, RFC 5280 §4.2.2.1"
        )

        public let chainAIAUnusable = DiagnosisEntry(
            id: "chain.aia_unusable", severity: .warning, stage: .certificate, exitStatus: .success,
            title: "CA Issuers URL does not give the missing issuer",
            summaryTemplate: "The issuer of \"{subject}\" is missing and its CA Issuers URL {url} does not supply it: {detail}. Browsers, which download it from there, fail too.",
            facts: ["subject", "url", "detail"],
            explanation: "When a server leaves out an intermediate, browsers download it from the URL in the certificate's Authority Information Access extension. This URL gave nothing usable (no answer, too large, a redirect loop or to another scheme, or a certificate that did not issue this one), so even browsers cannot build the chain.",
            fixServer: "Send the intermediate with the leaf (the full chain file from the CA); then no client needs the URL.",
            fixClient: "Ask the CA to fix its CA Issuers URL; meanwhile the server's full chain is the fix.",
            openssl: "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY (20) after the download",
            docs: "RFC 5280 §4.2.2.1"
        )

        public let chainIntermediateExpired = DiagnosisEntry(
            id: "chain.intermediate_expired", severity: .error, stage: .certificate, exitStatus: .certificateExpired,
            title: "Intermediate certificate expired",
            summaryTemplate: "The intermediate \"{subject}\" (depth {depth}) expired on {not_after}, {days} ago.",
            facts: ["subject", "depth", "not_after", "days"],
            explanation: "The server still sends an old intermediate, typically after the CA rotated intermediates and the chain file was not updated.",
            fixServer: "Replace the chain file with the current intermediate from the CA.",
            openssl: "X509_V_ERR_CERT_HAS_EXPIRED (10) at depth ≥ 1",
            alert: "client sends certificate_expired (45)",
            curl: curlVerifyFailed,
            mbedtls: [mbedtlsVerifyFailed + " with flag MBEDTLS_X509_BADCERT_EXPIRED 0x01 (only with CONFIG_MBEDTLS_HAVE_TIME_DATE)"],
            docs: "RFC 5280 §6.1.3"
        )

        /// warning: {order}
        public let chainWrongOrder = DiagnosisEntry(
            id: "chain.wrong_order", severity: .warning, stage: .certificate, exitStatus: .success,
            title: "Chain in the wrong order",
            summaryTemplate: "The chain is sent in the order {order}; each certificate should be followed by its issuer.",
            facts: ["order"],
            explanation: "TLS 1.2 requires leaf first, then each issuer; TLS 1.3 tolerates disorder. Most libraries sort it out, some embedded and older clients do not.",
            fixServer: "Order the chain file leaf → intermediate(s).",
            docs: "RFC 5246 §7.4.2, RFC 8446 §4.4.2"
        )

        /// warning: {extra}
        public let chainExtraCerts = DiagnosisEntry(
            id: "chain.extra_certs", severity: .warning, stage: .certificate, exitStatus: .success,
            title: "Unneeded certificates in the chain",
            summaryTemplate: "The server sends certificates that are not part of the path: {extra}.",
            facts: ["extra"],
            explanation: "Extra certificates make every handshake larger (a problem for devices with 4–16 KB buffers) and can confuse path building, e.g. an old cross-sign that leads ESP-IDF's bundle check to an expired root.",
            fixServer: "Remove the extra certificates from the chain file.",
            docs: "RFC 8446 §4.4.2"
        )

        /// info: {root}
        public let chainRootIncluded = DiagnosisEntry(
            id: "chain.root_included", severity: .info, stage: .certificate, exitStatus: .success,
            title: "Root certificate sent",
            summaryTemplate: "The server also sends the root \"{root}\".",
            facts: ["root"],
            explanation: "Harmless but useless: clients must already have the root. It only adds bytes to every handshake.",
            fixServer: "Drop the root from the chain file to save bytes.",
            docs: "RFC 8446 §4.4.2"
        )

        public let chainTooDeep = DiagnosisEntry(
            id: "chain.too_deep", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "Chain too long",
            summaryTemplate: "The chain is {depth} certificates deep, more than clients accept.",
            facts: ["depth"],
            explanation: "Path length exceeds the verifier's limit (OpenSSL's default depth is 100; mbedTLS allows 8 intermediates) or a CA's pathLenConstraint.",
            fixServer: "Shorten the chain: issue from a CA closer to the root.",
            openssl: "X509_V_ERR_CERT_CHAIN_TOO_LONG (22) or X509_V_ERR_PATH_LENGTH_EXCEEDED (25)",
            curl: curlVerifyFailed,
            mbedtls: ["MBEDTLS_ERR_X509_FATAL_ERROR -0x3000"],
            docs: "RFC 5280 §4.2.1.9"
        )
    }
}