/// The roots of ESP-IDF's default certificate bundle (`esp_crt_bundle_attach`), as data.
///
/// The device stores only each root's subject name and public key. mbedTLS builds the chain
/// from what the server sent; when the only problem left is "not trusted", the bundle looks up
/// the *issuer of the topmost certificate the server sent* and checks that signature. So the
/// question is never "is the root the laptop found in the bundle" but "is the issuer of the
/// last certificate on the wire in the bundle" — a cross-signed top certificate fails even when
/// the root it stands for is in the bundle.
///
/// Matching uses OpenSSL's subject-name hash (canonical DER, case-folded); ESP-IDF compares the
/// raw DER bytes. The two differ only for a root whose name is encoded differently in the
/// bundle and in the issuer field, which no CA in the Mozilla store does on purpose.
///
/// Refresh: `scripts/refresh-esp-bundle.sh cacrt_all.pem vX.Y.Z` regenerates
/// `ESPCertificateBundle+Data.swift` from the file ESP-IDF ships.
public struct ESPCertificateBundle: Sendable {
    public struct Root: Sendable {
        /// The mk-ca-bundle title, e.g. "ISRG Root X1".
        public let name: String
        /// `X509_subject_name_hash` (`openssl x509 -subject_hash`).
        public let subjectHash: UInt32
        /// SHA-256 fingerprint, colon-separated upper-case hex.
        public let sha256: String
        public let notAfter: String
    }

    public let name: String
    public let source: String
    /// The Mozilla snapshot date from the file's header.
    public let snapshot: String
    public let roots: [Root]

    /// The bundle root whose subject is the name with this hash.
    public func root(subjectHash: UInt32) -> Root? {
        roots.first { $0.subjectHash == subjectHash }
    }

    public static let all: [ESPCertificateBundle] = [.v5_5_4]

    public static func named(_ name: String) -> ESPCertificateBundle? {
        all.first { $0.name == name }
    }
}
