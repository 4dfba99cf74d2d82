import FoundationEssentials

/// Parses the hello messages as they crossed the wire (handshake header included), so the
/// report says what was really offered and chosen, even when the handshake later failed.
struct ClientHelloFacts: Equatable {
    var versions: [String] = []
    var cipherSuiteCount = 0
    var groups: [String] = []
    var signatureAlgorithmCount = 0
    var serverName: String?
    var alpn: [String] = []
}

struct ServerHelloFacts: Equatable {
    var version: String
    var cipherSuite: UInt16
    var keyShareGroup: String?
    var isHelloRetryRequest: Bool
}

/// A bounds-checked reader: every read returns nil past the end instead of trapping.
struct ByteReader {
    private let bytes: [UInt8]
    private(set) var offset: Int
    private let end: Int

    init(_ bytes: [UInt8], from offset: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.offset = offset
        self.end = min(end ?? bytes.count, bytes.count)
    }

    var remaining: Int { max(0, end - offset) }

    mutating func u8() -> UInt8? {
        guard offset < end else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func u16() -> UInt16? {
        guard let high = u8(), let low = u8() else { return nil }
        return UInt16(high) << 8 | UInt16(low)
    }

    mutating func u24() -> Int? {
        guard let a = u8(), let b = u8(), let c = u8() else { return nil }
        return Int(a) << 16 | Int(b) << 8 | Int(c)
    }

    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= remaining else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// A sub-reader over the next `count` bytes, skipping them here.
    mutating func slice(_ count: Int) -> ByteReader? {
        guard count >= 0, count <= remaining else { return nil }
        defer { offset += count }
        return ByteReader(bytes, from: offset, end: offset + count)
    }
}

enum HelloParser {
    static let helloRetryRandom: [UInt8] = [
        0xCF, 0x21, 0xAD, 0x74, 0xE5, 0x9A, 0x61, 0x11, 0xBE, 0x1D, 0x8C, 0x02, 0x1E, 0x65, 0xB8, 0x91,
        0xC2, 0xA2, 0x11, 0x16, 0x7A, 0xBB, 0x8C, 0x5E, 0x07, 0x9E, 0x09, 0xE2, 0xC8, 0xA8, 0x33, 0x9C,
    ]

    static func clientHello(_ message: [UInt8]) -> ClientHelloFacts? {
        var reader = ByteReader(message)
        guard reader.u8() == 1, reader.u24() != nil, let legacyVersion = reader.u16(),
              reader.take(32) != nil, let sessionLength = reader.u8(), reader.take(Int(sessionLength)) != nil,
              let suitesLength = reader.u16(), let suites = reader.slice(Int(suitesLength)),
              let compressionLength = reader.u8(), reader.take(Int(compressionLength)) != nil
        else { return nil }
        var facts = ClientHelloFacts()
        var suiteReader = suites
        while let suite = suiteReader.u16() {
            if !CipherSuiteValues.isSignalling(suite) { facts.cipherSuiteCount += 1 }
        }
        var versions: [UInt16] = [legacyVersion]
        forEachExtension(&reader) { type, body in
            var body = body
            switch type {
            case 0:  // server_name
                guard body.u16() != nil, body.u8() == 0, let length = body.u16(), let name = body.take(Int(length)) else { return }
                facts.serverName = SafeText.escape(bytes: name)
            case 10:  // supported_groups
                guard let length = body.u16(), var list = body.slice(Int(length)) else { return }
                while let group = list.u16() { facts.groups.append(groupName(group)) }
            case 13:  // signature_algorithms
                guard let length = body.u16() else { return }
                facts.signatureAlgorithmCount = Int(length) / 2
            case 16:  // ALPN
                guard let length = body.u16(), var list = body.slice(Int(length)) else { return }
                while let size = list.u8(), let name = list.take(Int(size)) { facts.alpn.append(SafeText.escape(bytes: name)) }
            case 43:  // supported_versions
                guard let length = body.u8(), var list = body.slice(Int(length)) else { return }
                versions = []
                while let version = list.u16() { versions.append(version) }
            default: break
            }
        }
        facts.versions = versions.compactMap { TLSVersion(wireValue: Int($0))?.label }.sorted()
        return facts
    }

    static func serverHello(_ message: [UInt8]) -> ServerHelloFacts? {
        var reader = ByteReader(message)
        guard reader.u8() == 2, reader.u24() != nil, let legacyVersion = reader.u16(), let random = reader.take(32),
              let sessionLength = reader.u8(), reader.take(Int(sessionLength)) != nil,
              let suite = reader.u16(), reader.u8() != nil
        else { return nil }
        var version = legacyVersion
        var group: String?
        forEachExtension(&reader) { type, body in
            var body = body
            switch type {
            case 43: if let selected = body.u16() { version = selected }
            case 51: if let selected = body.u16() { group = groupName(selected) }
            default: break
            }
        }
        return ServerHelloFacts(
            version: TLSVersion(wireValue: Int(version))?.label ?? cFormat("0x%04x", version),
            cipherSuite: suite, keyShareGroup: group, isHelloRetryRequest: random == helloRetryRandom)
    }

    private static func forEachExtension(_ reader: inout ByteReader, _ body: (UInt16, ByteReader) -> Void) {
        guard let length = reader.u16(), var extensions = reader.slice(Int(length)) else { return }
        while let type = extensions.u16(), let size = extensions.u16(), let content = extensions.slice(Int(size)) {
            body(type, content)
        }
    }

    static func groupName(_ code: UInt16) -> String {
        switch code {
        case 0x0017: "P-256"
        case 0x0018: "P-384"
        case 0x0019: "P-521"
        case 0x001D: "x25519"
        case 0x001E: "x448"
        case 0x0100: "ffdhe2048"
        case 0x0101: "ffdhe3072"
        case 0x0102: "ffdhe4096"
        case 0x0103: "ffdhe6144"
        case 0x0104: "ffdhe8192"
        case 0x11EC: "X25519MLKEM768"
        default: code & 0x0F0F == 0x0A0A ? "GREASE" : cFormat("0x%04x", code)
        }
    }
}
