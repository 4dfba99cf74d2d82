#if canImport(Glibc)
import Glibc
#endif

public enum ColorChoice: String, Sendable, CaseIterable {
    case auto, always, never
}

/// Colour and symbols for a terminal; plain words everywhere else. Every status stays readable
/// without colour: the words are always there.
public struct TerminalStyle: Sendable {
    public let color: Bool

    public init(color: Bool) {
        self.color = color
    }

    /// `auto`: colour only when the stream is a terminal, TERM is not "dumb" and NO_COLOR is unset.
    public static func resolve(_ choice: ColorChoice, fileDescriptor: Int32) -> TerminalStyle {
        switch choice {
        case .always: return TerminalStyle(color: true)
        case .never: return TerminalStyle(color: false)
        case .auto:
            if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return TerminalStyle(color: false) }
            if let term = getenv("TERM"), String(cString: term) == "dumb" { return TerminalStyle(color: false) }
            return TerminalStyle(color: isatty(fileDescriptor) == 1)
        }
    }

    public static func isTerminal(_ fileDescriptor: Int32) -> Bool {
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return isatty(fileDescriptor) == 1
    }

    enum Tone: String {
        case green = "32", red = "31", yellow = "33", dim = "2", bold = "1", cyan = "36"
    }

    func paint(_ text: String, _ tone: Tone) -> String {
        color ? "\u{1B}[\(tone.rawValue)m\(text)\u{1B}[0m" : text
    }
}
