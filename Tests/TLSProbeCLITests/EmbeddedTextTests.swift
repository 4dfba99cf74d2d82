import Foundation
import Testing
import TLSProbeCore
import TLSProbeRendering

/// What a firmware developer reads: the text report of `--client esp-idf` names the device's
/// log line and the fix on both sides. Printed so a run shows the real output.
@Suite struct EmbeddedTextTests {
    static let cases: [(scenario: String, trust: ClientTrust?, id: String, code: String)] = [
        ("healthy-tls13-only", nil, "embedded.tls13_required", "-0x7780"),
        ("big-chain", nil, "embedded.certificate_too_large", "-0x7100"),
        ("ed25519", nil, "embedded.ed25519_certificate", "-0x7780"),
        ("tls12-pss-only", nil, "embedded.rsa_pss_required", "-0x7780"),
        ("cross-signed-top", .bundle, "embedded.cross_signed_chain", "-0x3000"),
        ("healthy-rsa", .bundle, "embedded.root_not_in_bundle", "-0x3000"),
        ("healthy-ecdsa", nil, "embedded.clock_unchecked", "0x200"),
    ]

    @Test(arguments: cases.indices)
    func reportNamesTheDeviceLogLine(_ index: Int) throws {
        let testCase = Self.cases[index]
        let report = try CLILab.probe(testCase.scenario) {
            $0.clientProfile = .espIDF
            $0.clientTrust = testCase.trust
        }
        let renderer = TextRenderer(style: TerminalStyle(color: false))
        let text = renderer.header(report.target) + "\n" + renderer.clientLine(.espIDF) + "\n"
            + report.stages.map(renderer.stageLine).joined(separator: "\n") + "\n" + renderer.conclusion(report)
        print("----- \(testCase.scenario) --client esp-idf\(testCase.trust.map { " --client-trust \($0.rawValue)" } ?? "")\n\(text)")
        // With a healthy server the clock note is info and shows only in a failing or verbose run.
        let shown = report.outcome == .ok ? renderer.render(report) + TextRenderer(style: TerminalStyle(color: false), verbose: true).conclusion(report) : text
        #expect(shown.contains(testCase.id))
        #expect(shown.contains(testCase.code))
        #expect(text.contains("as --client esp-idf: ESP-IDF v5.5.4"))
    }
}
