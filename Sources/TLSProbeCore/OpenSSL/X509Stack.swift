import FoundationEssentials
internal import COpenSSL
internal import CTLSProbeShims

/// A STACK_OF(X509) this code owns, each certificate with its own reference: a chain as a server
/// sent it (copied from the SSL, which owns its own), as read from a file, or as a verifier built it.
final class X509Stack {
    let pointer: OpaquePointer

    /// An empty stack (nil only when OpenSSL cannot allocate one).
    init?() {
        guard let stack = tlsprobe_sk_X509_new_null() else { return nil }
        pointer = stack
    }

    /// A copy holding its own references: `stack` stays its owner's.
    init?(copying stack: OpaquePointer?) {
        guard let stack, let copy = X509_chain_up_ref(stack) else { return nil }
        pointer = copy
    }

    deinit { tlsprobe_sk_X509_pop_free(pointer) }

    var count: Int { Int(tlsprobe_sk_X509_num(pointer)) }

    subscript(index: Int) -> OpaquePointer? {
        index >= 0 && index < count ? tlsprobe_sk_X509_value(pointer, Int32(index)) : nil
    }

    var certificates: [OpaquePointer] { (0..<count).compactMap { self[$0] } }

    /// Appends `certificate`, taking over the caller's reference.
    func append(owned certificate: OpaquePointer) {
        if tlsprobe_sk_X509_push(pointer, certificate) == 0 { X509_free(certificate) }
    }

    /// Appends `certificate` with a reference of its own.
    func append(sharing certificate: OpaquePointer) {
        guard X509_up_ref(certificate) == 1 else { return }
        append(owned: certificate)
    }

    /// A new stack with the same certificates, `other`'s appended.
    func appending(_ other: X509Stack) -> X509Stack? {
        guard let result = X509Stack(copying: pointer) else { return nil }
        for certificate in other.certificates { result.append(sharing: certificate) }
        return result
    }

    /// Summaries by position (depth = index), at most `limit` of them.
    func summaries(now: Date, limit: Int = Int.max) -> [CertificateSummary] {
        (0..<min(count, limit)).compactMap { index in self[index].map { X509Certificate.summary(of: $0, depth: index, now: now) } }
    }

    func rules() -> [CertificateRules] { certificates.map(X509Certificate.rules) }

    /// The DER encoding of each certificate.
    func derEncodings() -> [[UInt8]] {
        certificates.map { certificate in
            let length = Int(i2d_X509(certificate, nil))
            guard length > 0 else { return [] }
            var bytes = [UInt8](repeating: 0, count: length)
            bytes.withUnsafeMutableBufferPointer { buffer in
                var cursor = buffer.baseAddress
                _ = i2d_X509(certificate, &cursor)
            }
            return bytes
        }
    }

    /// One certificate from its DER bytes (nil when they are not exactly one certificate).
    static func certificate(der: [UInt8]) -> OpaquePointer? {
        der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor = buffer.baseAddress
            guard let certificate = d2i_X509(nil, &cursor, buffer.count) else { OpenSSLErrorQueue.clear(); return nil }
            return certificate
        }
    }
}
