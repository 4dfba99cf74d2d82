/// Which diagnoses name a curl exit code or an mbedTLS / ESP-IDF code or X.509 verify flag, read
/// from the catalogue rows' `curl` and `mbedtls` texts. Explain's answer for a code and the rows
/// can then never disagree: the rows are the only place that links a diagnosis to a code.
enum CatalogCrossReferences {
    /// Rows whose `curl` text names `code` as a number of its own: "60 (CURLE_…; 51 in curl
    /// before 7.62)" names 60 and 51, never 7 or 62.
    static func diagnoses(curlCode code: Int) -> [String] { curlIndex[code] ?? [] }

    /// Rows whose `mbedtls` texts name `identifier` as a whole word (`MBEDTLS_ERR_SSL_CONN_EOF`,
    /// `ESP_ERR_ESP_TLS_TCP_CLOSED_FIN`, `MBEDTLS_X509_BADCERT_EXPIRED`).
    static func diagnoses(naming identifier: String) -> [String] { identifierIndex[identifier.uppercased()] ?? [] }

    // Within each list, rows that give the code first (their main code) come before rows that
    // mention it as an alternative, then catalogue order.
    private static let curlIndex: [Int: [String]] = index { entry in
        entry.curl.map { numbers(in: $0) } ?? []
    }

    private static let identifierIndex: [String: [String]] = index { entry in
        entry.mbedtls.flatMap(identifiers(in:))
    }

    private static func index<Key: Hashable>(_ keys: (DiagnosisEntry) -> [Key]) -> [Key: [String]] {
        var first: [Key: [String]] = [:]
        var later: [Key: [String]] = [:]
        for entry in DiagnosisCatalog.entries {
            var seen = Set<Key>()
            for (position, key) in keys(entry).enumerated() where seen.insert(key).inserted {
                if position == 0 { first[key, default: []].append(entry.id) } else { later[key, default: []].append(entry.id) }
            }
        }
        return first.merging(later) { $0 + $1 }
    }

    /// Whole numbers standing alone: not part of a version ("7.62"), a word ("4xx") or a hex value.
    static func numbers(in text: String) -> [Int] {
        tokens(in: text) { $0.isNumber || $0.isLetter || $0 == "." || $0 == "_" }
            .compactMap { token in token.allSatisfy(\.isNumber) ? Int(token) : nil }
    }

    /// Upper-case C identifiers with an underscore (MBEDTLS_ERR_X509_CERT_VERIFY_FAILED).
    static func identifiers(in text: String) -> [String] {
        tokens(in: text) { $0.isLetter || $0.isNumber || $0 == "_" }
            .filter { token in token.contains("_") && token.first!.isLetter && !token.contains(where: \.isLowercase) }
            .map(String.init)
    }

    private static func tokens(in text: String, _ isPart: (Character) -> Bool) -> [Substring] {
        text.split(whereSeparator: { !isPart($0) })
    }
}
