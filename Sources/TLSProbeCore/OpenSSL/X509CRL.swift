internal import COpenSSL
internal import CTLSProbeShims
import FoundationEssentials

/// One certificate revocation list (RFC 5280 §5), DER or PEM, as fetched from a distribution point.
final class X509CRL {
    private let pointer: OpaquePointer

    init?(bytes: [UInt8]) {
        var decoded: OpaquePointer?
        bytes.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            decoded = d2i_X509_CRL(nil, &cursor, buffer.count)
        }
        if decoded == nil, let bio = BIO_new_mem_buf(bytes, Int32(bytes.count)) {
            decoded = PEM_read_bio_X509_CRL(bio, nil, nil, nil)
            BIO_free(bio)
        }
        OpenSSLErrorQueue.clear()
        guard let decoded else { return nil }
        pointer = decoded
    }

    deinit { X509_CRL_free(pointer) }

    /// True when `issuer` signed it (its name and key).
    func isSigned(by issuer: OpaquePointer) -> Bool {
        defer { OpenSSLErrorQueue.clear() }
        guard X509_NAME_cmp(X509_CRL_get_issuer(pointer), X509_get_subject_name(issuer)) == 0,
              let key = X509_get0_pubkey(issuer) else { return false }
        return X509_CRL_verify(pointer, key) == 1
    }

    var thisUpdate: Date? { X509Certificate.date(X509_CRL_get0_lastUpdate(pointer)) }
    var nextUpdate: Date? { X509Certificate.date(X509_CRL_get0_nextUpdate(pointer)) }

    /// The entry for `certificate`'s serial: its reason and date, or nil when it is not listed.
    func entry(for certificate: OpaquePointer) -> (reason: String, revokedAt: Date?)? {
        var revoked: OpaquePointer?
        guard let serial = X509_get0_serialNumber(certificate),
              X509_CRL_get0_by_serial(pointer, &revoked, UnsafeMutablePointer(mutating: serial)) == 1, let revoked else { return nil }
        var reason = "no reason given"
        if let raw = X509_REVOKED_get_ext_d2i(revoked, NID_crl_reason, nil, nil) {
            let enumerated = raw.assumingMemoryBound(to: ASN1_ENUMERATED.self)
            reason = OCSPReason.name(Int32(ASN1_ENUMERATED_get(enumerated)))
            ASN1_ENUMERATED_free(enumerated)
        }
        OpenSSLErrorQueue.clear()
        return (reason, X509Certificate.date(X509_REVOKED_get0_revocationDate(revoked)))
    }
}

extension X509Certificate {
    /// The OCSP responder URLs in the Authority Information Access extension.
    static func ocspURLs(_ certificate: OpaquePointer) -> [String] {
        guard let raw = X509_get_ext_d2i(certificate, NID_info_access, nil, nil) else { return [] }
        let access = OpaquePointer(raw)
        defer { AUTHORITY_INFO_ACCESS_free(access) }
        var urls: [String] = []
        for index in 0..<tlsprobe_sk_ACCESS_DESCRIPTION_num(access) {
            guard let description = tlsprobe_sk_ACCESS_DESCRIPTION_value(access, index),
                  OBJ_obj2nid(description.pointee.method) == NID_ad_OCSP,
                  let location = description.pointee.location, location.pointee.type == GEN_URI
            else { continue }
            urls.append(uriText(location.pointee.d.uniformResourceIdentifier))
        }
        return urls
    }

    /// The full-name URIs of the CRL distribution points extension.
    static func crlURLs(_ certificate: OpaquePointer) -> [String] {
        guard let raw = X509_get_ext_d2i(certificate, NID_crl_distribution_points, nil, nil) else { return [] }
        let points = OpaquePointer(raw)
        defer { CRL_DIST_POINTS_free(points) }
        var urls: [String] = []
        for index in 0..<tlsprobe_sk_DIST_POINT_num(points) {
            guard let point = tlsprobe_sk_DIST_POINT_value(points, index), let name = point.pointee.distpoint,
                  name.pointee.type == 0, let fullName = name.pointee.name.fullname else { continue }
            for nameIndex in 0..<tlsprobe_sk_GENERAL_NAME_num(fullName) {
                guard let general = tlsprobe_sk_GENERAL_NAME_value(fullName, nameIndex), general.pointee.type == GEN_URI else { continue }
                urls.append(uriText(general.pointee.d.uniformResourceIdentifier))
            }
        }
        return urls
    }

    private static func uriText(_ string: UnsafeMutablePointer<ASN1_STRING>?) -> String {
        guard let string, let data = ASN1_STRING_get0_data(string) else { return "" }
        return SafeText.escape(bytes: UnsafeBufferPointer(start: data, count: Int(ASN1_STRING_length(string))))
    }
}
