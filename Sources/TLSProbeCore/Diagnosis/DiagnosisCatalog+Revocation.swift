// ocsp and revocation rows: the stapled OCSP response and what --revocation asked the CA.
// cert.revoked, the verdict of a verified "revoked", lives with the certificate rows.
extension DiagnosisCatalog {
    private static let curlCertStatus = "91 (CURLE_SSL_INVALIDCERTSTATUS) with --cert-status; 0 without"
    private static let sClientStatus = "openssl s_client -status prints the response; it does not fail the handshake"

    /// ocsp — what the server stapled (RFC 6066 §8, RFC 6960), and what --revocation asked the CA.
    /// Facts: {subject} {issuer} (the leaf's), {detail} (what is wrong, in words), {consequence}
    /// (who refuses it: must-staple or not); cert.revoked adds {revocation} (source, reason, time).
    public struct RevocationRows: DiagnosisRowSet {
        static let shared = RevocationRows()

        /// revocation — --revocation could not learn a status: {subject} {depth} {method} ("OCSP"/"CRL") {url} {detail}
        public let revocationUnknown = DiagnosisEntry(
            id: "revocation.unknown", severity: .warning, stage: .revocation, exitStatus: .success,
            title: "Revocation status unknown",
            summaryTemplate: "Could not learn by {method} whether \"{subject}\" (depth {depth}) is revoked: {detail}.",
            facts: ["method", "subject", "depth", "detail"],
            explanation: "--revocation asked the CA, and the answer was missing or unusable: the certificate names no responder or distribution point, the URL did not answer within the time allowed, or the answer did not verify. Clients that hard-fail on revocation (some enterprise and embedded policies) refuse such a certificate; browsers mostly carry on.",
            fixServer: "Check that the AIA OCSP URL and the CRL distribution point in the certificate answer over plain HTTP from the networks your clients use.",
            fixClient: "Check that this network lets plain HTTP to the CA through (OCSP and CRLs are http:// by design).",
            curl: "curl does not ask responders itself (only --cert-status for a staple)",
            docs: "RFC 6960 §2.3, RFC 5280 §4.2.1.13"
        )

        /// The staple is not a DER OCSP response, or the responder's answer was an error status.
        public let ocspStapleInvalid = DiagnosisEntry(
            id: "ocsp.staple_invalid", severity: .warning, stage: .finished, exitStatus: .success,
            title: "Stapled OCSP response unusable",
            summaryTemplate: "The server stapled an OCSP response that cannot be used: {detail}; {consequence}.",
            facts: ["detail", "consequence"],
            explanation: "With status_request the server sends its CA's OCSP answer itself, so clients need not ask the CA. This one is not a valid OCSPResponse, or it carries the responder's error (tryLater, internalError, unauthorized) instead of a status: the server staples whatever its fetch returned.",
            fixServer: "Check the server's OCSP fetch (nginx ssl_stapling_verify on and a resolver; Apache SSLStaplingReturnResponderErrors off) and that the responder URL in the certificate's AIA answers.",
            fixClient: "Nothing; clients that check revocation fall back to asking the responder.",
            openssl: sClientStatus,
            curl: curlCertStatus,
            mbedtls: ["none: Mbed TLS 2.28 does not request or check OCSP staples"],
            docs: "RFC 6066 §8, RFC 6960 §4.2.1"
        )

        /// The staple's signature or its signer's authority (issuer, or a delegated OCSPSigning
        /// responder the issuer certified) does not verify.
        public let ocspStapleUnverified = DiagnosisEntry(
            id: "ocsp.staple_unverified", severity: .warning, stage: .finished, exitStatus: .success,
            title: "Stapled OCSP response does not verify",
            summaryTemplate: "The stapled OCSP response is not signed by an authority for this certificate: {detail}; {consequence}.",
            facts: ["detail", "consequence"],
            explanation: "An OCSP response counts only when signed by the certificate's issuer, or by a responder certificate the issuer issued with the OCSPSigning extended key usage. Anyone else's signature, or a broken one, makes it worthless: a forged \"good\" is exactly what an attacker with a revoked key would staple.",
            fixServer: "Staple the response the issuer's responder returns, unmodified; check that the responder certificate is issued by the same CA that issued the server certificate.",
            openssl: "OCSP_basic_verify fails (e.g. OCSP_R_SIGNER_CERTIFICATE_NOT_FOUND, OCSP_R_ROOT_CA_NOT_TRUSTED, signature failure)",
            curl: curlCertStatus,
            docs: "RFC 6960 §4.2.2.2"
        )

        /// The staple is about another certificate (serial or issuer differs).
        public let ocspStapleMismatch = DiagnosisEntry(
            id: "ocsp.staple_mismatch", severity: .warning, stage: .finished, exitStatus: .success,
            title: "Stapled OCSP response is about another certificate",
            summaryTemplate: "The stapled OCSP response does not cover \"{subject}\": {detail}; {consequence}.",
            facts: ["subject", "detail", "consequence"],
            explanation: "The response names certificates by issuer and serial number. None of its answers is about the certificate this server sent: a stale staple kept after the certificate was renewed, or the response for another virtual host.",
            fixServer: "Reload the server after renewing a certificate so the staple is fetched for the new one; check per-host stapling files.",
            curl: curlCertStatus,
            docs: "RFC 6960 §4.1.1"
        )

        /// The staple's nextUpdate has passed, or its thisUpdate is in the future.
        public let ocspStapleExpired = DiagnosisEntry(
            id: "ocsp.staple_expired", severity: .warning, stage: .finished, exitStatus: .success,
            title: "Stapled OCSP response out of date",
            summaryTemplate: "The stapled OCSP response is out of date: {detail}; {consequence}.",
            facts: ["detail", "consequence"],
            explanation: "An OCSP response is valid from thisUpdate to nextUpdate. The server keeps stapling one past its nextUpdate (its refresh fails), or this machine's clock is wrong. An old \"good\" proves nothing about today.",
            fixServer: "Check the server's OCSP refresh (responder reachable from the server, resolver configured) and its logs.",
            fixClient: "Check this machine's clock.",
            openssl: "OCSP_check_validity: OCSP_R_STATUS_EXPIRED / OCSP_R_STATUS_NOT_YET_VALID",
            curl: curlCertStatus,
            docs: "RFC 6960 §4.2.2.1"
        )

        /// The responder stapled "unknown": it does not know the certificate.
        public let ocspStapleUnknown = DiagnosisEntry(
            id: "ocsp.staple_unknown", severity: .warning, stage: .finished, exitStatus: .success,
            title: "Stapled OCSP status is unknown",
            summaryTemplate: "The stapled OCSP response says the responder does not know \"{subject}\"; {consequence}.",
            facts: ["subject", "consequence"],
            explanation: "\"unknown\" means the responder has no record of this serial number: the certificate is not (yet) in the CA's database, or the response comes from the wrong responder.",
            fixServer: "Check that the certificate was issued by the CA whose responder is asked; new certificates can take minutes to appear.",
            curl: curlCertStatus,
            docs: "RFC 6960 §2.2"
        )

        /// The certificate carries TLS Feature status_request (must-staple) and no staple came.
        public let ocspMustStapleMissing = DiagnosisEntry(
            id: "ocsp.must_staple_missing", severity: .error, stage: .finished, exitStatus: .otherCertificateProblem,
            title: "Must-staple certificate without a staple",
            summaryTemplate: "The certificate \"{subject}\" requires an OCSP staple (TLS Feature status_request, \"must-staple\") and the server sent none.",
            facts: ["subject"],
            explanation: "A certificate with the TLS Feature extension promises that the server always staples a fresh OCSP response. Firefox and other strict clients refuse the connection when it does not (MOZILLA_PKIX_ERROR_REQUIRED_TLS_FEATURE_MISSING).",
            fixServer: "Turn on OCSP stapling (nginx: ssl_stapling on; ssl_stapling_verify on; plus a resolver) and make sure the first connection after a restart already has a staple, or get a certificate without must-staple.",
            curl: "0 (curl does not enforce must-staple; --cert-status fails with 91 when no staple comes)",
            docs: "RFC 7633 §4"
        )
    }
}