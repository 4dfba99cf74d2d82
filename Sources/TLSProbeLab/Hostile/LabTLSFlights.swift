/// Hand-made TLS records for servers that must say something no real TLS stack would send.
/// Sent by a `LabRawServer` (`.garbage(bytes)` sends them after reading the ClientHello).
public enum LabTLSFlights {
    /// A plaintext record: content type, version, 16-bit length, payload.
    public static func record(type: UInt8, version: UInt16 = 0x0303, _ payload: [UInt8]) -> [UInt8] {
        [type, UInt8(version >> 8), UInt8(version & 0xFF)] + u16(payload.count) + payload
    }

    /// A handshake message: type, 24-bit length, body.
    public static func handshake(_ type: UInt8, _ body: [UInt8]) -> [UInt8] {
        [type] + u24(body.count) + body
    }

    public static func alert(level: UInt8 = 2, description: UInt8) -> [UInt8] {
        record(type: 21, [level, description])
    }

    /// A TLS 1.2-style ServerHello choosing ECDHE-RSA-AES128-GCM-SHA256 (0xC02F) with the given
    /// legacy version and a secure-renegotiation extension (without it OpenSSL 3 refuses the
    /// server before looking any further).
    public static func serverHello(version: UInt16 = 0x0303) -> [UInt8] {
        var body: [UInt8] = [UInt8(version >> 8), UInt8(version & 0xFF)]
        body += (0..<32).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }  // random, not a downgrade sentinel
        body += [0]  // empty session id
        body += [0xC0, 0x2F, 0]  // cipher suite, no compression
        let renegotiationInfo: [UInt8] = [0xFF, 0x01, 0x00, 0x01, 0x00]
        body += u16(renegotiationInfo.count) + renegotiationInfo
        return handshake(2, body)
    }

    /// A Certificate message whose single entry is `der` (which need not be DER at all).
    public static func certificateMessage(entries: [[UInt8]]) -> [UInt8] {
        let list = entries.flatMap { u24($0.count) + $0 }
        return handshake(11, u24(list.count) + list)
    }

    /// ServerHello (TLS 1.2) then a Certificate message holding `der`, each in its own record.
    public static func serverHelloThenCertificate(_ der: [UInt8]) -> [UInt8] {
        record(type: 22, serverHello()) + record(type: 22, certificateMessage(entries: [der]))
    }

    static func u16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
    static func u24(_ value: Int) -> [UInt8] { [UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
}
