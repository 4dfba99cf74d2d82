import TLSProbeCore

/// Renders a probe for people: a header, one line per stage (live), a verdict, diagnoses.
public struct TextRenderer: Sendable {
    public let style: TerminalStyle
    public let verbose: Bool

    public init(style: TerminalStyle, verbose: Bool = false) {
        self.style = style
        self.verbose = verbose
    }

    static let nameWidth = 13
    static let lineWidth = 78
    /// A stage line without a timing may run past lineWidth (one long fact stays on one line),
    /// never past this.
    static let untimedLineLimit = 100

    public func header(_ target: TargetInfo) -> String {
        let version = "tlsprobe \(TLSProbeVersion.current) (\(OpenSSLVersion.runtime.split(separator: " ").prefix(2).joined(separator: " ")))"
        let shown = target.port == 443 ? target.host : (target.host.contains(":") ? "[\(target.host)]:\(target.port)" : "\(target.host):\(target.port)")
        return style.paint(version, .dim) + "  " + style.paint(shown, .bold)
    }

    /// `tlsprobe check`: the files instead of a host.
    public func header(checking report: ProbeReport) -> String {
        let version = "tlsprobe \(TLSProbeVersion.current) (\(OpenSSLVersion.runtime.split(separator: " ").prefix(2).joined(separator: " ")))"
        let files = report.check?.files.map(\.path).joined(separator: " ") ?? report.target.input
        return style.paint(version, .dim) + "  check " + style.paint(files, .bold)
    }

    public func stageLine(_ stage: StageReport) -> String {
        let mark: String
        switch stage.status {
        case .ok: mark = style.color ? style.paint("✓", .green) : "ok  "
        case .warning: mark = style.color ? style.paint("!", .yellow) : "warn"
        case .fail: mark = style.color ? style.paint("✗", .red) : "FAIL"
        case .skipped: mark = style.color ? style.paint("-", .dim) : "skip"
        }
        let line = layout(mark: mark, name: stage.name.rawValue, summary: stage.summary, durationMs: stage.durationMs, dim: stage.status == .skipped)
        let steps = stage.details.certificate?.aiaCompletion.map(aiaStepLines) ?? []
        return ([line] + steps).joined(separator: "\n")
    }

    /// The AIA completion, as steps of the certificate stage: each download with its timing,
    /// then the chain as completed (what browsers see).
    func aiaStepLines(_ completion: ChainCompletion) -> [String] {
        let blank = String(repeating: " ", count: style.color ? 1 : 4)
        var lines = completion.fetches.map { fetch in
            let shown: String
            if fetch.outcome == .used, let certificate = fetch.certificate {
                let how = [fetch.format?.uppercased(), fetch.bytes.map { "\($0) bytes" }, fetch.cached ? "downloaded earlier in this run" : nil].compactMap { $0 }
                // The first 8 bytes identify it on the line; -v and the JSON give all 32.
                let fingerprint = verbose ? certificate.sha256 : String(certificate.sha256.prefix(23)) + "…"
                shown = "\(fetch.url) → \"\(certificate.subject)\" (\(how.joined(separator: ", ")); SHA-256 \(fingerprint))"
            } else {
                shown = "\(fetch.url) \(fetch.outcome.rawValue): \(fetch.detail)"
            }
            return layout(mark: blank, name: "  aia fetch", summary: shown, durationMs: fetch.durationMs, dim: false)
        }
        let result: String
        switch completion.status {
        case .completed where completion.trusted:
            let root = completion.chain.last.map { "\"\($0.commonName ?? $0.subject)\"" } ?? "a trust anchor"
            result = "connect: chain to \(root) with the download; \(AIAFetchPolicy.nonFetchingClients) fail (they never download it); --save-chain FILE writes the full chain"
        case .incomplete where completion.fetches.last.map { $0.outcome != .used } ?? false:
            result = "fail too: the download gave no issuer"
        case .completed, .incomplete:
            result = "fail too: \(completion.reason ?? completion.errors.first?.message ?? "the chain does not verify")"
        case .notFetched:
            result = "not checked: \(completion.reason ?? "fetching is off")"
        case .notNeeded:
            return lines
        }
        lines.append(layout(mark: blank, name: "  browsers", summary: result, durationMs: completion.durationMs, dim: false))
        return lines
    }

    /// " ok   name          summary        12 ms": the summary wraps under itself, the timing keeps its column.
    private func layout(mark: String, name rawName: String, summary: String, durationMs: Double?, dim: Bool) -> String {
        let name = rawName.padding(Self.nameWidth)
        var text = summary
        let timing = durationMs.map(Self.milliseconds) ?? ""
        let used = (style.color ? 2 : 5) + Self.nameWidth + 1
        let room = Self.lineWidth - used - timing.count - 1
        // " ok   name          summary": the summary starts after the mark, the name and a space.
        let summaryColumn = (style.color ? 3 : 6) + Self.nameWidth + 1
        var continuation: [String] = []
        if !timing.isEmpty {
            // The timing stays in its column: a summary too long for the line goes on below,
            // indented under the summary, rather than pushing the timing right.
            if text.count >= room {
                let (head, rest) = Self.split(text, within: room - 1)
                text = head
                continuation = Self.wrap(rest, width: Self.lineWidth - used - 1)
            }
            text = text.padding(room) + " " + timing
        } else if summaryColumn + text.count > Self.untimedLineLimit {
            // No timing to keep in its column, but a summary past the table's 100 columns (an
            // alert's whole story on a failing stage) wraps under itself all the same.
            let (head, rest) = Self.split(text, within: Self.lineWidth - summaryColumn)
            text = head
            continuation = Self.wrap(rest, width: Self.lineWidth - summaryColumn)
        }
        let first = name + " " + text
        let paint = { (line: String) in dim ? self.style.paint(line, .dim) : line }
        let below = continuation.map { String(repeating: " ", count: summaryColumn) + paint($0) }
        return ([" \(mark) " + paint(first)] + below).joined(separator: "\n")
    }

    /// The longest head of `text` that fits `width`, broken after ", " or at a space.
    static func split(_ text: String, within width: Int) -> (String, String) {
        let characters = Array(text)
        guard characters.count > width else { return (text, "") }
        let spaces = stride(from: min(width, characters.count - 1), to: 0, by: -1).filter { characters[$0] == " " }
        // Prefer the end of a clause ("200 OK, HSTS …" breaks after "OK,"), else any space.
        let cut = spaces.first { characters[$0 - 1] == "," && $0 > width / 2 } ?? spaces.first ?? -1
        guard cut > 0 else { return (String(characters[..<width]), String(characters[width...])) }
        return (String(characters[..<cut]), String(characters[(cut + 1)...]))
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var rest = text
        while !rest.isEmpty {
            let (head, tail) = split(rest, within: max(20, width))
            lines.append(head)
            rest = tail
        }
        return lines
    }

    public func verdict(_ report: ProbeReport) -> String {
        switch report.outcome {
        case .ok:
            return style.paint("OK", .green) + "    every stage passed" + exitSuffix(report, width: 18)
        case .warning:
            let count = report.diagnoses.filter { $0.severity == .warning }.count
            return style.paint("WARN", .yellow) + "  passed with \(count) warning\(count == 1 ? "" : "s")" + exitSuffix(report, width: 26)
        case .fail:
            let stage = report.failedStage?.rawValue ?? "probe"
            let title = report.decisive?.title ?? "failed"
            let text = "\(stage): \(title)"
            return style.paint("FAIL", .red) + "  " + text + exitSuffix(report, width: text.count)
        }
    }

    private func exitSuffix(_ report: ProbeReport, width: Int) -> String {
        let tail = "exit \(report.exitCode)"
        let gap = max(2, Self.lineWidth - 6 - width - tail.count)
        return String(repeating: " ", count: gap) + style.paint(tail, .dim)
    }

    public func diagnosis(_ diagnosis: Diagnosis) -> String {
        let tone: TerminalStyle.Tone = diagnosis.severity == .error ? .red : (diagnosis.severity == .warning ? .yellow : .cyan)
        var lines = [style.paint(diagnosis.severity.rawValue, tone) + " " + style.paint(diagnosis.id, .bold) + "  " + diagnosis.summary]
        lines.append("  fix      " + diagnosis.fix)
        if let client = diagnosis.fixClient { lines.append("  client   " + client) }
        if let openssl = diagnosis.openssl { lines.append("  openssl  " + openssl) }
        if !diagnosis.mbedtls.isEmpty { lines.append("  mbedtls  " + diagnosis.mbedtls.joined(separator: "; ")) }
        if verbose, let curl = diagnosis.curl { lines.append("  curl     " + curl) }
        return lines.joined(separator: "\n")
    }

    /// Everything after the stage lines.
    public func conclusion(_ report: ProbeReport) -> String {
        var parts = [verdict(report)]
        if let device = report.device { parts.append(deviceBlock(device)) }
        if let trust = report.trustStores { parts.append(TrustStoreText(style: style, verbose: verbose).render(trust)) }
        if verbose {
            let details = CertificateDetailRenderer(style: style).render(report)
            if !details.isEmpty { parts.append(details) }
        }
        if !report.followUps.isEmpty && (verbose || report.outcome == .fail) {
            parts.append(report.followUps.map { "  follow-up: \($0.purpose): \($0.offer) → \($0.result)" }.joined(separator: "\n"))
        }
        let shown = report.diagnoses.filter { verbose || $0.severity != .info || report.outcome != .ok }
        if !shown.isEmpty { parts.append(shown.map(diagnosis).joined(separator: "\n\n")) }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// The whole report at once (when nothing was printed live).
    public func render(_ report: ProbeReport) -> String {
        ([header(report.target)] + report.stages.map(stageLine)).joined(separator: "\n") + "\n" + conclusion(report)
    }

    static func milliseconds(_ value: Double) -> String {
        value >= 100 ? "\(Int(value.rounded())) ms" : (value >= 10 ? "\(Int(value.rounded())) ms" : "\(Double(Int(value * 10)) / 10) ms")
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
