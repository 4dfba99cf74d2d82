import Foundation
import Testing
@testable import TLSProbeCore
import TLSProbeLab

@Suite struct PeerBytesClassifierTests {
    @Test func recognisesATLSRecord() {
        #expect(PeerBytesClassifier.classify([0x16, 0x03, 0x03, 0x00, 0x40]) == .tls)
        #expect(PeerBytesClassifier.classify([0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x28]) == .tls)
    }

    @Test func recognisesPlainHTTP() {
        let reply = Array("HTTP/1.1 400 Bad Request\r\nServer: nginx\r\n\r\n".utf8)
        #expect(PeerBytesClassifier.classify(reply) == .plainHTTP(statusLine: "HTTP/1.1 400 Bad Request"))
    }

    @Test(arguments: [
        ("220 mail.example.com ESMTP Postfix\r\n", "SMTP"),
        ("220 ProFTPD Server ready (ftp)\r\n", "FTP"),
        ("SSH-2.0-OpenSSH_9.2p1\r\n", "SSH"),
        ("+OK POP3 ready\r\n", "POP3"),
        ("* OK IMAP4rev1 ready\r\n", "IMAP"),
    ])
    func namesBannerProtocols(banner: String, name: String) {
        guard case .banner(let found, _) = PeerBytesClassifier.classify(Array(banner.utf8)) else {
            Issue.record("not classified as a banner")
            return
        }
        #expect(found == name)
    }

    @Test func showsGarbageAsHexAndEscapesIt() {
        let bytes: [UInt8] = [0x00, 0x1B, 0x5B, 0x33, 0x31, 0x6D, 0xFF]
        guard case .garbage(let hex, let preview) = PeerBytesClassifier.classify(bytes) else {
            Issue.record("not classified as garbage")
            return
        }
        #expect(hex == "00 1b 5b 33 31 6d ff")
        #expect(!preview.unicodeScalars.contains { $0.value == 0x1B })
        #expect(preview.contains("\\x1b"))
    }

    @Test func escapesServerSuppliedBannerText() {
        guard case .banner(_, let line) = PeerBytesClassifier.classify(Array("220 \u{1B}[2Jevil smtp\r\n".utf8)) else {
            Issue.record("not a banner")
            return
        }
        #expect(line == "220 \\x1b[2Jevil smtp")
    }
}

@Suite struct HTTPResponseParserTests {
    @Test func parsesStatusAndHeaders() throws {
        let bytes = Array("HTTP/1.1 301 Moved Permanently\r\nLocation: https://example.com/\r\nSTRICT-Transport-Security: max-age=63072000\r\n\r\nbody".utf8)
        guard case .complete(let head, let length) = HTTPResponseParser.parse(bytes) else {
            Issue.record("not complete")
            return
        }
        #expect(head.status == 301)
        #expect(head.value("location") == "https://example.com/")
        #expect(head.value("strict-transport-security") == "max-age=63072000")
        #expect(length == bytes.count - 4)
    }

    @Test func waitsForTheEndOfTheHead() {
        #expect(HTTPResponseParser.parse(Array("HTTP/1.1 200 OK\r\nServer: x\r\n".utf8)) == .incomplete)
        #expect(HTTPResponseParser.parse(Array("HTT".utf8)) == .incomplete)
    }

    @Test func rejectsWhatIsNotHTTP() {
        guard case .notHTTP = HTTPResponseParser.parse(Array("SSH-2.0-x\r\n\r\n".utf8)) else {
            Issue.record("accepted a non-HTTP reply")
            return
        }
        guard case .notHTTP = HTTPResponseParser.parse(Array("HTTP/1.1 abc\r\n\r\n".utf8)) else {
            Issue.record("accepted a bad status")
            return
        }
    }

    @Test func escapesControlCharactersInHeaderValues() {
        guard case .complete(let head, _) = HTTPResponseParser.parse(Array("HTTP/1.1 200 OK\r\nServer: \u{1B}]0;owned\u{07}\r\n\r\n".utf8)) else {
            Issue.record("not complete")
            return
        }
        #expect(head.value("server") == "\\x1b]0;owned\\x07")
    }

    @Test func readsHSTSMaxAge() {
        #expect(HSTS.maxAge("max-age=31536000; includeSubDomains") == 31_536_000)
        #expect(HSTS.maxAge("includeSubDomains; max-age=\"300\"") == 300)
        #expect(HSTS.maxAge("preload") == nil)
        #expect(HSTS.maxAge("max-age=-1") == nil && HSTS.maxAge("max-age=") == nil && HSTS.maxAge("max-age=1e6") == nil)
        #expect(HSTS.maxAge("max-age=0") == 0)
    }
}

@Suite struct SafeTextTests {
    @Test func escapesControlsAndInvalidUTF8ButKeepsUnicode() {
        #expect(SafeText.escape("Zürich\u{1B}[31m") == "Zürich\\x1b[31m")
        #expect(SafeText.escape(bytes: [0x41, 0xC3, 0x28, 0x42]) == "A\\xc3(B")
        #expect(SafeText.escape(bytes: [0xE2, 0x82, 0xAC]) == "€")
        #expect(SafeText.escape("a\u{202E}b") == "a\\u{202e}b")
        #expect(SafeText.escape("back\\slash") == "back\\\\slash")
    }

    @Test func hexIsTwoLowerCaseDigitsPerByte() {
        let all = (0...255).map { UInt8($0) }
        let digits = Array("0123456789abcdef")
        let expected = all.map { String([digits[Int($0 >> 4)], digits[Int($0 & 0xF)]]) }
        #expect(all.map(SafeText.hex2) == expected)
        #expect(SafeText.hex(all, separator: ":") == expected.joined(separator: ":"))
        #expect(SafeText.hex(all) == expected.joined(separator: " "))
        #expect(SafeText.hex([UInt8](), separator: ":") == "")
        #expect(SafeText.hex([0xAB, 0x01][...], separator: "") == "ab01")
    }

    /// Printable ASCII takes a shortcut; it must give what the scalar-by-scalar path gives.
    @Test func asciiShortcutMatchesTheScalarPath() {
        let printable = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }
        let texts = printable + [printable.joined(), "DNS:www.example.com", "CN=a\\, b", "", "tab\there", "del\u{7F}", "é", "a\u{85}b"]
        for text in texts {
            #expect(SafeText.escape(text) == SafeText.escapeScalars(text), "\(text)")
            for keep in [false, true] {
                #expect(SafeText.escape(bytes: Array(text.utf8), keepingBackslashes: keep)
                    == SafeText.escapeDecoding(Array(text.utf8), keepingBackslashes: keep), "\(text) \(keep)")
            }
        }
    }
}

@Suite struct HelloParserTests {
    /// A ClientHello as OpenSSL really sends it, captured from a probe of a local server.
    @Test func readsOurOwnClientHello() throws {
        let server = try LabFixtureServer.healthy()
        defer { server.stop() }
        let engine = try ProbeEngine(options: LabFixtureServer.options())
        let report = engine.probe(try ProbeTarget.parse("localhost:\(server.port)"))
        let hello = try #require(report.stage(.clientHello)?.details.clientHello)
        #expect(hello.sni == "localhost")
        #expect(hello.offeredVersions == ["TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3"])
        #expect((hello.cipherSuitesOffered ?? 0) > 30)
        #expect(hello.groupsOffered?.contains("x25519") == true)
        #expect(hello.alpnOffered == ["http/1.1"])
    }

    @Test func toleratesTruncatedMessages() {
        let message: [UInt8] = [1, 0, 0, 50, 3, 3] + [UInt8](repeating: 7, count: 20)
        #expect(HelloParser.clientHello(message) == nil)
        #expect(HelloParser.serverHello([2, 0, 0, 3, 3]) == nil)
    }
}

/// Faults no loopback server can produce: the classification itself is tested.
@Suite struct ClassifierWithoutAServerTests {
    @Test func connectErrorsMapToTheirFailure() {
        // "Network unreachable" and "no route to host" need a routing table we cannot change
        // from a test; the errno mapping is what decides exit 13.
        for code in [ENETUNREACH, EHOSTUNREACH] {
            guard case .unreachable = TCPSocket.classify(code) else { Issue.record("errno \(code)"); continue }
        }
        guard case .refused = TCPSocket.classify(ECONNREFUSED) else { Issue.record("ECONNREFUSED"); return }
        guard case .timedOut = TCPSocket.classify(ETIMEDOUT) else { Issue.record("ETIMEDOUT"); return }
    }

    @Test func tripleDESIsRecognisedByName() {
        // Debian's OpenSSL 3 has no 3DES suites to serve, so the name rule is what is tested.
        #expect(PolicyJudge.isTripleDES("DES-CBC3-SHA"))
        #expect(PolicyJudge.isTripleDES("ECDHE-RSA-DES-CBC3-SHA"))
        #expect(PolicyJudge.isTripleDES("TLS_RSA_WITH_3DES_EDE_CBC_SHA"))
        #expect(!PolicyJudge.isTripleDES("ECDHE-RSA-AES128-GCM-SHA256"))
    }
}
