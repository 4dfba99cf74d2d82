import TLSProbeCore

/// The full chain in detail and every handshake message, for --verbose.
struct CertificateDetailRenderer {
    let style: TerminalStyle

    func render(_ report: ProbeReport) -> String {
        var lines: [String] = []
        if !report.certificates.isEmpty { lines.append(style.paint("chain as sent", .bold)) }
        for certificate in report.certificates {
            lines.append("  #\(certificate.depth) \(certificate.subject)")
            lines.append("      issuer     \(certificate.issuer)")
            let left = certificate.daysLeft < 0 ? "expired \(WholeDays.phrase(certificate.daysLeft)) ago" : "\(WholeDays.phrase(certificate.daysLeft)) left"
            lines.append("      validity   \(certificate.notBefore) → \(certificate.notAfter) (\(left))")
            let key = certificate.curve.map { "\(certificate.keyType) \($0)" } ?? "\(certificate.keyType) \(certificate.keyBits) bits"
            lines.append("      key        \(key), signed \(certificate.signatureAlgorithm)")
            if !certificate.san.isEmpty {
                let shown = certificate.san.prefix(10).joined(separator: ", ")
                lines.append("      names      \(shown)\(certificate.san.count > 10 ? ", … (\(certificate.san.count))" : "")")
            }
            if !certificate.extendedKeyUsage.isEmpty { lines.append("      eku        \(certificate.extendedKeyUsage.joined(separator: ", "))") }
            if let url = certificate.caIssuersURL { lines.append("      ca issuers \(url)") }
            lines.append("      sha256     \(certificate.sha256)")
        }
        // The finished stage carries the log of a complete handshake; a failed server_hello the
        // messages exchanged up to the failure (often only our ClientHello).
        let log = report.stage(.finished)?.details.finished?.messages ?? report.stage(.serverHello)?.details.serverHello?.messages
        if let messages = log, !messages.isEmpty {
            lines.append(style.paint("handshake messages", .bold))
            for message in messages {
                let arrow = message.direction == "sent" ? "→" : "←"
                // Folded repeats: "HelloRequest × 1,000,000 (4 bytes each) — ignored".
                let ignored = message.type.hasSuffix(" (ignored)")
                let name = ignored ? String(message.type.dropLast(" (ignored)".count)) : message.type
                let what = message.count > 1
                    ? "\(name) × \(grouped(message.count)) (\(message.bytes) bytes each)\(ignored ? " — ignored" : "")"
                    : "\(message.type.padding(26)) \(message.bytes) bytes"
                lines.append("  \(String(format3(message.atMs)).padding(9)) \(arrow) \(what)")
            }
            if !messages.contains(where: { $0.direction != "sent" }) {
                lines.append("  nothing came back from the server")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// 1000000 → "1,000,000".
    private func grouped(_ value: Int) -> String {
        var digits = Array(String(value))
        var index = digits.count - 3
        while index > 0 { digits.insert(",", at: index); index -= 3 }
        return String(digits)
    }

    private func format3(_ value: Double) -> String { "\(Double(Int(value * 10)) / 10) ms" }
}
