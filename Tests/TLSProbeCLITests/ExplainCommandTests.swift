import ArgumentParser
import Testing
@testable import tlsprobe

@Suite struct ExplainCommandTests {
    /// A negative code must reach the explainer as input, not be rejected as an unknown option.
    @Test(arguments: [["-0x2700"], ["-9984"], ["-0x3000", "+", "-0x0034"], ["cert.expired"], ["flags=0x0C"]])
    func codesAreParsedAsTyped(arguments: [String]) throws {
        let command = try ExplainCommand.parse(arguments)
        #expect(command.input == arguments)
        #expect(!command.list && !command.json)
    }

    @Test func optionsStillWork() throws {
        let command = try ExplainCommand.parse(["--json", "--flags", "0x08"])
        #expect(command.json)
        #expect(command.flags == "0x08")
        #expect(command.input.isEmpty)
    }

    @Test func listTakesAnOptionalFamily() throws {
        let command = try ExplainCommand.parse(["--list", "cert"])
        #expect(command.list)
        #expect(command.input == ["cert"])
    }

    @Test func unknownInputExitsWithUsage() throws {
        let command = try ExplainCommand.parse(["definitely_not_a_code"])
        #expect(throws: ExitCode(64)) { try command.run() }
    }

    @Test func knownInputRuns() throws {
        let command = try ExplainCommand.parse(["-0x2700"])
        try command.run()
    }
}
