import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab

/// Starts a scenario's server, runs `body` against its port, stops it.
private func withScenario<Result>(_ name: String, _ body: (any LabServer) throws -> Result) throws -> Result {
    let scenario = try #require(LabScenarios.named(name), "no scenario \(name)")
    let server = try scenario.make(sharedPKI)
    defer { server.stop() }
    return try body(server)
}

private let clientCertificateArguments = [
    "-cert", sharedPKIDirectory.appending(path: "client.pem").path,
    "-key", sharedPKIDirectory.appending(path: "client.key").path,
]

/// What real clients say about the scenarios: openssl s_client against the live servers.
@Suite struct LabScenarioTests {
    @Test func catalogueIsConsistent() {
        let names = LabScenarios.all.map(\.name)
        #expect(Set(names).count == names.count, "scenario names are unique")
        for scenario in LabScenarios.all where scenario.expectedDiagnosis == nil {
            #expect(scenario.expectedExit == .success, "\(scenario.name): a healthy scenario exits 0")
        }
    }

    @Test func formerNamesStillFindTheirScenario() {
        for (former, current) in LabScenarios.formerNames {
            #expect(LabScenarios.all.allSatisfy { $0.name != former }, "\(former) is a former name, not a scenario")
            #expect(LabScenarios.named(former)?.name == current)
        }
    }

    @Test(arguments: LabScenarios.all.filter { !$0.isSlow && $0.name != "rsa-4096" })
    func everyScenarioStartsAndStops(scenario: LabScenario) throws {
        let server = try scenario.make(sharedPKI)
        #expect(server.port != 0)
        let started = Date()
        server.stop()
        #expect(Date().timeIntervalSince(started) < 1)
    }

    @Test func healthyIsVerified() throws {
        let result = try withScenario("healthy-rsa") { try sClient($0.port) }
        #expect(result.status == 0)
        #expect(result.output.contains("Verification: OK"), "\(result.output)")
    }

    @Test(arguments: [
        ("expired", "certificate has expired"),
        // s_client does not download the intermediate the lab serves at the leaf's CA Issuers URL.
        ("missing-intermediate", "unable to get local issuer certificate"),
        ("missing-intermediate-aia-down", "unable to get local issuer certificate"),
        ("self-signed", "self-signed certificate"),
        ("untrusted-root", "self-signed certificate in certificate chain"),
        ("wrong-host", "hostname mismatch"),
        ("weak-rsa-1024", "EE certificate key too weak"),
        ("sha1-leaf", "CA signature digest algorithm too weak"),
    ])
    func certificateProblemsFailVerification(name: String, reason: String) throws {
        let result = try withScenario(name) { try sClient($0.port) }
        #expect(result.status != 0)
        #expect(result.output.contains(reason), "\(result.output)")
    }

    @Test func tls10OnlyServesTLS10AndNothingNewer() throws {
        try withScenario("tls10-only") { server in
            let modern = try sClient(server.port, ["-tls1_2"])
            #expect(modern.status != 0)
            #expect(modern.output.contains("alert protocol version") || modern.output.contains("unsupported protocol"),
                    "\(modern.output)")
            let legacy = try sClient(server.port, ["-tls1", "-cipher", "DEFAULT@SECLEVEL=0"])
            #expect(legacy.status == 0, "\(legacy.output)")
            #expect(legacy.output.contains("Protocol version: TLSv1\n"))
        }
    }

    @Test(arguments: ["client-cert-required-tls13", "client-cert-required-tls12"])
    func clientCertificateIsRequired(name: String) throws {
        try withScenario(name) { server in
            // TLS 1.3 rejects the missing certificate after the client's handshake is done:
            // -ign_eof keeps s_client reading until the alert arrives instead of quitting at once.
            let without = try sClient(server.port, ["-ign_eof"])
            #expect(without.status != 0)
            #expect(without.output.contains("alert certificate required") || without.output.contains("alert handshake failure"),
                    "\(without.output)")
            let with = try sClient(server.port, clientCertificateArguments)
            #expect(with.status == 0, "\(with.output)")
        }
    }

    @Test func plainHTTPIsNotTLSAndGetsOneConnection() throws {
        try withScenario("plain-http") { server in
            let result = try sClient(server.port)
            #expect(result.status != 0)
            #expect(result.output.contains("wrong version number"), "\(result.output)")
            #expect(server.connectionCount == 1)
        }
    }

    @Test func nullCipherIsServedOnlyToClientsThatAskForIt() throws {
        try withScenario("null-cipher-only") { server in
            let normal = try sClient(server.port)
            #expect(normal.output.contains("alert handshake failure"))
            let result = try sClient(server.port, ["-tls1_2", "-cipher", "NULL-SHA256@SECLEVEL=0"])
            #expect(result.output.contains("Ciphersuite: NULL-SHA256"), "\(result.output)")
        }
    }

    @Test func pssOnlyRefusesPKCS1Clients() throws {
        try withScenario("tls12-pss-only") { server in
            let normal = try sClient(server.port)
            #expect(normal.status == 0)
            let pkcs1Only = try sClient(server.port, ["-sigalgs", "RSA+SHA256"])
            #expect(pkcs1Only.status != 0)
        }
    }

    @Test func bigChainCertificateMessageExceeds16KB() throws {
        let result = try withScenario("big-chain") { server in
            try Tool.openssl(["s_client", "-connect", "127.0.0.1:\(server.port)", "-servername", "localhost"])
        }
        let line = try #require(result.output.split(separator: "\n").first { $0.hasPrefix("SSL handshake has read") })
        let bytes = try #require(Int(line.split(separator: " ")[4]))
        #expect(bytes > 16_384, "\(line)")
    }
}
