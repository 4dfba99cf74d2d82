internal import COpenSSL
internal import CTLSProbeShims
import FoundationEssentials

/// A generated X.509 certificate and its private key. Owns its `X509` (and, via `LabKey`, the key).
///
/// `@unchecked Sendable`: the certificate is complete (signed) before this object exists and is
/// never mutated afterwards; OpenSSL permits concurrent read-only use of an `X509`, and every
/// `SSL_CTX` that serves it takes its own reference.
public final class LabCertificate: @unchecked Sendable {
    let pointer: OpaquePointer
    public let key: LabKey

    /// Takes ownership of a signed `X509`.
    init(takingOwnership pointer: OpaquePointer, key: LabKey) {
        self.pointer = pointer
        self.key = key
    }

    deinit { X509_free(pointer) }

    public var pem: String {
        get throws { try withMemoryBIO("PEM_write_bio_X509") { PEM_write_bio_X509($0, pointer) } }
    }

    public var keyPEM: String {
        get throws { try key.pem }
    }

    public var der: [UInt8] {
        get throws {
            let length = i2d_X509(pointer, nil)
            guard length > 0 else { throw LabError.openSSL("i2d_X509") }
            var bytes = [UInt8](repeating: 0, count: Int(length))
            let written = bytes.withUnsafeMutableBufferPointer { buffer -> Int32 in
                var cursor: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
                return i2d_X509(pointer, &cursor)
            }
            guard written == length else { throw LabError.openSSL("i2d_X509") }
            return bytes
        }
    }

    /// e.g. "CN=localhost, O=tlsprobe lab".
    public var subjectDescription: String { Self.describe(X509_get_subject_name(pointer)) }
    public var issuerDescription: String { Self.describe(X509_get_issuer_name(pointer)) }

    /// Writes the certificate (and optionally the key) as PEM files.
    public func write(certTo certificateURL: URL, keyTo keyURL: URL? = nil) throws {
        try pem.write(to: certificateURL, atomically: true, encoding: .utf8)
        if let keyURL { try keyPEM.write(to: keyURL, atomically: true, encoding: .utf8) }
    }

    /// Writes several certificates into one PEM file (a CA bundle or a chain file).
    public static func writeBundle(_ certificates: [LabCertificate], to url: URL) throws {
        try certificates.map { try $0.pem }.joined().write(to: url, atomically: true, encoding: .utf8)
    }

    /// "CN=localhost, O=tlsprobe lab": most specific attribute first, as people read names.
    static func describe(_ name: OpaquePointer?) -> String {
        guard let name else { return "" }
        let count = X509_NAME_entry_count(name)
        let parts: [String] = (0..<count).reversed().compactMap { index in
            guard let entry = X509_NAME_get_entry(name, index),
                  let shortName = OBJ_nid2sn(OBJ_obj2nid(X509_NAME_ENTRY_get_object(entry)))
            else { return nil }
            var utf8: UnsafeMutablePointer<UInt8>?
            let length = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(entry))
            guard length >= 0, let utf8 else { return nil }
            defer { tlsprobe_OPENSSL_free(utf8) }
            let value = String(decoding: UnsafeBufferPointer(start: utf8, count: Int(length)), as: UTF8.self)
            return "\(String(cString: shortName))=\(value)"
        }
        return parts.joined(separator: ", ")
    }
}
