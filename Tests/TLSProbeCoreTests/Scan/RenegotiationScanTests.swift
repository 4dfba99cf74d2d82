import Foundation
import Testing
@testable import TLSProbeCore
import TLSProbeLab
import TLSProbeTestSupport

/// Client-initiated renegotiation as the scan asks it (SSL_renegotiate on a TLS 1.2 connection)
/// against testssl.sh's -R on the same servers: OpenSSL 3's s_server refuses by default and
/// renegotiates with -client_renegotiation; GnuTLS's gnutls-serv renegotiates.
@Suite(.serialized) struct RenegotiationScanTests {
    enum Server: String, CaseIterable {
        case opensslDefault = "scan-reneg-openssl-default"
        case opensslAllowing = "scan-reneg-openssl-client-renegotiation"
        case gnutls = "scan-reneg-gnutls"

        var allows: Bool { self != .opensslDefault }

        func start() throws -> ForeignTLSServer {
            try ForeignServerPool.server(rawValue) {
                var spec = ForeignServerSpec(chain: LabFixture.pki.chain)
                switch self {
                case .opensslDefault: return try ForeignTLSServer.start(.openssl, spec)
                case .opensslAllowing:
                    spec.extra = ["-client_renegotiation"]
                    return try ForeignTLSServer.start(.openssl, spec)
                case .gnutls: return try ForeignTLSServer.start(.gnutls, spec)
                }
            }
        }
    }

    @Test(arguments: Server.allCases)
    func clientRenegotiationEqualsTestSSLs(_ server: Server) throws {
        let running = try server.start()
        let engine = try ProbeEngine(options: LabFixture.options { $0.timeout = 30; $0.runHTTP = false; $0.sendSNI = false })
        let report = engine.scan(try ProbeTarget.parse("127.0.0.1:\(running.port)"))
        let scan = try #require(report.scan)
        #expect(scan.features.secureRenegotiation == true)
        #expect(scan.features.clientRenegotiation == server.allows, "\(scan.notes)")
        let finding = report.diagnoses.contains { $0.id == DiagnosisID.handshakeClientRenegotiation }
        #expect(finding == server.allows)

        try #require(TestSSLOracle.isAvailable, "testssl.sh is not installed (scripts/test.sh installs it)")
        let theirs = try TestSSLOracle.renegotiation(port: running.port, directory: try TestDirectory.make("scan-reneg-testssl"))
        #expect(theirs.secure == scan.features.secureRenegotiation)
        #expect(theirs.clientInitiated == scan.features.clientRenegotiation, "testssl.sh -R: \(theirs)")
    }

    @Test func aTLS13OnlyServerIsNotAsked() throws {
        let server = try LabFixtureServer.healthy { $0.minVersion = .tls1_3 }
        defer { server.stop() }
        let engine = try ProbeEngine(options: LabFixture.options { $0.timeout = 20; $0.runHTTP = false; $0.sendSNI = false })
        let scan = try #require(engine.scan(try ProbeTarget.parse("127.0.0.1:\(server.port)")).scan)
        #expect(scan.acceptedVersions == [.tls13])
        #expect(scan.features.clientRenegotiation == nil)
    }
}
