import Foundation
import Testing

@Suite struct HelpAndVersionTests {
    /// `tlsprobe --help` is the probe's help (argument-parser alone would list only subcommands).
    @Test(arguments: ["--help", "-h", "help"])
    func rootHelpShowsProbeOptionsAndExamples(_ flag: String) throws {
        let result = try BuiltBinary.run([flag])
        #expect(result.status == 0)
        let text = result.stdout
        for needle in ["USAGE: tlsprobe [<options>] <target>", "EXAMPLES:", "--cacert <file>", "--json", "--proxy <url>", "EXIT STATUS:", "SUBCOMMANDS:", "explain"] {
            #expect(text.contains(needle), "missing \(needle)")
        }
        // Most-used first: examples and output/verification options come before TLS tuning.
        let order = ["EXAMPLES:", "OUTPUT:", "VERIFICATION:", "TLS:", "EXIT STATUS:", "SUBCOMMANDS:"].map { text.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(zip(order, order.dropFirst()).allSatisfy { $0! < $1! })
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 }, "a line wider than 80 columns")
    }

    @Test func versionNamesOpenSSLTwiceAndTheTrustStore() throws {
        let result = try BuiltBinary.run(["--version"], environment: ["PATH": "/usr/bin:/bin", "SSL_CERT_FILE": "/tmp/bundle.pem"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("tlsprobe "))
        #expect(lines[1].hasPrefix("OpenSSL built with: OpenSSL 3."))
        #expect(lines[2].hasPrefix("OpenSSL running:    OpenSSL 3."))
        #expect(lines[3] == "trust store:        /tmp/bundle.pem (SSL_CERT_FILE)")
    }

    @Test func errorsGoToStderrWithUsageStatus() throws {
        let result = try BuiltBinary.run(["--proxy", "socks5://127.0.0.1:1", "localhost"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("only http:// proxies"))
    }
}
