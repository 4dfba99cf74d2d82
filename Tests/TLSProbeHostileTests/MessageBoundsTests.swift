import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab

/// Messages larger than their kind allows are named at their own stage; floods of messages are
/// folded, bounded and diagnosed.
@Suite("Message size and floods", .serialized)
struct MessageBoundsTests {
    let pki = HostileFixture.pki

    /// A ServerHello header claiming 2^24−1 bytes: a malformed ServerHello, not a certificate problem.
    @Test func serverHelloClaimingSixteenMegabytes() throws {
        let flight = LabTLSFlights.record(type: 22, [2, 0xFF, 0xFF, 0xFF] + [UInt8](repeating: 0x03, count: 64))
        let server = try LabRawServer(.garbage(flight))
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("ServerHello header claims 16777215 bytes", result)
        HostileFixture.check(result, exit: [.handshakeAlert], ids: [DiagnosisID.handshakeMalformedServerHello])
        let diagnosis = try #require(result.report.diagnoses.first)
        #expect(diagnosis.id == DiagnosisID.handshakeMalformedServerHello)
        #expect(diagnosis.summary.contains("16777215"))
        #expect(result.report.stage(.serverHello)?.status == .fail)
        #expect(!result.report.diagnoses.contains { $0.id == DiagnosisID.certTooLarge })
    }

    /// A TLS 1.2 Certificate header claiming 2 MB after a sound ServerHello: that one is cert.too_large.
    @Test func certificateClaimingTwoMegabytes() throws {
        let length = 2_000_000
        let header: [UInt8] = [11, UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
        let flight = LabTLSFlights.record(type: 22, LabTLSFlights.serverHello())
            + LabTLSFlights.record(type: 22, header + [UInt8](repeating: 0, count: 64))
        let server = try LabRawServer(.garbage(flight))
        defer { server.stop() }
        let result = try HostileFixture.probe(server) { $0.tlsMax = .tls12 }
        HostileTable.row("Certificate header claims 2000000 bytes", result)
        HostileFixture.check(result, exit: [.otherCertificateProblem], ids: [DiagnosisID.certTooLarge])
        #expect(result.report.diagnoses.first?.summary.contains("2000000") == true)
    }

    @Test(arguments: [(LabFloodMessage.sessionTicket, LabTLSVersion.tls1_3, "NewSessionTicket"),
                      (.keyUpdate, .tls1_3, "KeyUpdate"),
                      (.helloRequest, .tls1_2, "HelloRequest")])
    func postHandshakeFloodIsStoppedAndNamed(message: LabFloodMessage, version: LabTLSVersion, name: String) throws {
        var config = LabTLSServerConfig(chain: pki.chain)
        config.pin(version)
        let server = try LabHostileTLSServer(config, behaviour: .flood(message, count: 100_000))
        defer { server.stop() }
        let result = try HostileFixture.probe(server) { $0.verbose = true }
        HostileTable.row("\(name) × 100,000 after the handshake", result)
        HostileFixture.check(result, exit: [.httpFailed], ids: [DiagnosisID.handshakePostHandshakeFlood])
        let flood = try #require(result.report.diagnoses.first { $0.id == DiagnosisID.handshakePostHandshakeFlood })
        #expect(flood.summary.contains(name), "\(flood.summary)")
        // The verbose log folds the repeats: a few entries, not one per message.
        let log = result.report.stage(.finished)?.details.finished?.messages ?? []
        #expect(log.count <= 72, "\(log.count) entries")
        #expect(log.contains { $0.type.hasPrefix(name) && $0.count > 1 }, "\(log.map { "\($0.type) ×\($0.count)" })")
    }
}

/// The probe's peak RSS whatever the server sends: floods after and during the handshake, and a
/// thousand-certificate chain, with -v text and with --json. Bounded growth over the probe's own
/// floor (a refused connection) is the property; the absolute numbers go to the table.
@Suite("Peak memory under hostile servers", .serialized)
struct PeakMemoryTests {
    let pki = HostileFixture.pki
    /// What a hostile server may add to the probe's floor. The floor itself is the Swift runtime
    /// and OpenSSL mapped in (about 28 MB in a debug build).
    static let allowedGrowthKB = 8 * 1024

    private func probe(_ server: any LabServer, _ extra: [String]) throws -> PeakRSS.Result {
        try PeakRSS.run(["--cacert", HostileFixture.rootPath, "--connect-to", "127.0.0.1", "--timeout", "4"] + extra + ["localhost:\(server.port)"])
    }

    private func expectBounded(_ name: String, _ result: PeakRSS.Result, maxOutputBytes: Int, allowedGrowthKB: Int = Self.allowedGrowthKB,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        let baseline = PeakRSS.baselineKB
        print("RSS-ROW | \(name) | exit \(result.status) | peak \(result.peakKB) KB (floor \(baseline) KB) | output \(result.outputBytes) bytes")
        #expect(baseline > 0, sourceLocation: sourceLocation)
        #expect(result.peakKB - baseline < allowedGrowthKB, "\(name): peak \(result.peakKB) KB over a floor of \(baseline) KB", sourceLocation: sourceLocation)
        if let limit = PeakRSS.absoluteLimitKB {
            #expect(result.peakKB < limit, "\(name): peak \(result.peakKB) KB, over \(limit) KB", sourceLocation: sourceLocation)
        }
        #expect(result.outputBytes < maxOutputBytes, "\(name): \(result.outputBytes) bytes of output", sourceLocation: sourceLocation)
        #expect(result.status != 0 && result.status < 64, "\(name): exit \(result.status)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [(LabFloodMessage.helloRequest, LabTLSVersion.tls1_2, "HelloRequest"),
                      (.sessionTicket, .tls1_3, "NewSessionTicket"), (.keyUpdate, .tls1_3, "KeyUpdate")])
    func postHandshakeFlood(message: LabFloodMessage, version: LabTLSVersion, name: String) throws {
        var config = LabTLSServerConfig(chain: pki.chain)
        config.pin(version)
        let server = try LabHostileTLSServer(config, behaviour: .flood(message, count: 1_000_000))
        defer { server.stop() }
        let text = try probe(server, ["-v"])
        expectBounded("\(name) × 1,000,000 after the handshake, -v", text, maxOutputBytes: 16 * 1024)
        #expect(text.output.contains(DiagnosisID.handshakePostHandshakeFlood), "\(text.output.suffix(2000))")
        #expect(text.output.contains("\(name)"), "the folded log names the message")
        print("RSS-TEXT | \(name)\n\(text.output)")
        let json = try probe(server, ["--json", "-v"])
        expectBounded("\(name) × 1,000,000 after the handshake, --json -v", json, maxOutputBytes: 64 * 1024)
    }

    /// A million HelloRequests in plaintext records right after the ServerHello: OpenSSL ignores
    /// them while it waits for the Certificate; the recorder folds them into one entry.
    @Test func helloRequestsDuringTheHandshake() throws {
        let helloRequests = [UInt8](repeating: 0, count: 16_384)  // 4,096 HelloRequests per record
        let records = (0..<245).flatMap { _ in LabTLSFlights.record(type: 22, helloRequests) }
        let server = try LabRawServer(.garbage(LabTLSFlights.record(type: 22, LabTLSFlights.serverHello()) + records))
        defer { server.stop() }
        let result = try probe(server, ["-v", "--tls-max", "1.2"])
        expectBounded("HelloRequest × 1,003,520 during the handshake, -v", result, maxOutputBytes: 16 * 1024)
    }

    @Test func thousandCertificateChainJSON() throws {
        let chain = try LabHostileChains.many(999, leafIssuer: pki.intermediate)
        let server = try LabTLSServer(LabTLSServerConfig(chain: [chain[0], pki.intermediate] + chain.dropFirst()))
        defer { server.stop() }
        // OpenSSL decoding all 1,000 (~3.5 KB each) took a release build to 23.4 MB; the list is
        // cut after its first 20 (CertificateListCut), so the chain costs what a short one does
        // (a healthy probe is ~1.5 MB over the refused-connection floor). Release: under 20 MB.
        let result = try probe(server, ["--json", "-v"])
        expectBounded("1,000-certificate chain, --json -v", result, maxOutputBytes: 96 * 1024, allowedGrowthKB: 3 * 1024)
        #expect(result.output.contains("\"sent_count\" : 1000") || result.output.contains("\"sent_count\":1000"), "\(result.output.prefix(300))")
        let text = try probe(server, ["-v"])
        expectBounded("1,000-certificate chain, -v", text, maxOutputBytes: 32 * 1024, allowedGrowthKB: 3 * 1024)
        #expect(text.output.contains("1000 sent"), "\(text.output.prefix(2000))")
    }
}
