import Foundation
import Testing
import TLSProbeCore

/// postgres:// against a real PostgreSQL: one cluster (initdb once), started twice from copies
/// of its data directory, with ssl = on and ssl = off. Servers refuse to run as root, so when
/// the tests run as root the cluster belongs to the `postgres` user (runuser).
@Suite struct PostgresTests {
    struct Servers { let sslOn: Int, sslOff: Int }

    static let servers: Result<Servers, ServiceError> = {
        do {
            let bin = try Command.locate(["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin", "/usr/local/bin"].map { $0 + "/initdb" })
            let binDirectory = URL(fileURLWithPath: bin).deletingLastPathComponent().path
            // Outside the private fixture directory: the postgres user must own it.
            let dir = FileManager.default.temporaryDirectory.appending(path: "tlsprobe-postgres-\(getpid())")
            try? FileManager.default.removeItem(at: dir)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            ServiceRegistry.removeAtExit(dir)
            try FileManager.default.copyItem(atPath: ProtocolFixture.path("chain.pem"), toPath: dir.appending(path: "server.crt").path)
            try FileManager.default.copyItem(atPath: ProtocolFixture.path("leaf.key"), toPath: dir.appending(path: "server.key").path)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: dir.appending(path: "server.key").path)
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: dir.path)
            var prefix: [String] = []
            if ProtocolFixture.isRoot {
                try Command.run("/usr/bin/chown", ["-R", "postgres", dir.path])
                prefix = ["-u", "postgres", "--"]
            }
            func run(_ tool: String, _ arguments: [String]) throws {
                if prefix.isEmpty { try Command.run("\(binDirectory)/\(tool)", arguments) } else { try Command.run("/usr/sbin/runuser", prefix + ["\(binDirectory)/\(tool)"] + arguments) }
            }
            let data = dir.appending(path: "data").path
            // Passwords over TCP (scram), trust on the local socket nobody uses.
            try run("initdb", ["-D", data, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync", "--no-instructions"])
            // One role the server turns away (pg_hba "reject"), for the app stage's ErrorResponse.
            let hba = URL(fileURLWithPath: data).appending(path: "pg_hba.conf")
            let rules = try String(contentsOf: hba, encoding: .utf8)
            try ("hostssl all refused 127.0.0.1/32 reject\n" + rules).write(to: hba, atomically: false, encoding: .utf8)
            let copy = dir.appending(path: "data-nossl").path
            if prefix.isEmpty { try Command.run("/bin/cp", ["-a", data, copy]) } else { try Command.run("/usr/sbin/runuser", prefix + ["/bin/cp", "-a", data, copy]) }
            let ports = Servers(sslOn: ProtocolFixture.freePort(), sslOff: ProtocolFixture.freePort())
            for (directory, port, ssl) in [(data, ports.sslOn, "on"), (copy, ports.sslOff, "off")] {
                var arguments = ["-D", directory, "-c", "port=\(port)", "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=\(dir.path)",
                                 "-c", "ssl=\(ssl)", "-c", "fsync=off"]
                if ssl == "on" { arguments += ["-c", "ssl_cert_file=\(dir.path)/server.crt", "-c", "ssl_key_file=\(dir.path)/server.key"] }
                let executable = prefix.isEmpty ? "\(binDirectory)/postgres" : "/usr/sbin/runuser"
                let service = ServiceRegistry.keep(try ServiceProcess("postgres ssl=\(ssl)", executable: executable,
                    arguments: (prefix.isEmpty ? [] : prefix + ["\(binDirectory)/postgres"]) + arguments, log: ProtocolFixture.directory.appending(path: "postgres-\(ssl).log")))
                try service.waitForPorts([port])
            }
            return .success(ports)
        } catch let error as ServiceError { return .failure(error) } catch { return .failure(ServiceError(description: "\(error)")) }
    }()

    @Test func sslOnUpgradesAndAsksForAPassword() throws {
        let report = try ProtocolFixture.probe("postgres://postgres@localhost:\(try Self.servers.get().sslOn)/postgres")
        #expect(report.outcome == .ok, "\(report.diagnosisIDs)")
        #expect(report.stages.map(\.name) == [.dns, .tcp, .starttls, .clientHello, .serverHello, .certificate, .keyExchange, .finished, .app])
        #expect(report.stage(.starttls)?.details.starttls?.transcript == ["C: SSLRequest", "S: S (go ahead with TLS)"])
        let app = try #require(report.stage(.app))
        #expect(app.summary.contains("SASL SCRAM-SHA-256"), "\(app.summary)")
        #expect(app.summary.contains("sslmode=verify-full"), "\(app.summary)")
    }

    @Test func aRejectedRoleIsAWarningTLSIsFine() throws {
        let report = try ProtocolFixture.probe("postgres://refused@localhost:\(try Self.servers.get().sslOn)/refused")
        #expect(report.outcome == .warning, "\(report.diagnosisIDs)")
        let diagnosis = try #require(report.diagnoses.first { $0.id == ProtocolDiagnosisID.postgresRejected })
        #expect(diagnosis.summary.hasPrefix("TLS is fine"))
        #expect(diagnosis.summary.contains("SQLSTATE 28000"), "\(diagnosis.summary)")
        #expect(diagnosis.summary.contains("pg_hba.conf"), "\(diagnosis.summary)")
    }

    @Test func sslOffIsARefusalInSSLModeWords() throws {
        let report = try ProtocolFixture.probe("postgres://localhost:\(try Self.servers.get().sslOff)")
        #expect(report.diagnosisIDs.first == ProtocolDiagnosisID.postgresNoSSL)
        #expect(report.exitCode == ExitStatus.startTLSNotAvailable.rawValue)
        let diagnosis = try #require(report.diagnoses.first)
        #expect(diagnosis.fixClient?.contains("sslmode=verify-full") == true)
        #expect(report.stageStatus(.clientHello) == .skipped)
    }

    @Test func startTLSPostgresOnAnyPort() throws {
        let report = try ProtocolFixture.probe("localhost:\(try Self.servers.get().sslOn)") { $0.startTLSOverride = .postgres }
        #expect(report.target.appProtocol == "postgres")
        #expect(report.stageStatus(.starttls) == .ok)
    }
}
