/// Everything a server supplies (certificate names, banners, HTTP headers) passes through here
/// before it reaches a report, so no server can write escape sequences to a user's terminal.
public enum SafeText {
    /// Escapes control characters (C0, DEL, C1) and backslashes as `\xNN`; keeps printable Unicode.
    public static func escape(_ text: String) -> String {
        // Most text is printable ASCII without a backslash, which comes out unchanged: a
        // 3,000-name certificate made the scalar-by-scalar copy ~20M instructions a summary.
        if text.utf8.allSatisfy({ isPlainASCII($0) && $0 != 0x5C }) { return text }
        return escapeScalars(text)
    }

    /// `escape(_:)` scalar by scalar (SafeTextTests holds the shortcut to it).
    static func escapeScalars(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) || value == 0x5C {
                result += value == 0x5C ? "\\\\" : "\\x" + hex2(UInt8(value & 0xFF))
            } else if (0x200E...0x200F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) {
                // Bidirectional overrides can reorder what the user sees.
                result += "\\u{" + String(value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Decodes bytes as UTF-8, escaping each byte of an invalid sequence as `\xNN`, then
    /// escapes controls as `escape(_:)` does. `keepingBackslashes` is for text whose own syntax
    /// already escapes backslashes (an RFC 2253 name prints `CN=a\, b` and a literal backslash as
    /// `\\`): escaping them again would show `\\,`.
    public static func escape(bytes: some Collection<UInt8>, keepingBackslashes: Bool = false) -> String {
        // Printable ASCII decodes to itself and needs no escape but a backslash's.
        if bytes.allSatisfy({ isPlainASCII($0) && (keepingBackslashes || $0 != 0x5C) }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        return escapeDecoding(bytes, keepingBackslashes: keepingBackslashes)
    }

    /// `escape(bytes:)` scalar by scalar (SafeTextTests holds the shortcut to it).
    static func escapeDecoding(_ bytes: some Collection<UInt8>, keepingBackslashes: Bool) -> String {
        let input = Array(bytes)
        var result = ""
        var index = 0
        while index < input.count {
            if let (scalar, length) = decodeScalar(input, at: index) {
                result += keepingBackslashes && scalar == "\\" ? "\\" : escapeScalars(String(Character(scalar)))
                index += length
            } else {
                result += "\\x" + hex2(input[index])
                index += 1
            }
        }
        return result
    }

    /// A printable ASCII byte (space to tilde).
    private static func isPlainASCII(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F }

    /// One well-formed UTF-8 scalar at `index` (no overlongs, no surrogates), or nil.
    private static func decodeScalar(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0x00...0x7F: return (Unicode.Scalar(lead), 1)
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        let minimum: UInt32 = length == 3 ? 0x800 : (length == 4 ? 0x10000 : 0x80)
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    public static func hex2(_ byte: UInt8) -> String {
        String(decoding: [hexDigit(byte >> 4), hexDigit(byte & 0xF)], as: UTF8.self)
    }

    /// Lower-case hex, `separator` between bytes. Written into one buffer: every certificate
    /// summary prints a SHA-256 fingerprint, and a String per byte cost ~60K instructions each.
    public static func hex(_ bytes: some Collection<UInt8>, separator: String = " ") -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * (2 + separator.utf8.count))
        for (index, byte) in bytes.enumerated() {
            if index > 0 { out.append(contentsOf: separator.utf8) }
            out.append(hexDigit(byte >> 4))
            out.append(hexDigit(byte & 0xF))
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10 }
}

