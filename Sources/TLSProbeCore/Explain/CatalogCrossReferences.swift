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
        tokens(in: text, numberPart).compactMap { token in token.allSatisfy(\.isNumber) ? Int(token) : nil }
    }

    /// Upper-case C identifiers with an underscore (MBEDTLS_ERR_X509_CERT_VERIFY_FAILED).
    static func identifiers(in text: String) -> [String] {
        tokens(in: text, identifierPart).filter(isIdentifier).map(String.init)
    }

    static let numberPart = CharacterClass { $0.isNumber || $0.isLetter || $0 == "." || $0 == "_" }
    static let identifierPart = CharacterClass { $0.isLetter || $0.isNumber || $0 == "_" }
    private static let letter = CharacterClass(\.isLetter)
    private static let lowercase = CharacterClass(\.isLowercase)

    private static func isIdentifier(_ token: Substring) -> Bool {
        guard isASCII(token.utf8) else { return token.contains("_") && token.first!.isLetter && !token.contains(where: \.isLowercase) }
        // The same test, byte by byte.
        return token.utf8.contains(UInt8(ascii: "_")) && letter.ascii[Int(token.utf8.first!)] && !token.utf8.contains { lowercase.ascii[Int($0)] }
    }

    /// The runs of `part` characters in `text`. ASCII text (most rows) is split byte by byte:
    /// splitting by `Character` and its Unicode properties cost ~25M instructions over the
    /// catalogue, most of `tlsprobe explain` (bench/PROFILE.md). Same tokens either way
    /// (`ExplainTests` checks every row).
    static func tokens(in text: String, _ part: CharacterClass) -> [Substring] {
        guard isASCII(text.utf8) else { return characterTokens(in: text, part) }
        var tokens: [Substring] = []
        var start: String.Index?
        var index = text.utf8.startIndex
        while index != text.utf8.endIndex {
            let inside = part.ascii[Int(text.utf8[index])]
            if inside, start == nil { start = index }
            if !inside, let first = start { tokens.append(text[first..<index]); start = nil }
            index = text.utf8.index(after: index)
        }
        if let first = start { tokens.append(text[first...]) }
        return tokens
    }

    static func characterTokens(in text: String, _ part: CharacterClass) -> [Substring] {
        text.split(whereSeparator: { !part.contains($0) })
    }

    private static func isASCII(_ bytes: some Sequence<UInt8>) -> Bool { bytes.allSatisfy { $0 < 0x80 } }

    /// A test on characters, with its answer for each ASCII character looked up by byte.
    struct CharacterClass: Sendable {
        let contains: @Sendable (Character) -> Bool
        let ascii: [Bool]

        init(_ contains: @escaping @Sendable (Character) -> Bool) {
            self.contains = contains
            ascii = (0..<128).map { contains(Character(Unicode.Scalar(UInt8($0)))) }
        }
    }
}
