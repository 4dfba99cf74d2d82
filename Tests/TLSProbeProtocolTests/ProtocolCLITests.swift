import Foundation
import Testing
import TLSProbeCore

/// What a user of the command line sees for the protocol schemes: the starttls and app stages
/// in text, JSON that validates against docs/tlsprobe.schema.json, exit codes, --starttls and
/// --no-app, and `explain` for the new ids.
@Suite struct ProtocolCLITests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built tlsprobe next to the test bundle (this target depends on the executable).
    static let binary: String = {
        var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appending(path: "tlsprobe").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return "tlsprobe"
    }()

    struct Run { let status: Int32; let stdout: String; let stderr: String }

    static func tlsprobe(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1"].merging(environment) { _, new in new }
        let dir = try ProtocolFixture.scratch("cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appending(path: "out"), err = dir.appending(path: "err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8), stderr: try String(contentsOf: err, encoding: .utf8))
    }

    static var common: [String] { ["--cacert", ProtocolFixture.path("root.pem"), "--connect-to", "127.0.0.1", "--timeout", "5"] }

    @Test func textShowsTheStartTLSAndAppStages() throws {
        let port = try MailServerTests.dovecot.get().imap
        let run = try Self.tlsprobe(Self.common + ["imap://localhost:\(port)"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let names = lines.compactMap { line -> String? in
            let words = line.split(separator: " ")
            return words.count >= 2 && ["ok", "warn", "FAIL", "skip"].contains(words[0]) ? String(words[1]) : nil
        }
        #expect(names == ["dns", "tcp", "starttls", "client_hello", "server_hello", "certificate", "key_exchange", "finished", "app"], "\(run.stdout)")
        #expect(run.stdout.contains("CAPABILITY + STARTTLS → a2 OK"), "\(run.stdout)")
    }

    @Test func exitCodesOfTheNewFamilies() throws {
        let lab = try RawServerTests.lab.get()
        let refused = try Self.tlsprobe(Self.common + ["smtp://localhost:\(lab["smtp-refuse"]!)"])
        #expect(refused.status == 25, "\(refused.stdout)")
        #expect(refused.stdout.contains("error starttls.refused"))
        let injected = try Self.tlsprobe(Self.common + ["--starttls", "smtp", "localhost:\(lab["smtp-inject"]!)"])
        #expect(injected.status == 26, "\(injected.stdout)")
        let wrong = try Self.tlsprobe(Self.common + ["mqtts://localhost:\(lab["tls-http"]!)"])
        #expect(wrong.status == 42, "\(wrong.stdout)")
        let noApp = try Self.tlsprobe(Self.common + ["--no-app", "mqtts://localhost:\(lab["tls-http"]!)"])
        #expect(noApp.status == 0, "\(noApp.stdout)")
        #expect(noApp.stdout.contains("skipped: --no-app"), "\(noApp.stdout)")
    }

    @Test func badStartTLSNameIsAUsageError() throws {
        let run = try Self.tlsprobe(["--starttls", "smtps", "localhost:25"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--starttls takes one of smtp, imap, pop3, ftp, xmpp, ldap, postgres"), "\(run.stderr)")
    }

    @Test func jsonOfEveryProtocolValidatesAgainstTheSchema() throws {
        let lab = try RawServerTests.lab.get()
        let broker = try MosquittoTests.broker.get()
        let mail = try MailServerTests.dovecot.get()
        let database = try PostgresTests.servers.get()
        let targets = [
            "mqtts://localhost:\(broker.anonymous)", "mqtts://localhost:\(broker.password)", "wss://localhost:\(broker.webSockets)/",
            "imap://localhost:\(mail.imap)", "pop3s://localhost:\(mail.pop3s)", "postgres://localhost:\(database.sslOn)",
            "postgres://localhost:\(database.sslOff)", "ftp://localhost:\(lab["ftp"]!)", "xmpp://localhost:\(lab["xmpp"]!)",
            "ldap://localhost:\(lab["ldap"]!)", "smtp://localhost:\(lab["smtp-no-starttls"]!)", "smtp://localhost:\(lab["smtp-inject"]!)",
            "wss://localhost:\(lab["tls-http"]!)/",
        ]
        let dir = try ProtocolFixture.scratch("json")
        let targetsFile = dir.appending(path: "targets.txt")
        try targets.joined(separator: "\n").write(to: targetsFile, atomically: true, encoding: .utf8)
        let run = try Self.tlsprobe(Self.common + ["--format", "ndjson", "--targets-file", targetsFile.path])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == targets.count, "\(run.stderr)")
        let output = dir.appending(path: "reports.ndjson")
        try run.stdout.write(to: output, atomically: true, encoding: .utf8)
        let check = try Command.run(try Command.python(), [Self.repository.appending(path: "scripts/validate-json.py").path,
                                                           Self.repository.appending(path: "docs/tlsprobe.schema.json").path, output.path])
        #expect(check.contains("\(targets.count) documents checked, 0 errors"), "\(check)")
        #expect(run.stdout.contains("\"name\":\"starttls\""))
        #expect(run.stdout.contains("\"protocol\":\"postgres\""))
    }

    @Test(arguments: ProtocolDiagnosisID.all)
    func explainKnowsTheID(id: String) throws {
        let run = try Self.tlsprobe(["explain", id])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix(id), "\(run.stdout.prefix(200))")
    }
}
