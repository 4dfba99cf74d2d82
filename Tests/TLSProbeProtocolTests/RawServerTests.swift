import Foundation
import Testing
import TLSProbeCore

/// The failure modes no real daemon can be made to show on demand, and the protocols without a
/// Debian server light enough for CI (FTP AUTH TLS, XMPP, LDAP StartTLS): Python stand-ins
/// (Tests/ProtocolServers/starttls_lab.py), one process for the suite, one listener per mode.
@Suite struct RawServerTests {
    static let lab: Result<[String: Int], ServiceError> = {
        do {
            let dir = try ProtocolFixture.scratch("standins")
            let portFile = dir.appending(path: "ports.txt")
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appending(path: "ProtocolServers/starttls_lab.py").path
            let python = try Command.python()
            let service = ServiceRegistry.keep(try ServiceProcess("starttls_lab.py", executable: python,
                arguments: [script, ProtocolFixture.path("chain.pem"), ProtocolFixture.path("leaf.key"), portFile.path],
                log: dir.appending(path: "standins.log")))
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline, !FileManager.default.fileExists(atPath: portFile.path), service.process.isRunning { usleep(50_000) }
            let text = (try? String(contentsOf: portFile, encoding: .utf8)) ?? ""
            var ports: [String: Int] = [:]
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: " ")
                if parts.count == 2, let port = Int(parts[1]) { ports[String(parts[0])] = port }
            }
            guard !ports.isEmpty else {
                let log = (try? String(contentsOf: dir.appending(path: "standins.log"), encoding: .utf8)) ?? ""
                return .failure(ServiceError(description: "starttls_lab.py wrote no ports; log:\n\(log.suffix(1500))"))
            }
            return .success(ports)
        } catch let error as ServiceError {
            return .failure(error)
        } catch {
            return .failure(ServiceError(description: "\(error)"))
        }
    }()

    private func probe(_ scheme: String, _ mode: String, _ adjust: (inout ProbeOptions) -> Void = { _ in }) throws -> ProbeReport {
        let port = try #require(try Self.lab.get()[mode], "no stand-in for \(mode)")
        return try ProtocolFixture.probe("\(scheme)://localhost:\(port)") { options in
            options.timeout = 3
            adjust(&options)
        }
    }

    /// scheme, stand-in mode, the diagnosis, its exit code.
    @Test(arguments: [
        ("smtp", "smtp-no-starttls", ProtocolDiagnosisID.startTLSNotOffered, TLSProbeCore.ExitStatus.startTLSNotAvailable),
        ("smtp", "smtp-refuse", ProtocolDiagnosisID.startTLSRefused, .startTLSNotAvailable),
        ("imap", "imap-refuse", ProtocolDiagnosisID.startTLSRefused, .startTLSNotAvailable),
        ("pop3", "pop3-refuse", ProtocolDiagnosisID.startTLSRefused, .startTLSNotAvailable),
        ("ftp", "ftp-no-auth", ProtocolDiagnosisID.startTLSNotOffered, .startTLSNotAvailable),
        ("xmpp", "xmpp-no-tls", ProtocolDiagnosisID.startTLSNotOffered, .startTLSNotAvailable),
        ("ldap", "ldap-unsupported", ProtocolDiagnosisID.startTLSNotOffered, .startTLSNotAvailable),
        ("smtp", "smtp-inject", ProtocolDiagnosisID.startTLSInjection, .startTLSFailed),
        ("smtp", "smtp-flood", ProtocolDiagnosisID.startTLSReplyTooLarge, .startTLSFailed),
        ("smtp", "imap-greeting", ProtocolDiagnosisID.startTLSWrongProtocol, .startTLSFailed),
        ("smtp", "silent", ProtocolDiagnosisID.startTLSNoGreeting, .startTLSFailed),
        ("postgres", "tls-only", ProtocolDiagnosisID.startTLSImplicitTLS, .startTLSFailed),
        ("ldap", "tls-only", ProtocolDiagnosisID.startTLSImplicitTLS, .startTLSFailed),
        ("mqtts", "tls-http", ProtocolDiagnosisID.appWrongProtocol, .applicationFailed),
        ("wss", "tls-http", ProtocolDiagnosisID.webSocketNotUpgraded, .applicationFailed),
        ("smtp", "smtp-ehlo-rejected", ProtocolDiagnosisID.startTLSUnexpectedReply, .startTLSFailed),
        ("smtp", "smtp-stall-after-ehlo", ProtocolDiagnosisID.startTLSTimeout, .startTLSFailed),
        ("smtp", "smtp-close-after-ehlo", ProtocolDiagnosisID.startTLSClosed, .startTLSFailed),
        ("mqtts", "tls-silent", ProtocolDiagnosisID.appTimeout, .applicationFailed),
        ("smtps", "tls-flood", ProtocolDiagnosisID.appReplyTooLarge, .applicationFailed),
        ("smtps", "tls-smtp-refuse", ProtocolDiagnosisID.appUnexpectedReply, .applicationFailed),
        ("wss", "ws-bad-accept", ProtocolDiagnosisID.webSocketBadAccept, .applicationFailed),
    ])
    func failureIsDiagnosed(scheme: String, mode: String, id: String, exit: TLSProbeCore.ExitStatus) throws {
        let report = try probe(scheme, mode)
        #expect(report.diagnoses.first { $0.severity == .error }?.id == id, "\(report.diagnosisIDs)")
        #expect(report.exitCode == exit.rawValue)
        let stage: StageName = id.hasPrefix("starttls.") ? .starttls : .app
        #expect(report.failedStage == stage)
        #expect(report.stageStatus(stage) == .fail)
        if stage == .starttls { #expect(report.stageStatus(.clientHello) == .skipped) }
    }

    /// Warnings: TLS and the exchange worked, something about them is off.
    @Test(arguments: [
        ("smtp", "smtp-still-offers", ProtocolDiagnosisID.appStartTLSStillOffered, nil as String?),
        ("wss", "ws-no-subprotocol", ProtocolDiagnosisID.webSocketNoSubprotocol, "mqtt"),
    ])
    func warningIsDiagnosed(scheme: String, mode: String, id: String, webSocketProtocol: String?) throws {
        let report = try probe(scheme, mode) { $0.webSocketProtocol = webSocketProtocol }
        #expect(report.outcome == .warning, "\(report.diagnosisIDs)")
        #expect(report.exitCode == 0)
        #expect(report.diagnoses.first { $0.severity == .warning }?.id == id, "\(report.diagnosisIDs)")
        #expect(report.stageStatus(.app) == .warning)
    }

    @Test(arguments: [("ftps", "ftps", "greeting 220 stand-in FTPS ready"), ("ldaps", "ldaps", "dn:cn=anonymous")])
    func implicitTLSSchemes(scheme: String, mode: String, evidence: String) throws {
        let report = try probe(scheme, mode)
        #expect(report.outcome == .ok, "\(report.diagnosisIDs)")
        #expect(report.stages.map(\.name) == [.dns, .tcp, .clientHello, .serverHello, .certificate, .keyExchange, .finished, .app])
        #expect(report.stage(.app)?.summary.contains(evidence) == true, "\(report.stage(.app)?.summary ?? "")")
    }

    @Test func notOfferedShowsTheCapabilitiesOffered() throws {
        let report = try probe("smtp", "smtp-no-starttls")
        let diagnosis = try #require(report.diagnoses.first)
        #expect(diagnosis.summary.contains("PIPELINING, SIZE 10240000, AUTH PLAIN LOGIN"), "\(diagnosis.summary)")
        #expect(report.stage(.starttls)?.details.starttls?.capabilities == ["PIPELINING", "SIZE 10240000", "AUTH PLAIN LOGIN"])
        #expect(report.stage(.starttls)?.details.starttls?.transcript?.contains("C: EHLO tlsprobe.invalid") == true)
    }

    @Test func injectionNamesTheInjectedBytes() throws {
        let report = try probe("smtp", "smtp-inject")
        #expect(report.diagnoses.first?.summary.contains("250 injected reply") == true)
    }

    @Test func floodStopsAtTheCap() throws {
        let report = try probe("smtp", "smtp-flood")
        let bytes = try #require(report.stage(.starttls)?.details.starttls?.bytes)
        #expect(bytes <= 16 * 1024)
    }

    @Test func wrongProtocolIsNamed() throws {
        let report = try probe("smtp", "imap-greeting")
        #expect(report.diagnoses.first?.summary.contains("speaks IMAP") == true, "\(report.diagnoses.first?.summary ?? "")")
    }

    @Test func startTLSOptionOnAnyPort() throws {
        let port = try #require(try Self.lab.get()["smtp-refuse"])
        let report = try ProtocolFixture.probe("localhost:\(port)") { $0.startTLSOverride = .smtp; $0.timeout = 3 }
        #expect(report.target.appProtocol == "smtp")
        #expect(report.diagnoses.first?.id == ProtocolDiagnosisID.startTLSRefused)
    }

    @Test(arguments: [("ftp", "ftp", "FEAT"), ("xmpp", "xmpp", "mechanisms: SCRAM-SHA-1 PLAIN"), ("ldap", "ldap", "WhoAmI")])
    func upgradeSucceedsAndTheAppStageRuns(scheme: String, mode: String, evidence: String) throws {
        let report = try probe(scheme, mode)
        #expect(report.outcome == .ok, "\(report.diagnosisIDs)")
        #expect(report.stages.map(\.name) == [.dns, .tcp, .starttls, .clientHello, .serverHello, .certificate, .keyExchange, .finished, .app])
        #expect(report.stageStatus(.starttls) == .ok)
        let app = try #require(report.stage(.app))
        #expect(app.status == .ok)
        #expect(app.summary.contains(evidence) || app.details.app?.capabilities?.contains(evidence) == true, "\(app.summary)")
    }
}
