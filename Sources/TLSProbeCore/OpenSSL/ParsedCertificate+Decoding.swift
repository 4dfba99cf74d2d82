import FoundationEssentials
internal import COpenSSL
internal import CTLSProbeShims

/// How certificate bytes were encoded: what a CA Issuers URL answers (RFC 5280 §4.2.2.1 asks for
/// DER or a PKCS#7 "certs-only" bundle; many CAs serve PEM) and what a chain file holds.
enum CertificateEncoding: String, Sendable {
    case der, pem, pkcs7
}

extension ParsedCertificate {
    /// At most this many certificates are taken from one answer or file.
    static let maxDecoded = 32

    /// An X509 someone else owns (a peer chain entry), with a reference of its own.
    static func retaining(_ certificate: OpaquePointer) -> ParsedCertificate? {
        guard X509_up_ref(certificate) == 1 else { return nil }
        return ParsedCertificate(owning: certificate)
    }

    /// Every certificate in `bytes`: one DER certificate, a DER PKCS#7 (certs-only or any
    /// signedData: its certificates), PEM certificates (one or many) or a PEM PKCS#7. Nil when
    /// the bytes hold no certificate in any of these forms.
    /// `limit`: at most this many (a CA answer: `maxDecoded`; a trust store file: more).
    static func decodeAll(_ bytes: [UInt8], limit: Int = maxDecoded) -> (encoding: CertificateEncoding, certificates: [ParsedCertificate])? {
        defer { OpenSSLErrorQueue.clear() }
        guard !bytes.isEmpty else { return nil }
        if bytes.first == 0x30 {
            if let single = decodeDER(bytes) { return (.der, [single]) }
            if let bundle = decodePKCS7(bytes, limit: limit) { return (.pkcs7, bundle) }
            return nil
        }
        return decodePEM(bytes, limit: limit)
    }

    /// Exactly one DER certificate, nothing after it.
    private static func decodeDER(_ bytes: [UInt8]) -> ParsedCertificate? {
        bytes.withUnsafeBufferPointer { buffer -> ParsedCertificate? in
            var cursor = buffer.baseAddress
            guard let certificate = d2i_X509(nil, &cursor, buffer.count) else { return nil }
            guard let cursor, let base = buffer.baseAddress, cursor - base == buffer.count else {
                X509_free(certificate)
                return nil
            }
            return ParsedCertificate(owning: certificate)
        }
    }

    private static func decodePKCS7(_ bytes: [UInt8], limit: Int) -> [ParsedCertificate]? {
        bytes.withUnsafeBufferPointer { buffer -> [ParsedCertificate]? in
            var cursor = buffer.baseAddress
            guard let bundle = d2i_PKCS7(nil, &cursor, buffer.count) else { return nil }
            defer { PKCS7_free(bundle) }
            return certificates(of: bundle, limit: limit)
        }
    }

    private static func certificates(of bundle: UnsafeMutablePointer<PKCS7>, limit: Int) -> [ParsedCertificate]? {
        guard OBJ_obj2nid(bundle.pointee.type) == NID_pkcs7_signed, let signed = bundle.pointee.d.sign, let stack = signed.pointee.cert else { return nil }
        let count = min(Int(tlsprobe_sk_X509_num(stack)), limit)
        let found = (0..<count).compactMap { tlsprobe_sk_X509_value(stack, Int32($0)).flatMap(retaining) }
        return found.isEmpty ? nil : found
    }

    private static func decodePEM(_ bytes: [UInt8], limit: Int) -> (encoding: CertificateEncoding, certificates: [ParsedCertificate])? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.contains("-----BEGIN ") else { return nil }
        let pemCertificates: [ParsedCertificate] = withBIO(bytes) { bio -> [ParsedCertificate] in
            var found: [ParsedCertificate] = []
            while found.count < limit, let certificate = PEM_read_bio_X509(bio, nil, nil, nil) { found.append(ParsedCertificate(owning: certificate)) }
            return found
        } ?? []
        if !pemCertificates.isEmpty { return (.pem, pemCertificates) }
        let bundle: [ParsedCertificate]? = withBIO(bytes) { bio -> [ParsedCertificate]? in
            guard let pkcs7 = PEM_read_bio_PKCS7(bio, nil, nil, nil) else { return nil }
            defer { PKCS7_free(pkcs7) }
            return Self.certificates(of: pkcs7, limit: limit)
        } ?? nil
        return bundle.map { (.pkcs7, $0) }
    }

    private static func withBIO<T>(_ bytes: [UInt8], _ body: (OpaquePointer) -> T) -> T? {
        bytes.withUnsafeBytes { buffer -> T? in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
            defer { BIO_free(bio) }
            return body(bio)
        }
    }

    /// Whether this certificate could be `child`'s issuer: its subject is the child's issuer
    /// name and its key verifies the child's signature.
    func issued(_ child: ParsedCertificate) -> Bool {
        child.issuerNameMatches(self) && child.signatureVerifies(with: self)
    }
}
