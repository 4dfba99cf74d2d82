import TLSProbeCore

/// The trust-store comparison for people: one "trusted by" line per chain (as sent, and as
/// completed when AIA completion fetched what was missing), then a line for each store that does
/// not trust it saying why, and the paths when stores build different ones.
struct TrustStoreText {
    let style: TerminalStyle
    let verbose: Bool

    func render(_ comparison: TrustComparison) -> String {
        var lines: [String] = []
        let completed = comparison.stores.contains { $0.asCompleted != nil }
        lines += block(comparison, label: completed ? "trusted by (as sent)" : "trusted by", \.asSent)
        if completed { lines += block(comparison, label: "trusted by (as completed)", \.asCompleted) }
        if let note = comparison.pathNote { lines.append("  paths    " + note) }
        let missing = comparison.stores.filter { $0.unavailable != nil }
        if !missing.isEmpty {
            lines.append("  " + style.paint("not checked: " + missing.map { "\($0.title) (\($0.unavailable ?? ""))" }.joined(separator: "; "), .dim))
        }
        return lines.joined(separator: "\n")
    }

    private func block(_ comparison: TrustComparison, label: String, _ which: KeyPath<TrustStoreVerdict, ChainTrust?>) -> [String] {
        let judged = comparison.stores.compactMap { verdict in verdict[keyPath: which].map { (verdict, $0) } }
        guard !judged.isEmpty else { return [] }
        let marks = judged.map { verdict, trust in "\(verdict.title) \(mark(trust.trusted))" }.joined(separator: ", ")
        var lines = [label + ": " + marks]
        for (verdict, trust) in judged where !trust.trusted || verbose {
            var line = "  \(mark(trust.trusted)) \(verdict.title)"
            if let reason = trust.reason { line += " — " + reason }
            if verbose || trust.anchored {
                let hops = trust.path.map { "\"\(Self.commonName($0))\"" }.joined(separator: " → ")
                if !hops.isEmpty { line += (trust.reason == nil ? " — " : "; ") + "path " + hops }
            }
            lines.append(line)
        }
        return lines
    }

    private func mark(_ trusted: Bool) -> String {
        if style.color { return trusted ? style.paint("✓", .green) : style.paint("✗", .red) }
        return trusted ? "✓" : "✗"
    }

    static func commonName(_ subject: String) -> String {
        for part in subject.split(separator: ",") where part.hasPrefix("CN=") { return String(part.dropFirst(3)) }
        return subject
    }
}
