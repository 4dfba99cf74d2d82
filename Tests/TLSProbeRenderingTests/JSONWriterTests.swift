import Foundation
import Testing
import TLSProbeRendering

/// `JSONRenderer`'s own writer against `JSONEncoder` (the oracle, kept in the tests only) on what
/// a report can hold: hostile strings, doubles, integers at their limits, empty and nested
/// containers, nil optionals, keys whose order differs between byte and case-insensitive sorting.
/// Every lab scenario's whole report is compared in LabScenarioProbeTests.
@Suite struct JSONWriterTests {
    struct Sample: Encodable {
        var text: String
        var numbers: [Double] = [0.1, 1e-7, 1e300, -0.0, 3.0, 12345678901234567.0, 0.000123, 1e16, 1e15, -2.5, 0.001]
        var float: Float = 0.1
        var ints: [Int64] = [.min, -1, 0, .max]
        var unsigned: UInt64 = .max
        var missing: Int? = nil
        var present: Int? = 7
        var flags = [true, false]
        var empty: [String] = []
        var emptyObject: [String: Int] = [:]
        var nested: [[String: [Int]]] = [["b": [1, 2], "a": []], [:]]
        var keys: [String: Int] = ["b": 1, "B": 2, "a10": 3, "a9": 4, "_x": 5, "a_b": 6, "ab": 7, "é": 8, "z": 9]
        var inner: Inner? = Inner()
    }
    struct Inner: Encodable { var url = "https://example.com/a/b?c=d"; var none: String? = nil }
    struct Nothing: Encodable {}

    static let hostile: [String] = [
        "", "plain", "quote \" and backslash \\ and slash /", "\u{0}\u{1}\u{7}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{1B}\u{1F}",
        "del \u{7F}, line separators \u{2028}\u{2029}, bom \u{FEFF}", "é 😀 中文 e\u{301}", "\r\n\t", "}{][,:\"",
    ]

    static func oracle<T: Encodable>(_ value: T, pretty: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test(arguments: [true, false])
    func hostileStringsAndNumbersGiveJSONEncodersBytes(pretty: Bool) throws {
        for text in Self.hostile {
            let sample = Sample(text: text)
            #expect(JSONRenderer.render(sample, pretty: pretty) == (try Self.oracle(sample, pretty: pretty)), "\(text.debugDescription)")
        }
        let keyed = Dictionary(uniqueKeysWithValues: Self.hostile.enumerated().map { ($1, $0) })
        #expect(JSONRenderer.render(keyed, pretty: pretty) == (try Self.oracle(keyed, pretty: pretty)))
        #expect(JSONRenderer.render(Self.hostile, pretty: pretty) == (try Self.oracle(Self.hostile, pretty: pretty)))
        #expect(JSONRenderer.render([Nothing(), Nothing()], pretty: pretty) == (try Self.oracle([Nothing(), Nothing()], pretty: pretty)))
        #expect(JSONRenderer.render(Nothing(), pretty: pretty) == (try Self.oracle(Nothing(), pretty: pretty)))
    }

    @Test func prettyLayoutIsJSONEncoders() {
        #expect(JSONRenderer.render(["k": [Int]()]) == "{\n  \"k\" : [\n\n  ]\n}")
        #expect(JSONRenderer.render(["k": 1.5], pretty: false) == "{\"k\":1.5}")
    }

    @Test func aNonFiniteNumberIsNotWritten() {
        #expect(JSONRenderer.render(["k": Double.nan]) == "{}")
        #expect(JSONRenderer.render(["k": Double.infinity], pretty: false) == "{}")
    }
}
