import Foundation
import Testing
import TLSProbeTestSupport
import TLSProbeCore
import TLSProbeLab

/// HTTP responses that are too long, never end or carry terminal escapes.
@Suite("HTTP abuse", .serialized)
struct HTTPAbuseTests {
    let pki = HostileFixture.pki

    /// A head that never ends is no response at all: an error (not a warning with exit 0), checked
    /// against curl on the same server, which gives up too.
    @Test func endlessHeadersStopAtTheCap() throws {
        let server = try LabTLSServer(LabTLSServerConfig(chain: pki.chain, http: .endlessHeaders))
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("endless HTTP headers", result)
        HostileFixture.check(result, exit: [.httpFailed], ids: [DiagnosisID.httpHeadUnfinished])
        // Stopped at the cap, not after it: at most the cap plus one TLS record (16 KB).
        let read = try #require(result.report.http?.headerBytes)
        #expect(read >= HTTPResponseParser.maxHeadBytes && read <= HTTPResponseParser.maxHeadBytes + 16_384)
        let curl = try Self.curl(server.port)
        #expect(curl.status != 0 && curl.stderr.contains("Too large response headers"), "curl: \(curl.status) \(curl.stderr)")
    }

    @Test func headerLineWithoutEndStopsAtTheCap() throws {
        let server = try LabHostileTLSServer(LabTLSServerConfig(chain: pki.chain), behaviour: .endlessHeaderLine)
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("HTTP header line without end", result)
        HostileFixture.check(result, exit: [.httpFailed], ids: [DiagnosisID.httpHeadUnfinished])
        #expect(try Self.curl(server.port).status != 0)
    }

    /// A large head that does end is a response: judged as usual, with a warning for its size;
    /// curl takes it.
    @Test func largeHeadThatEndsIsJudgedAndFlagged() throws {
        let server = try LabTLSServer(LabTLSServerConfig(chain: pki.chain, http: .largeHeaders(bytes: 70 * 1024)))
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("70 KB response head that ends", result)
        HostileFixture.check(result, exit: [.success], ids: [DiagnosisID.httpHeadersTooLarge])
        #expect(result.report.http?.status == 200)
        #expect(!result.report.diagnoses.contains { $0.id == DiagnosisID.httpHeadUnfinished })
        let curl = try Self.curl(server.port)
        #expect(curl.status == 0, "curl: \(curl.status) \(curl.stderr)")
    }

    static func curl(_ port: UInt16) throws -> TestProcess.Output {
        try TestProcess.tool("curl", ["-sS", "-o", "/dev/null", "--max-time", "10", "--cacert", HostileFixture.rootPath,
                                      "--resolve", "localhost:\(port):127.0.0.1", "https://localhost:\(port)/"])
    }

    /// An HSTS header without a valid max-age is ignored by browsers (RFC 6797): said so, not
    /// "HSTS max-age is only missing seconds" as before.
    @Test(arguments: ["includeSubDomains; preload", "max-age=; includeSubDomains", "max-age=-1"])
    func hstsWithoutAValidMaxAgeIsIgnoredByBrowsers(header: String) throws {
        let server = try LabTLSServer(LabTLSServerConfig(chain: pki.chain, http: .respond(status: 200, headers: [("Strict-Transport-Security", header)], body: "ok\n")))
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileFixture.check(result, exit: [.success], ids: [DiagnosisID.httpHSTSNoMaxAge])
        let found = try #require(result.report.diagnoses.first { $0.id == DiagnosisID.httpHSTSNoMaxAge })
        #expect(found.severity == .warning)
        #expect(found.summary == "The Strict-Transport-Security header \"\(header)\" has no valid max-age, so browsers ignore it.", "\(found.summary)")
        #expect(!result.report.diagnoses.contains { $0.id == DiagnosisID.httpHSTSShort || $0.id == DiagnosisID.httpNoHSTS })
    }

    @Test func hundredMegabyteBodyIsNotRead() throws {
        let server = try LabTLSServer(LabTLSServerConfig(chain: pki.chain, http: .hugeBody(bytes: 100 << 20)))
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("100 MB body", result)
        HostileFixture.check(result, exit: [.success], ids: [DiagnosisID.httpNoHSTS])
        #expect(result.report.http?.status == 200)
        #expect(result.report.http?.headerBytes ?? .max < 1024)
    }

    @Test func escapeSequencesInHTTPHeadersAreEscaped() throws {
        var bytes = Array("HTTP/1.1 302 F\u{1B}[2Jound\r\nServer: \u{1B}]0;pwned\u{07}nginx\u{9B}31m\r\n".utf8)
        bytes += Array("Location: https://x/\u{1B}[31m".utf8) + [0xFF, 0xFE, 0x80, 0x0D, 0x0A]
        bytes += Array("Content-Length: 0\r\n\r\n".utf8)
        let server = try LabTLSServer(LabTLSServerConfig(chain: pki.chain, http: .nonHTTP(bytes)))
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("ESC/BEL/C1/invalid UTF-8 in HTTP status line and headers", result)
        HostileFixture.check(result, exit: [.success], ids: [DiagnosisID.httpRedirect])
        #expect(result.report.http?.headers["server"]?.contains(#"\x1b]0;pwned\x07nginx\x9b31m"#) == true)
        #expect(result.report.http?.headers["location"]?.contains(#"\x1b[31m\xff\xfe\x80"#) == true)
    }

    @Test func escapeSequencesInABannerAreEscaped() throws {
        let server = try LabRawServer(.banner("220 mail.example ESMTP \u{1B}[2J\u{1B}]0;title\u{07}\u{9B}\r\n"))
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("SMTP banner with escape sequences", result)
        HostileFixture.check(result, exit: [.notTLS], ids: [DiagnosisID.notTLSBanner])
        #expect(result.report.diagnoses.first?.summary.contains(#"\x1b[2J"#) == true)
    }

    @Test func invalidUTF8BannerIsEscaped() throws {
        let server = try LabRawServer(.script { fd in
            let bytes: [UInt8] = [0x1B, 0x5B, 0x33, 0x31, 0x6D, 0xC3, 0x28, 0xFF, 0x00, 0x07, 0x0A]
            _ = send(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL))
            usleep(300_000)
        })
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("binary banner (ESC, invalid UTF-8, NUL)", result)
        HostileFixture.check(result, exit: [.notTLS], ids: [DiagnosisID.notTLSGarbage])
    }
}
