import Foundation
import Testing

/// `--format nagios` against the Nagios plugin development guidelines: one status line
/// `TLSPROBE STATE - text[ | perfdata]`, exit 0/1/2/3, perfdata `'label'=value[UOM];warn;crit;min;max`.
@Suite struct NagiosOutputTests {
    /// A perfdata item; UOM one of the guideline's units; thresholds in range syntax.
    static let perfItem = #"('[^'=]+'|[^ '=]+)=-?[0-9]+(\.[0-9]+)?(us|ms|s|%|B|KB|MB|TB|c)?(;(@?(-?[0-9.]+|~)?:?(-?[0-9.]+)?)?){0,4}"#
    static var statusLine: Regex<AnyRegexOutput> { try! Regex(#"^TLSPROBE (OK|WARNING|CRITICAL|UNKNOWN) - [^|\n]+( \| "# + perfItem + "( " + perfItem + ")*)?$") }
    static let states = ["OK": Int32(0), "WARNING": 1, "CRITICAL": 2, "UNKNOWN": 3]

    /// Checks the first line against the rules and returns state and perfdata by label.
    func check(_ run: CLIFixture.Result) throws -> (String, [String: [String]]) {
        let first = try #require(run.lines.first, "no output; stderr: \(run.stderr)")
        #expect(first.wholeMatch(of: Self.statusLine) != nil, "not a plugin status line: \(first)")
        let state = String(first.dropFirst("TLSPROBE ".count).prefix { $0 != " " })
        #expect(Self.states[state] == run.status, "\(state) but exit \(run.status)")
        var perfdata: [String: [String]] = [:]
        if let bar = first.range(of: " | ") {
            for item in first[bar.upperBound...].split(separator: " ") {
                let parts = item.split(separator: "=", maxSplits: 1)
                perfdata[String(parts[0])] = parts[1].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            }
        }
        return (state, perfdata)
    }

    func nagios(_ scenario: String, _ extra: [String] = []) throws -> (String, [String: [String]]) {
        let servers = try CLIFixture.Servers([scenario])
        return try check(try CLIFixture.tlsprobe(CLIFixture.labOptions + ["--format", "nagios"] + extra + servers.target(0)))
    }

    @Test func healthyIsOKWithPerfdata() throws {
        let (state, perfdata) = try nagios("healthy-rsa")
        #expect(state == "OK")
        let days = try #require(perfdata["days_left"])
        #expect(Int(days[0]).map { $0 > 14 } == true)
        #expect(days.count == 2 && days[1] == "14:")  // no --fail-days: no crit field
        let handshake = try #require(perfdata["handshake_ms"]?.first)
        #expect(handshake.hasSuffix("ms") && Double(handshake.dropLast(2)).map { $0 > 0 } == true)
    }

    @Test func expiringSoonWarnsThenFails() throws {
        let (warning, perfdata) = try nagios("expires-soon")
        #expect(warning == "WARNING")
        #expect(perfdata["days_left"].map { Int($0[0]).map { (2...3).contains($0) } } == true)
        let (critical, criticalData) = try nagios("expires-soon", ["--fail-days", "5"])
        #expect(critical == "CRITICAL")
        #expect(criticalData["days_left"]?[2] == "5:")
    }

    @Test func refusedIsCriticalWithoutCertificateData() throws {
        let (state, perfdata) = try nagios("refused")
        #expect(state == "CRITICAL")
        #expect(perfdata["days_left"] == nil)
    }

    @Test(arguments: [["--jobs", "0"], ["--targets-file", "/nonexistent/targets"], ["--no-such-option"]])
    func problemsRunningTheCheckAreUnknown(_ arguments: [String]) throws {
        let run = try CLIFixture.tlsprobe(["--format", "nagios"] + arguments + ["localhost:1"])
        let (state, _) = try check(run)
        #expect(state == "UNKNOWN")
    }

    @Test func fleetReportsTheWorstStateAndEachTarget() throws {
        let servers = try CLIFixture.Servers(["healthy-rsa", "expires-soon", "expired"])
        let file = try CLIFixture.write(servers.targetsFile, name: "targets.txt")
        let run = try CLIFixture.tlsprobe(CLIFixture.labOptions + ["--format", "nagios", "--targets-file", file])
        let (state, perfdata) = try check(run)
        #expect(state == "CRITICAL")
        #expect(perfdata["targets"]?.first == "3" && perfdata["critical"]?.first == "1" && perfdata["warning"]?.first == "1")
        let long = run.lines.dropFirst()
        #expect(long.count == 3)
        #expect(long.allSatisfy { !$0.contains("|") })
        #expect(long.map { $0.prefix { $0 != " " } } == ["OK", "WARNING", "CRITICAL"])
    }
}
