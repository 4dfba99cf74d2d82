import Foundation
import Testing
@testable import TLSProbeCore

/// tlsprobe links FoundationEssentials only: the full Foundation brings FoundationInternationalization
/// and ICU (about 40 MB of the static binary and ~2,300 protocol-conformance records that every
/// start-up scans; bench/PROFILE.md). These keep it out, and pin the small helpers that replaced
/// its NSString methods to Foundation's own results (the tests may link Foundation; the tool not).
@Suite struct FoundationFreeTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    @Test func noSourceFileImportsTheFullFoundation() throws {
        let banned = ["Foundation", "FoundationInternationalization", "FoundationNetworking", "FoundationXML", "CoreFoundation"]
        var offenders: [String] = []
        let walker = try #require(FileManager.default.enumerator(atPath: Self.sources.path))
        var swiftFiles = 0
        for case let relative as String in walker where relative.hasSuffix(".swift") {
            swiftFiles += 1
            let text = try String(contentsOf: Self.sources.appendingPathComponent(relative), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ").map(String.init)
                guard let importIndex = words.firstIndex(of: "import"), importIndex + 1 < words.count,
                      words[..<importIndex].allSatisfy({ $0.hasPrefix("@") || ["public", "internal", "package", "private", "fileprivate"].contains($0) })
                else { continue }
                let module = words[importIndex + 1].split(separator: ".").first.map(String.init) ?? ""
                if banned.contains(module) { offenders.append("\(relative): \(line)") }
            }
        }
        #expect(swiftFiles > 100, "walked \(Self.sources.path)")
        #expect(offenders.isEmpty, "use FoundationEssentials (or nothing): \(offenders)")
    }

    @Test func cFormatMatchesStringFormat() {
        for value in [0.0, 0.0005, 1.0005, 2.5, 12.345678, 99.9999, 1234567.891, -3.25] {
            #expect(cFormat("%.3f", value) == String(format: "%.3f", value))
            #expect(cFormat("%.1f/s", value) == String(format: "%.1f/s", value))
        }
        for code: UInt16 in [0, 0x0a0a, 0x1301, 0xc02f, 0xffff] {
            #expect(cFormat("0x%04x", code) == String(format: "0x%04x", code))
            #expect(cFormat("0x%04X", code) == String(format: "0x%04X", code))
        }
        #expect(cFormat("%02d:%02d:%02d", Int32(1), Int32(2), Int32(33)) == "01:02:33")
        let long = String(repeating: "x", count: 200)
        #expect(cFormat("\(long)%d", 7) == long + "7")
    }

    static let samples = ["", "a", "abc", "  padded ", "\t tab\t", "\u{00A0}nbsp\u{2003}", "héllo", "e\u{301}", "🙂x", "a|b||c", "\\a\\\\", "*/x*/", "TLS 1.2", "%41%zz", "x\n\ny\n\n\nz", "--\n\n"]

    @Test func paddingMatchesNSString() {
        for text in Self.samples {
            for length in [0, 1, 3, 8, 22] {
                #expect(text.padded(toLength: length) == text.padding(toLength: length, withPad: " ", startingAt: 0), "\(text.debugDescription) \(length)")
            }
        }
    }

    @Test func trimmingMatchesFoundation() {
        for text in Self.samples + ["\u{2028}x\u{85}", "\r\nline\r\n"] {
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(text.trimmingScalars { $0 == "\"" } == text.trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
        }
        #expect("\"300\"".trimmingScalars { $0 == "\"" } == "300")
    }

    @Test func replacingAndSplittingMatchFoundation() {
        for text in Self.samples {
            for (target, replacement) in [("|", "/"), ("\\", "\\\\"), ("\n", "\\n"), ("*/", "* /"), ("T", " "), ("-", ""), ("TLS ", "")] {
                #expect(text.replacingEvery(target, with: replacement) == text.replacingOccurrences(of: target, with: replacement), "\(text.debugDescription) \(target)")
            }
            for separator in ["\n\n", " | ", "|"] {
                #expect(text.splitting(by: separator) == text.components(separatedBy: separator), "\(text.debugDescription)")
            }
        }
    }

    @Test func percentDecodingMatchesFoundation() {
        for text in ["user", "us%41r", "p%zz", "%", "%4", "%e2%82%ac", "%ff", "a%20b", "%C3%A9"] {
            #expect(text.percentDecoded == text.removingPercentEncoding, "\(text)")
        }
    }

    @Test func conditionLockTimesOutAndWakes() {
        let lock = ConditionLock()
        lock.lock()
        let start = Deadline.now
        #expect(lock.wait(until: .after(seconds: 0.05)) == false)
        lock.unlock()
        #expect(Deadline.millisecondsSince(start) >= 40)
        let done = ConditionLock()
        nonisolated(unsafe) var finished = false
        #expect(startDetachedThread(name: "tlsprobe-test") {
            done.withLock { finished = true }
            done.broadcast()
        })
        done.lock()
        while !finished { _ = done.wait(until: .after(seconds: 5)) }
        done.unlock()
        #expect(finished)
    }
}
