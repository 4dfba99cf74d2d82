import TLSProbeCore

/// `tlsprobe scan` for people: after the probe's stage lines, what the server accepts as
/// tables that fit 100 columns, then the verdict and diagnoses as a probe prints them.
public struct ScanTextRenderer: Sendable {
    public let style: TerminalStyle
    public static let width = 100

    public init(style: TerminalStyle) { self.style = style }

    public func render(_ scan: ScanReport) -> String {
        var blocks = [summaryLine(scan), versions(scan), suites(scan)]
        if let groups = codes("Groups", scan.groups, scan) { blocks.append(groups) }
        if let schemes = codes("Signature algorithms", scan.signatureAlgorithms, scan, ignored: Set(scan.signatureAlgorithmsIgnored)) { blocks.append(schemes) }
        if !scan.dhParameters.isEmpty { blocks.append(dhParameters(scan)) }
        if !scan.certificates.isEmpty { blocks.append(certificates(scan)) }
        blocks.append(features(scan))
        if !scan.notes.isEmpty { blocks.append(scan.notes.map { "  note: " + $0 }.joined(separator: "\n")) }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    func summaryLine(_ scan: ScanReport) -> String {
        let spoken = scan.acceptedVersions.count
        let suites = Set(scan.cipherSuites.values.flatMap { $0.map(\.code) }).count
        let seconds = Double(Int(scan.durationMs / 10)) / 100
        return style.paint("scan", .bold) + "  \(spoken) version\(spoken == 1 ? "" : "s"), \(suites) distinct cipher suite\(suites == 1 ? "" : "s") accepted"
            + " (\(scan.connections) connections, \(seconds) s)"
    }

    func versions(_ scan: ScanReport) -> String {
        var lines = [style.paint("Protocol versions", .bold)]
        for row in scan.versions {
            let mark = row.accepted ? style.paint("yes", .green) : "no "
            let answer = row.accepted ? "" : "  " + style.paint(Self.fit(row.answer, Self.width - 16), .dim)
            lines.append("  " + row.name.padding(9) + mark + answer)
        }
        return lines.joined(separator: "\n")
    }

    func suites(_ scan: ScanReport) -> String {
        var lines = [style.paint("Cipher suites", .bold) + " (per version, in the server's order where it has one)"]
        let all = scan.cipherSuites.values.flatMap { $0 }
        let nameWidth = min(49, all.map(\.name.count).max() ?? 20)
        let kxWidth = min(10, all.map(\.keyExchange.count).max() ?? 3)
        for version in scan.acceptedVersions.sorted(by: >) {
            let rows = scan.suites(version)
            let order: String
            switch scan.serverOrder[version.key] {
            case true?: order = "server's order"
            case false?: order = "no server order: it follows the client's"
            case nil: order = rows.count < 2 ? "" : "order unknown"
            }
            lines.append("  " + style.paint(version.label, .bold) + "  \(rows.count) suite\(rows.count == 1 ? "" : "s")" + (order.isEmpty ? "" : ", \(order)"))
            for suite in rows {
                let cipher = suite.encryption.prefix { $0 != "(" }
                var line = "    " + suite.code + " " + suite.name.padding(nameWidth) + " " + suite.keyExchange.padding(kxWidth) + " "
                    + String(cipher).padding(11) + " " + (suite.bits.map(String.init) ?? "").padding(3)
                let notes = Self.notes(suite)
                if !notes.isEmpty {
                    let room = Self.width - line.count - 1
                    let text = Self.fit(notes, max(4, room))
                    line += " " + (suite.weakness != nil && Self.isBroken(suite) ? style.paint(text, .red) : style.paint(text, .yellow))
                }
                lines.append(line)
            }
        }
        if scan.acceptedVersions.isEmpty { lines.append("  none: the server accepted no version") }
        return lines.joined(separator: "\n")
    }

    /// Short tags: why a suite is weak, no forward secrecy, CBC.
    static func notes(_ suite: ScannedSuite) -> String {
        var tags: [String] = []
        if isBroken(suite) { tags.append(brokenTag(suite)) }
        else if suite.encryption.hasPrefix("3DES") { tags.append("3DES") }
        if !suite.forwardSecrecy && suite.authentication != "None" { tags.append("no FS") }
        if !suite.aead && !suite.encryption.hasPrefix("None") && !suite.encryption.hasPrefix("RC4") && !isBroken(suite) { tags.append("CBC") }
        return tags.joined(separator: ", ")
    }

    static func isBroken(_ suite: ScannedSuite) -> Bool {
        suite.encryption.hasPrefix("None") || suite.encryption.hasPrefix("RC4") || suite.encryption.hasPrefix("RC2")
            || suite.encryption.hasPrefix("DES(") || suite.authentication == "None" || suite.name.contains("_anon_") || suite.name.contains("EXPORT")
    }

    static func brokenTag(_ suite: ScannedSuite) -> String {
        if suite.name.contains("EXPORT") { return "EXPORT" }
        if suite.encryption.hasPrefix("None") { return "NULL" }
        if suite.authentication == "None" || suite.name.contains("_anon_") { return "anonymous" }
        if suite.encryption.hasPrefix("RC4") { return "RC4" }
        if suite.encryption.hasPrefix("RC2") { return "RC2" }
        return "DES"
    }

    func codes(_ title: String, _ table: [String: [ScannedCode]], _ scan: ScanReport, ignored: Set<String> = []) -> String? {
        let versions = ScanVersion.allCases.sorted(by: >).filter { table[$0.key] != nil }
        guard !versions.isEmpty else { return nil }
        var lines = [style.paint(title, .bold)]
        for version in versions {
            let names = table[version.key]!.map(\.name)
            let text = (names.isEmpty ? "none accepted" : names.joined(separator: ", "))
                + (ignored.contains(version.key) ? " (and any other: it answered an offer of only an unassigned scheme)" : "")
            lines += Self.wrap(text, first: "  " + version.label.padding(9), rest: String(repeating: " ", count: 11))
        }
        return lines.joined(separator: "\n")
    }

    /// One line per hello kind (ffdhe groups listed or not) the server answered with DHE.
    func dhParameters(_ scan: ScanReport) -> String {
        var lines = [style.paint("DHE parameters", .bold) + " (the group in the ServerKeyExchange of the DHE suites)"]
        for entry in scan.dhParameters {
            let version = ScanVersion(rawValue: entry.version)?.label ?? entry.version
            let offer = entry.ffdheGroupsListed ? "ffdhe groups listed" : "no ffdhe group listed"
            let head = "  " + offer.padding(23) + "\(entry.bits) bits".padding(11) + (entry.group ?? "own prime").padding(11)
            let mark = entry.isWeak ? style.paint("weak", .red) + "  " : "      "
            lines.append(head + mark + Self.fit("\(version) \(entry.cipher)", Self.width - head.count - 6))
        }
        return lines.joined(separator: "\n")
    }

    func certificates(_ scan: ScanReport) -> String {
        var lines = [style.paint("Certificates", .bold) + " (one per key type the server chose)"]
        for certificate in scan.certificates {
            guard let leaf = certificate.chain.first else { continue }
            let key = leaf.curve.map { "\(leaf.keyType) \($0)" } ?? "\(leaf.keyType) \(leaf.keyBits)"
            let expiry = "until \(leaf.notAfter.prefix(10)) (\(leaf.daysLeft) d)"
            let head = "  " + certificate.requested.padding(8) + key.padding(16) + expiry.padding(26)
            lines.append(head + Self.fit(leaf.subject, Self.width - head.count))
            let detail = "\(leaf.signatureAlgorithm), chain of \(certificate.chain.count), \(certificate.version) \(certificate.cipher)"
                + (certificate.ocspStapled ? ", OCSP stapled" : "")
            lines.append(String(repeating: " ", count: 10) + Self.fit(detail, Self.width - 10))
        }
        return lines.joined(separator: "\n")
    }

    func features(_ scan: ScanReport) -> String {
        let features = scan.features
        func answer(_ value: Bool?, good: Bool) -> String {
            guard let value else { return style.paint("n/a", .dim) }
            return value == good ? style.paint(value ? "yes" : "no", .green) : style.paint(value ? "yes" : "no", .yellow)
        }
        let rows: [(String, String)] = [
            ("TLS compression", answer(features.compression, good: false)),
            ("secure renegotiation (RFC 5746)", answer(features.secureRenegotiation, good: true)),
            ("client-initiated renegotiation", answer(features.clientRenegotiation, good: false)),
            ("TLS_FALLBACK_SCSV (RFC 7507)", answer(features.fallbackSCSV, good: true)),
            ("extended master secret (RFC 7627)", answer(features.extendedMasterSecret, good: true)),
            ("encrypt-then-MAC (RFC 7366)", answer(features.encryptThenMAC, good: true)),
            ("session tickets", answer(features.sessionTickets, good: true)),
            ("resumption by session id", answer(features.resumptionSessionID, good: true)),
            ("resumption by ticket", answer(features.resumptionTicket, good: true)),
            ("OCSP stapling", answer(features.ocspStapling, good: true)),
            ("ALPN", features.alpn.isEmpty ? style.paint("none selected", .dim) : features.alpn.joined(separator: ", ")),
        ]
        return ([style.paint("Features", .bold)] + rows.map { "  " + $0.0.padding(36) + $0.1 }).joined(separator: "\n")
    }

    static func fit(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(1, width - 1))) + "…"
    }

    static func wrap(_ text: String, first: String, rest: String) -> [String] {
        var lines: [String] = []
        var current = first
        var empty = true
        for word in text.split(separator: " ") {
            if !empty && current.count + 1 + word.count > width {
                lines.append(current)
                current = rest
                empty = true
            }
            current += (empty ? "" : " ") + word
            empty = false
        }
        lines.append(current)
        return lines
    }
}
