import TLSProbeCore

/// Escaping for text placed into mdoc(7) source.
enum Mdoc {
    /// A text line roff must not take as a request: backslashes escaped, a leading "." or "'" guarded.
    static func textLine(_ text: String) -> String {
        let escaped = text.replacingEvery("\\", with: "\\e")
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }

    /// Text for a literal display (.Bd -literal): only backslashes need escaping, and a leading dot.
    static func literal(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { textLine(String($0)) }.joined(separator: "\n")
    }
}
