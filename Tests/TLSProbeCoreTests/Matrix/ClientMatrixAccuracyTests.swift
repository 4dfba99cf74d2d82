import Foundation
import TLSProbeTestSupport
import Testing
@testable import TLSProbeCore
import TLSProbeLab

/// The client matrix's predictions against the real clients, on the same servers: the lab's
/// scenarios (OpenSSL servers) and foreign servers (GnuTLS, Go crypto/tls, Botan) serving
/// the same faults. Each real client runs as a user would run it, trusting the lab root:
/// `openssl s_client -verify_return_error -verify_hostname`, curl, Python's
/// ssl.create_default_context, gnutls-cli, a Java 17 client and a Go client compiled here
/// (Tests/Oracle), and the Mbed TLS 2.28 client of the embedded issue. Where the prediction
/// and the real client differ, the test fails. Each line printed as `ACCURACY …` is one cell
/// of the accuracy table in the closing note.
@Suite struct ClientMatrixAccuracyTests {
    enum RealClient: String, CaseIterable, Sendable {
        case openssl = "openssl-3.0", curl = "curl-7.88", python = "python-3.11", gnutls = "gnutls-3.7"
        case java = "java-17", go = "go-1.19", mbedtls = "esp-idf@4.4"
    }

    struct RealResult {
        var connected: Bool
        var detail: String
    }

    static let oracleDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "Oracle")

    /// The Go client, built once per test process into a temporary directory.
    static let goClient: Result<String, OracleError> = {
        do {
            let directory = try TestDirectory.make("tlsprobe-go-oracle")
            let go = directory.appending(path: "go_tls_client").path
            let goBuild = try TestProcess.tool("go", ["build", "-o", go, oracleDirectory.appending(path: "go_tls_client.go").path],
                                               in: directory, environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                                                                            "HOME": directory.path, "GOCACHE": directory.appending(path: "gocache").path,
                                                                            "GOFLAGS": "-mod=mod", "GO111MODULE": "off"], timeout: 240)
            guard goBuild.status == 0 else { return .failure(OracleError("go build failed: \(goBuild.combined)")) }
            return .success(go)
        } catch { return .failure(OracleError("\(error)")) }
    }()

    /// The Java client's classes, built once per test process into a temporary directory.
    static let javaClasses: Result<String, OracleError> = {
        do {
            let directory = try TestDirectory.make("tlsprobe-java-oracle")
            let javac = try TestProcess.tool("javac", ["-d", directory.path, oracleDirectory.appending(path: "JavaTLSClient.java").path], timeout: 240)
            guard javac.status == 0 else { return .failure(OracleError("javac failed (scripts/test.sh installs openjdk-17-jdk-headless): \(javac.combined)")) }
            return .success(directory.path)
        } catch { return .failure(OracleError("\(error)")) }
    }()

    struct OracleError: Error, CustomStringConvertible {
        let description: String
        init(_ text: String) { description = text }
    }

    static func line(_ output: TestProcess.Output) -> RealResult {
        let last = output.stdout.split(separator: "\n").last { $0.hasPrefix("outcome=") }.map(String.init) ?? output.combined
        return RealResult(connected: last.hasPrefix("outcome=connected"), detail: String(last.prefix(300)))
    }

    /// What the real client does against `host:port` with `name` as SNI and verify name.
    static func ask(_ client: RealClient, host: String, port: UInt16, name: String) throws -> RealResult {
        let root = LabFixture.rootPath
        let timeout = "4000"
        switch client {
        case .openssl:
            let nameOption = SocketAddress.isNumericHost(name) ? ["-verify_ip", name] : ["-verify_hostname", name, "-servername", name]
            let output = try TestProcess.tool("openssl", ["s_client", "-connect", "\(host):\(port)", "-CAfile", root, "-verify_return_error"] + nameOption,
                                              stdin: Data(), timeout: 15)
            return RealResult(connected: output.status == 0 && output.stdout.contains("Verify return code: 0"),
                              detail: output.combined.split(separator: "\n").first { $0.contains("error") || $0.contains("Verify return") }.map(String.init) ?? "exit \(output.status)")
        case .curl:
            let url = SocketAddress.isNumericHost(name) ? "https://\(name):\(port)/" : "https://\(name):\(port)/"
            let output = try TestProcess.tool("curl", ["-sS", "-v", "-o", "/dev/null", "--max-time", "8", "--cacert", root,
                                                       "--connect-to", "\(name):\(port):\(host):\(port)", url], timeout: 15)
            let handshake = output.stderr.contains("SSL connection using") && ![35, 51, 58, 60, 83, 90, 91].contains(output.status)
            return RealResult(connected: handshake, detail: "exit \(output.status): " + (output.stderr.split(separator: "\n").last.map(String.init) ?? ""))
        case .python:
            return line(try TestProcess.tool("python3", [oracleDirectory.appending(path: "python_tls_client.py").path, host, String(port), name, root, timeout], timeout: 15))
        case .gnutls:
            var arguments = ["--x509cafile", root, "-p", String(port), "--verify-hostname", name, host]
            if !SocketAddress.isNumericHost(name) { arguments.insert(contentsOf: ["--sni-hostname", name], at: 0) }
            let output = try TestProcess.tool("gnutls-cli", arguments, stdin: Data(), timeout: 15)
            let connected = output.status == 0 && output.stdout.contains("Handshake was completed")
            let detail = output.combined.split(separator: "\n").first { $0.contains("Fatal") || $0.contains("Status:") || $0.contains("Error") }.map(String.init) ?? "exit \(output.status)"
            return RealResult(connected: connected, detail: detail)
        case .java:
            return line(try TestProcess.tool("java", ["-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", try javaClasses.get(), "JavaTLSClient", host, String(port), name, root, timeout], timeout: 30))
        case .go:
            return line(try TestProcess.run(URL(fileURLWithPath: try goClient.get()), [host, String(port), name, root, timeout], timeout: 15))
        case .mbedtls:
            let binary = try MbedTLSOracleTests.oracle.get()
            let result = MbedTLSOracleTests.askOracle(binary, server: ForeignAddress(host: host, port: port), host: name)
            return RealResult(connected: result.outcome == "connected", detail: result.description)
        }
    }

    /// The matrix for the real clients' profiles against one server.
    static func predict(host: String, port: UInt16, name: String) throws -> [ClientMatrixRow] {
        var options = LabFixture.options()
        options.connectTo = host
        options.timeout = 8
        let profiles = try RealClient.allCases.map { try #require(ClientProfiles.matrixClient(named: $0.rawValue)) }
        let target = try ProbeTarget.parse("\(name.contains(":") ? "[\(name)]" : name):\(port)")
        return ClientMatrix(options: options, clients: profiles).run(target).clients ?? []
    }

    /// Runs every real client and the matrix; fails where they differ.
    static func compare(_ label: String, host: String, port: UInt16, name: String) throws {
        let rows = try predict(host: host, port: port, name: name)
        var disagreements: [String] = []
        for client in RealClient.allCases {
            let real = try ask(client, host: host, port: port, name: name)
            let row = try #require(rows.first { $0.name == client.rawValue })
            let predicted = row.outcome == .connects
            let agree = predicted == real.connected
            print("ACCURACY \(label) \(client.rawValue) real=\(real.connected ? "connects" : "fails") predicted=\(row.outcome.rawValue)\(row.diagnosis.map { "(\($0.id))" } ?? "") \(agree ? "agree" : "DISAGREE") | \(real.detail)")
            if !agree { disagreements.append("\(client.rawValue): real \(real.connected ? "connects" : "fails") [\(real.detail)], predicted \(row.outcome.rawValue) \(row.diagnosis.map { "\($0.id): \($0.summary)" } ?? "")") }
        }
        #expect(disagreements.isEmpty, Comment(rawValue: "\(label):\n" + disagreements.joined(separator: "\n")))
    }

    static let labScenarios = [
        "healthy-rsa", "healthy-ecdsa", "healthy-tls12-only", "healthy-tls13-only", "wildcard", "ip-san", "rsa-4096",
        "expired", "not-yet-valid", "expired-intermediate", "self-signed", "untrusted-root", "missing-intermediate",
        "chain-wrong-order", "chain-out-of-order", "root-included", "extra-cert", "big-chain",
        "wrong-host", "cn-only", "wrong-purpose", "weak-rsa-1024", "sha1-leaf", "md5-leaf", "ed25519",
        "tls10-only", "tls11-only", "weak-dh-1024", "null-cipher-only", "tls12-pss-only",
    ]

    @Test(arguments: labScenarios)
    func labScenarioPredictionsEqualTheRealClients(_ name: String) throws {
        let scenario = try #require(LabScenarios.named(name))
        let server = try scenario.make(LabFixture.pki)
        defer { server.stop() }
        try Self.compare(name, host: server.host, port: server.port, name: scenario.host)
    }

    /// The same faults from other TLS implementations.
    static let foreignCases: [String] = ["gnutls", "go", "botan"].flatMap { stack in
        ["healthy", "missing-intermediate", "cn-only", "sha1-leaf", "weak-rsa-1024"].map { "\(stack)/\($0)" }
    }

    static func foreignChain(_ fault: String) throws -> [LabCertificate] {
        let pki = LabFixture.pki
        var spec = LabCertificateSpec.server(key: .rsa(bits: 2048))
        switch fault {
        case "missing-intermediate": return [try pki.issueLeaf(spec)]
        case "cn-only": spec.includeSAN = false
        case "sha1-leaf": spec.signatureHash = .sha1
        case "weak-rsa-1024": spec.key = .rsa(bits: 1024)
        default: break
        }
        return [try pki.issueLeaf(spec), pki.intermediate]
    }

    @Test(arguments: foreignCases)
    func foreignServerPredictionsEqualTheRealClients(_ label: String) throws {
        let parts = label.split(separator: "/").map(String.init)
        let stack: ForeignStack = ["gnutls": .gnutls, "go": .go, "botan": .botan][parts[0]]!
        try #require(stack.isAvailable, "\(stack.name) is not installed (scripts/test.sh installs \(stack.debianPackages))")
        let server = try ForeignServerPool.server("matrix-\(label)") {
            try ForeignTLSServer.start(stack, ForeignServerSpec(chain: try Self.foreignChain(parts[1])))
        }
        try Self.compare(label, host: server.host, port: server.port, name: "localhost")
    }
}

/// A host and port for the Mbed TLS oracle, which takes a LabServer.
private final class ForeignAddress: LabServer {
    let host: String
    let port: UInt16
    init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }
    var connectionCount: Int { 0 }
    func stop() {}
}
