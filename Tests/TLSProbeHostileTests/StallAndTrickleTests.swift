import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab

/// Servers that stop talking at each point of the exchange, or talk one byte per second: the
/// probe must give up within its deadline and say where the server went quiet.
@Suite("Stalls and trickles", .serialized)
struct StallAndTrickleTests {
    let pki = HostileFixture.pki

    private func tls12Server(http: LabHTTPBehaviour = .healthy) throws -> LabTLSServer {
        var config = LabTLSServerConfig(chain: pki.chain, http: http)
        config.pin(.tls1_2)
        return try LabTLSServer(config)
    }

    @Test func stallAfterAccept() throws {
        let server = try LabRawServer(.stallAfterAccept)
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("stall after accept", result)
        HostileFixture.check(result, exit: [.handshakeTimeout], ids: [DiagnosisID.handshakeTimeout])
    }

    @Test func stallAfterClientHello() throws {
        let server = try LabRawServer(.stallAfterClientHello)
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("stall after reading the ClientHello", result)
        HostileFixture.check(result, exit: [.handshakeTimeout], ids: [DiagnosisID.handshakeTimeout])
    }

    @Test(arguments: [("mid-ServerHello", LabStreamCut.intoRecord(0, offset: 20)),
                      ("mid-Certificate", LabStreamCut.intoRecord(1, offset: 200)),
                      ("after Certificate, mid-ServerKeyExchange", LabStreamCut.intoRecord(2, offset: 30))])
    func stallInsideTheServerFlight(name: String, cut: LabStreamCut) throws {
        let upstream = try tls12Server()
        defer { upstream.stop() }
        let proxy = try LabCuttingProxy(upstreamPort: upstream.port, cut: cut, action: .stall)
        defer { proxy.stop() }
        let result = try HostileFixture.probe(proxy)
        HostileTable.row("stall \(name) (TLS 1.2)", result)
        HostileFixture.check(result, exit: [.handshakeTimeout], ids: [DiagnosisID.handshakeTimeout])
        // The probe must have got as far as the cut: a stall mid-Certificate has a ServerHello.
        if case .intoRecord(let record, _) = cut, record > 0 {
            #expect(result.report.stage(.serverHello)?.status == .ok)
        }
    }

    @Test func httpNeverAnswers() throws {
        let server = try LabTLSServer(LabTLSServerConfig(chain: pki.chain, http: .neverRespond))
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("handshake done, HTTP never answers", result)
        HostileFixture.check(result, exit: [.httpFailed], ids: [DiagnosisID.httpTimeout])
    }

    @Test func stallMidHTTPHeaders() throws {
        let server = try LabTLSServer(LabTLSServerConfig(chain: pki.chain, http: .headerWithoutEnd))
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("stall mid-HTTP-headers", result)
        HostileFixture.check(result, exit: [.httpFailed], ids: [DiagnosisID.httpTimeout])
        #expect(result.report.diagnoses.first?.summary.contains("no complete response head") == true)
    }

    @Test func trickleThroughTheHandshake() throws {
        let upstream = try LabTLSServer(LabTLSServerConfig(chain: pki.chain))
        defer { upstream.stop() }
        let proxy = try LabCuttingProxy(upstreamPort: upstream.port, cut: .afterBytes(0), action: .trickle(interval: 1))
        defer { proxy.stop() }
        let result = try HostileFixture.probe(proxy)
        HostileTable.row("trickle 1 byte/s through the handshake", result)
        HostileFixture.check(result, exit: [.handshakeTimeout], ids: [DiagnosisID.handshakeTimeout])
    }

    @Test func trickleThroughTheHTTPResponse() throws {
        let response = Array("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok".utf8)
        let server = try LabTLSServer(LabTLSServerConfig(chain: pki.chain, http: .trickle(response, interval: 1)))
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("trickle 1 byte/s through the HTTP response", result)
        HostileFixture.check(result, exit: [.httpFailed], ids: [DiagnosisID.httpTimeout])
    }
}
