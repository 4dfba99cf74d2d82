/// Turns a `ClientHelloSpec` into bytes: the handshake message, and the record(s) carrying it.
public enum ClientHelloEncoder {
    /// The ClientHello handshake message (type 1, 24-bit length, body).
    public static func handshakeMessage(_ spec: ClientHelloSpec) -> [UInt8] {
        var body = WireWriter()
        body.u16(spec.legacyVersion)
        body.bytes(spec.random)
        body.vector8(spec.sessionID)
        body.vector16 { writer in spec.cipherSuites.forEach { writer.u16($0) } }
        body.vector8(spec.compressionMethods)
        if !spec.extensions.isEmpty {
            body.vector16 { writer in spec.extensions.forEach { encode($0, into: &writer) } }
        }
        var message = WireWriter()
        message.u8(1)
        message.u24(body.output.count)
        message.bytes(body.output)
        return message.output
    }

    /// The records to send: one per 16 KB of handshake message (a larger hello is fragmented,
    /// as RFC 8446 §5.1 allows).
    public static func records(_ spec: ClientHelloSpec) -> [UInt8] {
        let message = handshakeMessage(spec)
        var out: [UInt8] = []
        var offset = 0
        repeat {
            let chunk = message[offset..<min(message.count, offset + 16384)]
            out += [22, UInt8(spec.recordVersion >> 8), UInt8(spec.recordVersion & 0xFF), UInt8(chunk.count >> 8), UInt8(chunk.count & 0xFF)]
            out += chunk
            offset += chunk.count
        } while offset < message.count
        return out
    }

    private static func encode(_ item: HelloExtension, into writer: inout WireWriter) {
        writer.u16(item.type)
        writer.vector16 { body in
            switch item {
            case .serverName(let name):
                body.vector16 { list in
                    list.u8(0)  // host_name
                    list.vector16 { $0.bytes(Array(name.utf8)) }
                }
            case .supportedGroups(let groups):
                body.vector16 { list in groups.forEach { list.u16($0) } }
            case .signatureAlgorithms(let schemes):
                body.vector16 { list in schemes.forEach { list.u16($0) } }
            case .alpn(let protocols):
                body.vector16 { list in protocols.forEach { list.vector8(Array($0.utf8.prefix(255))) } }
            case .statusRequest:
                body.u8(1)  // ocsp
                body.u16(0)  // responder_id_list
                body.u16(0)  // request_extensions
            case .extendedMasterSecret, .sessionTicket, .encryptThenMAC, .signedCertificateTimestamp:
                break
            case .ecPointFormats(let formats):
                body.vector8(formats)
            case .renegotiationInfo:
                body.u8(0)
            case .supportedVersions(let versions):
                body.vector8Writer { list in versions.forEach { list.u16($0) } }
            case .pskKeyExchangeModes(let modes):
                body.vector8(modes)
            case .keyShare(let entries):
                body.vector16 { list in
                    for entry in entries {
                        list.u16(entry.group)
                        list.vector16 { $0.bytes(entry.keyExchange) }
                    }
                }
            case .padding(let count):
                body.bytes([UInt8](repeating: 0, count: max(0, count)))
            case .raw(_, let bytes):
                body.bytes(bytes)
            }
        }
    }
}

/// Appends big-endian integers and length-prefixed vectors.
struct WireWriter {
    private(set) var output: [UInt8] = []

    mutating func u8(_ value: UInt8) { output.append(value) }
    mutating func u16(_ value: UInt16) { output += [UInt8(value >> 8), UInt8(value & 0xFF)] }
    mutating func u24(_ value: Int) { output += [UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
    mutating func bytes(_ value: [UInt8]) { output += value }
    mutating func vector8(_ value: [UInt8]) {
        u8(UInt8(min(value.count, 255)))
        output += value.prefix(255)
    }

    mutating func vector8Writer(_ fill: (inout WireWriter) -> Void) {
        var inner = WireWriter()
        fill(&inner)
        vector8(inner.output)
    }

    mutating func vector16(_ fill: (inout WireWriter) -> Void) {
        var inner = WireWriter()
        fill(&inner)
        let count = min(inner.output.count, 0xFFFF)
        u16(UInt16(count))
        output += inner.output.prefix(count)
    }
}

/// Random bytes from OpenSSL's generator (client random, session id).
enum WireRandom {
    static func bytes(_ count: Int) -> [UInt8] { EphemeralKeyShare.randomBytes(count) }
}
