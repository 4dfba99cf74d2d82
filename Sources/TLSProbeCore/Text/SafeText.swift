/// Everything a server supplies (certificate names, banners, HTTP headers) passes through here
/// before it reaches a report, so no server can write escape sequences to a user's terminal.
public enum SafeText {
    /// Escapes control characters (C0, DEL, C1) and backslashes as `\xNN`; keeps printable Unicode.
    public static func escape(_ text: String) -> String {
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
        let input = Array(bytes)
        var result = ""
        var index = 0
        while index < input.count {
            if let (scalar, length) = decodeScalar(input, at: index) {
                result += keepingBackslashes && scalar == "\\" ? "\\" : escape(String(Character(scalar)))
                index += length
            } else {
                result += "\\x" + hex2(input[index])
                index += 1
            }
        }
        return result
    }

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
        let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    public static func hex(_ bytes: some Collection<UInt8>, separator: String = " ") -> String {
        bytes.map(hex2).joined(separator: separator)
    }
}

