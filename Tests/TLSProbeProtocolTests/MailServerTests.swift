import Foundation
import Testing
import TLSProbeCore

/// SMTP (aiosmtpd: STARTTLS on one listener, implicit TLS on another, no TLS on a third) and
/// IMAP / POP3 (Dovecot, STARTTLS and implicit TLS), each started once for the suite.
@Suite struct MailServerTests {
    struct Ports { let submission: Int, smtps: Int, plain: Int }

    static let smtp: Result<Ports, ServiceError> = {
        do {
            let python = try Command.python()
            let dir = try ProtocolFixture.scratch("aiosmtpd")
            let ports = Ports(submission: ProtocolFixture.freePort(), smtps: ProtocolFixture.freePort(), plain: ProtocolFixture.freePort())
            let chain = ProtocolFixture.path("chain.pem"), key = ProtocolFixture.path("leaf.key")
            let runs: [(String, [String], Int)] = [
                ("submission", ["--tlscert", chain, "--tlskey", key], ports.submission),
                ("smtps", ["--smtpscert", chain, "--smtpskey", key], ports.smtps),
                ("plain", [], ports.plain),
            ]
            for (name, tls, port) in runs {
                let service = ServiceRegistry.keep(try ServiceProcess("aiosmtpd \(name)", executable: python,
                    arguments: ["-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)"] + tls, log: dir.appending(path: "\(name).log")))
                try service.waitForPorts([port])
            }
            return .success(ports)
        } catch let error as ServiceError { return .failure(error) } catch { return .failure(ServiceError(description: "\(error)")) }
    }()

    struct DovecotPorts { let imap: Int, imaps: Int, pop3: Int, pop3s: Int }

    static let dovecot: Result<DovecotPorts, ServiceError> = {
        do {
            let executable = try Command.locate(["/usr/sbin/dovecot"])
            let dir = try ProtocolFixture.scratch("dovecot")
            let ports = DovecotPorts(imap: ProtocolFixture.freePort(), imaps: ProtocolFixture.freePort(), pop3: ProtocolFixture.freePort(), pop3s: ProtocolFixture.freePort())
            for sub in ["run", "state", "mail", "home"] {
                try FileManager.default.createDirectory(at: dir.appending(path: sub), withIntermediateDirectories: true)
            }
            // A minimal configuration: both protocols on loopback, plaintext and implicit-TLS
            // listeners, a static password database (no system users involved).
            let config = """
                base_dir = \(dir.path)/run
                state_dir = \(dir.path)/state
                log_path = \(dir.path)/dovecot.log
                protocols = imap pop3
                listen = 127.0.0.1
                ssl = yes
                ssl_cert = <\(ProtocolFixture.path("chain.pem"))
                ssl_key = <\(ProtocolFixture.path("leaf.key"))
                mail_location = maildir:\(dir.path)/mail
                passdb {
                  driver = static
                  args = password=lab
                }
                userdb {
                  driver = static
                  args = uid=nobody gid=nogroup home=\(dir.path)/home
                }
                service imap-login {
                  inet_listener imap {
                    port = \(ports.imap)
                  }
                  inet_listener imaps {
                    port = \(ports.imaps)
                    ssl = yes
                  }
                }
                service pop3-login {
                  inet_listener pop3 {
                    port = \(ports.pop3)
                  }
                  inet_listener pop3s {
                    port = \(ports.pop3s)
                    ssl = yes
                  }
                }
                service anvil {
                  chroot =
                }
                service stats {
                  chroot =
                }

                """
            let configURL = dir.appending(path: "dovecot.conf")
            try config.write(to: configURL, atomically: true, encoding: .utf8)
            let service = ServiceRegistry.keep(try ServiceProcess("dovecot", executable: executable, arguments: ["-F", "-c", configURL.path], log: dir.appending(path: "dovecot.out")))
            try service.waitForPorts([ports.imap, ports.imaps, ports.pop3, ports.pop3s])
            return .success(ports)
        } catch let error as ServiceError { return .failure(error) } catch { return .failure(ServiceError(description: "\(error)")) }
    }()

    private func expectHealthy(_ report: ProbeReport, startTLS: Bool, capability: String) throws {
        #expect(report.outcome == .ok, "\(report.diagnosisIDs)")
        var stages: [StageName] = [.dns, .tcp, .clientHello, .serverHello, .certificate, .keyExchange, .finished, .app]
        if startTLS { stages.insert(.starttls, at: 2) }
        #expect(report.stages.map(\.name) == stages)
        #expect(report.stages.allSatisfy { $0.status == .ok || $0.status == .skipped })
        let app = try #require(report.stage(.app))
        #expect(app.details.app?.capabilities?.contains(capability) == true, "\(app.details.app?.capabilities ?? [])")
    }

    @Test func smtpStartTLS() throws {
        let report = try ProtocolFixture.probe("smtp://localhost:\(try Self.smtp.get().submission)")
        try expectHealthy(report, startTLS: true, capability: "8BITMIME")
        let starttls = try #require(report.stage(.starttls))
        #expect(starttls.details.starttls?.capabilities?.contains("STARTTLS") == true)
        #expect(starttls.details.starttls?.transcript?.contains("C: STARTTLS") == true)
        // aiosmtpd offers AUTH only once TLS is up.
        #expect(report.stage(.app)?.details.app?.capabilities?.contains { $0.hasPrefix("AUTH") } == true)
    }

    @Test func smtpsImplicitTLS() throws {
        let report = try ProtocolFixture.probe("smtps://localhost:\(try Self.smtp.get().smtps)")
        try expectHealthy(report, startTLS: false, capability: "8BITMIME")
        #expect(report.stage(.app)?.summary.contains("greeting 220") == true)
    }

    @Test func smtpWithoutTLSIsNotOffered() throws {
        let report = try ProtocolFixture.probe("smtp://localhost:\(try Self.smtp.get().plain)")
        #expect(report.diagnosisIDs.first == ProtocolDiagnosisID.startTLSNotOffered)
        #expect(report.exitCode == ExitStatus.startTLSNotAvailable.rawValue)
    }

    @Test func smtpOnTheImplicitPortHasNoGreeting() throws {
        let report = try ProtocolFixture.probe("smtp://localhost:\(try Self.smtp.get().smtps)") { $0.timeout = 5 }
        // The follow-up finds TLS on the port and says so instead of "no greeting".
        #expect(report.diagnosisIDs.first == ProtocolDiagnosisID.startTLSImplicitTLS, "\(report.diagnosisIDs)")
        #expect(report.exitCode == ExitStatus.startTLSFailed.rawValue)
    }

    @Test func imapStartTLS() throws {
        let report = try ProtocolFixture.probe("imap://localhost:\(try Self.dovecot.get().imap)")
        try expectHealthy(report, startTLS: true, capability: "IMAP4REV1")
        #expect(report.stage(.starttls)?.details.starttls?.capabilities?.contains("STARTTLS") == true)
        #expect(report.stage(.app)?.details.app?.capabilities?.contains("AUTH=PLAIN") == true)
    }

    @Test func imapsImplicitTLS() throws {
        let report = try ProtocolFixture.probe("imaps://localhost:\(try Self.dovecot.get().imaps)")
        try expectHealthy(report, startTLS: false, capability: "IMAP4REV1")
    }

    @Test func pop3STLS() throws {
        let report = try ProtocolFixture.probe("pop3://localhost:\(try Self.dovecot.get().pop3)")
        try expectHealthy(report, startTLS: true, capability: "UIDL")
        #expect(report.stage(.starttls)?.details.starttls?.capabilities?.contains("STLS") == true)
    }

    @Test func pop3sImplicitTLS() throws {
        let report = try ProtocolFixture.probe("pop3s://localhost:\(try Self.dovecot.get().pop3s)")
        try expectHealthy(report, startTLS: false, capability: "UIDL")
    }

    @Test func imapSchemeOnThePOP3PortNamesPOP3() throws {
        let report = try ProtocolFixture.probe("imap://localhost:\(try Self.dovecot.get().pop3)")
        #expect(report.diagnosisIDs.first == ProtocolDiagnosisID.startTLSWrongProtocol)
        #expect(report.diagnoses.first?.summary.contains("POP3") == true)
    }
}
