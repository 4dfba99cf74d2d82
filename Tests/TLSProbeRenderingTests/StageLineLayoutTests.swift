import Testing
import TLSProbeCore
@testable import TLSProbeRendering

/// The timing column stays put (issue #22: "… HSTS max-age=31536000  19 ms" pushed it right).
@Suite struct StageLineLayoutTests {
    static let short = StageReport(name: .http, status: .ok, durationMs: 19, summary: "GET / HTTP/1.1 → HTTP/1.1 200 OK")
    static let long = StageReport(name: .http, status: .ok, durationMs: 19,
                                  summary: "GET / HTTP/1.1 → HTTP/1.1 200 OK, HSTS max-age=31536000; includeSubDomains; preload")

    @Test(arguments: [false, true])
    func timingStaysInItsColumn(color: Bool) throws {
        let renderer = TextRenderer(style: TerminalStyle(color: color))
        let shortLine = renderer.stageLine(Self.short)
        let longLines = renderer.stageLine(Self.long).split(separator: "\n").map(String.init)
        #expect(longLines.count == 2, "\(longLines)")
        let first = try #require(longLines.first)
        #expect(first.hasSuffix("19 ms") && shortLine.hasSuffix("19 ms"))
        #expect(first.count == shortLine.count, "\(first)\n\(shortLine)")
        // Nothing is lost: the rest of the summary follows, under the summary column.
        let rest = longLines[1].drop { $0 == " " }
        #expect(rest.hasPrefix("HSTS max-age=31536000"), "\(longLines[1])")
        #expect(first.contains("200 OK,"))
        let summaryColumn = try #require(Array(Self.visible(shortLine)).firstIndex(of: "G"))
        #expect(longLines[1].prefix { $0 == " " }.count == summaryColumn)
    }

    /// What a terminal shows: colour sequences take no columns.
    static func visible(_ text: String) -> String {
        var out = ""
        var inEscape = false
        for character in text {
            if character == "\u{1B}" { inEscape = true; continue }
            if inEscape { if character == "m" { inEscape = false }; continue }
            out.append(character)
        }
        return out
    }

    @Test func linesWithoutTimingAreNotWrapped() {
        let renderer = TextRenderer(style: TerminalStyle(color: false))
        let stage = StageReport(name: .clientHello, status: .ok, summary: String(repeating: "x", count: 80))
        #expect(!renderer.stageLine(stage).contains("\n"))
    }

    /// A failing stage without a timing (TLS 1.2 client-certificate alert: the finished row) ran
    /// to 209 columns; past 100 columns it wraps under its summary like a timed one.
    @Test func untimedLinesOverAHundredColumnsWrap() throws {
        let renderer = TextRenderer(style: TerminalStyle(color: false))
        let summary = "The server asked for a client certificate (acceptable CAs: CN=tlsprobe Lab Client CA,O=tlsprobe lab) "
            + "and ended the TLSv1.2 handshake with alert handshake_failure (40) because none was sent."
        let lines = renderer.stageLine(StageReport(name: .finished, status: .fail, summary: summary)).split(separator: "\n").map(String.init)
        #expect(lines.count > 1, "\(lines)")
        #expect(lines.allSatisfy { $0.count <= 100 }, "\(lines)")
        #expect(lines.map { $0.drop { $0 == " " } }.joined(separator: " ").hasSuffix(summary.split(separator: " ").suffix(3).joined(separator: " ")))
        let summaryColumn = try #require(Array(lines[0]).firstIndex(of: "T"))
        #expect(lines[1].prefix { $0 == " " }.count == summaryColumn, "\(lines)")
    }
}
