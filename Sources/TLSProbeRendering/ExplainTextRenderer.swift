import TLSProbeCore

/// Plain-text rendering of `tlsprobe explain`: readable at 80–100 columns, no colour (styling is
/// added by the caller later). Sections appear only when they have content.
public enum ExplainTextRenderer {
    public static func render(_ result: ExplainResult, width: Int = 100) -> String {
        var lines: [String] = []
        let wrapWidth = max(40, width)
        lines.append(result.name ?? result.query)
        if let meaning = result.meaning { lines += wrap(meaning, width: wrapWidth, indent: "  ") }
        appendList("Likely causes, most likely first", result.causes, numbered: true, to: &lines, width: wrapWidth)
        appendList("Fixes", result.fixes, numbered: false, to: &lines, width: wrapWidth)
        if !result.parts.isEmpty {
            lines += ["", "Parts:"]
            for part in result.parts {
                // Flag bits are named without their value; codes already carry it in the name.
                let title = part.name.map { $0.contains(part.query) ? $0 : "\(part.query) \($0)" } ?? "\(part.query) (unknown)"
                lines += wrap(title, width: wrapWidth, indent: "  ", hangingIndent: "    ")
                if let meaning = part.meaning { lines += wrap(meaning, width: wrapWidth, indent: "    ") }
                for related in part.related.openssl { lines += wrap("OpenSSL: " + related, width: wrapWidth, indent: "    ", hangingIndent: "      ") }
            }
        }
        appendRelated(result.related, to: &lines, width: wrapWidth)
        appendList("Version differences", result.versionNotes, numbered: false, to: &lines, width: wrapWidth)
        appendList("Often mistaken for", result.oftenMistakenFor, numbered: false, to: &lines, width: wrapWidth)
        appendList("Did you mean", result.suggestions, numbered: false, to: &lines, width: wrapWidth)
        if let hint = result.hint { lines += [""] + wrap(hint, width: wrapWidth, indent: "") }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func appendRelated(_ related: ExplainResult.Related, to lines: inout [String], width: Int) {
        guard !related.isEmpty else { return }
        lines += ["", "Same fault elsewhere:"]
        let groups = [("mbedTLS/ESP-IDF", related.mbedtls), ("OpenSSL", related.openssl), ("curl", related.curl), ("tlsprobe", related.tlsprobe)]
        for (label, values) in groups where !values.isEmpty {
            let joined = label == "tlsprobe" ? values.joined(separator: ", ") : values.joined(separator: "; ")
            lines += wrap("\(label): \(joined)", width: width, indent: "  ", hangingIndent: "    ")
        }
    }

    private static func appendList(_ title: String, _ items: [String], numbered: Bool, to lines: inout [String], width: Int) {
        guard !items.isEmpty else { return }
        lines += ["", title + ":"]
        for (index, item) in items.enumerated() {
            let marker = numbered ? "\(index + 1). " : "- "
            lines += wrap(item, width: width, indent: "  " + marker, hangingIndent: "  " + String(repeating: " ", count: marker.count))
        }
    }

    /// Greedy word wrap. Words longer than the line (URLs, constants) stay whole.
    static func wrap(_ text: String, width: Int, indent: String, hangingIndent: String? = nil) -> [String] {
        var lines: [String] = []
        var current = indent
        var currentIsEmpty = true
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !currentIsEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = hangingIndent ?? indent
                currentIsEmpty = true
            }
            current += (currentIsEmpty ? "" : " ") + word
            currentIsEmpty = false
        }
        if !currentIsEmpty { lines.append(current) }
        return lines
    }
}
