import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab

/// Interim (1xx) HTTP responses: read past them to the final answer (RFC 9110 §15.2), and never
/// call a request answered when only interim responses came.
@Suite("Interim HTTP responses", .serialized)
struct InterimResponseTests {
    let pki = HostileFixture.pki

    private func serve(_ behaviour: LabHTTPBehaviour) throws -> LabTLSServer {
        try LabTLSServer(LabTLSServerConfig(chain: pki.chain, http: behaviour))
    }

    @Test func continueThenServerErrorIsTheServerError() throws {
        let server = try serve(.rawReply("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n"))
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("100 Continue, then 500", result)
        HostileFixture.check(result, exit: [.httpFailed], ids: [DiagnosisID.httpStatus5xx])
        #expect(result.report.http?.status == 500)
        #expect(result.report.http?.interimResponses == ["HTTP/1.1 100 Continue"])
        #expect(result.report.stage(.http)?.summary.contains("500 Internal Server Error (after 100 Continue)") == true)
    }

    @Test func severalInterimResponsesThenOK() throws {
        let reply = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n"
            + "HTTP/1.1 200 OK\r\nStrict-Transport-Security: max-age=31536000\r\nContent-Length: 0\r\n\r\n"
        let server = try serve(.rawReply(reply))
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("100, 103, then 200", result)
        #expect(result.report.exitCode == 0, "\(result.report.diagnoses.map(\.id))")
        #expect(result.report.http?.status == 200)
        #expect(result.report.http?.interimResponses.count == 2)
        #expect(result.report.http?.headers["strict-transport-security"] != nil, "the final head's headers, not the 103's")
    }

    @Test func interimResponsesWithoutEndStopAtTheCap() throws {
        let server = try serve(.interimForever(interval: 0.005))
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("102 Processing without end (fast)", result)
        HostileFixture.check(result, exit: [.httpFailed], ids: [DiagnosisID.httpInterimOnly])
        let diagnosis = try #require(result.report.diagnoses.first { $0.id == DiagnosisID.httpInterimOnly })
        // Either the cap stopped it or, on a slow machine, the deadline did; never an OK.
        #expect(diagnosis.summary.contains("interim responses"))
        #expect(result.report.http?.status == nil)
    }

    @Test func slowInterimResponsesEndAtTheDeadline() throws {
        let server = try serve(.interimForever(interval: 0.6))
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("102 Processing every 0.6 s, never a final response", result)
        HostileFixture.check(result, exit: [.httpFailed], ids: [DiagnosisID.httpInterimOnly])
        let diagnosis = try #require(result.report.diagnoses.first { $0.id == DiagnosisID.httpInterimOnly })
        #expect(diagnosis.summary.contains("still none after"))
    }

    @Test func continueThenCloseIsNoAnswer() throws {
        let server = try serve(.rawReply("HTTP/1.1 100 Continue\r\n\r\n"))
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("100 Continue, then close_notify", result)
        HostileFixture.check(result, exit: [.httpFailed], ids: [DiagnosisID.httpInterimOnly])
    }

    @Test func switchingProtocolsWithoutUpgradeIsAnError() throws {
        let server = try serve(.rawReply("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"))
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("101 Switching Protocols to a plain GET", result)
        HostileFixture.check(result, exit: [.httpFailed], ids: [DiagnosisID.httpUnrequestedSwitch])
    }

    @Test func readerSkipsInterimHeadsSplitAcrossReads() {
        var reader = HTTPResponseReader()
        let stream = Array("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n".utf8)
        var outcome = HTTPResponseReader.Outcome.incomplete
        for byte in stream {
            outcome = reader.feed([byte])
            if case .final = outcome { break }
        }
        guard case .final(let head, _) = outcome else { Issue.record("no final head: \(outcome)"); return }
        #expect(head.status == 204)
        #expect(reader.interimCount == 2)
        #expect(reader.interimLabel == "2 interim responses (100 Continue, 102 Processing)")
        var upgrading = HTTPResponseReader(upgradeRequested: true)
        guard case .final(let switched, _) = upgrading.feed(Array("HTTP/1.1 101 Switching Protocols\r\n\r\n".utf8)) else {
            Issue.record("101 after an Upgrade request is the answer"); return
        }
        #expect(switched.status == 101)
    }
}
