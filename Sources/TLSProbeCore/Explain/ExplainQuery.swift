/// The forms people paste into `tlsprobe explain`, recognised without interpreting them yet.
/// Parsing never fails: anything unrecognised becomes `.name` and is looked up (or suggested) later.
public enum ExplainQuery: Equatable, Sendable {
    /// A number as typed: "-0x2700", "0x2700", "2700", "-9984", "0A000086".
    case number(NumberLiteral)
    /// "-0x3000 + -0x0034": an mbedTLS high-level plus low-level code written as a sum.
    case sum([NumberLiteral])
    /// "flags=0x0C", or `--flags 0x0C`.
    case flags(NumberLiteral)
    /// "verify:10".
    case opensslVerify(NumberLiteral)
    /// "error:0A000086", also inside a full OpenSSL error line.
    case opensslPacked(NumberLiteral)
    /// "alert:40".
    case alert(NumberLiteral)
    /// "curl:60".
    case curl(NumberLiteral)
    /// "exit:33".
    case exitCode(NumberLiteral)
    /// Anything else: a constant name, an alert name or a diagnosis id.
    case name(String)

    public struct NumberLiteral: Equatable, Sendable {
        public let negative: Bool
        /// Without sign and without "0x".
        public let digits: String
        /// Written with "0x", or containing a hex letter.
        public let isHex: Bool

        /// nil when the digits do not fit (fuzzed input such as -0x7FFFFFFFFFFFFFFFFF).
        public var hexValue: UInt64? { UInt64(digits, radix: 16) }
        public var decimalValue: UInt64? { isHex ? nil : UInt64(digits, radix: 10) }
        /// The value as the notation says: hex when marked as hex, decimal otherwise.
        public var value: UInt64? { isHex ? hexValue : decimalValue }

        /// Parses "-0x2700", "0X2700", "+9984", "7F00"; nil for anything else.
        public static func parse(_ text: some StringProtocol) -> NumberLiteral? {
            var rest = Substring(text)
            var negative = false
            if let sign = rest.first, sign == "-" || sign == "+" {
                negative = sign == "-"
                rest = rest.dropFirst()
            }
            var marked = false
            if rest.lowercased().hasPrefix("0x") {
                marked = true
                rest = rest.dropFirst(2)
            }
            guard !rest.isEmpty, rest.allSatisfy(\.isHexDigit), rest.allSatisfy(\.isASCII) else { return nil }
            let hasHexLetter = rest.contains { !$0.isNumber }
            return NumberLiteral(negative: negative, digits: String(rest), isHex: marked || hasHexLetter)
        }
    }

    /// Longest input considered; longer pastes are cut so that matching stays cheap.
    static let maximumLength = 200

    public static func parse(_ raw: String) -> ExplainQuery {
        let text = trimmed(raw.prefix(maximumLength), dropping: " \t\r\n\"'`()[],;")
        if let packed = opensslErrorCode(in: text) { return .opensslPacked(packed) }
        if let prefixed = prefixedForm(text) { return prefixed }
        if text.contains("+") || text.contains(" ") {
            let terms = text.split(whereSeparator: { $0 == "+" || $0 == " " })
            let numbers = terms.compactMap { NumberLiteral.parse($0) }
            if numbers.count >= 2, numbers.count == terms.count { return .sum(numbers) }
        }
        if let number = NumberLiteral.parse(text) { return .number(number) }
        return .name(text)
    }

    private static func prefixed(_ prefix: String, _ number: NumberLiteral) -> ExplainQuery? {
        switch prefix {
        case "verify": .opensslVerify(number)
        case "flags": .flags(number)
        case "alert": .alert(number)
        case "curl": .curl(number)
        case "exit": .exitCode(number)
        default: nil
        }
    }

    private static let knownPrefixes: Set<String> = ["verify", "flags", "alert", "curl", "exit"]

    /// "verify:10", "flags=0x0C", "alert:40", "curl:60", "exit:33". A known prefix with a
    /// non-number after it ("alert:handshake_failure") falls back to a name lookup of the rest.
    private static func prefixedForm(_ text: String) -> ExplainQuery? {
        guard let separator = text.firstIndex(where: { $0 == ":" || $0 == "=" }) else { return nil }
        let prefix = trimmed(text[..<separator].lowercased(), dropping: " ")
        let rest = trimmed(text[text.index(after: separator)...], dropping: " ")
        guard knownPrefixes.contains(prefix) else { return nil }
        if let number = NumberLiteral.parse(rest) { return prefixed(prefix, number) }
        return .name(rest)
    }

    /// Finds "error:0A000086" anywhere, as in OpenSSL 3's "40C7…:error:0A000086:SSL routines::…".
    /// A bare 8-digit hex word ("0A000086") is also an OpenSSL packed code: mbedTLS and ESP-IDF
    /// codes have at most four significant hex digits.
    private static func opensslErrorCode(in text: String) -> NumberLiteral? {
        let lower = Substring(text.lowercased())
        var searchFrom = lower.startIndex
        while let start = lower[searchFrom...].firstIndex(of: "e") {
            let candidate = lower[start...]
            if candidate.hasPrefix("error:") {
                let code = candidate.dropFirst(6).prefix { $0.isHexDigit && $0.isASCII }
                if code.count == 8 { return NumberLiteral(negative: false, digits: String(code), isHex: true) }
            }
            searchFrom = lower.index(after: start)
        }
        if text.count == 8, !text.hasPrefix("-"), let number = NumberLiteral.parse(text), number.isHex {
            return number
        }
        return nil
    }

    /// Foundation-free trim (TLSProbeCore does not import Foundation).
    private static func trimmed(_ text: some StringProtocol, dropping characters: String) -> String {
        let unwanted = Set(characters)
        let tail = text.drop { unwanted.contains($0) }
        return String(tail.reversed().drop { unwanted.contains($0) }.reversed())
    }
}
