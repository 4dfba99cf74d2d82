import Foundation
/// Escaping for text placed into mdoc(7) source.
enum Mdoc {
    /// A text line roff must not take as a request: backslashes escaped, a leading "." or "'" guarded.
    static func textLine(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\e")
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }

    /// Words for a macro line (.It … Ta …): mdoc would run a word such as "No" or "Ar" as a macro,
    /// so every word that could be one is guarded with a zero-width \&.
    static func macroWords(_ text: String) -> String {
        text.split(separator: " ").map { word in
            let escaped = word.replacingOccurrences(of: "\\", with: "\\e")
            let looksLikeMacro = escaped.count <= 4 && escaped.first?.isUppercase == true
            return looksLikeMacro || escaped.hasPrefix("\"") ? "\\&" + escaped : escaped
        }.joined(separator: " ")
    }

    /// Text for a literal display (.Bd -literal): only backslashes need escaping, and a leading dot.
    static func literal(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { textLine(String($0)) }.joined(separator: "\n")
    }
}
