import Foundation
import Testing
import TLSProbeLab

/// Colour on a terminal, none in a pipe, none under NO_COLOR or TERM=dumb, and --color wins.
/// The probe hits a closed loopback port: it fails fast and still prints stage lines.
/// A terminal comes from script(1), which runs the binary on a pseudo-terminal.
@Suite struct ColorOutputTests {
    static let escape = "\u{1B}["

    private func probeClosedPort(_ extra: [String], environment: [String: String] = [:], onTerminal: Bool) throws -> BuiltBinary.Result {
        let port = try LabPorts.closedPort()
        let arguments = extra + ["--timeout", "3", "127.0.0.1:\(port)"]
        var env = ["PATH": "/usr/bin:/bin", "TERM": "xterm"]
        env.merge(environment) { _, new in new }
        guard onTerminal else { return try BuiltBinary.run(arguments, environment: env) }
        let command = ([BuiltBinary.url.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try BuiltBinary.run(executable: URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"], environment: env)
    }

    @Test func terminalGetsColour() throws {
        let result = try probeClosedPort([], onTerminal: true)
        #expect(result.status == 11)
        #expect(result.stdout.contains(Self.escape))
        #expect(result.stdout.contains("✗"))
    }

    @Test func pipeGetsNone() throws {
        let result = try probeClosedPort([], onTerminal: false)
        #expect(result.status == 11)
        #expect(!result.stdout.contains(Self.escape))
        #expect(result.stdout.contains(" FAIL tcp"))
    }

    @Test(arguments: [["NO_COLOR": "1"], ["TERM": "dumb"]])
    func environmentTurnsItOffOnATerminal(_ environment: [String: String]) throws {
        let result = try probeClosedPort([], environment: environment, onTerminal: true)
        #expect(result.stdout.contains("FAIL tcp"))
        #expect(!result.stdout.contains(Self.escape))
    }

    @Test func flagsWin() throws {
        #expect(try probeClosedPort(["--color", "always"], onTerminal: false).stdout.contains(Self.escape))
        #expect(!(try probeClosedPort(["--color", "never"], onTerminal: true).stdout.contains(Self.escape)))
        #expect(!(try probeClosedPort(["--color", "never"], environment: ["NO_COLOR": ""], onTerminal: true).stdout.contains(Self.escape)))
    }
}
