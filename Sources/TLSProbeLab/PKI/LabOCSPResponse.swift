internal import COpenSSL
internal import CTLSProbeShims
import FoundationEssentials

/// The certificate status a lab OCSP response asserts.
public enum LabOCSPStatus: Sendable {
    case good
    /// RFC 5280 CRLReason code (1 keyCompromise, 4 superseded…) and when.
    case revoked(reason: Int32, at: Date)
    case unknown
}

/// Signed OCSP responses for lab certificates, made with OpenSSL's OCSP API so that every field
/// a hostile or broken responder could get wrong (status, times, signer, subject) is chosen by
/// the test. DER, ready to staple or to serve.
public enum LabOCSPResponse {
    /// A successful BasicOCSPResponse about `certificate` (issued by `issuer`), signed by
    /// `signer` (the issuer itself, a delegated OCSPSigning responder, or a stranger), valid
    /// from `thisUpdate` to `nextUpdate` (offsets from now, seconds).
    public static func make(
        _ status: LabOCSPStatus, for certificate: LabCertificate, issuer: LabCertificate, signer: LabCertificate,
        thisUpdate: TimeInterval = -60, nextUpdate: TimeInterval = 86_400, includeSigner: Bool = true
    ) throws -> [UInt8] {
        guard let basic = OCSP_BASICRESP_new() else { throw LabError.openSSL("OCSP_BASICRESP_new") }
        defer { OCSP_BASICRESP_free(basic) }
        guard let id = OCSP_cert_to_id(nil, certificate.pointer, issuer.pointer) else { throw LabError.openSSL("OCSP_cert_to_id") }
        defer { OCSP_CERTID_free(id) }
        let now = time(nil)
        let thisTime = X509_time_adj_ex(nil, 0, Int(thisUpdate), nil)
        let nextTime = X509_time_adj_ex(nil, 0, Int(nextUpdate), nil)
        defer { ASN1_TIME_free(thisTime); ASN1_TIME_free(nextTime) }
        var revokedTime: UnsafeMutablePointer<ASN1_TIME>?
        defer { if let revokedTime { ASN1_TIME_free(revokedTime) } }
        let code: Int32, reason: Int32
        switch status {
        case .good: (code, reason) = (V_OCSP_CERTSTATUS_GOOD, 0)
        case .unknown: (code, reason) = (V_OCSP_CERTSTATUS_UNKNOWN, 0)
        case .revoked(let why, let at):
            (code, reason) = (V_OCSP_CERTSTATUS_REVOKED, why)
            revokedTime = X509_time_adj_ex(nil, 0, Int(at.timeIntervalSince1970) - now, nil)
        }
        guard OCSP_basic_add1_status(basic, id, code, reason, revokedTime, thisTime, nextTime) != nil else {
            throw LabError.openSSL("OCSP_basic_add1_status")
        }
        let flags = UInt(includeSigner ? 0 : OCSP_NOCERTS)
        guard OCSP_basic_sign(basic, signer.pointer, signer.key.pointer, EVP_sha256(), nil, flags) == 1 else {
            throw LabError.openSSL("OCSP_basic_sign")
        }
        guard let response = OCSP_response_create(OCSP_RESPONSE_STATUS_SUCCESSFUL, basic) else { throw LabError.openSSL("OCSP_response_create") }
        defer { OCSP_RESPONSE_free(response) }
        return try der(response)
    }

    /// An unsuccessful response: just a responseStatus (3 tryLater, 2 internalError, 6 unauthorized).
    public static func failure(status: Int32) throws -> [UInt8] {
        guard let response = OCSP_response_create(status, nil) else { throw LabError.openSSL("OCSP_response_create") }
        defer { OCSP_RESPONSE_free(response) }
        return try der(response)
    }

    private static func der(_ response: OpaquePointer) throws -> [UInt8] {
        var output: UnsafeMutablePointer<UInt8>?
        let length = i2d_OCSP_RESPONSE(response, &output)
        guard length > 0, let output else { throw LabError.openSSL("i2d_OCSP_RESPONSE") }
        defer { tlsprobe_OPENSSL_free(output) }
        return Array(UnsafeBufferPointer(start: output, count: Int(length)))
    }
}
