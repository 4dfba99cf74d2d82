import Foundation
import Testing
import TLSProbeLab

/// `tlsprobe demo` is the self-test a new user runs: it must pass on this build, and say so for
/// every quick scenario.
@Suite struct DemoTests {
    @Test func demoPassesEveryQuickScenario() throws {
        let result = try CLI.run(["demo"], timeout: 90)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let quick = LabScenarios.all.filter { !$0.isSlow }
        let lines = result.stdout.split(separator: "\n").map(String.init)
        for scenario in quick {
            #expect(lines.contains { $0.hasPrefix("✓ \(scenario.name) ") }, "\(scenario.name) not passed")
        }
        #expect(!lines.contains { $0.hasPrefix("✗") })
        #expect(lines.last?.hasPrefix("all \(quick.count) scenarios gave their expected diagnosis") == true, "\(lines.last ?? "")")
        // Streamed in scenario order, whatever order the parallel probes finished in.
        let order = lines.compactMap { line in quick.firstIndex { line.hasPrefix("✓ \($0.name) ") } }
        #expect(order == Array(0..<quick.count))
    }
}
