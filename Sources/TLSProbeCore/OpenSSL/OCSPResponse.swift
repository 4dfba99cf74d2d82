internal import COpenSSL
internal import CTLSProbeShims
import FoundationEssentials

/// One DER OCSPResponse (RFC 6960 §4.2.1), stapled by a server or fetched from a responder.
final class OCSPResponse {
    private let pointer: OpaquePointer

    /// nil when the bytes are not a DER OCSPResponse.
    init?(der: [UInt8]) {
        var decoded: OpaquePointer?
        der.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            decoded = d2i_OCSP_RESPONSE(nil, &cursor, buffer.count)
        }
        OpenSSLErrorQueue.clear()
        guard let decoded else { return nil }
        pointer = decoded
    }

    deinit { OCSP_RESPONSE_free(pointer) }

    /// responseStatus: 0 successful, 1 malformedRequest, 2 internalError, 3 tryLater, 5 sigRequired, 6 unauthorized.
    var status: Int32 { OCSP_response_status(pointer) }
    var statusText: String { String(cString: OCSP_response_status_str(Int(status))) }

    /// The BasicOCSPResponse inside a successful response.
    func basic() -> OCSPBasicResponse? {
        OCSP_response_get1_basic(pointer).map(OCSPBasicResponse.init(owning:))
    }
}

/// A BasicOCSPResponse: the signed list of single responses.
final class OCSPBasicResponse {
    fileprivate let pointer: OpaquePointer

    fileprivate init(owning pointer: OpaquePointer) { self.pointer = pointer }
    deinit { OCSP_BASICRESP_free(pointer) }

    /// Checks the signature and the responder's authority: signed by the issuer itself, or by a
    /// delegated responder (OCSPSigning EKU) the issuer certified, leading to a trusted root.
    /// `untrusted` helps find the signer and its chain (the server's chain). nil when it verifies.
    func verificationFailure(untrusted: OpaquePointer?, store: OpaquePointer?) -> String? {
        OpenSSLErrorQueue.clear()
        let result = OCSP_basic_verify(pointer, untrusted, store, 0)
        let errors = OpenSSLErrorQueue.drain()
        guard result != 1 else { return nil }
        return errors.last.map { "\($0.reason) (\($0.text))" } ?? "the signature or the signer does not verify"
    }

    struct SingleStatus {
        /// V_OCSP_CERTSTATUS_GOOD 0, REVOKED 1, UNKNOWN 2.
        let status: Int32
        let reason: Int32
        let revokedAt: Date?
        let thisUpdate: Date?
        let nextUpdate: Date?
    }

    /// The single response about `id`, or nil when the response says nothing about it.
    func status(for id: OCSPCertificateID) -> SingleStatus? {
        var status: Int32 = -1, reason: Int32 = -1
        var revoked: UnsafeMutablePointer<ASN1_GENERALIZEDTIME>?
        var thisUpdate: UnsafeMutablePointer<ASN1_GENERALIZEDTIME>?
        var nextUpdate: UnsafeMutablePointer<ASN1_GENERALIZEDTIME>?
        guard OCSP_resp_find_status(pointer, id.pointer, &status, &reason, &revoked, &thisUpdate, &nextUpdate) == 1 else {
            OpenSSLErrorQueue.clear()
            return nil
        }
        return SingleStatus(status: status, reason: reason, revokedAt: X509Certificate.date(revoked),
                            thisUpdate: X509Certificate.date(thisUpdate), nextUpdate: X509Certificate.date(nextUpdate))
    }

    /// How many single responses it carries (for "about another certificate" wording).
    var count: Int { Int(OCSP_resp_count(pointer)) }
}

/// The CertID (issuer name and key hashes, serial) OCSP names a certificate by.
final class OCSPCertificateID {
    fileprivate let pointer: OpaquePointer

    init?(certificate: OpaquePointer, issuer: OpaquePointer) {
        guard let id = OCSP_cert_to_id(nil, certificate, issuer) else { return nil }
        pointer = id
    }

    deinit { OCSP_CERTID_free(pointer) }

    /// A copy that an OCSPRequest can own.
    fileprivate func duplicate() -> OpaquePointer? { OCSP_CERTID_dup(pointer) }
}

/// An OCSPRequest for one certificate (RFC 6960 §4.1), without a nonce: responders answer those
/// from cache, as browsers' requests are.
final class OCSPRequest {
    private let pointer: OpaquePointer

    /// With `nonce`, a random 16-byte nonce extension (RFC 8954) the response may echo.
    init?(for id: OCSPCertificateID, nonce: Bool = false) {
        guard let request = OCSP_REQUEST_new() else { return nil }
        pointer = request
        guard let copy = id.duplicate(), OCSP_request_add0_id(request, copy) != nil else { return nil }
        if nonce { guard OCSP_request_add1_nonce(request, nil, 16) == 1 else { return nil } }
    }

    /// OCSP_check_nonce: 1 echoed, 3 ours not echoed (a pre-produced response), 2 neither has
    /// one, -1 only the response has one, 0 a different nonce (a replay or a mixed-up answer).
    func nonceCheck(_ basic: OCSPBasicResponse) -> Int32 { OCSP_check_nonce(pointer, basic.pointer) }

    deinit { OCSP_REQUEST_free(pointer) }

    var der: [UInt8] {
        var output: UnsafeMutablePointer<UInt8>?
        let length = i2d_OCSP_REQUEST(pointer, &output)
        guard length > 0, let output else { return [] }
        defer { tlsprobe_OPENSSL_free(output) }
        return Array(UnsafeBufferPointer(start: output, count: Int(length)))
    }
}

enum OCSPReason {
    /// RFC 5280 CRLReason name ("keyCompromise"), or "unspecified" when the response gives none.
    static func name(_ code: Int32) -> String {
        code < 0 ? "no reason given" : String(cString: OCSP_crl_reason_str(Int(code)))
    }
}
