import Testing
@testable import TLSProbeCore

/// The framing CertificateListCut reads from a Certificate message (TLS 1.2: the list; TLS 1.3:
/// a request context, then each certificate with its extensions) and the length it breaks.
/// The certificates here are filler bytes: only the framing is read.
@Suite struct CertificateListCutTests {
    static func message(certificates count: Int, bytesEach: Int, tls13: Bool) -> [UInt8] {
        func u24(_ value: Int) -> [UInt8] { [UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
        var list: [UInt8] = []
        for index in 0..<count {
            list += u24(bytesEach) + [UInt8](repeating: UInt8(index & 0xFF), count: bytesEach)
            if tls13 { list += [0x00, 0x00] }
        }
        let body = (tls13 ? [0x00] : []) + u24(list.count) + list
        return [HandshakeType.certificate] + u24(body.count) + body
    }

    static func inspect(_ bytes: [UInt8], tls13: Bool) -> (cut: CertificateListCut, lengthOffset: Int)? {
        bytes.withUnsafeBytes { CertificateListCut.inspect($0, tls13: tls13) }
    }

    @Test(arguments: [false, true])
    func aLongListOverTheLimitIsCountedAndKeepsItsFirstTwenty(_ tls13: Bool) throws {
        var bytes = Self.message(certificates: 150, bytesEach: 800, tls13: tls13)
        let (cut, offset) = try #require(Self.inspect(bytes, tls13: tls13))
        #expect(cut.count == 150 && cut.messageBytes == bytes.count)
        #expect(cut.firstCertificates.count == 20 && cut.firstCertificates[3] == [UInt8](repeating: 3, count: 800))
        #expect(offset == (tls13 ? 5 : 4))
        let before = Int(bytes[offset]) << 16 | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2])
        bytes.withUnsafeMutableBytes { CertificateListCut.cut($0, lengthOffset: offset) }
        let after = Int(bytes[offset]) << 16 | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2])
        // What OpenSSL checks: the list length equals the bytes after it. Now it does not.
        #expect(before == bytes.count - offset - 3 && after == before + 1)
    }

    @Test func aShortListOrASmallMessageIsLeftAlone() {
        // 100 certificates over 100 KB: no more than OpenSSL verifies.
        #expect(Self.inspect(Self.message(certificates: 100, bytesEach: 1200, tls13: true), tls13: true) == nil)
        // 300 certificates in 90 KB: stock clients take the message.
        #expect(Self.inspect(Self.message(certificates: 300, bytesEach: 290, tls13: false), tls13: false) == nil)
    }

    @Test func aListWhoseFramingDoesNotParseIsLeftToOpenSSL() {
        var bytes = Self.message(certificates: 150, bytesEach: 800, tls13: false)
        bytes[4] = 0xFF  // list length larger than the message
        #expect(Self.inspect(bytes, tls13: false) == nil)
        let truncated = Array(Self.message(certificates: 150, bytesEach: 800, tls13: true).dropLast(400))
        #expect(Self.inspect(truncated, tls13: true) == nil)
    }
}
