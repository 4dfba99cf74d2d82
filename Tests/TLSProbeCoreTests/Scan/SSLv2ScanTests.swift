import Foundation
import Testing
@testable import TLSProbeCore
import TLSProbeLab
import TLSProbeTestSupport

/// The scan's SSL 2.0 question: an SSL 2.0 CLIENT-HELLO in its own record format. Against a lab
/// server that answers SSL 2.0 SERVER-HELLO (no TLS stack here still speaks SSL 2.0) and modern
/// servers that do not, each compared with sslscan and testssl.sh, which ask the same way.
@Suite(.serialized) struct SSLv2ScanTests {
    static let kinds: [UInt32] = [0x0700C0, 0x010080, 0x060040]

    static func sslv2Server() throws -> LabRawServer {
        try LabRawServer(.sslv2ServerHello(certificate: LabFixture.pki.chain[0].der, cipherKinds: kinds))
    }

    static func address(_ port: UInt16) throws -> SocketAddress {
        try #require(SocketAddress(numericHost: "127.0.0.1", port: Int(port)))
    }

    @Test func theSSLv2ServerHelloIsReadWithItsCipherKinds() throws {
        let server = try Self.sslv2Server()
        defer { server.stop() }
        let answer = SSLv2Hello.offer(to: try Self.address(server.port), deadline: .after(seconds: 5))
        let certificate = try LabFixture.pki.chain[0].der
        #expect(answer == .serverHello(version: 2, cipherSpecs: Self.kinds, certificateBytes: certificate.count), "\(answer)")
        #expect(answer.speaksSSLv2)
    }

    @Test func aTLSServerDoesNotSpeakSSLv2() throws {
        let server = try LabFixtureServer.healthy()
        defer { server.stop() }
        let answer = SSLv2Hello.offer(to: try Self.address(server.port), deadline: .after(seconds: 5))
        #expect(!answer.speaksSSLv2, "\(answer)")
        // OpenSSL 3 reads the SSL 2.0 record header, sees version 0x0002 and gives up without a TLS answer or with an alert.
        switch answer {
        case .tls, .closed, .reset: break
        default: Issue.record("unexpected answer \(answer)")
        }
    }

    @Test func theScanReportsSSLv2AndItsFinding() throws {
        let server = try Self.sslv2Server()
        defer { server.stop() }
        let engine = try ProbeEngine(options: LabFixture.options { $0.timeout = 15; $0.runHTTP = false; $0.sendSNI = false })
        let report = engine.scan(try ProbeTarget.parse("127.0.0.1:\(server.port)"))
        let scan = try #require(report.scan)
        #expect(scan.versions.first?.key == "ssl2" && scan.acceptsSSLv2, "\(scan.versions)")
        #expect(scan.acceptedVersions.isEmpty, "the server closes on every TLS ClientHello")
        #expect(scan.ssl2CipherSpecs.map(\.name) == ["SSL_CK_DES_192_EDE3_CBC_WITH_MD5", "SSL_CK_RC4_128_WITH_MD5", "SSL_CK_DES_64_CBC_WITH_MD5"])
        #expect(scan.ssl2CipherSpecs.first?.code == "0x0700C0")
        let finding = try #require(report.diagnoses.first { $0.id == DiagnosisID.protoSSL2Accepted }, "\(report.diagnoses.map(\.id))")
        #expect(finding.summary.contains("SSL_CK_RC4_128_WITH_MD5"))
    }

    @Test func sslscanAndTestSSLSeeSSLv2OnTheLabServer() throws {
        try #require(SSLScanOracle.isAvailable, "sslscan is not installed (scripts/test.sh installs it)")
        try #require(TestSSLOracle.isAvailable, "testssl.sh is not installed (scripts/test.sh installs it)")
        let server = try Self.sslv2Server()
        defer { server.stop() }
        let sslscan = try SSLScanOracle.run(port: server.port)
        #expect(sslscan.versions["ssl2"] == true, "\(sslscan.versions)")
        let testssl = try TestSSLOracle.protocols(port: server.port, directory: try TestDirectory.make("scan-sslv2-testssl"))
        #expect(testssl["ssl2"] == true, "\(testssl)")
    }
}
