import Foundation
import Testing
@testable import TLSProbeCore
import TLSProbeLab

/// The pipeline's promises that are not about one lab scenario: every stage listed, deadlines,
/// IPv6, DNS failures, client certificates, -k, --no-http.
@Suite struct EngineBehaviourTests {
    private func probe(_ target: String, _ adjust: (inout ProbeOptions) -> Void = { _ in }) throws -> ProbeReport {
        try ProbeEngine(options: LabFixture.options(adjust)).probe(try ProbeTarget.parse(target))
    }

    @Test func everyStageIsListedInOrderWhateverHappens() throws {
        let target = try ProbeTarget.parse("127.0.0.1:\(try LabPorts.closedPort())")
        let engine = try ProbeEngine(options: LabFixture.options())
        let refused = engine.probe(target)
        // The stages that belong to this probe, as the stage types themselves decide (`init?(for:)`).
        let belonging = ProbePipeline.stages(for: ProbeContext(engine: engine, target: target, observer: nil)).map { type(of: $0).name }
        #expect(belonging.count < StageName.runOrder.count, "an https target without a proxy has conditional stages left out")
        #expect(refused.stages.map(\.name) == belonging)
        // Every stage but the failed tcp one is skipped (dns too: the target is an IP address).
        #expect(refused.stages.filter { $0.status == .skipped }.map(\.name) == belonging.filter { $0 != .tcp })
        #expect(refused.exitCode == ExitStatus.tcpRefused.rawValue)
        #expect(refused.failedStage == .tcp)
    }

    @Test func probesAnIPv6Server() throws {
        let server = try LabFixtureServer.healthy(host: "::1")
        defer { server.stop() }
        let report = try probe("[::1]:\(server.port)") { $0.connectTo = nil }
        #expect(report.exitCode == 0, "\(report.diagnoses.map(\.summary))")
        #expect(report.target.connectAddress == "[::1]:\(server.port)")
        #expect(report.target.sni == nil, "SNI must not carry an IP literal")
        #expect(report.stage(.dns)?.status == .skipped)
    }

    @Test func dnsFailuresAreTheirOwnStageAndCode() throws {
        let missing = try probe("no-such-host.invalid") { $0.connectTo = nil }
        #expect(missing.exitCode == ExitStatus.dnsFailed.rawValue)
        #expect(missing.failedStage == .dns)
        #expect(missing.diagnoses.first?.id == DiagnosisID.dnsNoSuchName || missing.diagnoses.first?.id == DiagnosisID.dnsResolverFailure)

        // /etc/hosts maps localhost to 127.0.0.1 only here, so -6 finds nothing of that family.
        let wrongFamily = try probe("localhost:1") { $0.connectTo = nil; $0.family = .ipv6 }
        if wrongFamily.diagnoses.first?.id == DiagnosisID.dnsNoAddressForFamily {
            #expect(wrongFamily.exitCode == ExitStatus.dnsFailed.rawValue)
        } else {
            // A machine whose localhost has ::1 connects (and is refused on port 1) instead.
            #expect(wrongFamily.exitCode == ExitStatus.tcpRefused.rawValue)
        }
    }

    @Test func aClientCertificateSatisfiesAServerThatDemandsOne() throws {
        let server = try LabFixtureServer.healthy { $0.clientAuth = .require(acceptableCAs: [LabFixture.pki.clientCA]) }
        defer { server.stop() }
        let without = try probe("localhost:\(server.port)")
        #expect(without.diagnoses.first?.id == DiagnosisID.alertClientCertRequired)
        #expect(without.diagnoses.first?.summary.contains("tlsprobe Lab Client CA") == true)
        let with = try probe("localhost:\(server.port)") { options in
            options.clientCertificatePath = LabFixture.directory.appending(path: "client.pem").path
            options.clientKeyPath = LabFixture.directory.appending(path: "client.key").path
        }
        #expect(with.exitCode == 0, "\(with.diagnoses.map(\.summary))")
    }

    @Test(arguments: [true, false])
    func tls13ClientCertificateRejectionIsCaughtWithAndWithoutHTTP(runHTTP: Bool) throws {
        let server = try LabFixtureServer.healthy { config in
            config.pin(.tls1_3)
            config.clientAuth = .require(acceptableCAs: [LabFixture.pki.clientCA])
        }
        defer { server.stop() }
        // Repeated: the rejection arrives after our Finished and must be caught every time.
        for _ in 0..<5 {
            let report = try probe("localhost:\(server.port)") { $0.runHTTP = runHTTP }
            #expect(report.failedStage == .finished)
            #expect(report.diagnoses.first?.id == DiagnosisID.alertClientCertRequired)
            #expect(report.exitCode == ExitStatus.handshakeAlert.rawValue)
        }
    }

    @Test func insecureGoesOnToHTTPButNeverPasses() throws {
        let scenario = try #require(LabScenarios.named("expired"))
        let (strict, strictServer) = try LabFixture.probe(scenario)
        #expect(strict.stage(.http)?.status == .skipped)
        #expect(strictServer.connectionCount == 1)
        let (insecure, _) = try LabFixture.probe(scenario) { $0.insecure = true }
        #expect(insecure.stage(.http)?.status == .ok)
        #expect(insecure.http?.status == 200)
        #expect(insecure.exitCode == ExitStatus.certificateExpired.rawValue)
    }

    @Test func stallsAreBoundedByTheDeadline() throws {
        let scenario = try #require(LabScenarios.named("stall-after-accept"))
        let server = try scenario.make(LabFixture.pki)
        defer { server.stop() }
        let engine = try ProbeEngine(options: LabFixture.options { $0.timeout = 1.5; $0.connectTo = server.host })
        let started = Date()
        let report = engine.probe(try ProbeTarget.parse("localhost:\(server.port)"))
        let elapsed = Date().timeIntervalSince(started)
        #expect(report.exitCode == ExitStatus.handshakeTimeout.rawValue)
        #expect(elapsed >= 1.4 && elapsed < 1.5 + 0.5, "took \(elapsed) s")
        #expect(report.diagnoses.first?.summary.contains("ClientHello") == true)
    }

    @Test func aHealthyServerIsProbedExactlyOnce() throws {
        for name in ["healthy-rsa", "healthy-tls13-only", "http-no-hsts"] {
            let scenario = try #require(LabScenarios.named(name))
            let (report, server) = try LabFixture.probe(scenario)
            #expect(report.exitCode == 0)
            #expect(server.connectionCount == 1, "\(name): \(server.connectionCount) connections")
        }
    }

    @Test func verboseRecordsEveryHandshakeMessage() throws {
        let server = try LabFixtureServer.healthy()
        defer { server.stop() }
        let report = try probe("localhost:\(server.port)") { $0.verbose = true; $0.runHTTP = false }
        let messages = try #require(report.stage(.finished)?.details.finished?.messages)
        let types = messages.map(\.type)
        #expect(types.first == "ClientHello")
        #expect(types.contains("ServerHello") && types.contains("Certificate") && types.contains("Finished"))
        #expect(messages.allSatisfy { $0.bytes > 0 })
    }

    @Test func expiryThresholdsAreAPolicy() throws {
        let scenario = try #require(LabScenarios.named("expires-soon"))
        let (normal, _) = try LabFixture.probe(scenario)
        #expect(normal.exitCode == 0 && normal.outcome == .warning)
        let (failing, _) = try LabFixture.probe(scenario) { $0.failDays = 5 }
        #expect(failing.exitCode == ExitStatus.certificateExpired.rawValue)
        let (strict, _) = try LabFixture.probe(scenario) { $0.strict = true }
        #expect(strict.exitCode == ExitStatus.warningsUnderStrict.rawValue)
    }

    @Test func aFollowUpNamesWhatTheServerAcceptsWhenNoSuiteIsShared() throws {
        let server = try LabFixtureServer.healthy { config in
            config.pin(.tls1_2)
            config.cipherList = "ECDHE-RSA-AES256-GCM-SHA384"
        }
        defer { server.stop() }
        // The user narrowed the offer to a suite this server does not have.
        let report = try probe("localhost:\(server.port)") { $0.ciphers = "ECDHE-RSA-AES128-GCM-SHA256"; $0.tlsMax = .tls12 }
        #expect(report.diagnoses.first?.id == DiagnosisID.cipherNoShared, "\(report.diagnoses.map(\.id))")
        #expect(report.exitCode == ExitStatus.noCommonParameters.rawValue)
        #expect(report.diagnoses.first?.summary.contains("ECDHE-RSA-AES256-GCM-SHA384") == true, "\(report.diagnoses.first?.summary ?? "")")
        #expect(report.followUps.contains { $0.accepted })
    }
}
