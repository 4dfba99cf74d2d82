internal import COpenSSL
import FoundationEssentials

/// Certificate chains built to hurt a client: very long, very many, looping, bloated, or with
/// names full of terminal escape sequences and bytes that are not UTF-8.
public enum LabHostileChains {
    /// root → `depth - 2` intermediates → leaf for localhost. Returns the chain as a server
    /// sends it (leaf first, root left out) and the root to trust.
    public static func deep(_ depth: Int) throws -> (chain: [LabCertificate], root: LabCertificate) {
        let root = try LabPKI.issue(.authority(commonName: "Deep Root"), issuer: nil)
        var issuers = [root]
        for level in 1..<(depth - 1) {
            issuers.append(try LabPKI.issue(.authority(commonName: "Deep CA \(level)"), issuer: issuers[level - 1]))
        }
        let leaf = try LabPKI.issue(.server(), issuer: issuers.last)
        return ([leaf] + issuers.dropFirst().reversed(), root)
    }

    /// A leaf issued by `issuer` followed by `count - 1` distinct, unrelated self-signed certificates.
    public static func many(_ count: Int, leafIssuer issuer: LabCertificate) throws -> [LabCertificate] {
        let leaf = try LabPKI.issue(.server(), issuer: issuer)
        let strangers = try (1..<count).map { try LabPKI.issue(.authority(commonName: "Stranger \($0)"), issuer: nil) }
        return [leaf] + strangers
    }

    /// A chain whose issuer names loop: A' is issued by B, B by A, and A' carries A's name, so a
    /// path builder that follows names goes leaf → A' → B → A' → …
    public static func loop() throws -> [LabCertificate] {
        let original = try LabPKI.issue(.authority(commonName: "Loop A"), issuer: nil)
        let b = try LabPKI.issue(.authority(commonName: "Loop B"), issuer: original)
        let a = try LabPKI.issue(.authority(commonName: "Loop A"), issuer: b)
        let leaf = try LabPKI.issue(.server(), issuer: a)
        return [leaf, a, b]
    }

    /// A server certificate whose subject is about `bytes` long (many 60-character OU
    /// attributes: each attribute type has a 64-character upper bound, the name as a whole none).
    public static func bigSubject(bytes: Int, issuer: LabCertificate) throws -> LabCertificate {
        var spec = LabCertificateSpec.server()
        let unit = String(repeating: "u", count: 60)
        spec.extraSubject = (0..<(bytes / 64 + 1)).map { ("OU", "\($0)-\(unit)".prefix(60).description) }
        return try LabPKI.issue(spec, issuer: issuer)
    }

    /// ANSI escape sequences (CSI colour, clear screen, OSC window title), BEL, DEL and a C1 CSI
    /// (U+009B) in the subject CN and O, and a DNS SAN whose IA5String holds ESC and bytes that
    /// are not UTF-8 (0xFF 0xFE 0x80). Names must be valid UTF-8 (OpenSSL re-encodes them
    /// canonically), SANs need not be.
    public static func escapeSequences(issuer: LabCertificate) throws -> LabCertificate {
        var spec = LabCertificateSpec.server(commonName: "evil\u{1B}[31mRED\u{1B}[0m\u{07}")
        spec.extraSubject = [("O", "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{7F}\u{9B}31m")]
        spec.includeSAN = false
        let certificate = try LabPKI.issue(spec, issuer: issuer)
        let san: [UInt8] = Array("DNS:localhost,DNS:x".utf8) + [0x1B, 0x5B, 0x32, 0x4A, 0xFF, 0xFE, 0x80] + Array(".example".utf8) + [0]
        try addRawExtension(NID_subject_alt_name, san, to: certificate, signer: issuer.key)
        return certificate
    }

    /// Adds an extension from raw config bytes (which Swift strings could not carry), then
    /// re-signs. Only for a certificate that nobody else holds yet (it is mutated in place).
    static func addRawExtension(_ nid: Int32, _ nulTerminated: [UInt8], to certificate: LabCertificate, signer: LabKey) throws {
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, nil, certificate.pointer, nil, nil, 0)
        let created = nulTerminated.withUnsafeBufferPointer { bytes in
            bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { X509V3_EXT_nconf_nid(nil, &context, nid, $0) }
        }
        guard let created else { throw LabError.openSSL("raw extension \(nid)") }
        defer { X509_EXTENSION_free(created) }
        guard X509_add_ext(certificate.pointer, created, -1) == 1,
              X509_sign(certificate.pointer, signer.pointer, EVP_sha256()) > 0
        else { throw LabError.openSSL("X509_add_ext / X509_sign") }
    }
}
