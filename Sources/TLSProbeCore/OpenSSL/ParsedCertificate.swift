import FoundationEssentials
internal import COpenSSL

/// An X509 this code owns, parsed from PEM: for judging a chain the way another client builds
/// it (who issued whom, does the signature verify) without OpenSSL's own chain building.
final class ParsedCertificate {
    let pointer: OpaquePointer

    /// Takes over the caller's reference to `pointer`.
    init(owning pointer: OpaquePointer) { self.pointer = pointer }
    deinit { X509_free(pointer) }

    /// One certificate from PEM text (the `pem` of a CertificateSummary); nil when unreadable.
    static func fromPEM(_ pem: String) -> ParsedCertificate? {
        let bytes = Array(pem.utf8)
        return bytes.withUnsafeBytes { buffer -> ParsedCertificate? in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
            defer { BIO_free(bio) }
            let x509 = PEM_read_bio_X509(bio, nil, nil, nil)
            OpenSSLErrorQueue.clear()
            return x509.map(ParsedCertificate.init(owning:))
        }
    }

    /// Every certificate in a PEM file (a CA file), in file order; empty when unreadable.
    static func allInFile(_ path: String) -> [ParsedCertificate] {
        guard let bio = BIO_new_file(path, "r") else { OpenSSLErrorQueue.clear(); return [] }
        defer { BIO_free(bio) }
        var found: [ParsedCertificate] = []
        while found.count < 10_000, let x509 = PEM_read_bio_X509(bio, nil, nil, nil) { found.append(ParsedCertificate(owning: x509)) }
        OpenSSLErrorQueue.clear()
        return found
    }

    func summary(depth: Int, now: Date = Date()) -> CertificateSummary {
        X509Certificate.summary(of: pointer, depth: depth, now: now)
    }

    /// Whether this certificate's issuer name equals `parent`'s subject (byte-for-byte after
    /// OpenSSL's canonical encoding, as Mbed TLS's x509_name_cmp compares them).
    func issuerNameMatches(_ parent: ParsedCertificate) -> Bool {
        X509_NAME_cmp(X509_get_issuer_name(pointer), X509_get_subject_name(parent.pointer)) == 0
    }

    /// Whether `parent`'s public key verifies this certificate's signature.
    func signatureVerifies(with parent: ParsedCertificate) -> Bool {
        guard let key = X509_get0_pubkey(parent.pointer) else { OpenSSLErrorQueue.clear(); return false }
        let good = X509_verify(pointer, key) == 1
        OpenSSLErrorQueue.clear()
        return good
    }
}
