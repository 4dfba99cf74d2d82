import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab

/// Properties that must hold whatever options are given.
@Suite("Security properties", .serialized)
struct SecurityPropertyTests {
    static let pki = HostileFixture.pki
    static let optionSets: [[String]] = [
        [], ["-k"], ["--no-http"], ["-k", "--no-http"], ["--tls-min", "1.0"], ["--ciphers", "ALL@SECLEVEL=0"],
        ["-k", "--tls-min", "1.0", "--ciphers", "ALL@SECLEVEL=0"], ["--warn-days", "0"],
    ]

    /// Broken servers (untrusted root, wrong host, expired, TLS 1.0 only with SHA-1) and the exit
    /// codes tlsprobe must never turn into 0.
    static func brokenServers() throws -> [(String, LabTLSServer)] {
        let wrongHost = try pki.issueLeaf(.server(commonName: "other.example", dnsNames: ["other.example"], ipAddresses: []))
        var expiredSpec = LabCertificateSpec.server()
        expiredSpec.notBeforeOffset = -30 * LabTime.day
        expiredSpec.notAfterOffset = -LabTime.day
        let expired = try pki.issueLeaf(expiredSpec)
        let selfSigned = try LabPKI.issue(.server(), issuer: nil)
        return [
            ("untrusted (self-signed)", try LabTLSServer(LabTLSServerConfig(chain: [selfSigned]))),
            ("hostname mismatch", try LabTLSServer(LabTLSServerConfig(chain: [wrongHost, pki.intermediate]))),
            ("expired", try LabTLSServer(LabTLSServerConfig(chain: [expired, pki.intermediate]))),
        ]
    }

    @Test func neverExitZeroForAFailedCertificateWhateverTheOptions() throws {
        for (name, server) in try Self.brokenServers() {
            defer { server.stop() }
            for extra in Self.optionSets {
                let before = server.connections.count
                let arguments = ["--cacert", HostileFixture.rootPath, "--connect-to", "127.0.0.1", "--timeout", "5"] + extra + ["localhost:\(server.port)"]
                let result = try TLSProbeBinary.run(arguments)
                #expect(result.status != 0 && result.status != 1, "\(name) \(extra): exit \(result.status)")
                #expect([30, 31, 32].contains(result.status), "\(name) \(extra): exit \(result.status)")
                // No HTTP request reaches a server whose certificate failed, unless -k.
                let requests = server.connections.dropFirst(before).compactMap(\.requestHead)
                if !extra.contains("-k") || extra.contains("--no-http") {
                    #expect(requests.isEmpty, "\(name) \(extra): the server got \(requests)")
                }
            }
        }
    }

    /// A server that only offers what policy forbids (TLS 1.0 with an RSA-1024 key signed with
    /// SHA-1): never success, even with -k and a wide-open cipher string.
    @Test func neverExitZeroForPolicyForbiddenParameters() throws {
        var spec = LabCertificateSpec.server(key: .rsa(bits: 1024))
        spec.signatureHash = .sha1
        let weak = try Self.pki.issueLeaf(spec)
        var config = LabTLSServerConfig(chain: [weak, Self.pki.intermediate])
        config.pin(.tls1_0)
        let server = try LabTLSServer(config)
        defer { server.stop() }
        for extra in Self.optionSets {
            let arguments = ["--cacert", HostileFixture.rootPath, "--connect-to", "127.0.0.1", "--timeout", "5"] + extra + ["localhost:\(server.port)"]
            let result = try TLSProbeBinary.run(arguments)
            #expect(result.status != 0, "\(extra): exit 0 for TLS 1.0 + RSA-1024 + SHA-1")
        }
    }

    /// The --key file's base64 body never appears in any output, in any format, even verbose.
    @Test func privateKeyIsNeverPrinted() throws {
        let server = try LabTLSServer(LabTLSServerConfig(chain: Self.pki.chain, clientAuth: .request))
        defer { server.stop() }
        let keyPath = HostileFixture.directory.appending(path: "client.key").path
        let keyLines = try String(contentsOfFile: keyPath, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("-----") }.map(String.init)
        #expect(keyLines.count > 1)
        for format in [["--json"], ["-v"], ["--format", "ndjson"], ["-v", "--json"]] {
            let arguments = ["--cacert", HostileFixture.rootPath, "--connect-to", "127.0.0.1", "--cert",
                             HostileFixture.directory.appending(path: "client.pem").path, "--key", keyPath] + format + ["localhost:\(server.port)"]
            let result = try TLSProbeBinary.run(arguments)
            #expect(result.status == 0, "\(format): \(result.stderrText)")
            let output = result.stdoutText + result.stderrText
            for line in keyLines { #expect(!output.contains(line), "\(format): key material in output") }
            #expect(!output.contains("PRIVATE KEY"), "\(format)")
        }
        #expect(server.connections.last?.clientCertificateSubject?.contains("lab client") == true)
    }

    /// The real binary's stdout, text and JSON, for servers that send escape sequences.
    @Test func binaryStdoutCarriesNoRawEscape() throws {
        let evil = try LabHostileChains.escapeSequences(issuer: Self.pki.intermediate)
        var bytes = Array("HTTP/1.1 302 F\u{1B}[2Jound\r\nServer: \u{1B}]0;pwned\u{07}\r\nLocation: https://x/\u{1B}[31m".utf8) + [0xFF, 0x9B]
        bytes += Array("\r\nContent-Length: 0\r\n\r\n".utf8)
        let servers: [any LabServer] = [
            try LabTLSServer(LabTLSServerConfig(chain: [evil, Self.pki.intermediate], http: .nonHTTP(bytes))),
            try LabRawServer(.banner("220 \u{1B}[2J\u{1B}]0;title\u{07} ESMTP\r\n")),
        ]
        defer { servers.forEach { $0.stop() } }
        for server in servers {
            for format in [["--color", "never"], ["--color", "always", "-v"], ["--json"], ["-v", "--json"]] {
                let arguments = ["--cacert", HostileFixture.rootPath, "--connect-to", "127.0.0.1", "--timeout", "3"] + format + ["localhost:\(server.port)"]
                let result = try TLSProbeBinary.run(arguments)
                #expect(!result.stdout.isEmpty)
                if format.contains("always") {
                    // Colour codes are ours; strip exactly those (ESC [ digits m) and nothing else.
                    let text = result.stdoutText.replacing(#/\x1B\[[0-9;]*m/#, with: "")
                    #expect(!text.unicodeScalars.contains { SafeTextCheck.isForbidden($0) }, "\(format): raw control on stdout")
                } else {
                    #expect(!result.stdout.contains { SafeTextCheck.isForbidden(byte: $0) }, "\(format): raw control byte on stdout")
                    #expect(!result.stdoutText.unicodeScalars.contains { SafeTextCheck.isForbidden($0) }, "\(format): raw C1 on stdout")
                }
                #expect(result.stdoutText.contains(#"\x1b"#), "\(format): the escapes are shown escaped")
            }
        }
    }
}
