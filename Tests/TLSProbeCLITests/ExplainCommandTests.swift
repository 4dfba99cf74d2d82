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

    /// Each kind of query is answered with what it means (this test only ran the command before).
    @Test(arguments: [
        (["-0x2700"], "MBEDTLS_ERR_X509_CERT_VERIFY_FAILED"), (["-0x3000", "+", "-0x0034"], "MBEDTLS_ERR_X509_FATAL_ERROR"),
        (["flags=0x0C"], "MBEDTLS_X509_BADCERT_NOT_TRUSTED"), (["--flags", "0x08"], "MBEDTLS_X509_BADCERT_NOT_TRUSTED"),
        (["cert.expired"], "cert.expired — Certificate expired"), (["alert:40"], "handshake_failure"),
        (["--json", "verify:10"], "\"kind\" : \"openssl_verify\""),
    ])
    func knownInputIsAnswered(arguments: [String], expected: String) throws {
        let command = try ExplainCommand.parse(arguments)
        let (text, known) = try command.answer()
        #expect(known)
        #expect(text.contains(expected), "\(arguments): \(text)")
    }
}
