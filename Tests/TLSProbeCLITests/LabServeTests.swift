import Foundation
import TLSProbeTestSupport
import Testing
import TLSProbeCore
import TLSProbeLab

/// `tlsprobe lab serve` as a user runs it: spawned, its table read from stdout, then real
/// clients (openssl s_client, curl, tlsprobe itself) pointed at the served scenarios must hit
/// the failures `lab list` promises; SIGINT must end it cleanly.
@Suite(.serialized) struct LabServeTests {
    static let scenarios = ["expired", "missing-intermediate", "tls10-only"]

    /// What each real client must report, per scenario.
    static let opensslSays = [
        "expired": ["certificate has expired"],
        "missing-intermediate": ["unable to get local issuer certificate"],
        // Debian's OpenSSL refuses TLS 1.0 in one of several ways, all a failed handshake.
        "tls10-only": ["legacy sigalg disallowed", "unsupported protocol", "alert protocol version", "no protocols available"],
    ]
    static let curlExit: [String: Int32] = ["expired": 60, "missing-intermediate": 60, "tls10-only": 35]

    @Test func servesScenariosThatRealClientsRejectAsPromised() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lab = try RunningCLI(["lab", "serve", "--port-base", "0", "--dir", "lab"] + Self.scenarios, in: directory)
        defer { if lab.process.isRunning { lab.process.terminate() } }
        let ready = lab.wait(until: { out, _ in out.contains("Ctrl-C stops") }, within: 30)
        try #require(ready, "no table within 30 s: \(lab.stdout)\(lab.stderr)")
        #expect(lab.stdout.contains("trust this root on your client: ./lab/root.pem (also as C header: root.h)"))
        let ports = try Self.ports(from: lab.stdout)
        #expect(lab.stdout.contains("missing-intermediate: the leaf's CA Issuers URL is http://127.0.0.1:"), "\(lab.stdout)")
        #expect(Set(ports.keys) == Set(Self.scenarios))
        let root = directory.appending(path: "lab/root.pem").path

        for name in Self.scenarios {
            let port = try #require(ports[name])
            let scenario = try #require(LabScenarios.named(name))
            let probe = try CLI.run(["--cacert", root, "--no-http", "localhost:\(port)"], timeout: 20)
            #expect(probe.status == scenario.expectedExit.rawValue, "\(name): \(probe.stdout)")
            if let diagnosis = scenario.expectedDiagnosis { #expect(probe.stdout.contains(diagnosis), "\(name): \(probe.stdout)") }
            if name == "missing-intermediate" { #expect(probe.stdout.contains("browsers connect"), "\(probe.stdout)") }

            // scripts/test.sh installs both: their absence is a broken setup, not a pass.
            try #require(CLI.has("openssl"), "openssl is missing (apt-get install openssl; scripts/test.sh installs it)")
            try #require(CLI.has("curl"), "curl is missing (apt-get install curl; scripts/test.sh installs it)")
            do {
                let sClient = try CLI.tool("openssl", [
                    "s_client", "-connect", "127.0.0.1:\(port)", "-servername", "localhost",
                    "-CAfile", root, "-verify_return_error",
                ])
                #expect(sClient.status != 0, "\(name): openssl accepted it")
                let reasons = Self.opensslSays[name] ?? []
                #expect(reasons.contains { sClient.output.contains($0) }, "\(name): \(sClient.output)")
            }
            do {
                let curl = try CLI.tool("curl", [
                    "-sS", "-o", "/dev/null", "--max-time", "10", "--cacert", root,
                    "--resolve", "localhost:\(port):127.0.0.1", "https://localhost:\(port)/",
                ])
                #expect(curl.status == Self.curlExit[name], "\(name): curl \(curl.status) \(curl.output)")
            }
        }

        // Each client connection was logged to stderr with what the client offered.
        let logged = lab.wait(until: { _, err in err.contains("expired #1 from 127.0.0.1:") }, within: 5)
        #expect(logged, "\(lab.stderr)")
        #expect(lab.stderr.contains("SNI localhost"), "\(lab.stderr)")
        // The lab counts the suites tlsprobe offered as tlsprobe's client_hello line does (75 vs 74).
        let firstProbe = try CLI.run(["--cacert", root, "--no-http", "--color", "never", "localhost:\(try #require(ports["expired"]))"], timeout: 20)
        let offered = firstProbe.stdout.split(separator: "\n").first { $0.contains("client_hello") }
        let count = try #require(offered?.split(separator: ",").first { $0.hasSuffix(" suites") }?.split(separator: " ").first)
        #expect(lab.wait(until: { _, err in err.contains("; \(count) suites; SNI localhost") }, within: 5), "\(count) suites: \(lab.stderr)")

        lab.process.interrupt()
        let exited = lab.waitForExit(within: 2)
        #expect(exited, "still running 2 s after SIGINT")
        if exited {
            #expect(lab.process.terminationStatus == 0)
            #expect(lab.stderr.contains("tlsprobe lab: stopped"), "\(lab.stderr)")
        }
    }

    @Test func secondRunReusesThePKIAndKeepsTheRoot() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rootURL = directory.appending(path: "tlsprobe-lab/root.pem")
        var roots: [String] = []
        for run in 0..<2 {
            let lab = try RunningCLI(["lab", "serve", "--port-base", "0", "healthy-rsa"], in: directory)
            defer { if lab.process.isRunning { lab.process.terminate() } }
            try #require(lab.wait(until: { out, _ in out.contains("Ctrl-C stops") }, within: 30), "\(lab.stderr)")
            #expect(lab.stderr.contains(run == 0 ? "generated a new PKI in ./tlsprobe-lab" : "reusing the PKI in ./tlsprobe-lab"), "\(lab.stderr)")
            roots.append(try String(contentsOf: rootURL, encoding: .utf8))
            lab.process.interrupt()
            #expect(lab.waitForExit(within: 5))
        }
        #expect(roots[0] == roots[1])
    }

    /// "  expired  https://localhost:41429/  the leaf expired…" → ["expired": 41429]
    static func ports(from table: String) throws -> [String: Int] {
        var ports: [String: Int] = [:]
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, fields[1].hasPrefix("https://"), fields[1].hasSuffix("/"),
                  let port = Int(fields[1].dropLast().split(separator: ":").last ?? "")
            else { continue }
            ports[String(fields[0])] = port
        }
        return ports
    }
}
