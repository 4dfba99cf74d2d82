import TLSProbeCore

/// `tlsprobe explain --list [FAMILY]`: one line per catalogue entry, aligned columns.
public enum ExplainListRenderer {
    public static func render(_ entries: [DiagnosisEntry]) -> String {
        let idWidth = entries.map(\.id.count).max() ?? 0
        let header = pad("ID", idWidth) + "  " + pad("SEVERITY", 8) + "  EXIT  TITLE"
        let rows = entries.map { entry in
            pad(entry.id, idWidth) + "  " + pad(entry.severity.rawValue, 8) + "  "
                + pad(String(entry.exitStatus.rawValue), 4) + "  " + entry.title
        }
        return ([header] + rows).joined(separator: "\n") + "\n"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
