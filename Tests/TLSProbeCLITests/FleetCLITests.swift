import Foundation
import Testing
import TLSProbeCore

/// Fleet runs through the binary: targets files, order, exit codes, --fail-fast, --shard.
@Suite struct FleetCLITests {
    func inputs(_ run: CLIFixture.Result) throws -> [String] {
        try run.lines.map { try CLIFixture.json($0)["target"] as? [String: Any] }.map { $0?["input"] as? String ?? "?" }
    }

    @Test func resultsComeInInputOrderAndTheFirstFailureDecides() throws {
        // The slow one first: a stalled server holds its worker until the deadline.
        let servers = try CLIFixture.Servers(["stall-after-accept", "healthy-rsa", "refused", "expired", "healthy-ecdsa"])
        let file = try CLIFixture.write(servers.targetsFile, name: "targets.txt")
        let expected = servers.running.indices.map { String(servers.line($0).prefix { $0 != " " }) }
        let ordered = try CLIFixture.tlsprobe(CLIFixture.labOptions + ["--timeout", "2", "--targets-file", file, "--format", "ndjson", "--jobs", "4"])
        #expect(try inputs(ordered) == expected)
        #expect(ordered.status == ExitStatus.handshakeTimeout.rawValue)
        let unordered = try CLIFixture.tlsprobe(CLIFixture.labOptions + ["--timeout", "2", "--targets-file", file, "--format", "ndjson", "--jobs", "4", "--unordered"])
        #expect(try inputs(unordered).last == expected[0])
        #expect(Set(try inputs(unordered)) == Set(expected))
        #expect(unordered.status == ExitStatus.handshakeTimeout.rawValue)  // still the first in input order
    }

    @Test func failFastStopsAtTheFirstFailure() throws {
        let servers = try CLIFixture.Servers(["healthy-rsa", "refused", "healthy-ecdsa", "healthy-rsa"])
        let file = try CLIFixture.write(servers.targetsFile, name: "targets.txt")
        let run = try CLIFixture.tlsprobe(CLIFixture.labOptions + ["--targets-file", file, "--format", "ndjson", "--jobs", "1", "--fail-fast"])
        #expect(run.lines.count == 2)
        #expect(run.status == ExitStatus.tcpRefused.rawValue)
    }

    @Test func standardInputArgumentsAndCommentsMix() throws {
        let servers = try CLIFixture.Servers(["healthy-rsa", "expires-soon"])
        let input = "# fleet\n\n" + servers.line(1) + "   # trailing comment\n"
        let run = try CLIFixture.tlsprobe(CLIFixture.labOptions + ["--format", "ndjson", "--targets-file", "-"] + servers.target(0), stdin: input)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try inputs(run) == [servers.target(0)[0], String(servers.line(1).prefix { $0 != " " })])
    }

    @Test func textRunEndsWithTheSummaryTable() throws {
        let servers = try CLIFixture.Servers(["healthy-rsa", "wrong-host"])
        let file = try CLIFixture.write(servers.targetsFile, name: "targets.txt")
        let run = try CLIFixture.tlsprobe(CLIFixture.labOptions + ["--targets-file", file])
        #expect(run.status == ExitStatus.hostnameMismatch.rawValue)
        let table = run.lines.drop { !$0.hasPrefix("TARGET ") }
        #expect(table.count == 4, "\(run.stdout)")
        #expect(table.dropFirst().first?.contains(" OK ") == true)
        #expect(table.dropFirst(2).first?.contains(DiagnosisID.certHostnameMismatch) == true)
        #expect(table.last == "2 targets: 1 ok, 0 warnings, 1 failed")
        #expect(run.stderr.isEmpty)  // no progress bar in a pipe
    }

    @Test(arguments: [
        ("localhost:1\n\nnot a:target\n", 3), ("localhost:1 --sni\n", 1), ("https://x/ --bogus y\n", 1), ("http://plain\n", 1),
    ])
    func badLinesAreUsageErrorsBeforeAnyProbe(_ text: String, line: Int) throws {
        let file = try CLIFixture.write(text, name: "bad.txt")
        let run = try CLIFixture.tlsprobe(["--targets-file", file, "--format", "ndjson"])
        #expect(run.status == ExitStatus.usage.rawValue)
        #expect(run.stderr.contains("targets file line \(line):"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func unreadableTargetsFileIsExit66() throws {
        let missing = try CLIFixture.tlsprobe(["--targets-file", "/nonexistent/targets.txt"])
        #expect(missing.status == ExitStatus.inputFile.rawValue)
        let directory = try CLIFixture.tlsprobe(["--targets-file", CLIFixture.directory.path])
        #expect(directory.status == ExitStatus.inputFile.rawValue)
    }

    /// Three shards of one list cover every target exactly once.
    @Test func shardsPartitionTheList() throws {
        let targets = (1...60).map { "host\($0).invalid:\($0)" }
        let file = try CLIFixture.write(targets.map { "\($0) --connect-to 127.0.0.1" }.joined(separator: "\n"), name: "targets.txt")
        var seen: [String] = []
        for shard in 1...3 {
            let run = try CLIFixture.tlsprobe(["--targets-file", file, "--format", "ndjson", "--shard", "\(shard)/3", "--connect-timeout", "1"])
            let part = try inputs(run)
            #expect(!part.isEmpty && part.count < targets.count)
            seen += part
        }
        #expect(seen.sorted() == targets.sorted())
    }
}
