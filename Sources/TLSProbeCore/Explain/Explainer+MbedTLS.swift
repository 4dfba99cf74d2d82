// mbedTLS and ESP-IDF numbers: plain codes, high + low sums, PSA codes, esp-tls wrappers.
extension Explainer {
    /// Largest magnitude an mbedTLS error can have: 15 bits (high-level 0x1000–0x7F80 + low 0x01–0x7F).
    static let largestMbedTLSMagnitude = 0x7FFF

    static func explainNumber(_ number: ExplainQuery.NumberLiteral, query: String) -> ExplainResult {
        // ESP-IDF codes are positive and above mbedTLS's range (0x8001…) or in esp_http_client's 0x70xx.
        if !number.negative {
            for candidate in [number.value, number.isHex ? nil : number.hexValue] {
                if let value = candidate.flatMap({ Int(exactly: $0) }), let esp = ESPTLSErrors.code(value) {
                    return explainESP(esp, query: query)
                }
            }
            if let value = number.hexValue, number.isHex, value > 0xFFFF, value <= 0xFFFF_FFFF {
                return explainPackedError(value, query: query)
            }
        }
        // Logs show mbedTLS codes as -0x2700, 0x2700, 2700 (hex without 0x) or -9984 (decimal).
        // For bare digits try decimal first, then hex, and keep the first that is a known code.
        let readings = number.isHex ? [number.hexValue] : [number.decimalValue, number.hexValue]
        let magnitudes = readings.compactMap { $0 }.compactMap { Int(exactly: $0) }
            .filter { $0 > 0 && $0 <= largestMbedTLSMagnitude }
        if let known = magnitudes.first(where: { isExplainable(magnitude: $0) }) {
            return explainMbedTLS(magnitude: known, query: query, preferring: nil)
        }
        if let first = magnitudes.first {
            return unknown(query, reason: "\(MbedTLSCode.hex(-first)) is not an mbedTLS code tlsprobe knows.",
                           suggestions: ExplainSuggestions.nearestCodes(to: -first))
        }
        return unknown(query, reason: "\"\(String(query.prefix(80)))\" is outside every code range tlsprobe knows (mbedTLS codes are -0x0001…-0x7FFF).")
    }

    /// "-0x3000 + -0x0034": mbedTLS adds a high-level and a low-level code; so do we.
    static func explainSum(_ terms: [ExplainQuery.NumberLiteral], query: String) -> ExplainResult {
        var total = 0
        for term in terms {
            guard let value = term.value.flatMap({ Int(exactly: $0) }), value <= largestMbedTLSMagnitude else {
                return unknown(query, reason: "Each part of a sum must be an mbedTLS code (-0x0001…-0x7FFF).")
            }
            total += value
        }
        guard total > 0, total <= largestMbedTLSMagnitude, isExplainable(magnitude: total) else {
            return unknown(query, reason: "The sum \(MbedTLSCode.hex(-total)) is not a combination tlsprobe can decode.")
        }
        return explainMbedTLS(magnitude: total, query: query, preferring: nil)
    }

    private static func isExplainable(magnitude: Int) -> Bool {
        !MbedTLSCodes.rows(for: -magnitude).isEmpty || compositeParts(magnitude) != nil
    }

    /// Splits by mbedTLS's rule: high-level code in bits 7–14 (0x1000–0x7F80), low-level in bits
    /// 0–6 (0x01–0x7F). nil unless both parts are present and at least one is a known code.
    static func compositeParts(_ magnitude: Int) -> (high: Int, low: Int)? {
        let high = magnitude & 0x7F80
        let low = magnitude & 0x007F
        guard high >= 0x1000, low != 0 else { return nil }
        let known = !MbedTLSCodes.rows(for: -high).isEmpty || !MbedTLSCodes.rows(for: -low).isEmpty
        return known ? (high, low) : nil
    }

    static func explainMbedTLS(magnitude: Int, query: String, preferring preferred: MbedTLSCode?) -> ExplainResult {
        let rows = MbedTLSCodes.rows(for: -magnitude)
        let exact = preferred ?? rows.first
        var result: ExplainResult
        if let exact, exact.module != "combined" {
            result = resultFor(exact, query: query)
            result.versionNotes += rows.filter { $0 != exact }
                .map { "Other meaning of \(exact.hex) in \(eraLabel($0.era)): \($0.name) — \($0.meaning)" }
        } else if let parts = compositeParts(magnitude) {
            result = composite(magnitude: magnitude, parts: parts, knownSum: exact, query: query)
        } else {
            return unknown(query, reason: "\(MbedTLSCode.hex(-magnitude)) is not an mbedTLS code tlsprobe knows.",
                           suggestions: ExplainSuggestions.nearestCodes(to: -magnitude))
        }
        if magnitude >= 0x80, magnitude <= 0xFF {
            result.versionNotes.append("Values -0x0080…-0x00FF are PSA Crypto codes: they appear with mbedTLS 4.x (ESP-IDF 6.x), not with 3.x.")
        }
        result.oftenMistakenFor = CommonMixUps.byValue[-magnitude] ?? []
        result.hint = ExplainResult.probeHint
        return result
    }

    /// A high + low sum. `knownSum` is the table's row for well-known sums such as -0x262E.
    private static func composite(magnitude: Int, parts: (high: Int, low: Int), knownSum: MbedTLSCode?, query: String) -> ExplainResult {
        let partResults = [parts.high, parts.low].map { part in
            MbedTLSCodes.rows(for: -part).first.map { resultFor($0, query: MbedTLSCode.hex(-part)) }
                ?? ExplainResult(query: MbedTLSCode.hex(-part), kind: .unknown, meaning: "No known code with this value.")
        }
        let formula = "\(MbedTLSCode.hex(-magnitude)) = \(MbedTLSCode.hex(-parts.high)) + \(MbedTLSCode.hex(-parts.low))"
        var result = ExplainResult(
            query: query, kind: .mbedtlsComposite, name: formula,
            meaning: knownSum?.meaning ?? ("A high-level error with a low-level cause added to it: "
                + partResults.map { $0.name ?? $0.query }.joined(separator: ", caused by ") + "."))
        result.parts = partResults
        result.causes = knownSum?.causes ?? partResults.flatMap(\.causes)
        result.fixes = knownSum?.fixes ?? partResults.flatMap(\.fixes)
        result.related.openssl = (knownSum?.openssl ?? []) + partResults.flatMap(\.related.openssl)
        result.related.tlsprobe = partResults.flatMap(\.related.tlsprobe).uniqued()
        result.related.curl = curlCodes(for: result.related.tlsprobe)
        result.versionNotes.append("mbedTLS 2.x/3.x (ESP-IDF ≤ 5.x) add a low-level code to a high-level one; 4.x (ESP-IDF 6) returns only the low-level code.")
        return result
    }

    static func resultFor(_ row: MbedTLSCode, query: String) -> ExplainResult {
        var result = ExplainResult(query: query, kind: .mbedtls, name: "\(row.name) (\(row.hex), \(row.value))", meaning: row.meaning)
        result.causes = row.causes
        result.fixes = row.fixes
        result.related.openssl = row.openssl
        result.related.tlsprobe = row.diagnoses
        result.related.curl = curlCodes(for: row.diagnoses)
        if row.era != .current { result.versionNotes.append("\(eraLabel(row.era)) meaning.") }
        if let note = row.versionNote { result.versionNotes.append(note) }
        return result
    }

    static func explainESP(_ code: ESPTLSErrors.Code, query: String) -> ExplainResult {
        var result = ExplainResult(query: query, kind: .espTLS, name: "\(code.name) (\(code.hex))", meaning: code.meaning)
        result.fixes = code.fix.map { [$0] } ?? []
        result.causes = causeTitles(for: code.diagnoses)
        result.related.tlsprobe = code.diagnoses
        result.related.mbedtls = code.diagnoses.compactMap { DiagnosisCatalog.entry($0)?.mbedtls.first }.uniqued()
        result.related.curl = curlCodes(for: code.diagnoses)
        result.hint = ExplainResult.probeHint
        return result
    }

    static func eraLabel(_ era: MbedTLSCode.Era) -> String {
        switch era {
        case .current: "mbedTLS 3.x (ESP-IDF 5.x)"
        case .legacy2x: "mbedTLS 2.x (ESP-IDF ≤ 4.4)"
        case .psa4x: "mbedTLS 4.x / PSA (ESP-IDF 6.x)"
        }
    }

    /// The titles of these diagnoses, with the per-alert ones (one row per registered TLS alert,
    /// most of them reported with the same code) folded into one line.
    static func causeTitles(for diagnoses: [String]) -> [String] {
        let alerts = diagnoses.filter(DiagnosisCatalog.registeredAlertIDs.contains)
        guard alerts.count > 1 else { return diagnoses.compactMap { DiagnosisCatalog.entry($0)?.title } }
        return diagnoses.filter { !alerts.contains($0) }.compactMap { DiagnosisCatalog.entry($0)?.title }
            + ["The server ended the handshake with a fatal alert (one of \(alerts.count): `tlsprobe explain alert:N` for each)"]
    }

    /// The curl exit codes the catalogue lists for these diagnoses, one line per exit number
    /// (the catalogue words the same number differently per diagnosis; the first wording wins).
    static func curlCodes(for diagnoses: [String]) -> [String] {
        var seenNumbers = Set<Substring>()
        return diagnoses.compactMap { DiagnosisCatalog.entry($0)?.curl }
            .filter { seenNumbers.insert($0.prefix { $0 != " " }).inserted }
    }
}

extension Array where Element: Hashable {
    /// Keeps the first occurrence of each element, in order.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
