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
        // Tables for notes and debugging only when asked for: tests are quiet by default.
        if ProcessInfo.processInfo.environment["TLSPROBE_TEST_TABLES"] != nil { print("----- \(testCase.scenario) --client esp-idf\(testCase.trust.map { " --client-trust \($0.rawValue)" } ?? "")\n\(text)") }
        // With a healthy server the clock note is info and shows only in a failing or verbose run.
        let shown = report.outcome == .ok ? renderer.render(report) + TextRenderer(style: TerminalStyle(color: false), verbose: true).conclusion(report) : text
        #expect(shown.contains(testCase.id))
        #expect(shown.contains(testCase.code))
        #expect(text.contains("as --client esp-idf: ESP-IDF v5.5.4"))
    }
}

/// The device block, `--chip` and `--client list` as a user sees them.
@Suite struct DevicePredictionTextTests {
    @Test func outOfOrderChainShowsWhatTheDeviceLogs() throws {
        let profile = try #require(ClientProfiles.named("esp-idf@4.4"))
        let report = try CLILab.probe("chain-out-of-order") { $0.clientProfile = profile }
        let text = TextRenderer(style: TerminalStyle(color: false)).conclusion(report)
        print("----- chain-out-of-order --client esp-idf@4.4\n\(text)")
        #expect(text.contains("device   esp-idf@4.4 on esp32, Mbed TLS 2.28.8: fails, mbedtls_ssl_handshake returned -0x2700, verify flags 0x00000008"))
        #expect(text.contains("I esp-tls-mbedtls: Failed to verify peer certificate!"))
        #expect(text.contains("embedded.chain_out_of_order"))
        #expect(report.exitCode == ExitStatus.untrustedChain.rawValue)
    }

    @Test func idf5SaysTheLoggedFlagsStayZero() throws {
        let report = try CLILab.probe("chain-out-of-order") { $0.clientProfile = .espIDF }
        let text = TextRenderer(style: TerminalStyle(color: false)).conclusion(report)
        #expect(text.contains("flags    logged as 0x00000000"))
        #expect(text.contains("mbedtls_ssl_get_verify_result(esp_tls_get_ssl_context(tls))"))
        #expect(!text.contains("Failed to verify peer certificate!"))
    }

    @Test func clientListShowsSourcesAndChips() throws {
        let result = try CLI.run(["--client", "list"])
        #expect(result.status == 0)
        for profile in ClientProfiles.all { #expect(("\n" + result.stdout).contains("\n\(profile.name)"), "\(profile.name)") }
        #expect(result.stdout.contains("chips (--chip"))
        #expect(result.stdout.contains("[espressif/esp-idf v4.4.8 components/mbedtls/Kconfig]"))
        #expect(result.stdout.contains("esp32c3  RSA hardware to 3072 bits, larger keys in software"))
    }

    @Test func unknownChipIsAUsageError() throws {
        let result = try CLI.run(["--client", "esp-idf", "--chip", "esp8266", "localhost:1"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown --chip 'esp8266'"))
    }
}
