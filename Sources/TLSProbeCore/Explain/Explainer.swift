/// Turns whatever a user pasted into an `ExplainResult`. Never traps: every input, however odd,
/// ends as a result (kind `.unknown` with suggestions when nothing matches).
public enum Explainer {
    public static func explain(_ input: String) -> ExplainResult {
        let query = ExplainQuery.parse(input)
        switch query {
        case .number(let number): return explainNumber(number, query: input)
        case .sum(let terms): return explainSum(terms, query: input)
        case .flags(let number): return explainFlags(number, query: input)
        case .opensslVerify(let number): return explainVerifyCode(number.value, query: input)
        case .opensslPacked(let number): return explainPackedError(number.hexValue, query: input)
        case .alert(let number): return explainAlert(number.value.flatMap { UInt8(exactly: $0) }, query: input)
        case .curl(let number): return explainCurl(number.value, query: input)
        case .exitCode(let number): return explainExitCode(number.value, query: input)
        case .name(let name): return explainName(name, query: input)
        }
    }

    /// `--flags VALUE`: the value is a verify-flag mask whatever it looks like.
    public static func explainFlags(_ value: String) -> ExplainResult {
        guard let number = ExplainQuery.NumberLiteral.parse(value) else {
            return unknown(value, reason: "\"\(value)\" is not a number; verify flags look like 0x08 or 0x4008.")
        }
        return explainFlags(number, query: value)
    }

    /// Names: diagnosis ids, mbedTLS / ESP-IDF / OpenSSL / curl constants, alert names.
    static func explainName(_ name: String, query: String) -> ExplainResult {
        let upper = name.uppercased()
        if DiagnosisCatalog.entry(name.lowercased()) != nil { return explainDiagnosis(name.lowercased(), query: query) }
        if let row = MbedTLSCodes.row(named: upper) ?? MbedTLSCodes.row(named: "MBEDTLS_ERR_" + upper) {
            return explainMbedTLS(magnitude: Int(row.value.magnitude), query: query, preferring: row)
        }
        if let flag = X509VerifyFlags.flag(named: upper) ?? X509VerifyFlags.flag(named: "MBEDTLS_X509_" + upper) {
            return explainFlagMask(flag.bit, query: query)
        }
        if let code = ESPTLSErrors.code(named: upper) { return explainESP(code, query: query) }
        if let verify = OpenSSLVerifyCodes.codesByName[upper] ?? OpenSSLVerifyCodes.codesByName["X509_V_ERR_" + upper] {
            return explainVerifyCode(UInt64(verify), query: query)
        }
        if let alert = TLSAlert.code(for: name) { return explainAlert(alert, query: query) }
        if let curl = CurlExitCodes.code(named: upper) { return explainCurl(UInt64(curl.value), query: query) }
        return unknown(query, reason: nil)
    }

    static func unknown(_ query: String, reason: String?, suggestions: [String]? = nil) -> ExplainResult {
        var result = ExplainResult(
            query: query, kind: .unknown, name: nil,
            meaning: reason ?? "tlsprobe does not know \"\(String(query.prefix(80)))\".")
        result.suggestions = suggestions ?? ExplainSuggestions.closest(to: query)
        result.hint = "Accepted forms: -0x2700, 9984, MBEDTLS_ERR_…, ESP_ERR_ESP_TLS_…, flags=0x0C, verify:10, X509_V_ERR_…, error:0A000086, alert:40, handshake_failure, curl:60, exit:33, cert.expired. `tlsprobe explain --list` shows every diagnosis id."
        return result
    }
}
