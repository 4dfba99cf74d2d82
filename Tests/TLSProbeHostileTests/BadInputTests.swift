import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab

/// Malformed targets, options and input files: one line on stderr saying what is wrong, nothing
/// on stdout (not even with --json), the documented exit code, no stack trace.
@Suite("Bad user input", .serialized)
struct BadInputTests {
    static let directory = HostileFixture.directory

    /// Files that are wrong in every way a CA file, certificate or key can be.
    static let files: (missing: String, directory: String, der: String, garbage: String,
                       encryptedKey: String, otherKey: String) = {
        let base = directory
        let der = base.appending(path: "root.der")
        try? Data((try? HostileFixture.pki.root.der) ?? []).write(to: der)
        let garbage = base.appending(path: "garbage.pem")
        try? Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }).write(to: garbage)
        // An encrypted key, made by openssl itself, so there is no doubt it is one.
        let encrypted = base.appending(path: "client-encrypted.key")
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["pkey", "-in", base.appending(path: "client.key").path, "-aes256", "-passout", "pass:secret", "-out", encrypted.path]
        try? openssl.run()
        openssl.waitUntilExit()
        let otherKey = base.appending(path: "other.key")
        try? HostileFixture.pki.foreignRoot.keyPEM.write(to: otherKey, atomically: true, encoding: .utf8)
        return (base.appending(path: "does-not-exist.pem").path, base.path, der.path, garbage.path, encrypted.path, otherKey.path)
    }()

    static let root = HostileFixture.rootPath
    static let clientCert = directory.appending(path: "client.pem").path
    static let clientKey = directory.appending(path: "client.key").path

    static let cases: [(name: String, arguments: [String], exit: ProbeExit)] = [
        ("port out of range", ["localhost:99999"], .usage),
        ("port missing", ["localhost:"], .usage),
        ("unclosed IPv6 bracket", ["[::1"], .usage),
        ("URL without host", ["https://"], .usage),
        ("http:// scheme", ["http://example.com"], .usage),
        ("300-character label", [String(repeating: "a", count: 300) + ".example"], .usage),
        ("control character in target", ["exa\u{1B}[2Jmple.com"], .usage),
        ("no target", [], .usage),
        ("unknown option", ["--bogus", "localhost"], .usage),
        ("bad --tls-min", ["--tls-min", "9.9", "localhost"], .usage),
        ("--key without --cert", ["--key", clientKey, "localhost"], .usage),
        ("CA file missing", ["--cacert", files.missing, "localhost"], .inputFile),
        ("CA file is a directory", ["--cacert", files.directory, "localhost"], .inputFile),
        ("CA file is DER, not PEM", ["--cacert", files.der, "localhost"], .inputFile),
        ("CA file is garbage", ["--cacert", files.garbage, "localhost"], .inputFile),
        ("client certificate missing", ["--cacert", root, "--cert", files.missing, "--key", clientKey, "localhost"], .inputFile),
        ("client key missing", ["--cacert", root, "--cert", clientCert, "--key", files.missing, "localhost"], .inputFile),
        ("encrypted key, no passphrase", ["--cacert", root, "--cert", clientCert, "--key", files.encryptedKey, "localhost"], .inputFile),
        ("key does not match the certificate", ["--cacert", root, "--cert", clientCert, "--key", files.otherKey, "localhost"], .inputFile),
        ("client certificate is garbage", ["--cacert", root, "--cert", files.garbage, "--key", clientKey, "localhost"], .inputFile),
    ]

    @Test(arguments: cases.indices)
    func oneLineOnStderrNothingOnStdout(index: Int) throws {
        let (name, arguments, exit) = Self.cases[index]
        for json in [false, true] {
            let result = try TLSProbeBinary.run((json ? ["--json"] : []) + arguments, stdin: [0xFF, 0x00, 0x1B, 0x5B])
            let stderr = result.stderrText
            #expect(result.status == exit.rawValue, "\(name): exit \(result.status), stderr \(stderr)")
            #expect(result.stdout.isEmpty, "\(name): stdout \(result.stdoutText)")
            let lines = stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(name): \(lines.count) lines on stderr: \(stderr)")
            #expect(stderr.hasPrefix("tlsprobe: "), "\(name): \(stderr)")
            #expect(!stderr.contains("Fatal error") && !stderr.contains("Stack dump") && !stderr.contains("0x0000"), "\(name): \(stderr)")
            #expect(!result.stderr.contains(0x1B), "\(name): raw ESC on stderr")
            // Tables for notes and debugging only when asked for: tests are quiet by default.
            if ProcessInfo.processInfo.environment["TLSPROBE_TEST_TABLES"] != nil { print("HOSTILE-INPUT | \(name) | \(result.status) | \(stderr.trimmingCharacters(in: .newlines).prefix(150))") }
        }
    }

    @Test func idnNameBecomesPunycode() throws {
        let target = try ProbeTarget.parse("bücher.example:8443")
        #expect(target.host == "xn--bcher-kva.example")
        #expect(target.port == 8443)
        let url = try ProbeTarget.parse("https://BÜCHER.example/path")
        #expect(url.host == "xn--bcher-kva.example")
        #expect(url.path == "/path")
    }

    /// An IDN target against a local server: the probe sends the punycode name as SNI and Host.
    @Test func idnTargetProbesLocally() throws {
        let leaf = try HostileFixture.pki.issueLeaf(.server(dnsNames: ["xn--bcher-kva.example"]))
        let server = try LabTLSServer(LabTLSServerConfig(chain: [leaf, HostileFixture.pki.intermediate]))
        defer { server.stop() }
        let result = try TLSProbeBinary.run(["--cacert", Self.root, "--connect-to", "127.0.0.1", "--timeout", "5", "--json", "bücher.example:\(server.port)"])
        #expect(result.status == 0, "\(result.stderrText) \(result.stdoutText.prefix(400))")
        #expect(server.connections.first?.clientHello?.serverName == "xn--bcher-kva.example")
        #expect(server.connections.first?.requestHead?.contains("Host: xn--bcher-kva.example:") == true)
    }
}
