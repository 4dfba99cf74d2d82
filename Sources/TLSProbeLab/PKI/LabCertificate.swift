import TLSProbeCore
internal import COpenSSL
import FoundationEssentials

/// A generated X.509 certificate and its private key. The `X509` is the core's
/// `ParsedCertificate` (which frees it), the key a `LabKey`: the lab owns no OpenSSL object itself.
public final class LabCertificate: Sendable {
    let x509: ParsedCertificate
    public let key: LabKey

    /// A signed certificate and the key it certifies.
    init(_ x509: ParsedCertificate, key: LabKey) {
        self.x509 = x509
        self.key = key
    }

    /// The `X509`, borrowed for libcrypto calls that build on it (signing, extensions, OCSP, `SSL_CTX`).
    var pointer: OpaquePointer { x509.pointer }

    public var pem: String {
        get throws {
            guard let pem = x509.pem else { throw LabError.openSSL("PEM_write_bio_X509") }
            return pem
        }
    }

    public var keyPEM: String {
        get throws { try key.pem }
    }

    public var der: [UInt8] {
        get throws {
            guard let der = x509.der else { throw LabError.openSSL("i2d_X509") }
            return der
        }
    }

    /// e.g. "CN=localhost, O=tlsprobe lab".
    public var subjectDescription: String { x509.readableSubject }
    public var issuerDescription: String { x509.readableIssuer }

    /// Writes the certificate (and optionally the key) as PEM files.
    public func write(certTo certificateURL: URL, keyTo keyURL: URL? = nil) throws {
        try pem.write(to: certificateURL, atomically: true, encoding: .utf8)
        if let keyURL { try keyPEM.write(to: keyURL, atomically: true, encoding: .utf8) }
    }

    /// Writes several certificates into one PEM file (a CA bundle or a chain file).
    public static func writeBundle(_ certificates: [LabCertificate], to url: URL) throws {
        try certificates.map { try $0.pem }.joined().write(to: url, atomically: true, encoding: .utf8)
    }

    /// true when the certificate is valid now and stays valid for at least `interval` seconds.
    public func isValid(forAtLeast interval: TimeInterval) -> Bool { x509.isValid(forAtLeast: interval) }
}
