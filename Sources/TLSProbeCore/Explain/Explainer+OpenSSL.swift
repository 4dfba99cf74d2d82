// OpenSSL verify codes ("verify:10", X509_V_ERR_…) and packed error codes ("error:0A000086").
extension Explainer {
    /// ERR_LIB_SSL: the library whose reasons 1000 + N mean "received alert N".
    private static let sslLibrary = 20

    /// SSL-library reasons that point at a tlsprobe diagnosis.
    private static let diagnosesBySSLReason: [Int: [String]] = [
        134: [DiagnosisID.certUntrustedRoot, DiagnosisID.chainMissingIntermediate, DiagnosisID.certHostnameMismatch, DiagnosisID.certExpired],
        152: [DiagnosisID.certTooLarge],
        193: [DiagnosisID.cipherNoShared],
        258: [DiagnosisID.protoTLS10Only, DiagnosisID.protoTLS11Only, DiagnosisID.protoNoCommonVersion],
        267: [DiagnosisID.notTLSPlainHTTP, DiagnosisID.notTLSBanner, DiagnosisID.notTLSGarbage],
        294: [DiagnosisID.handshakeAbruptClose],
        394: [DiagnosisID.keyWeakDH],
        398: [DiagnosisID.sigSHA1],
        399: [DiagnosisID.keyWeakRSA],
    ]

    static func explainVerifyCode(_ code: UInt64?, query: String) -> ExplainResult {
        guard let code = code.flatMap({ Int(exactly: $0) }), let name = OpenSSLVerifyCodes.names[code] else {
            return unknown(query, reason: "Not an OpenSSL 3.0 verify code (X509_V_ERR_* runs from 1 to 94).")
        }
        var result = ExplainResult(query: query, kind: .opensslVerify, name: "\(name) (\(code))",
                                   meaning: OpenSSLErrorText.verifyText(code))
        if let mapping = OpenSSLVerifyCodes.mappings[code] {
            result.related.tlsprobe = mapping.diagnoses
            result.related.mbedtls = mapping.mbedtlsFlags.map { $0.hasPrefix("MBEDTLS_X509_BADCERT") ? "MBEDTLS_ERR_X509_CERT_VERIFY_FAILED -0x2700 with flag \($0)" : $0 }
            result.related.curl = [mapping.curl]
            let entries = mapping.diagnoses.compactMap(DiagnosisCatalog.entry)
            result.causes = entries.map { "\($0.title): \($0.explanation)" }
            result.fixes = entries.map(\.fixServer)
        }
        result.related.openssl = ["SSL_R_CERTIFICATE_VERIFY_FAILED \"certificate verify failed\" (134, error:0A000086) is the handshake error that carries it"]
        result.hint = ExplainResult.probeHint
        return result
    }

    static func explainPackedError(_ packed: UInt64?, query: String) -> ExplainResult {
        guard let packed = packed.flatMap({ UInt32(exactly: $0) }) else {
            return unknown(query, reason: "An OpenSSL error code has 8 hex digits, e.g. 0A000086.")
        }
        let decoded = OpenSSLErrorText.decode(packed)
        let hex = String(packed, radix: 16, uppercase: true)
        let code = String(repeating: "0", count: max(0, 8 - hex.count)) + hex
        if decoded.isSystemError {
            var result = ExplainResult(query: query, kind: .opensslError, name: "error:\(code) (system error)",
                                       meaning: "An operating-system error recorded by OpenSSL: errno \(decoded.reason).")
            result.hint = ExplainResult.probeHint
            return result
        }
        guard let reasonText = decoded.reasonText else {
            return unknown(query, reason: "OpenSSL has no text for error:\(code) (library \(decoded.library), reason \(decoded.reason)).")
        }
        let library = decoded.libraryText ?? "library \(decoded.library)"
        var result = ExplainResult(query: query, kind: .opensslError,
                                   name: "error:\(code):\(library)::\(reasonText)",
                                   meaning: "\(library), reason \(decoded.reason): \(reasonText).")
        if decoded.library == sslLibrary {
            result.related.tlsprobe = diagnosesBySSLReason[decoded.reason] ?? []
            let received = decoded.reason - 1000
            if let alert = UInt8(exactly: received), TLSAlert.name(for: alert) != nil {
                result.parts = [explainAlert(alert, query: "alert:\(alert)")]
                result.related.tlsprobe.append(DiagnosisID.alert(named: TLSAlert.name(for: alert) ?? ""))
            }
        }
        let entries = result.related.tlsprobe.compactMap(DiagnosisCatalog.entry)
        result.causes = entries.map(\.title)
        result.related.mbedtls = entries.flatMap(\.mbedtls).uniqued()
        result.related.curl = curlCodes(for: result.related.tlsprobe)
        result.hint = ExplainResult.probeHint
        return result
    }
}
