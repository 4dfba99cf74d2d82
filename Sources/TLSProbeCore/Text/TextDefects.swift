/// Finds what must never reach a user in a sentence tlsprobe prints: an unfilled `{placeholder}`,
/// a stand-in `?` or an empty quoted name (`""`, `"?"`), and escaping applied twice (`\\x0d`,
/// `\\,`). The tests run it over every catalogue row, every summary the lab scenarios produce
/// and the CLI's output.
public enum TextDefects {
    public static func find(in text: String) -> [String] {
        var found: [String] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            if characters[index] == "{", let close = characters[index...].firstIndex(of: "}") {
                let inside = characters[(index + 1)..<close]
                if let first = inside.first, first.isLetter, first.isLowercase, inside.allSatisfy({ ($0.isLetter && $0.isLowercase) || $0 == "_" }) {
                    found.append("unfilled placeholder {\(String(inside))}")
                }
            }
            index += 1
        }
        if text.contains("\"\"") { found.append("empty quoted name \"\"") }
        if text.contains("\"?\"") { found.append("quoted \"?\"") }
        if text.contains(" ? ") || text.hasSuffix(" ?") || text.contains("(?)") { found.append("a stand-in ?") }
        if text.contains("\\\\x") || text.contains("\\\\,") { found.append("escaping applied twice") }
        return found
    }
}
