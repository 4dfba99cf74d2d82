import Testing
import TLSProbeCore

/// Health-check policies, end to end through the binary: the exit code CI sees.
@Suite struct PolicyExitCodeTests {
    func probe(_ scenario: String, _ extra: [String]) throws -> (CLIFixture.Result, [String: Any]) {
        let servers = try CLIFixture.Servers([scenario])
        let run = try CLIFixture.tlsprobe(CLIFixture.labOptions + ["--format", "json"] + extra + servers.target(0))
        return (run, try CLIFixture.json(run.stdout))
    }

    func ids(_ document: [String: Any]) -> [String] {
        (document["diagnoses"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    static let expiresSoonCases: [([String], Int32)] = [
        ([], 0), (["--fail-days", "5"], 32), (["--strict"], 1), (["--warn-days", "2", "--strict"], 0),
    ]

    @Test(arguments: expiresSoonCases)
    func expiresSoon(_ options: [String], expected: Int32) throws {
        let (run, document) = try probe("expires-soon", options)
        #expect(run.status == expected, "\(options): \(ids(document))")
        #expect((document["exit_code"] as? Int) == Int(expected))
        #expect(ids(document).contains(DiagnosisID.certExpiresSoon) == !options.contains("2"))
    }

    @Test func expectStatus() throws {
        let (plain, _) = try probe("http-404", [])
        #expect(plain.status == 0)  // a 404 alone is a warning
        let (wrong, document) = try probe("http-404", ["--expect-status", "200,301"])
        #expect(wrong.status == ExitStatus.httpFailed.rawValue)
        #expect(ids(document).contains(DiagnosisID.httpUnexpectedStatus))
        let (right, rightDocument) = try probe("http-404", ["--expect-status", "404"])
        #expect(right.status == 0)
        #expect(!ids(rightDocument).contains(DiagnosisID.httpUnexpectedStatus))
    }

    @Test func expectTLSMin() throws {
        let (below, document) = try probe("healthy-tls12-only", ["--expect-tls-min", "1.3"])
        #expect(below.status == ExitStatus.noCommonParameters.rawValue)
        #expect(ids(document).first == DiagnosisID.protoBelowExpectedVersion)
        #expect((document["failed_stage"] as? String) == "server_hello")
        let (met, _) = try probe("healthy-tls12-only", ["--expect-tls-min", "1.2"])
        #expect(met.status == 0)
    }

    /// The lab server selects no ALPN protocol.
    @Test func expectALPN() throws {
        let (missing, document) = try probe("healthy-rsa", ["--alpn", "h2,http/1.1", "--expect-alpn", "h2"])
        #expect(missing.status == ExitStatus.noCommonParameters.rawValue)
        #expect(ids(document).contains(DiagnosisID.protoUnexpectedALPN))
        let (none, _) = try probe("healthy-rsa", ["--expect-alpn", "none"])
        #expect(none.status == 0)
        let unoffered = try CLIFixture.tlsprobe(["--expect-alpn", "h2", "localhost:1"])
        #expect(unoffered.status == ExitStatus.usage.rawValue)
        #expect(unoffered.stderr.contains("--expect-alpn h2 is not in the ALPN offer"))
    }
}
