import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab

/// Alerts of every number, records of the wrong type, odd versions, renegotiation, close_notify
/// mid-handshake and resets at random points.
@Suite("Protocol abuse", .serialized)
struct ProtocolAbuseTests {
    let pki = HostileFixture.pki

    /// Every alert number, known or not, as the server's only answer to the ClientHello.
    @Test func everyAlertNumber() throws {
        let engine = try ProbeEngine(options: HostileFixture.options())
        var rows: [String: Int] = [:]
        for code in 0...255 {
            let server = try LabRawServer(.alertAfterClientHello(level: 2, description: UInt8(code)))
            defer { server.stop() }
            let result = HostileFixture.probe(server, engine: engine)
            let report = result.report
            #expect(result.seconds < HostileFixture.timeout + 1, "alert \(code) took \(result.seconds) s")
            #expect(report.exitCode != 0 && report.exitCode != ProbeExit.internalError.rawValue, "alert \(code): exit \(report.exitCode)")
            // The diagnosis names the alert the server sent: by name when it has one, else by number.
            let first = try #require(report.diagnoses.first, "alert \(code): no diagnosis")
            let named = TLSAlert.name(for: UInt8(code)).map { first.summary.contains($0) || first.id.contains($0) } ?? false
            #expect(named || first.summary.contains(String(code)), "alert \(code): \(first.id): \(first.summary)")
            HostileFixture.expectNoRawControls(report)
            rows["\(report.exitCode) \(first.id)", default: 0] += 1
            if [0, 10, 40, 42, 70, 112, 116, 200, 255].contains(code) { HostileTable.row("fatal alert \(code) after the ClientHello", result) }
        }
        // Tables for notes and debugging only when asked for: tests are quiet by default.
        if ProcessInfo.processInfo.environment["TLSPROBE_TEST_TABLES"] != nil { print("HOSTILE-ALERTS | " + rows.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")) }
    }

    @Test(arguments: [("application data record before any handshake", UInt8(23)),
                      ("unknown content type 25", UInt8(25)),
                      ("change_cipher_spec first", UInt8(20))])
    func recordOfTheWrongType(name: String, type: UInt8) throws {
        let server = try LabRawServer(.garbage(LabTLSFlights.record(type: type, [1, 2, 3, 4, 5])))
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row(name, result)
        HostileFixture.check(result, exit: [.notTLS, .peerClosed, .handshakeAlert],
                             ids: [DiagnosisID.notTLSGarbage, DiagnosisID.handshakeFailed, DiagnosisID.handshakeAbruptClose])
    }

    @Test(arguments: [("SSL 3.0", UInt16(0x0300)), ("TLS 1.0 (downgrade)", UInt16(0x0301)),
                      ("unknown 0x0305", UInt16(0x0305)), ("draft 0x7F1C", UInt16(0x7F1C)), ("0xFFFF", UInt16(0xFFFF))])
    func serverHelloWithAnOddVersion(name: String, version: UInt16) throws {
        let flight = LabTLSFlights.record(type: 22, LabTLSFlights.serverHello(version: version))
        let server = try LabRawServer(.garbage(flight))
        defer { server.stop() }
        let result = try HostileFixture.probe(server) { $0.tlsMin = .tls12 }
        HostileTable.row("ServerHello version \(name)", result)
        HostileFixture.check(result, exit: [.noCommonParameters, .notTLS, .handshakeAlert, .peerClosed],
                             ids: [DiagnosisID.protoNoCommonVersion, DiagnosisID.notTLSGarbage, DiagnosisID.handshakeFailed,
                                   DiagnosisID.protoTLS10Only, DiagnosisID.handshakeAbruptClose])
    }

    @Test func helloRequestInTLS12() throws {
        var config = LabTLSServerConfig(chain: pki.chain)
        config.pin(.tls1_2)
        let server = try LabHostileTLSServer(config, behaviour: .helloRequestThenRespond)
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("HelloRequest (renegotiation) after the request, TLS 1.2", result)
        #expect(result.seconds < HostileFixture.timeout + 1)
        #expect(result.report.exitCode != ProbeExit.internalError.rawValue)
        if result.report.exitCode != 0 { #expect(!result.report.diagnoses.isEmpty) }
        HostileFixture.expectNoRawControls(result.report)
    }

    @Test(arguments: [("close_notify instead of a ServerHello", LabStreamCut.afterBytes(0)),
                      ("close_notify after the ServerHello", LabStreamCut.intoRecord(1, offset: 0)),
                      ("close_notify mid-Certificate", LabStreamCut.intoRecord(1, offset: 50))])
    func closeNotifyMidHandshake(name: String, cut: LabStreamCut) throws {
        var config = LabTLSServerConfig(chain: pki.chain)
        config.pin(.tls1_2)
        let upstream = try LabTLSServer(config)
        defer { upstream.stop() }
        let proxy = try LabCuttingProxy(upstreamPort: upstream.port, cut: cut, action: .inject(LabTLSFlights.alert(level: 1, description: 0)))
        defer { proxy.stop() }
        let result = try HostileFixture.probe(proxy)
        HostileTable.row(name, result)
        HostileFixture.check(result, exit: [.peerClosed, .handshakeAlert, .notTLS],
                             ids: [DiagnosisID.handshakeAbruptClose, DiagnosisID.handshakeFailed, DiagnosisID.alertUnknown,
                                   DiagnosisID.notTLSGarbage, DiagnosisID.alert(named: "close_notify")])
    }

    /// Accept, then close or reset after a random number of the server's bytes, seeded so a
    /// failure can be replayed. Any outcome but a hang, a crash or an unexplained failure is fine.
    @Test(arguments: [1, 2, 3])
    func resetAtRandomPoints(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        var config = LabTLSServerConfig(chain: pki.chain)
        if seed == 2 { config.pin(.tls1_2) }
        let upstream = try LabTLSServer(config)
        defer { upstream.stop() }
        let engine = try ProbeEngine(options: HostileFixture.options())
        for _ in 0..<8 {
            let cutAt = Int.random(in: 0..<4000, using: &generator)
            let action: LabCutAction = Bool.random(using: &generator) ? .reset : .close
            let proxy = try LabCuttingProxy(upstreamPort: upstream.port, cut: .afterBytes(cutAt), action: action)
            defer { proxy.stop() }
            let result = HostileFixture.probe(proxy, engine: engine)
            let report = result.report
            let label = "seed \(seed), \(action) after \(cutAt) bytes"
            #expect(result.seconds < HostileFixture.timeout + 1, "\(label): \(result.seconds) s")
            #expect(report.exitCode != ProbeExit.internalError.rawValue, "\(label)")
            #expect(report.exitCode == 0 || !report.diagnoses.isEmpty, "\(label): failed without a diagnosis")
            HostileFixture.expectNoRawControls(report)
            // Tables for notes and debugging only when asked for: tests are quiet by default.
            if ProcessInfo.processInfo.environment["TLSPROBE_TEST_TABLES"] != nil { print("HOSTILE-RESET | \(label) | \(report.exitCode) | \(HostileFixture.firstLine(report).prefix(120))") }
        }
    }
}

/// SplitMix64: a tiny deterministic generator so random cut points replay from the seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
