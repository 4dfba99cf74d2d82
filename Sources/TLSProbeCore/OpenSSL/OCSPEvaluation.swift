internal import COpenSSL
internal import CTLSProbeShims
import FoundationEssentials

/// What one OCSP response says about one certificate, once parsed, verified, matched and dated.
struct OCSPFinding: Equatable {
    enum Kind: String {
        case good, revoked, unknown
        /// Not a DER OCSPResponse, or no BasicOCSPResponse inside.
        case invalid
        /// responseStatus other than successful (tryLater, internalError, unauthorized…).
        case unsuccessful
        /// Bad signature, or a signer without authority for this issuer.
        case unverified
        /// No single response about this certificate.
        case mismatch
        /// nextUpdate has passed.
        case expired
        /// thisUpdate is in the future.
        case notYetValid = "not_yet_valid"
    }

    var kind: Kind
    var detail: String
    var reason: String?
    var revokedAt: Date?
    var thisUpdate: Date?
    var nextUpdate: Date?

    /// Only a verified, current "good" is acceptable; "revoked" is decisive the other way.
    var isGood: Bool { kind == .good }
}

enum OCSPEvaluation {
    /// Clock skew allowed on thisUpdate / nextUpdate, as OpenSSL's OCSP_check_validity callers use.
    static let allowedSkew: TimeInterval = 300

    /// `certificate` and `issuer` are X509*; `untrusted` a STACK_OF(X509) that may hold the signer
    /// and its chain; `store` the X509_STORE the probe trusts.
    /// `request`, when we asked (not for a staple): its nonce must not be contradicted.
    static func evaluate(der: [UInt8], certificate: OpaquePointer, issuer: OpaquePointer,
                         untrusted: OpaquePointer?, store: OpaquePointer?, now: Date, request: OCSPRequest? = nil) -> OCSPFinding {
        guard let response = OCSPResponse(der: der) else {
            let preview = SafeText.hex(der.prefix(8))
            return OCSPFinding(kind: .invalid, detail: "\(der.count) bytes that are not a DER OCSP response (\(preview)…)")
        }
        guard response.status == OCSP_RESPONSE_STATUS_SUCCESSFUL else {
            return OCSPFinding(kind: .unsuccessful, detail: "the responder's answer was \"\(response.statusText)\" (status \(response.status)), not a status")
        }
        guard let basic = response.basic() else {
            return OCSPFinding(kind: .invalid, detail: "a successful response without a BasicOCSPResponse")
        }
        guard let id = OCSPCertificateID(certificate: certificate, issuer: issuer) else {
            return OCSPFinding(kind: .invalid, detail: "could not name the certificate for OCSP")
        }
        guard let single = basic.status(for: id) else {
            return OCSPFinding(kind: .mismatch, detail: "its \(basic.count) single response\(basic.count == 1 ? " is" : "s are") about another certificate (serial or issuer differs)")
        }
        if let failure = basic.verificationFailure(untrusted: untrusted, store: store) {
            return OCSPFinding(kind: .unverified, detail: "the signature or the responder's authority does not verify: \(failure)")
        }
        if let request, request.nonceCheck(basic) == 0 {
            return OCSPFinding(kind: .invalid, detail: "its nonce is not the one we sent (a replayed or mixed-up response)")
        }
        var finding = OCSPFinding(kind: .good, detail: "", thisUpdate: single.thisUpdate, nextUpdate: single.nextUpdate)
        if let thisUpdate = single.thisUpdate, thisUpdate.timeIntervalSince(now) > allowedSkew {
            finding.kind = .notYetValid
            finding.detail = "thisUpdate \(RFC3339.string(thisUpdate)) is in the future (clock: \(RFC3339.string(now)))"
            return finding
        }
        if let nextUpdate = single.nextUpdate, now.timeIntervalSince(nextUpdate) > allowedSkew {
            finding.kind = .expired
            finding.detail = "nextUpdate \(RFC3339.string(nextUpdate)) has passed (clock: \(RFC3339.string(now)))"
            return finding
        }
        switch single.status {
        case V_OCSP_CERTSTATUS_GOOD:
            finding.detail = "good" + (single.nextUpdate.map { ", next update \(RFC3339.string($0))" } ?? "")
        case V_OCSP_CERTSTATUS_REVOKED:
            finding.kind = .revoked
            finding.reason = OCSPReason.name(single.reason)
            finding.revokedAt = single.revokedAt
            finding.detail = "revoked (\(finding.reason!))" + (single.revokedAt.map { " at \(RFC3339.string($0))" } ?? "")
        default:
            finding.kind = .unknown
            finding.detail = "the responder does not know this certificate (status unknown)"
        }
        return finding
    }
}
