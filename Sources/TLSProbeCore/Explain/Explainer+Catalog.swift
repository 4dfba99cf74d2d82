// Things explained from the diagnosis catalogue: alerts, curl and tlsprobe exit codes, diagnosis
// ids, and X.509 verify-flag masks.
extension Explainer {
    static func explainDiagnosis(_ id: String, query: String) -> ExplainResult {
        guard let entry = DiagnosisCatalog.entry(id) else { return unknown(query, reason: nil) }
        var result = ExplainResult(query: query, kind: .diagnosis, name: "\(entry.id) — \(entry.title)", meaning: entry.explanation)
        result.causes = [entry.summaryPattern + (entry.summaryTemplate.contains("{") ? " (<…>: what the probe observed)" : "")]
        result.fixes = ["Server: " + entry.fixServer] + (entry.fixClient.map { ["Client: " + $0] } ?? [])
        result.related.mbedtls = entry.mbedtls
        result.related.openssl = [entry.openssl, entry.alert.map { "alert " + $0 }].compactMap { $0 }
        result.related.curl = entry.curl.map { [$0] } ?? []
        result.related.tlsprobe = [entry.id]
        result.hint = "tlsprobe reports it as \(entry.severity.rawValue), exit \(entry.exitStatus.rawValue), at stage \(entry.stage.rawValue). Run `tlsprobe HOST` to check a server."
        return result
    }

    static func explainAlert(_ code: UInt8?, query: String) -> ExplainResult {
        guard let code, let name = TLSAlert.name(for: code), let entry = DiagnosisCatalog.entry(DiagnosisID.alert(named: name)) else {
            return unknown(query, reason: "Not a registered TLS alert number.", suggestions: TLSAlert.registry.map { "alert:\($0.code) \($0.name)" })
        }
        var result = ExplainResult(query: query, kind: .tlsAlert, name: TLSAlert.label(for: code), meaning: entry.explanation)
        result.causes = [entry.title]
        result.fixes = ["Server: " + entry.fixServer] + (entry.fixClient.map { ["Client: " + $0] } ?? [])
        result.related.mbedtls = entry.mbedtls
        result.related.openssl = entry.openssl.map { [$0] } ?? []
        result.related.curl = entry.curl.map { [$0] } ?? []
        result.related.tlsprobe = [entry.id]
        // handshake_failure / bad_certificate after a CertificateRequest, and certificate_required, mean mTLS.
        if [40, 42, 116].contains(code) { result.related.tlsprobe.append(DiagnosisID.alertClientCertRequired) }
        if code == 40 { result.related.tlsprobe += [DiagnosisID.cipherNoShared, DiagnosisID.keyNoSharedGroup] }
        result.hint = ExplainResult.probeHint
        return result
    }

    static func explainCurl(_ value: UInt64?, query: String) -> ExplainResult {
        guard let value = value.flatMap({ Int(exactly: $0) }), let code = CurlExitCodes.code(value) else {
            return unknown(query, reason: "Not one of the TLS-related curl exit codes tlsprobe knows.",
                           suggestions: CurlExitCodes.codes.map { "curl:\($0.value) \($0.name)" })
        }
        var result = ExplainResult(query: query, kind: .curl, name: "\(code.value) (\(code.name))", meaning: code.meaning)
        let entries = code.diagnoses.compactMap(DiagnosisCatalog.entry)
        result.causes = causeTitles(for: code.diagnoses)
        result.related.tlsprobe = code.diagnoses
        result.related.mbedtls = entries.compactMap(\.mbedtls.first).uniqued()
        result.related.openssl = entries.compactMap(\.openssl).uniqued()
        result.hint = ExplainResult.probeHint
        return result
    }

    static func explainExitCode(_ value: UInt64?, query: String) -> ExplainResult {
        guard let raw = value.flatMap({ Int32(exactly: $0) }), let status = ExitStatus(rawValue: raw) else {
            return unknown(query, reason: "Not a tlsprobe exit code.",
                           suggestions: ExitStatus.allCases.map { "exit:\($0.rawValue)" })
        }
        var result = ExplainResult(query: query, kind: .exitCode, name: "exit \(status.rawValue)", meaning: status.meaning)
        let entries = DiagnosisCatalog.entries.filter { $0.exitStatus == status && $0.severity == .error }
        result.causes = entries.map { "\($0.id): \($0.title)" }
        result.related.tlsprobe = entries.map(\.id)
        return result
    }

    static func explainFlags(_ number: ExplainQuery.NumberLiteral, query: String) -> ExplainResult {
        // Flags are always printed in hex (esp_tls_flags, "flags 0x8"), so bare digits are hex too.
        guard let mask = number.hexValue.flatMap({ UInt32(exactly: $0) }), !number.negative else {
            return unknown(query, reason: "Verify flags are a 32-bit mask such as 0x08 or 0x4008.")
        }
        return explainFlagMask(mask, query: query)
    }

    static func explainFlagMask(_ mask: UInt32, query: String) -> ExplainResult {
        let hex = "0x" + String(mask, radix: 16, uppercase: true)
        var result = ExplainResult(query: query, kind: .x509Flags, name: "verify flags \(hex)")
        if mask == X509VerifyFlags.allBitsSet {
            result.meaning = "Every bit set: not a real combination. mbedTLS marks all flags when verification is aborted — with ESP-IDF's certificate bundle this means no bundle root matches the chain (the handshake returns -0x3000)."
            result.related.mbedtls = ["MBEDTLS_ERR_X509_FATAL_ERROR -0x3000"]
            result.related.tlsprobe = [DiagnosisID.certUntrustedRoot, DiagnosisID.chainMissingIntermediate]
            result.fixes = MbedTLSCodes.rows(for: -0x3000).first?.fixes ?? []
            result.hint = ExplainResult.probeHint
            return result
        }
        let decoded = X509VerifyFlags.decode(mask)
        result.parts = decoded.known.map { flag in
            var part = ExplainResult(query: "0x" + String(flag.bit, radix: 16, uppercase: true), kind: .x509Flags, name: flag.name, meaning: flag.meaning)
            part.related.openssl = [flag.openssl, flag.alertSent.map { "mbedTLS client sends alert " + $0 }].compactMap { $0 }
            part.related.tlsprobe = flag.diagnoses
            return part
        }
        result.meaning = decoded.known.isEmpty ? "No verification problem flagged." : "\(decoded.known.count) problem(s): " + decoded.known.map(\.name).joined(separator: ", ") + "."
        if decoded.unknownBits != 0 {
            result.meaning = (result.meaning ?? "") + " Bits 0x" + String(decoded.unknownBits, radix: 16, uppercase: true) + " are not defined by mbedTLS."
        }
        result.related.tlsprobe = decoded.known.flatMap(\.diagnoses).uniqued()
        result.related.mbedtls = ["MBEDTLS_ERR_X509_CERT_VERIFY_FAILED -0x2700 (or -0x7A00 for key-usage flags found by the TLS layer)"]
        result.causes = result.related.tlsprobe.compactMap { DiagnosisCatalog.entry($0)?.title }
        result.fixes = result.related.tlsprobe.compactMap { DiagnosisCatalog.entry($0)?.fixClient }
        result.hint = ExplainResult.probeHint
        return result
    }
}
