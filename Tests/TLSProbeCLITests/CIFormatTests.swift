import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab
@testable import TLSProbeRendering

/// `--format junit` and `--format markdown` on real runs: one healthy and one expired target.
@Suite(.serialized) struct CIFormatTests {
    static func run(_ format: String) throws -> BinaryRun {
        let healthy = try #require(LabScenarios.named("healthy-ecdsa"))
        let expired = try #require(LabScenarios.named("expired"))
        let (a, b) = (try healthy.make(CLIFixture.pki), try expired.make(CLIFixture.pki))
        defer { a.stop(); b.stop() }
        return try TLSProbeBinary.run(["--format", format, "--cacert", CLIFixture.rootPath, "--timeout", "4", "--connect-to", a.host,
                                       "localhost:\(a.port)", "localhost:\(b.port)"])
    }

    /// Valid against docs/junit.xsd (xmllint, from libxml2-utils): one test case per target, the
    /// expired one failed with its decisive diagnosis, the report in system-out.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint"), "needs xmllint (apt-get install libxml2-utils; scripts/test.sh installs it)"))
    func junitValidatesAndNamesTheDecisiveDiagnosis() throws {
        let run = try Self.run("junit")
        #expect(run.status == 32, "\(run.stderr)")
        let file = CLIFixture.directory.appending(path: "junit-\(UUID().uuidString).xml")
        try Data(run.stdout.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let schema = BuiltBinary.repository.appending(path: "docs/junit.xsd").path
        let lint = try BuiltBinary.run(executable: URL(fileURLWithPath: "/usr/bin/xmllint"), ["--noout", "--schema", schema, file.path])
        #expect(lint.status == 0, "\(lint.stderr)\n\(run.stdout)")
        #expect(run.stdout.contains("tests=\"2\" failures=\"1\""))
        #expect(run.stdout.components(separatedBy: "<testcase ").count == 3)
        #expect(run.stdout.contains("<failure message=\"cert.expired: The leaf certificate"), "\(run.stdout)")
        #expect(run.stdout.contains("type=\"cert.expired\""))
        #expect(run.stdout.contains("<system-out>tlsprobe "))
        #expect(run.stdout.contains("certificate   2 sent"))
    }

    @Test func junitEscapesWhatXMLCannotCarry() {
        #expect(JUnitRenderer.escape("a<b & \"c\" 'd'\u{1}") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;\u{FFFD}")
        #expect(JUnitRenderer.seconds(1.2345) == "1.235" && JUnitRenderer.seconds(0.004) == "0.004")
    }

    @Test func markdownIsOneTableWithTheDecisiveDiagnosisAndFix() throws {
        let run = try Self.run("markdown")
        #expect(run.status == 32)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "| target | outcome | days left | decisive diagnosis | fix |")
        #expect(lines[1] == "|---|---|---|---|---|")
        let rows = lines.filter { $0.hasPrefix("| `localhost:") }
        #expect(rows.count == 2)
        let failed = try #require(rows.first { $0.contains("cert.expired") })
        #expect(failed.contains("❌ fail (exit 32) | -10 |"), "\(failed)")
        #expect(failed.contains("Renew the certificate"))
        #expect(rows.contains { $0.contains("✅ ok (exit 0)") })
        #expect(run.stdout.hasSuffix("2 targets: 1 ok, 0 warnings, 1 failed\n"))
        #expect(MarkdownRenderer.cell("a|b\nc") == "a\\|b c")
    }

    /// The report carries its decisive diagnosis and each diagnosis its title (JSON too).
    @Test func jsonCarriesDecisiveAndTitles() throws {
        let run = try Self.run("ndjson")
        let documents = try run.stdout.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(documents.count == 2)
        let expired = try #require(documents.first { ($0["decisive"] as? String) == "cert.expired" })
        let diagnoses = try #require(expired["diagnoses"] as? [[String: Any]])
        #expect(diagnoses.first?["title"] as? String == "Certificate expired")
        #expect((expired["expiry_thresholds"] as? [String: Any])?["warn_days"] as? Int == 14)
        #expect(documents.contains { $0["decisive"] is NSNull })
    }
}
