import Foundation
import Testing
import ArgumentParser
@testable import tlsprobe

/// PlainProbeParser must build exactly the command argument-parser builds, or decline (nil) so
/// that argument-parser parses the line. Checked three ways: a corpus of command lines parsed by
/// both (every property compared, defaults included), the parser's rows against the options
/// argument-parser declares (names, flag or option, parsing strategy), and the corpus touching
/// every row.
@Suite struct PlainProbeParserTests {
    /// Lines the plain parser must take (and agree on).
    static let taken: [[String]] = [
        ["example.com"],
        ["example.com:8443", "other.example:443", "https://third.example/path"],
        ["--no-http", "--cacert", "/tmp/ca.pem", "localhost:4433"],
        ["localhost", "--no-http", "other"],
        ["--json", "-4", "--timeout", "2.5", "--connect-timeout", "1", "--connect-to", "127.0.0.1", "example.com"],
        ["-6", "--timeout=3", "--connect-timeout=0.5", "--connect-to=[::1]", "example.com"],
        ["--timeout", "1e1", "example.com"],
        ["--proxy", "http://proxy.internal:3128", "--noproxy", "*.internal,localhost", "example.com"],
        ["--proxy", "", "example.com"],
        ["--sni", "other.example", "--tls-min", "1.2", "--tls-max", "1.3", "--ciphers", "ECDHE+AESGCM",
         "--ciphersuites", "TLS_AES_128_GCM_SHA256", "--groups", "x25519:P-256", "example.com"],
        ["--no-sni", "--alpn", "h2,http/1.1", "--expect-alpn", "h2", "--expect-tls-min", "1.3", "example.com"],
        ["--cert", "/tmp/client.pem", "--key", "/tmp/client.key", "example.com"],
        ["--capath", "/etc/ssl/certs", "-k", "--warn-days", "30", "--fail-days", "7", "example.com"],
        ["--insecure", "--warn-days", "0", "--revocation", "ocsp", "--at", "2027-01-31T12:00:00Z", "example.com"],
        ["--cacert", "/tmp/ca.pem", "--capath", "/tmp/certs", "--revocation=both", "--no-fetch", "--trust-stores", "example.com"],
        ["--no-app", "--expect-status", "200,301", "example.com"],
        ["--starttls", "smtp", "--mqtt-version", "5", "mail.example:587"],
        ["--mqtt-user", "device", "--mqtt-password", "secret", "--mqtt-client-id", "esp32-1", "mqtts://broker.example"],
        ["--ws-protocol", "mqtt", "wss://broker.example/mqtt"],
        ["--format", "prometheus", "--quiet", "--color", "never", "--strict", "example.com"],
        ["--format=nagios", "-q", "-v", "example.com"],
        ["--verbose", "--color=always", "example.com"],
        ["--targets-file", "/tmp/targets.txt", "--jobs", "4", "--unordered", "--fail-fast", "--shard", "2/3"],
        ["--targets-file", "-", "--jobs=1"],
        ["--client", "esp-idf", "--client-buffer", "4096", "--client-trust", "cacert", "--chip", "esp32c3", "--cacert", "/tmp/ca.pem", "example.com"],
        ["--client", "list"],
        ["--client=esp-idf@4.4", "--client-trust", "insecure", "example.com"],
        ["--save-chain", "/tmp/chain.pem", "--save-root", "/tmp/root.h", "--valid-until", "2030-01-31", "example.com"],
        ["--save-chain", "/tmp/chain.out", "--save-format", "der", "example.com"],
        ["--json", "--format", "text", "example.com"],
        ["--timeout", "10", "host:443"],
    ]

    /// Lines it must leave to argument-parser (which may accept or reject them).
    static let declined: [[String]] = [
        [],                                                   // validate: no target
        ["--timeout", "abc", "example.com"],                  // does not convert
        ["--timeout", "-1", "example.com"],                   // converts; validate fails
        ["--timeout=0", "example.com"],
        ["--sni", "-x", "example.com"],                       // value looks like an option
        ["--sni=-x", "example.com"],
        ["--targets-file", "-x"],
        ["--no-http", "--no-http", "example.com"],            // repeated
        ["--timeout", "1", "--timeout", "2", "example.com"],
        ["-kq", "example.com"],                               // grouped short flags
        ["--", "example.com"],
        ["-", "example.com"],
        ["", "example.com"],
        ["--Timeout", "5", "example.com"],                    // unknown
        ["--no-such-option", "example.com"],
        ["--no-http=yes", "example.com"],                     // a flag given a value
        ["--cacert"],                                         // value missing
        ["-4", "-6", "example.com"],                          // validate
        ["--tls-min", "2.0", "example.com"],
        ["--tls-min", "1.3", "--tls-max", "1.2", "example.com"],
        ["--starttls", "gopher", "example.com"],              // a group's validate
        ["--client", "nokia", "example.com"],
        ["--jobs", "0", "--targets-file", "t.txt"],
        ["--save-chain", "/tmp/chain.txt", "example.com"],
        ["--save-chain", "/tmp/c.pem", "a.example", "b.example"],
        ["--expect-alpn", "h2", "example.com"],
        ["--proxy", "ftp://proxy", "example.com"],
    ]

    @Test(arguments: taken)
    func takesAndAgreesWithArgumentParser(arguments: [String]) throws {
        let plain = try #require(PlainProbeParser.parse(arguments), "PlainProbeParser declined \(arguments)")
        let parsed = try #require(try ProbeCommand.parseAsRoot(arguments) as? ProbeCommand)
        let expected = Self.values(of: parsed)
        #expect(expected.count > 50, "\(expected.count) properties read: the comparison would miss most")
        #expect(!expected.values.contains(Self.unset))
        let actual = Self.values(of: plain)
        let differing = Set(expected.keys).union(actual.keys).filter { expected[$0] != actual[$0] }.sorted()
        #expect(differing.isEmpty, "\(arguments): \(differing.map { "\($0) is \(actual[$0] ?? "missing"), argument-parser: \(expected[$0] ?? "missing")" })")
    }

    @Test(arguments: declined)
    func leavesTheRestToArgumentParser(arguments: [String]) {
        #expect(PlainProbeParser.parse(arguments) == nil, "\(arguments)")
    }

    /// Every row is exercised by `taken`, so each option's conversion is compared above.
    @Test func corpusUsesEveryRow() {
        let used = Set(Self.taken.joined().map { $0.split(separator: "=", maxSplits: 1).first.map(String.init) ?? $0 })
        for option in PlainProbeParser.optionsByName.values {
            #expect(option.names.contains(where: used.contains), "add a line using \(option.names) to PlainProbeParserTests.taken")
        }
    }

    /// The rows and argument-parser's declarations of `tlsprobe probe` name the same options with
    /// the same kind and strategy: an option added to a group without its row fails here.
    @Test func rowsMatchArgumentParsersDeclarations() throws {
        let dump = try BuiltBinary.run(["probe", "--experimental-dump-help"])
        #expect(dump.status == 0)
        let tool = try JSONDecoder().decode(DumpedTool.self, from: Data(dump.stdout.utf8))
        var declared: [String: String] = [:]
        for argument in tool.command.arguments where argument.kind != "positional" {
            let names = (argument.names ?? []).map { ($0.kind == "short" ? "-" : "--") + $0.name }.sorted()
            if names.contains(where: ["--help", "-h", "--version"].contains) { continue }
            let value = argument.kind == "flag" ? "none" : (argument.parsingStrategy == "unconditional" ? "unconditional" : "next")
            #expect(argument.kind == "flag" || argument.parsingStrategy == "default" || argument.parsingStrategy == "unconditional",
                    "\(names) parses as \(argument.parsingStrategy ?? "?"): PlainProbeParser knows only .next and .unconditional")
            declared[names.joined(separator: " ")] = value
        }
        var rows: [String: String] = [:]
        for option in Set(PlainProbeParser.optionsByName.values.map { $0.names.sorted().joined(separator: " ") + "\t\($0.value)" }) {
            let parts = option.split(separator: "\t").map(String.init)
            rows[parts[0]] = parts[1]
        }
        #expect(declared.count > 50)
        for (names, value) in declared.sorted(by: { $0.key < $1.key }) {
            #expect(rows[names] == value, "\(names) is declared as \(value) but PlainProbeParser has \(rows[names] ?? "no row"): add or fix its row in Sources/tlsprobe/PlainProbe/PlainProbeOptions.swift")
        }
        for names in rows.keys where declared[names] == nil {
            Issue.record("PlainProbeParser has a row for \(names), which argument-parser does not declare")
        }
        let positionals = tool.command.arguments.filter { $0.kind == "positional" }
        #expect(positionals.count == 1 && positionals.first?.isRepeating == true, "PlainProbeParser knows one repeating positional (the targets)")
    }

    // MARK: - Comparing two commands

    static let unset = "<unset>"

    /// Every value a parsed command holds, by path ("connection.timeout": "10.0"), read through
    /// the property wrappers; a wrapper still holding its definition reads as `unset`.
    static func values(of command: Any) -> [String: String] {
        var out: [String: String] = [:]
        collect(command, path: "", into: &out)
        return out
    }

    private static func collect(_ subject: Any, path: String, into out: inout [String: String]) {
        for child in Mirror(reflecting: subject).children {
            guard let label = child.label else { continue }
            let name = path + (label.hasPrefix("_") ? String(label.dropFirst()) : label)
            guard let parsed = Mirror(reflecting: child.value).children.first(where: { $0.label == "_parsedValue" })?.value,
                  let state = Mirror(reflecting: parsed).children.first else {
                out[name] = String(reflecting: child.value)
                continue
            }
            guard state.label == "value" else {
                out[name] = unset
                continue
            }
            if state.value is any ParsableArguments {
                collect(state.value, path: name + ".", into: &out)
            } else {
                out[name] = String(reflecting: state.value)
            }
        }
    }

    // The parts of argument-parser's --experimental-dump-help this test reads.
    struct DumpedTool: Decodable {
        struct Command: Decodable { var arguments: [Argument] }
        struct Argument: Decodable {
            struct Name: Decodable { var kind: String; var name: String }
            var kind: String
            var names: [Name]?
            var parsingStrategy: String?
            var isRepeating: Bool?
        }
        var command: Command
    }
}
