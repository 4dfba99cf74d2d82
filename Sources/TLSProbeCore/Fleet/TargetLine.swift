/// One line of a targets file: `TARGET [--connect-to ADDR] [--sni NAME]`.
/// Blank lines and comments (`#` at the start of a line or after a space) are skipped.
public enum TargetLine {
    public struct Invalid: Error, Sendable, CustomStringConvertible {
        public let lineNumber: Int
        public let reason: String
        public var description: String { "targets file line \(lineNumber): \(reason)" }
    }

    /// The target on `text`, or nil when the line holds nothing to probe.
    public static func parse(_ text: String, lineNumber: Int) throws(Invalid) -> ProbeTarget? {
        let words = withoutComment(text).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
        guard let first = words.first else { return nil }
        var target: ProbeTarget
        do {
            target = try ProbeTarget.parse(first)
        } catch {
            throw Invalid(lineNumber: lineNumber, reason: error.description)
        }
        var rest = words.dropFirst()[...]
        while let word = rest.popFirst() {
            let (name, inlineValue) = split(option: word)
            guard name == "--connect-to" || name == "--sni" else {
                throw Invalid(lineNumber: lineNumber, reason: "unexpected '\(SafeText.escape(word))'; a line is TARGET [--connect-to ADDR] [--sni NAME]")
            }
            guard let value = inlineValue ?? rest.popFirst(), !value.isEmpty, !value.hasPrefix("--") else {
                throw Invalid(lineNumber: lineNumber, reason: "\(name) needs a value")
            }
            if name == "--connect-to" {
                target.connectTo = value.hasPrefix("[") && value.hasSuffix("]") ? String(value.dropFirst().dropLast()) : value
            } else {
                target.sni = value
            }
        }
        return target
    }

    private static func withoutComment(_ text: String) -> Substring {
        var previous: Character = " "
        for index in text.indices {
            let character = text[index]
            if character == "#" && (previous == " " || previous == "\t") { return text[..<index] }
            previous = character
        }
        return text[...]
    }

    private static func split(option word: String) -> (String, String?) {
        guard let equals = word.firstIndex(of: "=") else { return (word, nil) }
        return (String(word[..<equals]), String(word[word.index(after: equals)...]))
    }
}
