/// Small string helpers that stand in for the full Foundation's NSString methods, so that no
/// target needs more than FoundationEssentials (issue 17: the full Foundation brings ICU, 40+ MB
/// and thousands of protocol-conformance records that every start-up pays for).
extension String {
    /// NSString's `padding(toLength:withPad: " ", startingAt: 0)`: pads with spaces, or cuts, to
    /// `length` UTF-16 units.
    public func padded(toLength length: Int) -> String {
        let units = utf16.count
        if units >= length {
            return units == length ? self : String(decoding: Array(utf16.prefix(length)), as: UTF16.self)
        }
        return self + String(repeating: " ", count: length - units)
    }

    /// Foundation's `trimmingCharacters(in:)` for a set of scalars.
    public func trimmingScalars(where shouldTrim: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !shouldTrim($0) }),
              let last = scalars.lastIndex(where: { !shouldTrim($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// `trimmingCharacters(in: .whitespaces)`: CharacterSet.whitespaces is Unicode category Zs
    /// plus the tab.
    public func trimmingWhitespace() -> String {
        trimmingScalars { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
    }

    /// Foundation's `replacingOccurrences(of:with:)` for the plain ASCII patterns tlsprobe
    /// replaces ("|", "\\", "*/"): matched scalar by scalar, left to right, without overlaps.
    public func replacingEvery(_ target: String, with replacement: String) -> String {
        let pattern = Array(target.unicodeScalars)
        guard !pattern.isEmpty else { return self }
        let scalars = Array(unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        var changed = false
        while index < scalars.count {
            if scalars[index] == pattern[0], index + pattern.count <= scalars.count, Array(scalars[index..<index + pattern.count]) == pattern {
                out.append(contentsOf: replacement.unicodeScalars)
                index += pattern.count
                changed = true
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return changed ? String(out) : self
    }

    /// Foundation's `components(separatedBy:)` for a string separator.
    public func splitting(by separator: String) -> [String] {
        guard !separator.isEmpty else { return [self] }
        var parts: [String] = []
        var rest = self[...]
        while let range = rest.firstRange(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }

    /// Foundation's `removingPercentEncoding`: nil when a `%` is not followed by two hex digits or
    /// the decoded bytes are not UTF-8.
    public var percentDecoded: String? {
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(Self.hexValue), let low = iterator.next().flatMap(Self.hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
