import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab

/// Servers that fail only for our permissive ClientHello: the probe retries with a plain one,
/// goes on to the end over it, and names what the server rejects, on real stacks (lighttpd +
/// wolfSSL, GnuTLS and OpenSSL behind a middlebox that drops hellos of some shape).
@Suite struct IntoleranceTests {
    static func probe(_ server: any LabServer, _ adjust: (inout ProbeOptions) -> Void = { _ in }) throws -> ProbeReport {
        let engine = try ProbeEngine(options: LabFixture.options { options in
            options.connectTo = server.host
            adjust(&options)
        })
        return engine.probe(try ProbeTarget.parse("localhost:\(server.port)"))
    }

    static func intolerance(_ report: ProbeReport) -> Diagnosis? {
        report.diagnoses.first { $0.id == DiagnosisID.handshakeIntolerance }
    }

    static func wolfSSL() throws -> ForeignTLSServer {
        try StackFaultServers.plain(.lighttpdWolfSSL)
    }

    static func gnuTLS() throws -> ForeignTLSServer {
        try StackFaultServers.plain(.gnutls)
    }

    @Test func wolfSSLClosingOnStatusRequestIsNamedAndProbedToTheEnd() throws {
        let report = try Self.probe(try Self.wolfSSL())
        let found = try #require(Self.intolerance(report), "\(report.diagnoses.map(\.id))")
        #expect(found.summary.contains("status_request"))
        #expect(found.summary.contains("curl"))
        #expect(found.severity == .warning)
        // The whole probe ran over the plain offer: chain verified, HTTP answered.
        #expect(report.stages.first { $0.name == .certificate }?.status == .ok)
        #expect([.ok, .warning].contains(report.stages.first { $0.name == .http }?.status))  // warning: no HSTS
        #expect(report.exitCode == ExitStatus.success.rawValue, "\(report.diagnoses.map(\.id))")
        #expect(report.tls.version == "TLSv1.3")
    }

    @Test func aMiddleboxDroppingLongHandshakesIsNamedAsTheSize() throws {
        let origin = try LabTLSServer(LabTLSServerConfig(chain: LabFixture.pki.chain))
        defer { origin.stop() }
        let box = try LabHelloFilterProxy(upstreamPort: origin.port, filter: .sizeBetween256And511, action: .close)
        defer { box.stop() }
        let report = try Self.probe(box)
        let found = try #require(Self.intolerance(report), "\(report.diagnoses.map(\.id))")
        #expect(found.summary.contains("256–511"))
        #expect(found.summary.contains("padded to 512"))
        #expect(report.exitCode == ExitStatus.success.rawValue, "\(report.diagnoses.map(\.id))")
        #expect(box.droppedCount >= 2)  // ours and the plain one
    }

    @Test func aMiddleboxResettingOnALPNInFrontOfGnuTLSIsNamedAsALPN() throws {
        let box = try LabHelloFilterProxy(upstreamPort: try Self.gnuTLS().port, filter: .carriesExtension(16), action: .reset)
        defer { box.stop() }
        let report = try Self.probe(box)
        let found = try #require(Self.intolerance(report), "\(report.diagnoses.map(\.id))")
        #expect(found.summary.contains("ALPN"))
        #expect(found.summary.contains("reset"))
        #expect([.ok, .warning].contains(report.stages.first { $0.name == .http }?.status))  // warning: no HSTS
        #expect(report.exitCode == ExitStatus.success.rawValue, "\(report.diagnoses.map(\.id))")
    }

    @Test func aServerThatClosesOnEveryHelloIsNotCalledIntolerant() throws {
        let server = try LabRawServer(.closeAfterClientHello)
        defer { server.stop() }
        let report = try Self.probe(server)
        #expect(Self.intolerance(report) == nil)
        #expect(report.diagnoses.contains { $0.id == DiagnosisID.handshakeAbruptClose })
        #expect(report.followUps.contains { $0.purpose == "is our ClientHello the cause" && !$0.accepted })
    }

    @Test func aHealthyForeignServerIsProbedExactlyOnce() throws {
        let counter = try LabHelloFilterProxy(upstreamPort: try Self.gnuTLS().port, filter: .moreSuitesThan(10_000), action: .close)
        defer { counter.stop() }
        let report = try Self.probe(counter)
        #expect(report.exitCode == ExitStatus.success.rawValue, "\(report.diagnoses.map(\.id))")
        #expect(counter.connectionCount == 1)
        #expect(report.followUps.isEmpty)
    }
}

/// A middlebox that swallows some ClientHellos without a word: the probe looks into the silence
/// at half its time, and goes on over a plain hello.
@Suite struct SilentIntoleranceTests {
    @Test func aMiddleboxStallingOnALPNIsNamedAndProbedToTheEndWithinTheTimeout() throws {
        let origin = try LabTLSServer(LabTLSServerConfig(chain: LabFixture.pki.chain))
        defer { origin.stop() }
        let box = try LabHelloFilterProxy(upstreamPort: origin.port, filter: .carriesExtension(16), action: .stall)
        defer { box.stop() }
        let start = Deadline.now
        let report = try IntoleranceTests.probe(box) { $0.timeout = 6 }
        let found = try #require(IntoleranceTests.intolerance(report), "\(report.diagnoses.map(\.id))")
        #expect(found.summary.contains("ALPN"))
        #expect(found.summary.contains("no answer"))
        #expect(report.exitCode == ExitStatus.success.rawValue, "\(report.diagnoses.map(\.id))")
        #expect(Deadline.millisecondsSince(start) < 6_500)
    }

    @Test func aServerSilentToEveryHelloStillTimesOutAtTheTimeout() throws {
        let server = try LabRawServer(.stallAfterClientHello)
        defer { server.stop() }
        let start = Deadline.now
        let report = try IntoleranceTests.probe(server) { $0.timeout = 4 }
        #expect(IntoleranceTests.intolerance(report) == nil)
        #expect(report.diagnoses.first?.id == DiagnosisID.handshakeTimeout, "\(report.diagnoses.map(\.id))")
        #expect(Deadline.millisecondsSince(start) < 4_800)
    }
}
