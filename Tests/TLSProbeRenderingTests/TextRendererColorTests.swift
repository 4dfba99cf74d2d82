import Testing
import TLSProbeCore
@testable import TLSProbeRendering

/// Colour is decoration only: without it every status is still a word.
@Suite struct TextRendererColorTests {
    static let stages: [StageReport] = [
        StageReport(name: .dns, status: .ok, durationMs: 1.2, summary: "localhost → 127.0.0.1"),
        StageReport(name: .tcp, status: .fail, durationMs: 0.3, summary: "127.0.0.1:1: connection refused"),
        .skipped(.clientHello, reason: "TCP connection failed"),
    ]

    @Test func plainOutputHasWordsAndNoEscapes() {
        let renderer = TextRenderer(style: TerminalStyle(color: false))
        let lines = Self.stages.map(renderer.stageLine)
        #expect(lines.allSatisfy { !$0.contains("\u{1B}") })
        #expect(lines[0].hasPrefix(" ok   dns"))
        #expect(lines[1].hasPrefix(" FAIL tcp"))
        #expect(lines[2].hasPrefix(" skip client_hello"))
    }

    @Test func colourOutputPaintsSymbolsAndKeepsNames() {
        let renderer = TextRenderer(style: TerminalStyle(color: true))
        let lines = Self.stages.map(renderer.stageLine)
        #expect(lines[0].contains("\u{1B}[32m✓\u{1B}[0m"))
        #expect(lines[1].contains("\u{1B}[31m✗\u{1B}[0m"))
        #expect(lines.allSatisfy { $0.contains("\u{1B}[") })
        #expect(lines[1].contains("tcp") && lines[1].contains("connection refused"))
    }

    @Test func explicitChoicesIgnoreTheTerminal() {
        #expect(TerminalStyle.resolve(.always, fileDescriptor: -1).color)
        #expect(!TerminalStyle.resolve(.never, fileDescriptor: 0).color)
        // -1 is no terminal: auto must not colour it.
        #expect(!TerminalStyle.resolve(.auto, fileDescriptor: -1).color)
    }
}
