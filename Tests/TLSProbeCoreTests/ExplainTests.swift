import Foundation
import Testing
@testable import TLSProbeCore

@Suite struct ExplainTests {
    /// Every way logs print -0x2700 (ESP-IDF hex, esp-mqtt positive hex, Arduino decimal, bare hex, name).
    @Test(arguments: ["-0x2700", "0x2700", "-9984", "9984", "2700", "MBEDTLS_ERR_X509_CERT_VERIFY_FAILED", "x509_cert_verify_failed", "(-9984)"])
    func certVerifyFailedInEveryForm(input: String) {
        let result = Explainer.explain(input)
        #expect(result.kind == .mbedtls)
        #expect(result.name?.hasPrefix("MBEDTLS_ERR_X509_CERT_VERIFY_FAILED (-0x2700") == true)
        #expect(result.related.tlsprobe.contains(DiagnosisID.chainMissingIntermediate))
        #expect(result.hint == ExplainResult.probeHint)
    }

    /// The three codes a popular tutorial mislabels: the right name, and the mix-up spelled out.
    @Test(arguments: [
        ("-0x4F00", "MBEDTLS_ERR_ECP_BUFFER_TOO_SMALL", "-0x7280"),
        ("-0x7100", "MBEDTLS_ERR_SSL_BAD_INPUT_DATA", "-0x7880"),
        ("-0x3F00", "MBEDTLS_ERR_PK_TYPE_MISMATCH", "-0x6E00"),
    ])
    func mislabelledCodes(input: String, name: String, confusedWith: String) {
        let result = Explainer.explain(input)
        #expect(result.name?.hasPrefix(name) == true)
        #expect(result.oftenMistakenFor.contains { $0.contains(confusedWith) })
    }

    @Test func ecpBufferTooSmallIsNotAConnectionEOF() {
        let result = Explainer.explain("-0x4F00")
        #expect(result.oftenMistakenFor.first?.contains("MBEDTLS_ERR_SSL_CONN_EOF -0x7280") == true)
    }

    @Test(arguments: ["-0x3000 + -0x0034", "-0x3034", "-0x3000+-0x34"])
    func compositeSplitsIntoHighAndLow(input: String) throws {
        let result = Explainer.explain(input)
        #expect(result.kind == .mbedtlsComposite)
        #expect(result.name == "-0x3034 = -0x3000 + -0x0034")
        try #require(result.parts.count == 2)
        #expect(result.parts[0].name?.hasPrefix("MBEDTLS_ERR_X509_FATAL_ERROR") == true)
        #expect(result.parts[1].name?.hasPrefix("MBEDTLS_ERR_CTR_DRBG_ENTROPY_SOURCE_FAILED") == true)
    }

    @Test func wellKnownSumKeepsItsOwnMeaning() throws {
        let result = Explainer.explain("-0x262E")
        #expect(result.kind == .mbedtlsComposite)
        #expect(result.meaning?.contains("algorithm this build does not know") == true)
        #expect(result.parts.map(\.name).compactMap { $0 }.contains { $0.hasPrefix("MBEDTLS_ERR_OID_NOT_FOUND") })
    }

    @Test func plainSSLCodeIsNotSplit() {
        let result = Explainer.explain("-0x7780")
        #expect(result.kind == .mbedtls)
        #expect(result.parts.isEmpty)
    }

    @Test func valueReusedBetweenVersionsNamesBoth() {
        let result = Explainer.explain("-0x6E00")
        #expect(result.name?.hasPrefix("MBEDTLS_ERR_SSL_HANDSHAKE_FAILURE") == true)
        #expect(result.versionNotes.contains { $0.contains("MBEDTLS_ERR_SSL_BAD_HS_NEW_SESSION_TICKET") })
    }

    @Test func psaCodeSaysIDF6() {
        let result = Explainer.explain("-0x0087")
        #expect(result.name?.hasPrefix("PSA_ERROR_INVALID_ARGUMENT") == true)
        #expect(result.versionNotes.contains { $0.contains("ESP-IDF 6") })
    }

    @Test(arguments: [("ESP_ERR_MBEDTLS_SSL_HANDSHAKE_FAILED", "0x801A"), ("0x8001", "0x8001"), ("0x801a", "0x801A"), ("32769", "0x8001")])
    func espTLSCodes(input: String, hex: String) {
        let result = Explainer.explain(input)
        #expect(result.kind == .espTLS)
        #expect(result.name?.contains(hex) == true)
    }

    @Test(arguments: ["flags=0x0C", "flags:0x0c", "FLAGS=0C"])
    func flagMaskNamesEachBit(input: String) {
        let result = Explainer.explain(input)
        #expect(result.kind == .x509Flags)
        #expect(result.parts.map(\.name) == ["MBEDTLS_X509_BADCERT_CN_MISMATCH", "MBEDTLS_X509_BADCERT_NOT_TRUSTED"])
    }

    @Test func flagsOptionValue() {
        let result = Explainer.explainFlags("0x4008")
        #expect(result.parts.map(\.name) == ["MBEDTLS_X509_BADCERT_NOT_TRUSTED", "MBEDTLS_X509_BADCERT_BAD_MD"])
    }

    @Test func allFlagsSetIsNotReadBitByBit() {
        let result = Explainer.explainFlags("0xFFFFFFFF")
        #expect(result.parts.isEmpty)
        #expect(result.related.mbedtls == ["MBEDTLS_ERR_X509_FATAL_ERROR -0x3000"])
    }

    @Test(arguments: ["verify:10", "X509_V_ERR_CERT_HAS_EXPIRED", "cert_has_expired"])
    func opensslVerifyCode(input: String) {
        let result = Explainer.explain(input)
        #expect(result.kind == .opensslVerify)
        #expect(result.name == "X509_V_ERR_CERT_HAS_EXPIRED (10)")
        #expect(result.meaning == "certificate has expired")
        #expect(result.related.mbedtls.contains { $0.contains("MBEDTLS_X509_BADCERT_EXPIRED 0x01") })
        #expect(result.related.tlsprobe.contains(DiagnosisID.certExpired))
    }

    @Test(arguments: ["error:0A000086", "0A000086", "40C7B6F5E17F0000:error:0A000086:SSL routines:tls_post_process_server_certificate:certificate verify failed"])
    func opensslPackedError(input: String) {
        let result = Explainer.explain(input)
        #expect(result.kind == .opensslError)
        #expect(result.meaning?.contains("certificate verify failed") == true)
        #expect(result.related.tlsprobe.contains(DiagnosisID.chainMissingIntermediate))
    }

    @Test func opensslAlertReasonLinksTheAlert() {
        let result = Explainer.explain("error:0A000410")
        #expect(result.meaning?.contains("handshake failure") == true)
        #expect(result.parts.first?.kind == .tlsAlert)
        #expect(result.related.tlsprobe.contains("alert.handshake_failure"))
    }

    @Test(arguments: ["alert:40", "handshake_failure", "HANDSHAKE_FAILURE"])
    func tlsAlert(input: String) {
        let result = Explainer.explain(input)
        #expect(result.kind == .tlsAlert)
        #expect(result.name == "handshake_failure (40)")
        #expect(result.related.mbedtls.first?.contains("-0x7780") == true)
        #expect(result.related.tlsprobe.contains(DiagnosisID.alertClientCertRequired))
    }

    @Test func curlExitCode() {
        let result = Explainer.explain("curl:60")
        #expect(result.kind == .curl)
        #expect(result.name == "60 (CURLE_PEER_FAILED_VERIFICATION)")
        #expect(result.related.tlsprobe.contains(DiagnosisID.certHostnameMismatch))
    }

    /// Explain splits ASCII text byte by byte (`CatalogCrossReferences.tokens`): the tokens and
    /// identifiers must be the ones splitting by Character gives, in every row and in mixed text.
    @Test func bytewiseTokensAreTheCharacterTokens() {
        let rows = DiagnosisCatalog.entries.flatMap { [$0.curl ?? ""] + $0.mbedtls + [$0.summaryTemplate, $0.explanation, $0.fixServer] }
        let samples = ["", "_", "a_B A_b _A 9_A A9_ MBEDTLS_X\r\nESP_ERR_Y;Z_1.2", "x..y 7.62 4xx 0x01 -0x2700", "MBEDTLS_ERR_X 0x01—ÉTAT_X é_Z e\u{301}_Q"]
        let reference = { (text: String) in
            CatalogCrossReferences.characterTokens(in: text, CatalogCrossReferences.identifierPart)
                .filter { $0.contains("_") && $0.first!.isLetter && !$0.contains(where: \.isLowercase) }.map(String.init)
        }
        for text in rows + samples {
            for part in [CatalogCrossReferences.numberPart, CatalogCrossReferences.identifierPart] {
                #expect(CatalogCrossReferences.tokens(in: text, part) == CatalogCrossReferences.characterTokens(in: text, part), "\(text)")
            }
            #expect(CatalogCrossReferences.identifiers(in: text) == reference(text), "\(text)")
        }
        #expect(CatalogCrossReferences.identifiers(in: samples[2]) == ["A9_", "MBEDTLS_X", "ESP_ERR_Y", "Z_1"])
    }

    /// The links from a code to diagnoses are read from the rows' curl and mbedtls texts.
    @Test func codesLinkToTheRowsThatNameThem() throws {
        #expect(CatalogCrossReferences.numbers(in: "60 (CURLE_PEER_FAILED_VERIFICATION; 51 in curl before 7.62)") == [60, 51])
        #expect(CatalogCrossReferences.numbers(in: "0 (22 with --fail for 4xx/5xx)") == [0, 22])
        #expect(CatalogCrossReferences.identifiers(in: "MBEDTLS_ERR_X509_CERT_VERIFY_FAILED -0x2700 with flag MBEDTLS_X509_BADCERT_NOT_TRUSTED 0x08")
                == ["MBEDTLS_ERR_X509_CERT_VERIFY_FAILED", "MBEDTLS_X509_BADCERT_NOT_TRUSTED"])
        #expect(Explainer.explain("curl:47").related.tlsprobe == [DiagnosisID.httpRedirect])
        // A row's main code comes before rows that give it as an alternative: http.not_http says
        // "1 (…) or 8 (…)", so it follows starttls.unexpected_reply ("8 (…)") although its row is earlier.
        let curl8 = Explainer.explain("curl:8").related.tlsprobe
        #expect(try #require(curl8.firstIndex(of: ProtocolDiagnosisID.startTLSUnexpectedReply)) < #require(curl8.firstIndex(of: DiagnosisID.httpNotHTTP)))
        #expect(Explainer.explain("0x8008").related.tlsprobe.contains(DiagnosisID.handshakeAbruptClose))
        #expect(Explainer.explain("flags=0x01").related.tlsprobe.contains(DiagnosisID.certExpired))
        // curl 35 covers every alert; they are folded into one cause.
        let curl35 = Explainer.explain("curl:35")
        #expect(curl35.related.tlsprobe.contains("alert.handshake_failure"))
        #expect(curl35.causes.filter { $0.contains("fatal alert") }.count == 1)
    }

    /// Every "N (CURLE_…)" a row names is a code `explain curl:N` knows, under that name.
    @Test(arguments: DiagnosisCatalog.entries.compactMap { entry in entry.curl.map { (entry.id, $0) } })
    func everyCurlCodeARowNamesIsExplained(id: String, curl: String) {
        var rest = Substring(curl)
        while let range = rest.range(of: " (CURLE_") {
            let number = rest[..<range.lowerBound].reversed().prefix(while: \.isNumber).reversed()
            let name = rest[rest.index(range.lowerBound, offsetBy: 2)...].prefix { $0.isUppercase || $0 == "_" }
            let code = Int(String(number)).flatMap(CurlExitCodes.code)
            #expect(code?.name.hasPrefix(String(name)) == true, "\(id): \(number) \(name) is not in CurlExitCodes")
            rest = rest[range.upperBound...]
        }
    }

    @Test func tlsprobeExitCode() {
        let result = Explainer.explain("exit:33")
        #expect(result.kind == .exitCode)
        #expect(result.meaning == ExitStatus.incompleteChain.meaning)
        #expect(result.related.tlsprobe == [DiagnosisID.chainMissingIntermediate, DiagnosisID.chainLeafNotFirst, DiagnosisID.chainWrongIssuerSent])
    }

    @Test func diagnosisID() {
        let result = Explainer.explain("cert.expired")
        #expect(result.kind == .diagnosis)
        #expect(result.name == "cert.expired — Certificate expired")
        #expect(result.related.openssl.first == "X509_V_ERR_CERT_HAS_EXPIRED (10) \"certificate has expired\"")
    }

    @Test(arguments: ["cert.expird", "MBEDTLS_ERR_X509_CERT_VERIFY_FAILD", "handshake_failur"])
    func typoGetsSuggestions(input: String) {
        let result = Explainer.explain(input)
        #expect(result.kind == .unknown)
        #expect(!result.suggestions.isEmpty)
    }

    @Test func typoSuggestsTheIntendedName() {
        #expect(Explainer.explain("cert.expird").suggestions.first == "cert.expired")
    }

    @Test func unknownNumberSuggestsNearbyCodes() {
        let result = Explainer.explain("-0x0F00")
        #expect(result.kind == .unknown)
        #expect(!result.suggestions.isEmpty)
    }

    /// Fuzz-style inputs: none may trap, each must produce some result.
    @Test(arguments: [
        "", " ", "-", "0x", "-0x", "+", "++", "-0x7FFFFFFFFFFF", "-0x7FFFFFFFFFFFFFFFFFFFFFFF",
        "99999999999999999999999999", "-99999999999999999999", "flags=", "flags=-1", "flags=0x1FFFFFFFF",
        "verify:", "verify:-1", "verify:99999999999999999999", "alert:256", "alert:-1", "curl:", "exit:999999999999",
        "error:", "error:ZZZZZZZZ", "error:FFFFFFFF", "FFFFFFFF", "0x7FFF + 0x7FFF", "-0x1 + + -0x2",
        "证书验证失败", "🔒", "\u{0}", String(repeating: "A", count: 10_000), "alert:handshake_failure",
        "-0x0080", "-0x00FF", "0", "-0", "0x0",
    ])
    func neverTraps(input: String) {
        let result = Explainer.explain(input)
        #expect(result.query == input)
    }

    @Test func jsonUsesSnakeCaseKeys() throws {
        let data = String(decoding: try JSONEncoder().encode(Explainer.explain("-0x4F00")), as: UTF8.self)
        #expect(data.contains("\"often_mistaken_for\""))
        #expect(data.contains("\"version_notes\""))
        #expect(!data.contains("oftenMistakenFor"))
    }
}
