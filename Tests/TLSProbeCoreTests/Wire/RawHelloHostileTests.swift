import Foundation
import Glibc
import Testing
@testable import TLSProbeCore
import TLSProbeLab

/// The raw ClientHello component against answers no honest server sends: a raw loopback server
/// (written here, byte by byte) reads our ClientHello and answers with a scripted flight.
@Suite struct RawHelloHostileTests {
    /// Starts a raw server that answers every ClientHello with `answer(clientHello)`, then
    /// holds or closes; offers `spec` to it and returns the result.
    private func offer(_ spec: ClientHelloSpec = .openSSL3Default(serverName: "localhost"), seconds: Double = 3,
                       close: Bool = true, _ answer: @escaping @Sendable (ClientHelloSpec) -> [UInt8]) throws -> RawHelloResult {
        let server = try LabRawServer(.script { fd in
            guard let hello = HostileWire.readClientHello(fd), let parsed = ClientHelloSpec(parsing: hello) else { return }
            HostileWire.write(fd, answer(parsed))
            if !close { HostileWire.drain(fd, seconds: 5) }
        })
        defer { server.stop() }
        let address = try #require(SocketAddress(numericHost: "127.0.0.1", port: Int(server.port)))
        return RawHello.offer(spec, to: address, deadline: .after(seconds: seconds))
    }

    @Test func aConformingServerHelloHasNoViolations() throws {
        let result = try offer { hello in HostileWire.serverHello(suite: 0x1301, sessionID: hello.sessionID, extensions: HostileWire.tls13Extensions) }
        let answer = try #require(result.outcome.answeredHello)
        #expect(answer.selectedVersion == WireVersion.tls13)
        #expect(answer.cipherSuite == 0x1301)
        #expect(answer.keyShareGroup == WireGroup.x25519)
        #expect(result.violations.isEmpty)
    }

    @Test func aSuiteNeverOfferedIsAViolation() throws {
        // TLS_RSA_WITH_NULL_MD5 (0x0001) is in no modern offer.
        let result = try offer { hello in HostileWire.serverHello(suite: 0x0001, sessionID: hello.sessionID, extensions: HostileWire.tls13Extensions) }
        #expect(result.outcome.answeredHello?.cipherSuite == 0x0001)
        #expect(result.violations.contains(.suiteNotOffered(0x0001)))
    }

    @Test func anALPNNeverOfferedAndAnUnsolicitedExtensionAreViolations() throws {
        let alpn: [UInt8] = [0x00, 0x10, 0x00, 0x05, 0x00, 0x03, 0x02, 0x68, 0x32]  // "h2"
        let result = try offer { hello in
            HostileWire.serverHello(suite: 0xC02F, version: WireVersion.tls12, sessionID: hello.sessionID, extensions: alpn + [0x00, 0x05, 0x00, 0x00])
        }
        #expect(result.outcome.answeredHello?.alpn == "h2")
        #expect(result.violations.contains(.alpnNotOffered("h2")))
        #expect(result.violations.contains(.extensionNotOffered(WireExtension.alpn)))
        #expect(result.violations.contains(.extensionNotOffered(WireExtension.statusRequest)))
    }

    @Test func aVersionAndGroupNeverOfferedAreViolations() throws {
        var spec = ClientHelloSpec.tls13Offer(groups: [WireGroup.x25519], serverName: "localhost")
        spec.extensions = spec.extensions.map { if case .supportedVersions = $0 { return .supportedVersions([WireVersion.tls13]) } else { return $0 } }
        let result = try offer(spec) { hello in
            // supported_versions = 0x7f1c (draft 28), key_share = P-384
            let extensions: [UInt8] = [0x00, 0x2B, 0x00, 0x02, 0x7F, 0x1C, 0x00, 0x33, 0x00, 0x04, 0x00, 0x18, 0x00, 0x00]
            return HostileWire.serverHello(suite: 0x1301, sessionID: hello.sessionID, extensions: extensions)
        }
        #expect(result.violations.contains(.versionNotOffered(0x7F1C)))
        #expect(result.violations.contains(.groupNotOffered(WireGroup.p384)))
    }

    @Test func aServerHelloFragmentedIntoOneByteRecordsIsReassembled() throws {
        let result = try offer { hello in
            let message = HostileWire.serverHelloMessage(suite: 0x1302, sessionID: hello.sessionID, extensions: HostileWire.tls13Extensions)
            return message.flatMap { [22, 3, 3, 0, 1, $0] }
        }
        #expect(result.outcome.answeredHello?.cipherSuite == 0x1302)
        #expect(result.violations.isEmpty)
    }

    @Test func anAlertSplitOverTwoRecordsIsRead() throws {
        let result = try offer { _ in [21, 3, 3, 0, 1, 2, 21, 3, 3, 0, 1, 40] }
        #expect(result.outcome == .alert(level: 2, description: 40))
        #expect(result.outcome.isUnexplainedRejection)
    }

    @Test func anOversizedRecordIsRefusedWithoutBufferingIt() throws {
        // A record header declaring 40 000 bytes, then 40 000 bytes: refused at the header.
        let result = try offer { _ in [22, 3, 3, 0x9C, 0x40] + [UInt8](repeating: 2, count: 40_000) }
        guard case .malformed(let reason) = result.outcome else { Issue.record("\(result.outcome)"); return }
        #expect(reason.contains("40000 bytes"))
        #expect(result.bytesReceived < 40_005)
    }

    @Test func aServerHelloDeclaringSixteenMegabytesIsRefused() throws {
        let result = try offer(close: false) { _ in [22, 3, 3, 0, 4, 2, 0xFF, 0xFF, 0xFF] }
        guard case .malformed(let reason) = result.outcome else { Issue.record("\(result.outcome)"); return }
        #expect(reason.contains("16777215"))
    }

    @Test func aTruncatedServerHelloThenCloseIsMalformedNotClosed() throws {
        let result = try offer { hello in
            Array(HostileWire.serverHello(suite: 0x1301, sessionID: hello.sessionID, extensions: HostileWire.tls13Extensions).prefix(40))
        }
        guard case .malformed(let reason) = result.outcome else { Issue.record("\(result.outcome)"); return }
        #expect(reason.contains("closed inside"))
        #expect(result.bytesReceived == 40)
    }

    @Test func aServerHelloWhoseLengthsDoNotAddUpIsMalformed() throws {
        let result = try offer { hello in
            var message = HostileWire.serverHelloMessage(suite: 0x1301, sessionID: hello.sessionID, extensions: HostileWire.tls13Extensions)
            message[message.count - 37] = 0x7F  // the key_share extension's length runs past the end
            return HostileWire.record(22, message)
        }
        guard case .malformed(let reason) = result.outcome else { Issue.record("\(result.outcome)"); return }
        #expect(reason.contains("does not parse"))
    }

    @Test func anotherHandshakeMessageFirstOrPlainTextAreMalformed() throws {
        let certificateFirst = try offer { _ in HostileWire.record(22, [11, 0, 0, 3, 0, 0, 0]) }
        guard case .malformed(let first) = certificateFirst.outcome else { Issue.record("\(certificateFirst.outcome)"); return }
        #expect(first.contains("Certificate"))
        let http = try offer { _ in Array("HTTP/1.1 400 Bad Request\r\n\r\n".utf8) }
        guard case .malformed(let second) = http.outcome else { Issue.record("\(http.outcome)"); return }
        #expect(second.contains("not a TLS record"))
        #expect(http.firstBytes.starts(with: Array("HTTP".utf8)))
    }

    @Test func silenceEndsAtTheDeadlineAndCloseAndResetAreTold() throws {
        let start = Deadline.now
        let silent = try offer(seconds: 0.5, close: false) { _ in [] }
        #expect(silent.outcome == .timedOut)
        #expect(Deadline.millisecondsSince(start) < 3000)
        let closed = try offer { _ in [] }
        #expect(closed.outcome == .closed)
        #expect(closed.outcome.isUnexplainedRejection)
    }

    @Test func aTrickledEndlessRecordStopsAtTheDeadline() throws {
        let server = try LabRawServer(.trickle(bytes: [22, 3, 3, 0x40, 0x00] + [UInt8](repeating: 0, count: 100), interval: 0.05))
        defer { server.stop() }
        let address = try #require(SocketAddress(numericHost: "127.0.0.1", port: Int(server.port)))
        let start = Deadline.now
        let result = RawHello.offer(.openSSL3Default(serverName: nil), to: address, deadline: .after(seconds: 0.6))
        #expect(result.outcome == .timedOut)
        #expect(Deadline.millisecondsSince(start) < 2500)
    }
}

/// Byte-level helpers for the hostile servers above.
enum HostileWire {
    static let tls13Extensions: [UInt8] = {
        var bytes: [UInt8] = [0x00, 0x2B, 0x00, 0x02, 0x03, 0x04]  // supported_versions: TLS 1.3
        bytes += [0x00, 0x33, 0x00, 0x24, 0x00, 0x1D, 0x00, 0x20] + [UInt8](repeating: 9, count: 32)  // key_share x25519
        return bytes
    }()

    static func serverHelloMessage(suite: UInt16, version: UInt16 = WireVersion.tls12, sessionID: [UInt8], extensions: [UInt8]) -> [UInt8] {
        var body: [UInt8] = [UInt8(version >> 8), UInt8(version & 0xFF)] + [UInt8](repeating: 7, count: 32)
        body += [UInt8(sessionID.count)] + sessionID + [UInt8(suite >> 8), UInt8(suite & 0xFF), 0]
        body += [UInt8(extensions.count >> 8), UInt8(extensions.count & 0xFF)] + extensions
        return [2, 0, UInt8(body.count >> 8), UInt8(body.count & 0xFF)] + body
    }

    static func serverHello(suite: UInt16, version: UInt16 = WireVersion.tls12, sessionID: [UInt8], extensions: [UInt8]) -> [UInt8] {
        record(22, serverHelloMessage(suite: suite, version: version, sessionID: sessionID, extensions: extensions))
    }

    static func record(_ type: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [type, 3, 3, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)] + payload
    }

    /// Reads one whole ClientHello handshake message (possibly over several records).
    static func readClientHello(_ fd: Int32) -> [UInt8]? {
        var handshake: [UInt8] = []
        while true {
            guard let header = read(fd, 5), header[0] == 22 else { return nil }
            guard let payload = read(fd, Int(header[3]) << 8 | Int(header[4])) else { return nil }
            handshake += payload
            if handshake.count >= 4 {
                let length = Int(handshake[1]) << 16 | Int(handshake[2]) << 8 | Int(handshake[3])
                if handshake.count >= 4 + length { return Array(handshake.prefix(4 + length)) }
            }
        }
    }

    static func read(_ fd: Int32, _ count: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 3000) > 0 else { return nil }
            let n = buffer[got...].withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, count - got) }
            guard n > 0 else { return nil }
            got += n
        }
        return buffer
    }

    static func write(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { return }
            offset += n
        }
    }

    /// Keeps the connection open, reading whatever comes, until the peer leaves or `seconds` pass.
    static func drain(_ fd: Int32, seconds: Double) {
        let limit = Deadline.after(seconds: seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !limit.hasPassed {
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 100) >= 0 else { return }
            if entry.revents != 0 && buffer.withUnsafeMutableBytes({ Glibc.read(fd, $0.baseAddress, 4096) }) <= 0 { return }
        }
    }
}
