import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab

/// `tlsprobe lab list`, and that adding subcommands kept `tlsprobe HOST` working.
@Suite struct LabListAndRoutingTests {
    @Test func listShowsEveryScenarioWithItsPromise() throws {
        let result = try CLI.run(["lab", "list"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        for scenario in LabScenarios.all {
            let line = lines.first { $0.split(separator: " ").first.map(String.init) == scenario.name }
            #expect(line != nil, "no line for \(scenario.name)")
            #expect(line?.contains("(exit \(scenario.expectedExit.rawValue))") == true, "\(line ?? "")")
            if let diagnosis = scenario.expectedDiagnosis { #expect(line?.contains(diagnosis) == true) }
            #expect(line?.contains("[slow]") == scenario.isSlow)
        }
    }

    @Test func listJSONHasEveryScenario() throws {
        let result = try CLI.run(["lab", "list", "--json"])
        #expect(result.status == 0)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(entries.compactMap { $0["name"] as? String } == LabScenarios.all.map(\.name))
        for (entry, scenario) in zip(entries, LabScenarios.all) {
            #expect(entry["expected_exit"] as? Int == Int(scenario.expectedExit.rawValue))
            #expect((entry["expected_diagnosis"] as? String) == scenario.expectedDiagnosis)
        }
    }

    @Test func aBareTargetStillProbes() throws {
        let port = try LabPorts.closedPort()
        let result = try CLI.run(["127.0.0.1:\(port)", "--no-http", "--json"])
        #expect(result.status == ExitStatus.tcpRefused.rawValue, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("\"tcp.refused\""))
    }

    @Test(arguments: [
        ["lab", "serve", "no-such-scenario"],
        ["lab", "serve"],
        ["lab", "serve", "--all", "expired"],
        ["lab", "serve", "--listen", "localhost", "expired"],
        ["lab", "serve", "--port-base", "65535", "expired", "wrong-host"],
    ])
    func badServeArgumentsAreUsageErrors(_ arguments: [String]) throws {
        let result = try CLI.run(arguments, timeout: 10)
        #expect(result.status == ExitStatus.usage.rawValue, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("tlsprobe: "), "\(result.stderr)")
    }
}
