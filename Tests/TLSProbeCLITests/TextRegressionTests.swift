import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab
@testable import tlsprobe

/// Issue #22's "wrong or broken text", each checked on what a user sees; each test fails on the
/// old wording.
@Suite struct TextRegressionTests {
    /// `--timeout -1` said "Missing value for '--timeout <seconds>'", `--timeout 0` "must be
    /// between 0 and 3600": every spelling now gets the same range message with what was typed.
    @Test(arguments: [
        (["--timeout", "-1"], "--timeout must be more than 0 and at most 3600 seconds; got -1"),
        (["--timeout=-1"], "--timeout must be more than 0 and at most 3600 seconds; got -1"),
        (["--timeout", "0"], "--timeout must be more than 0 and at most 3600 seconds; got 0"),
        (["--connect-timeout", "-2.5"], "--connect-timeout must be more than 0 and at most 3600 seconds; got -2.5"),
        (["--fail-days", "-3"], "--fail-days must be 0 or more; got -3"),
        (["--warn-days", "-1"], "--warn-days must be 0 or more; got -1"),
        (["--jobs", "-2"], "--jobs must be from 1 to 1024; got -2"),
    ])
    func numericOptionsGetOneRangeMessage(arguments: [String], message: String) throws {
        let run = try TLSProbeBinary.run(arguments + ["localhost"])
        #expect(run.status == 64)
        #expect(run.stderr == "tlsprobe: \(message) (see 'tlsprobe --help')\n", "\(run.stderr)")
    }

    /// `tlsprobe scan` without a target pointed at 'tlsprobe --help', which does not list the
    /// scan's options: a subcommand's usage error points at that subcommand's help.
    @Test(arguments: [["scan"], ["clients"], ["scan", "--connections", "0", "localhost"]])
    func subcommandUsageErrorsPointAtTheSubcommandsHelp(arguments: [String]) throws {
        let run = try TLSProbeBinary.run(arguments)
        #expect(run.status == 64)
        #expect(run.stderr.hasSuffix(" (see 'tlsprobe \(arguments[0]) --help')\n"), "\(run.stderr)")
    }

    @Test func unknownExplainQueryIsAUsageErrorWithNearestIDs() throws {
        let run = try TLSProbeBinary.run(["explain", "cert.expird"])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("- cert.expired"), "\(run.stderr)")
    }

    /// `explain cert.cn_only` printed `The name "{cn}" appears only…`.
    @Test func explainShowsPatternsNotPlaceholders() throws {
        let run = try TLSProbeBinary.run(["explain", "cert.cn_only"])
        #expect(run.status == 0)
        #expect(!run.stdout.contains("{cn}"))
        #expect(run.stdout.contains("The name \"<cn>\" appears only in the subject CN"), "\(run.stdout)")
    }

    /// The ExplainCommandTests only ran the command; here each kind of query prints its answer.
    @Test(arguments: [
        ("-0x2700", "MBEDTLS_ERR_X509_CERT_VERIFY_FAILED"), ("flags=0x0C", "MBEDTLS_X509_BADCERT_NOT_TRUSTED"),
        ("verify:10", "X509_V_ERR_CERT_HAS_EXPIRED"), ("alert:40", "handshake_failure"), ("curl:60", "CURLE_PEER_FAILED_VERIFICATION"),
        ("exit:33", "chain.missing_intermediate"), ("cert.expired", "cert.expired — Certificate expired"),
    ])
    func explainPrintsWhatEachQueryMeans(query: String, expected: String) throws {
        let run = try TLSProbeBinary.run(["explain", query])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(expected), "\(query): \(run.stdout)")
        #expect(TextDefects.find(in: run.stdout).filter { $0.hasPrefix("unfilled") }.isEmpty, "\(run.stdout)")
    }

    /// One style for every unreadable file: "cannot read WHAT 'PATH': reason".
    @Test(arguments: [
        (["--cacert", "/nonexistent/ca.pem", "localhost"], "tlsprobe: cannot read CA file '/nonexistent/ca.pem': No such file or directory\n"),
        (["--targets-file", "/nonexistent/targets"], "tlsprobe: cannot read targets file '/nonexistent/targets': No such file or directory\n"),
        (["--cert", "/nonexistent/c.pem", "--key", "/nonexistent/k.pem", "localhost"], "tlsprobe: cannot read client certificate '/nonexistent/c.pem': No such file or directory\n"),
    ])
    func fileErrorsShareOneStyle(arguments: [String], expected: String) throws {
        let run = try TLSProbeBinary.run(arguments)
        #expect(run.status == 66)
        #expect(run.stderr == expected)
    }

    /// The same description of the target syntax in the help and in every message.
    @Test func targetSyntaxIsDescribedOnce() throws {
        let none = try TLSProbeBinary.run([])
        let bad = try TLSProbeBinary.run(["gopher://x"])
        #expect(none.stderr.contains(ProbeTarget.forms) && bad.stderr.contains(ProbeTarget.forms), "\(none.stderr)\(bad.stderr)")
        let help = try TLSProbeBinary.run(["probe", "--help"])
        #expect(help.stdout.replacingOccurrences(of: "\n ", with: " ").split(separator: " ").joined(separator: " ")
            .contains(ProbeTarget.forms), "\(help.stdout)")
    }

    @Test func noDoubledPointerToHelp() throws {
        let run = try TLSProbeBinary.run(["lab", "serve", "no-such-scenario"])
        #expect(run.stderr == "tlsprobe: no scenario named 'no-such-scenario' (see 'tlsprobe lab list')\n")
    }

    /// `help lab` wrapped mid-phrase at 80 columns (":9444" alone on a line).
    @Test(arguments: [["help", "lab"], ["lab", "serve", "--help"], ["explain", "--help"], ["--help"], ["probe", "--help"]])
    func helpFitsEightyColumns(arguments: [String]) throws {
        let run = try TLSProbeBinary.run(arguments, environment: ["COLUMNS": "80"])
        #expect(run.status == 0)
        // argument-parser prints the USAGE synopsis on one line whatever its length.
        for line in run.stdout.split(separator: "\n") where !line.hasPrefix("USAGE:") {
            #expect(line.count <= 80, "\(arguments): \(line)")
        }
        #expect(!run.stdout.contains("\n:9444"))
    }

    /// groff hyphenated option names across lines ("--connect-time‐ out").
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/groff"), "needs groff (apt-get install groff-base; scripts/test.sh installs it)"))
    func manPageKeepsOptionNamesWhole() throws {
        let page = BuiltBinary.repository.appending(path: "man/tlsprobe.1").path
        let rendered = try BuiltBinary.run(executable: URL(fileURLWithPath: "/usr/bin/groff"), ["-mandoc", "-Tutf8", "-rLL=80n", page])
        #expect(rendered.status == 0)
        let lines = rendered.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count > 100)
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            // An option cut by hyphenation ends its line with "-word‐" (U+2010) or "-word-".
            guard let last = trimmed.split(separator: " ").last else { continue }
            let word = last.drop { "([`\"'".contains($0) }
            guard word.isEmpty || word.hasPrefix("-") else { continue }
            #expect(!last.hasSuffix("\u{2010}") && !(word.count > 2 && word.hasSuffix("-")), "hyphenated option: \(line)")
        }
    }

    /// `-v` printed empty lines when the server closed right after our ClientHello.
    @Test func verboseSaysWhatWasSentWhenNothingCameBack() throws {
        let scenario = try #require(LabScenarios.named("close-after-hello"))
        let server = try scenario.make(CLIFixture.pki)
        defer { server.stop() }
        let run = try TLSProbeBinary.run(["-v", "--color", "never", "--timeout", "4", "--connect-to", server.host, "\(scenario.host):\(server.port)"])
        #expect(run.status == scenario.expectedExit.rawValue)
        #expect(run.stdout.contains("handshake messages\n"), "\(run.stdout)")
        #expect(run.stdout.contains("→ ClientHello"), "\(run.stdout)")
        #expect(run.stdout.contains("  nothing came back from the server\n"), "\(run.stdout)")
        #expect(!run.stdout.contains("\n\n\n"), "\(run.stdout)")
    }

    /// The demo printed `\\x0d` where the probe prints `\x0d`.
    @Test func demoEscapesOnce() throws {
        let scenario = try #require(LabScenarios.named("smtp-banner"))
        let server = try scenario.make(CLIFixture.pki)
        defer { server.stop() }
        let engine = try ProbeEngine(options: { var options = ProbeOptions(); options.timeout = 4; options.connectTo = server.host; return options }())
        let report = engine.probe(try ProbeTarget.parse("\(scenario.host):\(server.port)"))
        let line = DemoTable.line(DemoResult(scenario: scenario, report: report, check: LabScenarioCheck(scenario: scenario, report: report), startError: nil))
        #expect(line.contains("\\x0d") || line.contains("220 "), "\(line)")
        #expect(!line.contains("\\\\"), "\(line)")
    }
}
