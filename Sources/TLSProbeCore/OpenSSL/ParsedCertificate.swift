import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
internal import COpenSSL

/// An X509 this code owns: parsed from PEM or DER, for judging a chain the way another client
/// builds it (who issued whom, does the signature verify) without OpenSSL's own chain building;
/// and the lab's certificates (`LabCertificate` holds one). `deinit` frees it.
///
/// `@unchecked Sendable`: a certificate is complete (signed) before it is shared and never
/// mutated afterwards; OpenSSL permits concurrent read-only use of an `X509`, and every
/// `SSL_CTX` that serves it takes its own reference.
package final class ParsedCertificate: @unchecked Sendable {
    package let pointer: OpaquePointer

    /// Takes over the caller's reference to `pointer`.
    package init(owning pointer: OpaquePointer) { self.pointer = pointer }
    deinit { X509_free(pointer) }

    /// One certificate from PEM text (the `pem` of a CertificateSummary); nil when unreadable.
    static func fromPEM(_ pem: String) -> ParsedCertificate? {
        defer { OpenSSLErrorQueue.clear() }
        return readPEM(pem)
    }

    /// The first certificate in PEM text; nil when unreadable, with OpenSSL's reason left on the
    /// error queue for the caller's message.
    package static func readPEM(_ pem: String) -> ParsedCertificate? {
        let bytes = Array(pem.utf8)
        // A memory BIO borrows its buffer: it must be created, read and freed inside this closure.
        return bytes.withUnsafeBytes { buffer -> ParsedCertificate? in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
            defer { BIO_free(bio) }
            return PEM_read_bio_X509(bio, nil, nil, nil).map(ParsedCertificate.init(owning:))
        }
    }

    /// PEM text; nil when OpenSSL cannot write it (its reason stays on the error queue).
    package var pem: String? {
        let text = X509Certificate.pem(pointer)
        return text.isEmpty ? nil : text
    }

    /// The DER encoding; nil when OpenSSL cannot write it (its reason stays on the error queue).
    package var der: [UInt8]? {
        let length = i2d_X509(pointer, nil)
        guard length > 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(length))
        let written = bytes.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
            return i2d_X509(pointer, &cursor)
        }
        return written == length ? bytes : nil
    }

    /// "CN=localhost, O=tlsprobe lab" (`X509Certificate.readableName`).
    package var readableSubject: String { X509Certificate.readableName(X509_get_subject_name(pointer)) }
    package var readableIssuer: String { X509Certificate.readableName(X509_get_issuer_name(pointer)) }

    /// true when the certificate is valid now and stays valid for at least `interval` seconds.
    package func isValid(forAtLeast interval: TimeInterval) -> Bool {
        var now = time(nil)
        var later = now + time_t(interval)
        return X509_cmp_time(X509_get0_notBefore(pointer), &now) < 0
            && X509_cmp_time(X509_get0_notAfter(pointer), &later) > 0
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
