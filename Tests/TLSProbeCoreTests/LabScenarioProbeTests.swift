import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab
import TLSProbeRendering

/// Every lab scenario, probed for real: the first diagnosis and the exit code must be the ones
/// the scenario promises (the same table `tlsprobe demo` checks).
@Suite struct LabScenarioProbeTests {
    static let quickScenarios = LabScenarios.all.filter { !$0.isSlow }

    @Test(arguments: quickScenarios.map(\.name))
    func scenarioGivesItsDiagnosis(_ name: String) throws {
        let scenario = try #require(LabScenarios.named(name))
        let (report, _) = try LabFixture.probe(scenario)
        let first = report.diagnoses.first { $0.severity == .error } ?? report.diagnoses.first
        if ProcessInfo.processInfo.environment["TLSPROBE_TEST_TABLES"] != nil {
            // Used to write the closing notes' tables from real runs.
            print("SCENARIO|\(name)|\(report.exitCode)|\(report.failedStage?.rawValue ?? "-")|\(first?.id ?? "-")|\(first?.summary ?? "-")")
        }
        if let expected = scenario.expectedDiagnosis {
            #expect(report.diagnoses.contains { $0.id == expected }, "expected \(expected), got \(report.diagnoses.map(\.id))")
            #expect(first?.id == expected || report.exitCode == 0)
        } else {
            #expect(report.diagnoses.allSatisfy { $0.severity != .error }, "healthy scenario got \(report.diagnoses.map(\.id))")
        }
        #expect(report.exitCode == scenario.expectedExit.rawValue)
        // Every fact a summary names was supplied: no "{placeholder}", "?" or "" reaches the user.
        for diagnosis in report.diagnoses {
            #expect(TextDefects.find(in: diagnosis.summary).isEmpty, "\(diagnosis.id): \(diagnosis.summary)")
        }
        for stage in report.stages {
            #expect(TextDefects.find(in: stage.summary).isEmpty, "\(stage.name): \(stage.summary)")
            // A skipped stage says why ("skipped: not run" was the TLS 1.3 client-certificate case).
            #expect(stage.status != .skipped || !stage.summary.hasSuffix("not run"), "\(stage.name): \(stage.summary)")
        }
        // Day counts agree with what `lab list` says (whole days, toward zero).
        if name == "expired" { #expect(first?.summary.hasSuffix(", 10 days ago.") == true, "\(first?.summary ?? "")") }
        if name == "expires-soon" { #expect(first?.summary.contains(", in 3 days (") == true, "\(first?.summary ?? "")") }
        // The JSON writer gives JSONEncoder's bytes (the oracle), pretty and compact (ndjson).
        for pretty in [true, false] {
            let oracle = JSONEncoder()
            oracle.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
            let expected = String(decoding: try oracle.encode(report), as: UTF8.self)
            #expect(JSONRenderer.render(report, pretty: pretty) == expected, "\(name), pretty \(pretty)")
        }
    }

    /// The lab's missing intermediate is the common real case: the leaf's CA Issuers URL (on
    /// loopback, served by the lab) has the intermediate, so browsers connect while curl,
    /// OpenSSL and devices fail; still exit 33.
    @Test func missingIntermediateIsCompletedFromTheLabsCAIssuersURL() throws {
        let scenario = try #require(LabScenarios.named("missing-intermediate"))
        let (report, server) = try LabFixture.probe(scenario)
        #expect(report.exitCode == ExitStatus.incompleteChain.rawValue)
        let url = try #require((server as? LabServerPair)?.caIssuersURL)
        #expect(url.hasPrefix("http://127.0.0.1:"), "\(url)")
        let completion = try #require(report.aiaCompletion)
        #expect(completion.status == .completed && completion.trusted, "\(completion)")
        #expect(completion.fetches.map(\.url) == [url] && completion.fetches.first?.outcome == .used, "\(completion.fetches)")
        #expect(completion.fetches.first?.certificate?.subject.contains("tlsprobe Lab Intermediate CA") == true)
        let missing = try #require(report.diagnoses.first { $0.id == DiagnosisID.chainMissingIntermediate })
        #expect(missing.summary.contains("browsers connect"), "\(missing.summary)")
        #expect(!report.diagnoses.contains { $0.id == DiagnosisID.chainAIAUnusable }, "\(report.diagnoses.map(\.id))")
    }

    /// Its down variant: the URL is a closed loopback port, so the download is refused at once
    /// (no name to resolve) and browsers fail too.
    @Test func missingIntermediateWithItsCAIssuersURLDownSaysBrowsersFailToo() throws {
        let scenario = try #require(LabScenarios.named("missing-intermediate-aia-down"))
        let (report, server) = try LabFixture.probe(scenario)
        #expect(report.exitCode == ExitStatus.incompleteChain.rawValue)
        let url = try #require((server as? LabServerPair)?.caIssuersURL)
        #expect(url.hasPrefix("http://127.0.0.1:"), "\(url)")
        let completion = try #require(report.aiaCompletion)
        #expect(completion.status == .incomplete && !completion.trusted, "\(completion)")
        #expect(completion.fetches.map(\.url) == [url] && completion.fetches.first?.outcome == .failed, "\(completion.fetches)")
        let unusable = try #require(report.diagnoses.first { $0.id == DiagnosisID.chainAIAUnusable }, "\(report.diagnoses.map(\.id))")
        #expect(unusable.summary.contains("fail too"), "\(unusable.summary)")
    }
}
