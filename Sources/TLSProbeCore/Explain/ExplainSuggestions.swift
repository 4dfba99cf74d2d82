/// "Did you mean …" for input `explain` does not know: the closest names, ids and codes.
enum ExplainSuggestions {
    /// Every name `explain` accepts, in its display spelling.
    static let vocabulary: [String] = {
        var words = DiagnosisCatalog.entries.map(\.id)
        words += MbedTLSCodes.all.filter { $0.module != "combined" }.map(\.name)
        words += X509VerifyFlags.flags.map(\.name)
        words += ESPTLSErrors.codes.map(\.name)
        words += OpenSSLVerifyCodes.names.values.sorted()
        words += TLSAlert.registry.map(\.name)
        words += CurlExitCodes.codes.map { String($0.name.prefix { $0 != " " }) }
        var seen = Set<String>()
        return words.filter { seen.insert($0).inserted }
    }()

    /// Up to `limit` words within a distance proportional to the input's length, best first.
    static func closest(to input: String, limit: Int = 5) -> [String] {
        let needle = Array(input.uppercased().prefix(64))
        guard !needle.isEmpty else { return [] }
        let allowed = max(2, needle.count / 3)
        let scored = vocabulary.compactMap { word -> (String, Int)? in
            let candidate = Array(word.uppercased())
            let distance = min(editDistance(needle, candidate), substringBonus(needle, candidate))
            return distance <= allowed ? (word, distance) : nil
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
    }

    /// Near numbers for an unknown mbedTLS value: the known codes closest to it.
    static func nearestCodes(to value: Int, limit: Int = 3) -> [String] {
        MbedTLSCodes.all
            .filter { $0.era != .legacy2x }
            .sorted { abs($0.value - value) < abs($1.value - value) }
            .prefix(limit)
            .map { "\($0.hex) \($0.name)" }
    }

    /// Typing part of a long constant ("CERT_VERIFY_FAILED") should find it: treat a contained
    /// needle of 6+ characters as distance 1.
    private static func substringBonus(_ needle: [Character], _ word: [Character]) -> Int {
        guard needle.count >= 6, word.count > needle.count else { return .max }
        return String(word).contains(String(needle)) ? 1 : .max
    }

    /// Levenshtein distance, two-row version.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
