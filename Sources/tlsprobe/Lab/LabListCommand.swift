import ArgumentParser
import TLSProbeCore
import TLSProbeLab
import TLSProbeRendering

/// `tlsprobe lab list`: every scenario, what is wrong with it, and what tlsprobe must say.
struct LabListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every lab scenario: what is wrong and the diagnosis and exit code tlsprobe gives."
    )

    @Flag(help: "Print one JSON document.")
    var json = false

    func run() throws {
        let out = LineOutput.standardOutput
        if json {
            out.line(JSONRenderer.render(LabScenarios.all.map(LabScenarioEntry.init)))
        } else {
            out.write(LabTables.list(LabScenarios.all))
        }
    }
}

/// One scenario in `tlsprobe lab list --json`.
struct LabScenarioEntry: Encodable {
    let name: String
    let summary: String
    let expectedDiagnosis: String?
    let expectedExit: Int32
    let host: String
    let needsTrustAnchor: Bool
    let slow: Bool

    init(_ scenario: LabScenario) {
        name = scenario.name
        summary = scenario.summary
        expectedDiagnosis = scenario.expectedDiagnosis
        expectedExit = scenario.expectedExit.rawValue
        host = scenario.host
        needsTrustAnchor = scenario.needsTrustAnchor
        slow = scenario.isSlow
    }

    enum CodingKeys: String, CodingKey {
        case name, summary, host, slow
        case expectedDiagnosis = "expected_diagnosis"
        case expectedExit = "expected_exit"
        case needsTrustAnchor = "needs_trust_anchor"
    }

    // expected_diagnosis is null for healthy scenarios, never missing.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(summary, forKey: .summary)
        try container.encode(expectedDiagnosis, forKey: .expectedDiagnosis)
        try container.encode(expectedExit, forKey: .expectedExit)
        try container.encode(host, forKey: .host)
        try container.encode(needsTrustAnchor, forKey: .needsTrustAnchor)
        try container.encode(slow, forKey: .slow)
    }
}
