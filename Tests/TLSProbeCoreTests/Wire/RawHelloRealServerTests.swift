import Foundation
import Glibc
import Testing
@testable import TLSProbeCore
import TLSProbeLab

/// The raw ClientHello component against real TLS stacks: OpenSSL (the lab), GnuTLS and Botan
/// (foreign servers, started once per process), and OpenSSL's own client as the reference for
/// the "plain offer" preset.
@Suite struct RawHelloRealServerTests {
    static func address(_ server: any LabServer) throws -> SocketAddress {
        try #require(SocketAddress(numericHost: server.host, port: Int(server.port)))
    }

    @Test func theOpenSSLPresetIsWhatOpenSSLsClientSends() throws {
        let captured = CapturedHello()
        let server = try LabRawServer(.script { fd in captured.set(HostileWire.readClientHello(fd)) })
        defer { server.stop() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["s_client", "-connect", "127.0.0.1:\(server.port)", "-servername", "example.com"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let hello = try #require(captured.get().flatMap { ClientHelloSpec(parsing: $0) })
        let preset = ClientHelloSpec.openSSL3Default(serverName: "example.com")
        #expect(hello.cipherSuites == preset.cipherSuites)
        #expect(hello.extensionTypes == preset.extensionTypes)
        #expect(hello.offeredGroups == preset.offeredGroups)
        #expect(hello.offeredVersions == preset.offeredVersions)
        // Same extensions byte for byte, except the key share's fresh public key.
        #expect(hello.removing([WireExtension.keyShare]).extensions == preset.removing([WireExtension.keyShare]).extensions)
        #expect(ClientHelloEncoder.handshakeMessage(hello).count == ClientHelloEncoder.handshakeMessage(preset).count)
    }

    @Test func aCapturedHelloReEncodesToTheSameBytes() throws {
        let spec = ClientHelloSpec.openSSL3Default(serverName: "localhost").replacing(.alpn(["h2", "http/1.1"])).replacing(.statusRequest).padded(toAtLeast: 512)
        let bytes = ClientHelloEncoder.handshakeMessage(spec)
        #expect(bytes.count == 512)
        let parsed = try #require(ClientHelloSpec(parsing: bytes))
        #expect(parsed == spec)
        #expect(ClientHelloEncoder.handshakeMessage(parsed) == bytes)
    }

    @Test func openSSLAnswersTLS13AndAsksForAShareWhenNoneIsSent() throws {
        let server = try LabTLSServer(LabTLSServerConfig(chain: LabFixture.pki.chain))
        defer { server.stop() }
        let address = try Self.address(server)
        let full = RawHello.offer(.openSSL3Default(serverName: "localhost"), to: address, deadline: .after(seconds: 3))
        let hello = try #require(full.outcome.answeredHello, "\(full.outcome)")
        #expect(hello.selectedVersion == WireVersion.tls13 && !hello.isHelloRetryRequest)
        #expect(hello.keyShareGroup == WireGroup.x25519)
        #expect(full.violations.isEmpty)

        let empty = RawHello.offer(.tls13Offer(groups: [WireGroup.p256, WireGroup.x25519], keyShares: [], serverName: "localhost"), to: address, deadline: .after(seconds: 3))
        guard case .helloRetryRequest(let retry) = empty.outcome else { Issue.record("\(empty.outcome)"); return }
        #expect([WireGroup.p256, WireGroup.x25519].contains(retry.keyShareGroup ?? 0))
        #expect(empty.violations.isEmpty)
    }

    @Test func openSSLRefusesSuitesItDoesNotHave() throws {
        let server = try LabTLSServer(LabTLSServerConfig(chain: LabFixture.pki.chain, maxVersion: .tls1_2))
        defer { server.stop() }
        let camelliaGCM = CipherSuiteTable.all.filter { $0.encryption.hasPrefix("CamelliaGCM") }.map(\.code)
        let result = RawHello.offer(.tls12Offer(suites: camelliaGCM, serverName: "localhost"), to: try Self.address(server), deadline: .after(seconds: 3))
        guard case .alert(_, let description) = result.outcome else { Issue.record("\(result.outcome)"); return }
        #expect(description == 40)  // OpenSSL's own habit; only asserted for OpenSSL
    }

    @Test func gnuTLSChoosesACamelliaGCMSuiteOpenSSLCannotSpeak() throws {
        let server = try ForeignServerPool.server("gnutls-camellia-gcm") {
            var spec = ForeignServerSpec(chain: LabFixture.pki.chain)
            spec.ciphers = "NORMAL:-CIPHER-ALL:+CAMELLIA-128-GCM:+CAMELLIA-256-GCM:-VERS-TLS1.3"
            return try ForeignTLSServer.start(.gnutls, spec)
        }
        let offer = ClientHelloSpec.tls12Offer(suites: CipherSuiteTable.tls12AndEarlier, serverName: "localhost")
        let result = RawHello.offer(offer, to: try Self.address(server), deadline: .after(seconds: 4))
        let hello = try #require(result.outcome.answeredHello, "\(result.outcome)")
        let suite = try #require(CipherSuiteTable.info(hello.cipherSuite))
        #expect(suite.encryption.hasPrefix("CamelliaGCM"), "\(suite.ianaName)")
        #expect(suite.modernClientRefusal != nil)
        #expect(result.violations.isEmpty)
    }

    @Test func botanAnswersARawOfferAndSelectsAnALPNWeNeverOffered() throws {
        let server = try StackFaultServers.plain(.botan)
        let address = try Self.address(server)
        let plain = RawHello.offer(.openSSL3Default(serverName: "localhost"), to: address, deadline: .after(seconds: 4))
        #expect(plain.outcome.answeredHello != nil, "\(plain.outcome)")
        #expect(plain.violations.isEmpty)
        // Botan's tls_server answers any ALPN offer with its own protocol name.
        let withALPN = RawHello.offer(ClientHelloSpec.tls12Offer(suites: [0xC02F, 0xC030], serverName: "localhost").replacing(.alpn(["http/1.1"])),
                                      to: address, deadline: .after(seconds: 4))
        let hello = try #require(withALPN.outcome.answeredHello, "\(withALPN.outcome)")
        let selected = try #require(hello.alpn)
        #expect(selected != "http/1.1")
        #expect(withALPN.violations.contains(.alpnNotOffered(selected)))
    }
}

/// The hello a raw server captured, handed from its thread to the test.
final class CapturedHello: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8]?
    func set(_ value: [UInt8]?) { lock.lock(); bytes = value; lock.unlock() }
    func get() -> [UInt8]? { lock.lock(); defer { lock.unlock() }; return bytes }
}
