/// ocsp — what the server stapled (RFC 6066 §8, RFC 6960), and what --revocation asked the CA.
/// Facts: {subject} {issuer} (the leaf's), {detail} (what is wrong, in words), {consequence}
/// (who refuses it: must-staple or not); cert.revoked adds {revocation} (source, reason, time).
extension DiagnosisID {
    /// The staple is not a DER OCSP response, or the responder's answer was an error status.
    public static let ocspStapleInvalid = "ocsp.staple_invalid"
    /// The staple's signature or its signer's authority (issuer, or a delegated OCSPSigning
    /// responder the issuer certified) does not verify.
    public static let ocspStapleUnverified = "ocsp.staple_unverified"
    /// The staple is about another certificate (serial or issuer differs).
    public static let ocspStapleMismatch = "ocsp.staple_mismatch"
    /// The staple's nextUpdate has passed, or its thisUpdate is in the future.
    public static let ocspStapleExpired = "ocsp.staple_expired"
    /// The responder stapled "unknown": it does not know the certificate.
    public static let ocspStapleUnknown = "ocsp.staple_unknown"
    /// The certificate carries TLS Feature status_request (must-staple) and no staple came.
    public static let ocspMustStapleMissing = "ocsp.must_staple_missing"

    /// revocation — --revocation could not learn a status: {subject} {depth} {method} ("OCSP"/"CRL") {url} {detail}
    public static let revocationUnknown = "revocation.unknown"

    static let revocationAll: [String] = [
        revocationUnknown,
        ocspStapleInvalid, ocspStapleUnverified, ocspStapleMismatch, ocspStapleExpired, ocspStapleUnknown,
        ocspMustStapleMissing,
    ]
}
