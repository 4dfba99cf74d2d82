import TLSProbeCore

/// The catalogue as reference documentation: Markdown for docs/diagnoses.md (checked in, kept in
/// sync by a test) and an mdoc DIAGNOSES section for the man page.
public enum CatalogReferenceRenderer {
    public static func markdown(_ entries: [DiagnosisEntry] = DiagnosisCatalog.entries) -> String {
        var out = [
            "# tlsprobe diagnoses",
            "",
            "<!-- Generated from DiagnosisCatalog by CatalogReferenceRenderer; do not edit by hand.",
            "     Regenerate: TLSPROBE_REGENERATE_DOCS=1 swift test --filter CatalogReference -->",
            "",
            "Every diagnosis id tlsprobe can report, grouped by family. Ids are stable: scripts may match on them.",
            "Placeholders in `{braces}` are filled with what the probe observed.",
            "`tlsprobe explain ID` prints the same information in the terminal.",
        ]
        for family in DiagnosisCatalog.families {
            let members = entries.filter { DiagnosisCatalog.family(of: $0.id) == family }
            guard !members.isEmpty else { continue }
            out += ["", "## \(family)", "", "| id | severity | exit | stage | title |", "|---|---|---|---|---|"]
            out += members.map { "| [`\($0.id)`](#\(anchor($0.id))) | \($0.severity.rawValue) | \($0.exitStatus.rawValue) | \($0.stage.rawValue) | \(cell($0.title)) |" }
            for entry in members { out += [""] + section(entry) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func section(_ entry: DiagnosisEntry) -> [String] {
        var lines = [
            "### \(entry.id)",
            "",
            "**\(entry.title)** — \(entry.severity.rawValue), exit \(entry.exitStatus.rawValue), stage `\(entry.stage.rawValue)`",
            "",
            "> \(entry.summaryTemplate)",
            "",
            entry.explanation,
            "",
            "- **Fix (server):** \(entry.fixServer)",
        ]
        if let client = entry.fixClient { lines.append("- **Fix (client):** \(client)") }
        if let openssl = entry.openssl { lines.append("- **OpenSSL:** \(openssl)") }
        if let alert = entry.alert { lines.append("- **Alert:** \(alert)") }
        if let curl = entry.curl { lines.append("- **curl:** \(curl)") }
        if !entry.mbedtls.isEmpty { lines.append("- **mbedTLS / ESP-IDF:** " + entry.mbedtls.joined(separator: "; ")) }
        if let docs = entry.docs { lines.append("- **See:** \(docs)") }
        return lines
    }

    /// GitHub's heading anchors: lower-case, dots and other punctuation dropped.
    private static func anchor(_ id: String) -> String {
        String(id.filter { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
    }

    private static func cell(_ text: String) -> String {
        text.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }

    /// An mdoc(7) section: `.Sh DIAGNOSES` with one `.It` per id.
    public static func mdoc(_ entries: [DiagnosisEntry] = DiagnosisCatalog.entries) -> String {
        var out = [".Sh DIAGNOSES", "Each problem tlsprobe finds has a stable id.", "Run", ".Nm", "explain", ".Ar id", "for details.", ".Bl -tag -width Ds"]
        for entry in entries {
            out.append(".It Sy \(roffEscape(entry.id))")
            out.append(roffLine("\(entry.title) (\(entry.severity.rawValue), exit \(entry.exitStatus.rawValue))."))
            out.append(roffLine("Fix: " + entry.fixServer))
        }
        out.append(".El")
        return out.joined(separator: "\n") + "\n"
    }

    private static func roffEscape(_ text: String) -> String {
        text.split(separator: "\\", omittingEmptySubsequences: false).joined(separator: "\\e")
    }

    /// A text line that roff must not read as a request: guard a leading "." or "'".
    private static func roffLine(_ text: String) -> String {
        let escaped = roffEscape(text)
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }
}
