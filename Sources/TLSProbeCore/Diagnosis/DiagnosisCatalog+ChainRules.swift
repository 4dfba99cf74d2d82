// chain-rule rows: the X.509 path-validation rules OpenSSL enforces (RFC 5280 §4.2, §6.1), each
// with its own words and fix, and what the chain as sent shows about an issuer nobody supplied.
extension DiagnosisCatalog {
    private static let verifyFailed = mbedtlsVerifyFailed + " with flag MBEDTLS_X509_BADCERT_NOT_TRUSTED 0x08"

    /// Ids for the X.509 path-validation rules (RFC 5280 §4.2 and §6) and for what the chain as sent
    /// shows about a missing issuer. Facts every one of them may use: {subject} {depth} {detail}
    /// (what the certificates say about the rule: the constraint, the extension, the key identifiers).
    public struct ChainRuleRows: DiagnosisRowSet {
        static let shared = ChainRuleRows()

        /// {subject} (sent first) {leaf} (valid for the name) {position}
        public let chainLeafNotFirst = DiagnosisEntry(
            id: "chain.leaf_not_first", severity: .error, stage: .certificate, exitStatus: .incompleteChain,
            title: "Server certificate not sent first",
            summaryTemplate: "The server sends \"{subject}\" first, which is {detail}; its own certificate \"{leaf}\" comes at position {position}.",
            facts: ["subject", "detail", "leaf", "position"],
            explanation: "Clients take the first certificate of the Certificate message as the server's certificate (RFC 8446 §4.4.2, RFC 5246 §7.4.2) and check the name and purpose against it. Here the first one is a CA or a certificate for other names, while a later one is valid for this name and chains to what was sent: the chain file lists the issuer before the server's certificate (a concatenation in the wrong order).",
            fixServer: "Put the server's certificate first, then its issuers (e.g. cat server.crt intermediate.crt > fullchain.pem).",
            fixClient: "None: every client reads the first certificate as the server's.",
            openssl: "X509_V_ERR_HOSTNAME_MISMATCH (62) or X509_V_ERR_INVALID_PURPOSE (26) against the first certificate",
            alert: "client sends bad_certificate (42)",
            curl: curlVerifyFailed,
            mbedtls: [mbedtlsVerifyFailed + " with flag MBEDTLS_X509_BADCERT_CN_MISMATCH 0x04 (and often MBEDTLS_X509_BADCERT_NOT_TRUSTED 0x08)"],
            docs: "RFC 8446 §4.4.2, RFC 5246 §7.4.2"
        )

        public let chainInterception = DiagnosisEntry(
            id: "chain.interception", severity: .error, stage: .certificate, exitStatus: .untrustedChain,
            title: "Connection intercepted",
            summaryTemplate: "The certificate was issued by \"{root}\", the root of {product} ({kind}): the connection is being intercepted, and this client does not trust that root.",
            facts: ["root", "product", "kind"],
            explanation: "TLS-inspecting software or appliances (adware, vendor tools, debugging proxies, corporate inspection, antivirus web shields) end the TLS connection themselves and present a certificate they mint on the fly from their own root. Browsers on a managed machine trust that root through the OS store; curl with its own CA file, Python (certifi), Java, containers and devices do not, so they fail while the browser works. Some of these roots (Superfish, eDellRoot, DSDTestProvider, the CA keys published with preact-cli and webpack-dev-server) had their private keys published: anyone can intercept a machine that trusts them.",
            fixServer: "Nothing on the server: the server's real certificate never reached this client; ask the network or security team to exempt this host from inspection, or probe from a network without the inspecting device.",
            fixClient: "If the inspection is sanctioned, trust its root in this client's own store (curl --cacert, REQUESTS_CA_BUNDLE / SSL_CERT_FILE for Python, the JVM truststore; devices and Python do not read the OS store). If it is adware or a root with a published key (Superfish, eDellRoot, DSDTestProvider, preact-cli, webpack-dev-server), remove the software and the root from every store instead.",
            openssl: "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY (20), X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN (19) or X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT (18)",
            alert: "client sends unknown_ca (48)",
            curl: curlVerifyFailed,
            mbedtls: [verifyFailed],
            docs: "RFC 5280 §6.1; CERT/CC VU#529496 (Superfish), VU#870761 (eDellRoot)"
        )

        /// {issuer} (the name both carry)
        public let chainWrongIssuerSent = DiagnosisEntry(
            id: "chain.wrong_issuer_sent", severity: .error, stage: .certificate, exitStatus: .incompleteChain,
            title: "Issuer sent, but not the one that signed",
            summaryTemplate: "The server sends a CA certificate named \"{issuer}\", but it did not sign \"{subject}\" (depth {depth}): {detail}.",
            facts: ["issuer", "subject", "depth", "detail"],
            explanation: "A certificate with the issuer's name is in the chain, yet its key is not the key that signed the certificate below it: an intermediate from before a CA re-key, a test CA with a production CA's name, or a chain file mixed up between two servers. Verifiers look for the issuer by name and key identifier, find none that fits, and report the issuer as missing.",
            fixServer: "Serve the CA certificate whose key signed this certificate (its subject key identifier must equal the certificate's authority key identifier; the CA publishes it, usually at the AIA CA Issuers URL).",
            openssl: "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY (20) or X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE (21), or X509_V_ERR_CERT_SIGNATURE_FAILURE (7)",
            alert: "client sends unknown_ca (48) or decrypt_error (51)",
            curl: curlVerifyFailed,
            mbedtls: [verifyFailed],
            docs: "RFC 5280 §4.2.1.1, §6.1.3"
        )

        /// {issuer} the store's certificate of that name
        public let chainAnchorUnusable = DiagnosisEntry(
            id: "chain.anchor_unusable", severity: .error, stage: .certificate, exitStatus: .untrustedChain,
            title: "Trusted root present but unusable",
            summaryTemplate: "The trust store holds \"{issuer}\", the issuer of \"{subject}\" (depth {depth}), but OpenSSL cannot use it as the issuer: {detail}.",
            facts: ["issuer", "subject", "depth", "detail"],
            explanation: "The issuer is not missing: a certificate with its name is in the trust store, but it fails a rule that makes it a valid parent (its key identifier differs from the child's authority key identifier, it is not a CA, or its key usage forbids signing certificates). OpenSSL then reports the issuer as unobtainable, which reads like a missing intermediate.",
            fixServer: "Reissue the certificate from the CA that is actually in the trust store, or fix the CA certificate (key identifiers, basicConstraints CA:TRUE, keyUsage keyCertSign).",
            fixClient: "Install the CA certificate that matches (same key as the one that signed), not an older or rebuilt copy with the same name.",
            openssl: "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY (20) with a same-name certificate in the store",
            alert: "client sends unknown_ca (48)",
            curl: curlVerifyFailed,
            mbedtls: [verifyFailed],
            docs: "RFC 5280 §4.2.1.1, §4.2.1.2, §6.1"
        )

        /// {ca} (the constraining CA)
        public let chainNameConstraints = DiagnosisEntry(
            id: "chain.name_constraints", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "Name outside the CA's name constraints",
            summaryTemplate: "The certificate \"{subject}\" (depth {depth}) breaks the name constraints of \"{ca}\": {detail}.",
            facts: ["subject", "depth", "ca", "detail"],
            explanation: "A CA certificate with a nameConstraints extension may only issue for names inside its permitted subtrees and outside its excluded subtrees; every name of every certificate below it is checked, and a constraint of a form the verifier cannot check fails the chain. Common after a private CA was constrained to an internal domain and then used for a public name, or when a constraint lists a name form (e.g. URI, otherName) a verifier does not support.",
            fixServer: "Issue the certificate only for names the constraining CA permits, or issue it from a CA without that constraint.",
            openssl: "X509_V_ERR_PERMITTED_VIOLATION (47), X509_V_ERR_EXCLUDED_VIOLATION (48), X509_V_ERR_SUBTREE_MINMAX (49), X509_V_ERR_UNSUPPORTED_CONSTRAINT_TYPE (51), X509_V_ERR_UNSUPPORTED_CONSTRAINT_SYNTAX (52), X509_V_ERR_UNSUPPORTED_NAME_SYNTAX (53)",
            alert: "client sends bad_certificate (42)",
            curl: curlVerifyFailed,
            mbedtls: [verifyFailed + " (mbedTLS 2.28 rejects any critical nameConstraints extension at parse time: MBEDTLS_ERR_X509_FEATURE_UNAVAILABLE)"],
            docs: "RFC 5280 §4.2.1.10"
        )

        public let chainPathLength = DiagnosisEntry(
            id: "chain.path_length", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "CA path-length constraint exceeded",
            summaryTemplate: "The CA \"{ca}\" (depth {depth}) allows {pathlen} intermediate CA(s) below it (pathLenConstraint), but this path has {below}.",
            facts: ["ca", "depth", "pathlen", "below"],
            explanation: "basicConstraints pathLenConstraint limits how many non-self-issued intermediate CAs may follow a CA on the path. The chain is not too long for clients in general; one CA on it forbids the depth it has.",
            fixServer: "Issue the certificate (or the intermediate) from a CA the constraint allows — directly from the constrained CA, or from one above it — or reissue that CA with a larger pathLenConstraint.",
            openssl: "X509_V_ERR_PATH_LENGTH_EXCEEDED (25)",
            alert: "client sends bad_certificate (42)",
            curl: curlVerifyFailed,
            mbedtls: [verifyFailed],
            docs: "RFC 5280 §4.2.1.9, §6.1.4 (m)"
        )

        public let chainIssuerNotCA = DiagnosisEntry(
            id: "chain.issuer_not_ca", severity: .error, stage: .certificate, exitStatus: .untrustedChain,
            title: "Issuer is not a CA",
            summaryTemplate: "\"{subject}\" (depth {depth}) issued the certificate below it but is not a CA: {detail}.",
            facts: ["subject", "depth", "detail"],
            explanation: "Only a certificate with basicConstraints CA:TRUE may issue certificates (RFC 5280 §4.2.1.9). A leaf used to sign another certificate, or a CA certificate made without the extension, breaks the chain at that point.",
            fixServer: "Issue from a real CA certificate (basicConstraints critical, CA:TRUE; keyUsage keyCertSign), or reissue this issuer with those extensions.",
            openssl: "X509_V_ERR_INVALID_CA (79)",
            alert: "client sends bad_certificate (42) or unknown_ca (48)",
            curl: curlVerifyFailed,
            mbedtls: [verifyFailed],
            docs: "RFC 5280 §4.2.1.9, §6.1.4 (k)"
        )

        public let chainCAKeyUsage = DiagnosisEntry(
            id: "chain.ca_key_usage", severity: .error, stage: .certificate, exitStatus: .untrustedChain,
            title: "CA key usage forbids signing certificates",
            summaryTemplate: "The CA \"{subject}\" (depth {depth}) may not sign certificates: {detail}.",
            facts: ["subject", "depth", "detail"],
            explanation: "A CA certificate that has a keyUsage extension must assert keyCertSign to sign certificates (RFC 5280 §4.2.1.3); without it the certificates below it are unsigned as far as a verifier is concerned.",
            fixServer: "Reissue the CA certificate with keyUsage critical, keyCertSign, cRLSign (and digitalSignature if it signs OCSP responses).",
            openssl: "X509_V_ERR_KEYUSAGE_NO_CERTSIGN (32); X509_V_ERR_CA_CERT_MISSING_KEY_USAGE (92) and X509_V_ERR_PATHLEN_WITHOUT_KU_KEY_CERT_SIGN (81) under -x509_strict",
            alert: "client sends bad_certificate (42)",
            curl: curlVerifyFailed,
            mbedtls: [mbedtlsVerifyFailed + " with flag MBEDTLS_X509_BADCERT_NOT_TRUSTED 0x08 (mbedTLS skips a parent without keyCertSign)"],
            docs: "RFC 5280 §4.2.1.3, §6.1.4 (n)"
        )

        public let chainCAPurpose = DiagnosisEntry(
            id: "chain.ca_purpose", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "CA not allowed to issue TLS server certificates",
            summaryTemplate: "The CA \"{subject}\" (depth {depth}) restricts its extendedKeyUsage to {eku}, which excludes TLS server authentication.",
            facts: ["subject", "depth", "eku"],
            explanation: "OpenSSL, Go, rustls and browsers treat an extendedKeyUsage on a CA certificate as a limit on what it may issue: a CA limited to clientAuth or emailProtection cannot vouch for a TLS server.",
            fixServer: "Issue the server certificate from a CA whose extendedKeyUsage includes serverAuth (or has none).",
            openssl: "X509_V_ERR_INVALID_PURPOSE (26) at depth ≥ 1",
            alert: "client sends unsupported_certificate (43)",
            curl: curlVerifyFailed,
            mbedtls: [mbedtlsVerifyFailed + " (mbedTLS does not check a CA's extendedKeyUsage: a device may accept this chain)"],
            docs: "RFC 5280 §4.2.1.12; CA/Browser Forum Baseline Requirements §7.1.2.2"
        )

        public let chainKeyIdentifier = DiagnosisEntry(
            id: "chain.key_identifier", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "Key identifiers wrong",
            summaryTemplate: "The key identifiers of \"{subject}\" (depth {depth}) are wrong: {detail}.",
            facts: ["subject", "depth", "detail"],
            explanation: "A certificate's authorityKeyIdentifier names the key of its issuer, and a CA's subjectKeyIdentifier names its own; verifiers use them to pick the issuer. A mismatch (a copied or stale AKI, a CA re-keyed under the same name), a missing identifier or one marked critical (RFC 5280 forbids it) breaks or weakens path building.",
            fixServer: "Reissue the certificate with authorityKeyIdentifier = keyid of the real issuer, and CA certificates with a non-critical subjectKeyIdentifier (openssl x509 -extfile: subjectKeyIdentifier=hash, authorityKeyIdentifier=keyid:always).",
            openssl: "X509_V_ERR_AKID_SKID_MISMATCH (30), X509_V_ERR_AKID_ISSUER_SERIAL_MISMATCH (31); under -x509_strict X509_V_ERR_MISSING_AUTHORITY_KEY_IDENTIFIER (85), X509_V_ERR_MISSING_SUBJECT_KEY_IDENTIFIER (86), X509_V_ERR_AUTHORITY_KEY_IDENTIFIER_CRITICAL (90), X509_V_ERR_SUBJECT_KEY_IDENTIFIER_CRITICAL (91)",
            curl: curlVerifyFailed,
            mbedtls: [verifyFailed],
            docs: "RFC 5280 §4.2.1.1, §4.2.1.2"
        )

        public let chainPolicy = DiagnosisEntry(
            id: "chain.policy", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "Certificate policy check failed",
            summaryTemplate: "The certificate policies on the path do not verify at \"{subject}\" (depth {depth}): {detail}.",
            facts: ["subject", "depth", "detail"],
            explanation: "certificatePolicies, policyConstraints, policyMappings and inhibitAnyPolicy together must leave a valid policy for the leaf when a CA requires an explicit policy; a malformed policy extension fails the whole chain.",
            fixServer: "Reissue the CA or leaf with consistent policies (the leaf's certificatePolicies must include a policy every CA above it allows, e.g. 2.23.140.1.2.1), or drop the requireExplicitPolicy constraint.",
            openssl: "X509_V_ERR_INVALID_POLICY_EXTENSION (42), X509_V_ERR_NO_EXPLICIT_POLICY (43)",
            curl: curlVerifyFailed,
            mbedtls: [verifyFailed + " (mbedTLS ignores policies: a device may accept this chain)"],
            docs: "RFC 5280 §4.2.1.4, §4.2.1.11, §6.1.5"
        )

        /// warning: {rule} {why}
        public let chainStrict = DiagnosisEntry(
            id: "chain.strict", severity: .warning, stage: .certificate, exitStatus: .success,
            title: "Accepted by OpenSSL, rejected by strict verifiers",
            summaryTemplate: "OpenSSL accepts this; {who} reject it because {detail} (\"{subject}\", depth {depth}).",
            facts: ["who", "detail", "subject", "depth"],
            explanation: "OpenSSL's default verification is lenient about several RFC 5280 and CA/Browser Forum rules that Go's crypto/x509, rustls/webpki, Chrome and Apple enforce. The chain works with curl and OpenSSL-based clients today and fails elsewhere; `--strict` makes this a failure.",
            fixServer: "Reissue the certificate concerned with the rule fixed (see the reason).",
            openssl: "accepted by default; some rules are X509_V_FLAG_X509_STRICT errors (openssl verify -x509_strict)",
            docs: "RFC 5280 §4.2; CA/Browser Forum Baseline Requirements §7.1"
        )

        public let certKeyUsage = DiagnosisEntry(
            id: "cert.key_usage", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "Key usage forbids TLS server use",
            summaryTemplate: "The keyUsage of \"{subject}\" (depth {depth}) forbids what a TLS server does with its key: {detail}.",
            facts: ["subject", "depth", "detail"],
            explanation: "A TLS server signs the handshake (digitalSignature) or, with RSA key exchange, decrypts the premaster secret (keyEncipherment); ECDH certificates need keyAgreement. A keyUsage extension without the bit the handshake needs makes clients refuse the certificate.",
            fixServer: "Reissue with keyUsage digitalSignature (plus keyEncipherment for RSA keys used with RSA key exchange).",
            openssl: "X509_V_ERR_INVALID_PURPOSE (26) at depth 0 with a fitting extendedKeyUsage; X509_V_ERR_KEYUSAGE_NO_DIGITAL_SIGNATURE (39)",
            alert: "client sends unsupported_certificate (43)",
            curl: curlVerifyFailed,
            mbedtls: ["MBEDTLS_ERR_SSL_BAD_CERTIFICATE -0x7A00 with flag MBEDTLS_X509_BADCERT_KEY_USAGE 0x800"],
            docs: "RFC 5280 §4.2.1.3, RFC 8446 §4.4.2.2"
        )

        public let certBasicConstraints = DiagnosisEntry(
            id: "cert.basic_constraints", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "basicConstraints inconsistent",
            summaryTemplate: "The basicConstraints of \"{subject}\" (depth {depth}) break RFC 5280: {detail}.",
            facts: ["subject", "depth", "detail"],
            explanation: "basicConstraints says whether a certificate is a CA. RFC 5280 requires it, marked critical, on every CA certificate, forbids a pathLenConstraint on a non-CA, and forbids keyCertSign without CA:TRUE; OpenSSL enforces these under -x509_strict and for certificates that mark themselves as CAs inconsistently.",
            fixServer: "Reissue: CA certificates with basicConstraints critical, CA:TRUE; leaves with CA:FALSE (or no basicConstraints) and no keyCertSign.",
            openssl: "X509_V_ERR_INVALID_NON_CA (37), X509_V_ERR_PATHLEN_INVALID_FOR_NON_CA (80), X509_V_ERR_KU_KEY_CERT_SIGN_INVALID_FOR_NON_CA (82), X509_V_ERR_CA_BCONS_NOT_CRITICAL (89)",
            curl: curlVerifyFailed,
            mbedtls: [verifyFailed],
            docs: "RFC 5280 §4.2.1.9"
        )

        public let certCriticalExtension = DiagnosisEntry(
            id: "cert.critical_extension", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "Unknown critical extension",
            summaryTemplate: "\"{subject}\" (depth {depth}) carries a critical extension the verifier does not understand: {detail}.",
            facts: ["subject", "depth", "detail"],
            explanation: "An extension marked critical must be rejected by any verifier that does not process it (RFC 5280 §4.2). Private or new extensions must be non-critical unless every client understands them.",
            fixServer: "Reissue the certificate with that extension non-critical, or without it.",
            openssl: "X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION (34)",
            alert: "client sends unsupported_certificate (43) or bad_certificate (42)",
            curl: curlVerifyFailed,
            mbedtls: ["MBEDTLS_ERR_X509_INVALID_EXTENSIONS -0x2500 (mbedTLS cannot even parse the certificate)"],
            docs: "RFC 5280 §4.2"
        )

        public let certInvalidExtension = DiagnosisEntry(
            id: "cert.invalid_extension", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "Certificate extension invalid",
            summaryTemplate: "An extension of \"{subject}\" (depth {depth}) is invalid: {detail}.",
            facts: ["subject", "depth", "detail"],
            explanation: "The certificate decodes, but one of its extensions (or names) breaks its own rules: an undecodable or duplicated extension, an empty subjectAltName, an empty name, extensions in a v1/v2 certificate.",
            fixServer: "Reissue the certificate with a standard CA tool; check it with `openssl x509 -text -noout` and `openssl verify -x509_strict`.",
            openssl: "X509_V_ERR_INVALID_EXTENSION (41), X509_V_ERR_UNSUPPORTED_EXTENSION_FEATURE (45), X509_V_ERR_EMPTY_SUBJECT_ALT_NAME (87), X509_V_ERR_EXTENSIONS_REQUIRE_VERSION_3 (93), X509_V_ERR_ISSUER_NAME_EMPTY (83), X509_V_ERR_SUBJECT_NAME_EMPTY (84)",
            curl: curlVerifyFailed,
            mbedtls: ["MBEDTLS_ERR_X509_INVALID_EXTENSIONS -0x2500"],
            docs: "RFC 5280 §4.1, §4.2"
        )

        public let certUnusableKey = DiagnosisEntry(
            id: "cert.unusable_key", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "Public key cannot be used",
            summaryTemplate: "The public key of \"{subject}\" (depth {depth}) cannot be used to verify signatures: {detail}.",
            facts: ["subject", "depth", "detail"],
            explanation: "The issuer's subjectPublicKeyInfo does not decode into a key the verifier supports (an unknown algorithm, broken parameters, or an elliptic curve given by explicit parameters instead of a name, which OpenSSL 3 refuses under -x509_strict and most clients refuse always).",
            fixServer: "Reissue the CA (or certificate) with a standard named-curve ECDSA or RSA key.",
            openssl: "X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY (6), X509_V_ERR_NO_ISSUER_PUBLIC_KEY (24), X509_V_ERR_EC_KEY_EXPLICIT_PARAMS (94)",
            curl: curlVerifyFailed,
            mbedtls: ["MBEDTLS_ERR_PK_UNKNOWN_PK_ALG -0x3C80 or MBEDTLS_ERR_PK_KEY_INVALID_FORMAT -0x3D00 at parse time"],
            docs: "RFC 5280 §4.1.2.7, RFC 5480 §2.1.1"
        )

        public let certSignatureAlgorithm = DiagnosisEntry(
            id: "cert.signature_algorithm", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "Signature algorithm unsupported or inconsistent",
            summaryTemplate: "The signature algorithm of \"{subject}\" (depth {depth}) cannot be checked: {detail}.",
            facts: ["subject", "depth", "detail"],
            explanation: "The certificate names a signature algorithm the verifier does not support, one that does not fit the issuer's key type, or two different algorithms inside and outside the signed part.",
            fixServer: "Reissue the certificate with a standard algorithm matching the issuer's key (sha256WithRSAEncryption, ecdsa-with-SHA256, RSASSA-PSS, Ed25519).",
            openssl: "X509_V_ERR_UNSUPPORTED_SIGNATURE_ALGORITHM (76), X509_V_ERR_SIGNATURE_ALGORITHM_MISMATCH (77), X509_V_ERR_SIGNATURE_ALGORITHM_INCONSISTENCY (78)",
            curl: curlVerifyFailed,
            mbedtls: ["MBEDTLS_ERR_X509_SIG_MISMATCH -0x2680", "MBEDTLS_ERR_X509_UNKNOWN_SIG_ALG -0x2600"],
            docs: "RFC 5280 §4.1.1.2"
        )

        public let certVerifyUnspecified = DiagnosisEntry(
            id: "cert.verify_unspecified", severity: .error, stage: .certificate, exitStatus: .otherCertificateProblem,
            title: "Certificate rejected without a named rule",
            summaryTemplate: "OpenSSL rejected \"{subject}\" (depth {depth}) without naming the rule (X509_V_ERR_UNSPECIFIED); {detail}.",
            facts: ["subject", "depth", "detail"],
            explanation: "OpenSSL reports code 1 when an internal step of path validation fails without its own code, typically on a certificate whose extensions OpenSSL could not cache (a malformed or contradictory extension) or a key it cannot process. tlsprobe looks at the certificate itself for the reason.",
            fixServer: "Check the certificate with `openssl x509 -text -noout` and `openssl verify -x509_strict -CAfile root.pem -untrusted chain.pem leaf.pem`; reissue it with a standard CA tool.",
            openssl: "X509_V_ERR_UNSPECIFIED (1)",
            curl: curlVerifyFailed,
            mbedtls: [mbedtlsVerifyFailed + " with flag MBEDTLS_X509_BADCERT_OTHER 0x0100"],
            docs: "openssl-verify(1)"
        )

        /// info, --at exactly at notAfter: {not_after}
        public let certNotAfterBoundary = DiagnosisEntry(
            id: "cert.not_after_boundary", severity: .info, stage: .certificate, exitStatus: .success,
            title: "Checked at the last second of validity",
            summaryTemplate: "The time checked is exactly the notAfter of \"{subject}\" ({not_after}): RFC 5280 makes notAfter inclusive, so the certificate is still valid in this second, but OpenSSL treats notAfter as exclusive and reports it expired.",
            facts: ["subject", "not_after"],
            explanation: "RFC 5280 §4.1.2.5 defines the validity period as including both notBefore and notAfter. OpenSSL's X509_cmp_time counts the notAfter second itself as expired; Go and mbedTLS follow the RFC. Only a check at exactly that second sees the difference.",
            fixServer: "Renew before notAfter; nothing depends on this second in practice.",
            docs: "RFC 5280 §4.1.2.5"
        )
    }
}