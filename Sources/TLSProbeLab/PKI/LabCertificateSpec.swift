import FoundationEssentials

/// Everything that can be wrong (or right) about a lab certificate, as plain data.
public struct LabCertificateSpec: Sendable {
    public enum SignatureHash: String, Sendable {
        case sha256, sha384, sha512
        /// Weak on purpose: signing goes through libcrypto's `X509_sign`, which has no security level.
        case sha1, md5
    }

    /// Extended key usage purposes, spelled as OpenSSL's extension config spells them.
    public enum ExtendedKeyUsage: String, Sendable {
        case serverAuth, clientAuth, codeSigning, emailProtection, timeStamping
        case ocspSigning = "OCSPSigning"
    }

    public var commonName: String?
    /// Extra subject attributes after the CN, in order, by OpenSSL short name: [("O", "Lab Inc")].
    public var extraSubject: [(field: String, value: String)]
    public var dnsNames: [String]
    /// IPv4 or IPv6 literals.
    public var ipAddresses: [String]
    /// false → no subjectAltName extension at all: a CN-only certificate.
    public var includeSAN: Bool
    /// Validity relative to the moment of issuing; negative is in the past.
    public var notBeforeOffset: TimeInterval
    public var notAfterOffset: TimeInterval
    public var key: LabKeySpec
    /// Ignored when the issuer key is Ed25519, which signs without a separate digest.
    public var signatureHash: SignatureHash
    public var isCA: Bool
    public var pathLength: Int?
    /// Empty → no extendedKeyUsage extension (any purpose).
    public var extendedKeyUsage: [ExtendedKeyUsage]
    public var aiaCAIssuersURL: String?
    /// Extension overrides in openssl.cnf syntax, by short name or dotted OID, applied after the
    /// defaults above: a value replaces the default of that name (or adds it), nil removes it.
    /// ("nameConstraints", "critical,permitted;DNS:.example.com"), ("keyUsage", nil),
    /// ("1.3.6.1.4.1.99999.1", "critical,DER:05:00") for an extension nobody understands.
    public var extensionOverrides: [(name: String, value: String?)] = []
    /// X.509 version as written in the certificate (1, 2 or 3); v1 and v2 carry no extensions.
    public var version: Int = 3
    /// The serial number's DER content bytes instead of 16 random ones ([0x00] for zero,
    /// [0xFF] for a negative serial); nil → random.
    public var serialBytes: [UInt8]? = nil

    public init(
        commonName: String?,
        extraSubject: [(field: String, value: String)] = [("O", "tlsprobe lab")],
        dnsNames: [String] = [],
        ipAddresses: [String] = [],
        includeSAN: Bool = true,
        notBeforeOffset: TimeInterval = -LabTime.day,
        notAfterOffset: TimeInterval = 90 * LabTime.day,
        key: LabKeySpec = .ec(curve: "P-256"),
        signatureHash: SignatureHash = .sha256,
        isCA: Bool = false,
        pathLength: Int? = nil,
        extendedKeyUsage: [ExtendedKeyUsage] = [],
        aiaCAIssuersURL: String? = nil
    ) {
        self.commonName = commonName
        self.extraSubject = extraSubject
        self.dnsNames = dnsNames
        self.ipAddresses = ipAddresses
        self.includeSAN = includeSAN
        self.notBeforeOffset = notBeforeOffset
        self.notAfterOffset = notAfterOffset
        self.key = key
        self.signatureHash = signatureHash
        self.isCA = isCA
        self.pathLength = pathLength
        self.extendedKeyUsage = extendedKeyUsage
        self.aiaCAIssuersURL = aiaCAIssuersURL
    }

    /// A TLS server certificate for `localhost`, 127.0.0.1 and ::1, valid now, EKU serverAuth.
    /// The default key is P-256 because it is generated in microseconds; ask for RSA explicitly.
    public static func server(
        commonName: String = "localhost",
        dnsNames: [String] = ["localhost"],
        ipAddresses: [String] = ["127.0.0.1", "::1"],
        key: LabKeySpec = .ec(curve: "P-256")
    ) -> LabCertificateSpec {
        LabCertificateSpec(
            commonName: commonName, dnsNames: dnsNames, ipAddresses: ipAddresses, key: key,
            extendedKeyUsage: [.serverAuth]
        )
    }

    /// A CA certificate (root when self-signed, intermediate when issued), valid for ten years.
    public static func authority(
        commonName: String, key: LabKeySpec = .ec(curve: "P-256"), pathLength: Int? = nil
    ) -> LabCertificateSpec {
        LabCertificateSpec(
            commonName: commonName, notAfterOffset: 3650 * LabTime.day, key: key,
            isCA: true, pathLength: pathLength
        )
    }
}

public enum LabTime {
    public static let day: TimeInterval = 86_400
}
