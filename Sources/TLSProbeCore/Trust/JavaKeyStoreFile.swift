/// Reads the trusted certificates of a Java keystore in the JKS (or JCEKS) format: what
/// Debian's ca-certificates-java writes to /etc/ssl/certs/java/cacerts and what JDKs up to 17
/// ship as lib/security/cacerts. (A PKCS#12 `cacerts`, JDK 18 and later, is read by
/// `PKCS12Certificates` through OpenSSL.)
///
/// The layout (sun.security.provider.JavaKeyStore): magic 0xFEEDFEED (JCEKS 0xCECECECE),
/// version 1 or 2, entry count, then per entry a tag (1 private key, 2 trusted certificate,
/// 3 JCEKS secret key), a modified-UTF-8 alias, a 64-bit timestamp and the entry's body; a
/// SHA-1 keyed with the store password ends the file. Only certificates are read; the integrity
/// digest is not checked (its password, "changeit" by default, is a convention, not a secret).
enum JavaKeyStoreFile {
    enum ReadError: Error, CustomStringConvertible {
        case notJKS
        case truncated(String)
        case unsupported(String)

        var description: String {
            switch self {
            case .notJKS: "not a JKS or JCEKS keystore"
            case .truncated(let what): "the keystore ends inside \(what)"
            case .unsupported(let what): what
            }
        }
    }

    struct Entry {
        var alias: String
        var der: [UInt8]
    }

    static let jksMagic: UInt32 = 0xFEED_FEED
    static let jceksMagic: UInt32 = 0xCECE_CECE

    static func isKeyStore(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4 else { return false }
        let magic = UInt32(bytes[0]) << 24 | UInt32(bytes[1]) << 16 | UInt32(bytes[2]) << 8 | UInt32(bytes[3])
        return magic == jksMagic || magic == jceksMagic
    }

    /// The trusted-certificate entries (and the certificates of key entries' chains), in file order.
    static func certificates(in bytes: [UInt8], limit: Int = 10_000) throws(ReadError) -> [Entry] {
        var reader = Reader(bytes: bytes)
        let magic = try reader.u32("the header")
        guard magic == jksMagic || magic == jceksMagic else { throw .notJKS }
        let version = try reader.u32("the header")
        guard version == 1 || version == 2 else { throw .unsupported("keystore version \(version) is not 1 or 2") }
        let count = try reader.u32("the header")
        var entries: [Entry] = []
        for _ in 0..<min(Int(count), limit) {
            let tag = try reader.u32("an entry tag")
            let alias = try reader.utf("an alias")
            _ = try reader.bytes(8, "a timestamp")
            switch tag {
            case 1:
                let keyLength = try reader.u32("a private key")
                _ = try reader.bytes(Int(keyLength), "a private key")
                let chainLength = try reader.u32("a certificate chain")
                for _ in 0..<min(Int(chainLength), 64) {
                    if let der = try certificate(&reader, version: version) { entries.append(Entry(alias: alias, der: der)) }
                }
            case 2:
                if let der = try certificate(&reader, version: version) { entries.append(Entry(alias: alias, der: der)) }
            case 3:
                // A JCEKS secret key: a serialized Java object we cannot skip without parsing it.
                throw .unsupported("a JCEKS secret-key entry ('\(alias)') cannot be skipped")
            default:
                throw .unsupported("unknown entry tag \(tag)")
            }
        }
        return entries
    }

    private static func certificate(_ reader: inout Reader, version: UInt32) throws(ReadError) -> [UInt8]? {
        let type = version == 2 ? try reader.utf("a certificate type") : "X.509"
        let length = try reader.u32("a certificate")
        let der = try reader.bytes(Int(length), "a certificate")
        return type == "X.509" ? der : nil
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func bytes(_ count: Int, _ what: String) throws(ReadError) -> [UInt8] {
            guard count >= 0, count <= bytes.count - offset else { throw .truncated(what) }
            defer { offset += count }
            return Array(bytes[offset..<offset + count])
        }

        mutating func u32(_ what: String) throws(ReadError) -> UInt32 {
            let raw = try bytes(4, what)
            return UInt32(raw[0]) << 24 | UInt32(raw[1]) << 16 | UInt32(raw[2]) << 8 | UInt32(raw[3])
        }

        mutating func utf(_ what: String) throws(ReadError) -> String {
            let raw = try bytes(2, what)
            let length = Int(raw[0]) << 8 | Int(raw[1])
            // Modified UTF-8 differs from UTF-8 only for NUL and supplementary characters: enough for an alias.
            return String(decoding: try bytes(length, what), as: UTF8.self)
        }
    }
}
