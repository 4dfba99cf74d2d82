import Foundation
import Testing
@testable import TLSProbeCore

/// Every sentence a diagnosis can print, from every catalogue row and every way the chain
/// analysis fills it, is free of `{placeholders}`, `?` stand-ins, empty quoted names and doubled
/// escaping (issue #22: "is valid from {not_before}", `"CN=…root" expired ? days ago`).
@Suite struct TextDefectsTests {
    @Test(arguments: [
        ("The name \"{cn}\" appears only", true), ("expired ? days ago", true), ("the issuer \"\" of", true),
        ("issuer \"?\" missing", true), ("CN=Superfish\\\\, Inc.", true), ("SSH-2.0\\\\x0d", true),
        ("CN=Superfish\\, Inc. \\x0d\\x0a \\u{202e}", false), ("expired 10 days ago", false),
    ])
    func detectorFindsWhatItShould(text: String, defective: Bool) {
        #expect(TextDefects.find(in: text).isEmpty != defective, "\(text): \(TextDefects.find(in: text))")
    }

    /// Each catalogue row with every fact its template names filled by a realistic value.
    @Test(arguments: DiagnosisCatalog.entries.map(\.id))
    func everyRowRendersCleanly(id: String) throws {
        let entry = try #require(DiagnosisCatalog.entry(id))
        var facts: [String: String] = [:]
        _ = entry.summary(with: [:], missing: { key in facts[key] = Self.sample(key, quotedInTemplate: entry.summaryTemplate.contains("\"{\(key)}\"")); return "" })
        let line = entry.summary(with: facts)
        #expect(TextDefects.find(in: line).isEmpty, "\(id): \(line)")
        #expect(TextDefects.find(in: entry.summaryPattern).filter { $0.hasPrefix("unfilled") }.isEmpty, "explain shows \(entry.summaryPattern)")
    }

    /// What the probe passes for a fact (the SNI fact carries its own quotes where the
    /// template has none: an IP target gets words instead of a name).
    static func sample(_ key: String, quotedInTemplate: Bool) -> String {
        switch key {
        case "days", "threshold": "3 days"
        case "subject", "root", "missing_issuer", "issuer": "CN=Example CA"
        case "sni": quotedInTemplate ? "example.com" : "\"example.com\""
        default: "x"
        }
    }

    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func certificate(depth: Int, subject: String, issuer: String, notAfterDays: Double = 100, notBeforeDays: Double = -100, ca: Bool = false) -> CertificateSummary {
        var summary = CertificateSummary(
            depth: depth, subject: subject, issuer: issuer, commonName: nil, serial: "01", notBefore: "", notAfter: "",
            daysLeft: WholeDays.between(now: now.timeIntervalSince1970, and: now.timeIntervalSince1970 + notAfterDays * 86_400),
            san: ["DNS:example.com"], keyType: "EC", keyBits: 256, curve: "P-256", signatureAlgorithm: "ecdsa-with-SHA256",
            sha256: "00", isCA: ca, selfSigned: false, extendedKeyUsage: ["serverAuth"], caIssuersURL: nil, derBytes: 500)
        summary.notBeforeEpoch = now.timeIntervalSince1970 + notBeforeDays * 86_400
        summary.notAfterEpoch = now.timeIntervalSince1970 + notAfterDays * 86_400
        return summary
    }

    static func analyze(_ sent: [CertificateSummary], _ errors: [VerificationError]) -> [Diagnosis] {
        let analyzer = ChainAnalyzer(sent: sent, errors: errors, host: "example.com", warnDays: 14, failDays: 30, now: now,
                                     makeDiagnosis: { id, facts, depth in Diagnosis(id: id, facts: facts.merging(["host": "example.com", "port": "443"]) { old, _ in old }, depth: depth) })
        return analyzer.findings().map(\.diagnosis)
    }

    /// Every verify code the analysis has a branch for, at a depth the server sent and at one it
    /// did not (a trust-store root), with a named and an unnamed certificate.
    @Test(arguments: [18, 19, 2, 20, 21, 10, 9, 62, 26, 7, 23, 22, 13, 24, 1000])
    func everyChainFindingReadsCleanly(code: Int) {
        let named = [Self.certificate(depth: 0, subject: "CN=example.com", issuer: "CN=Example CA", notAfterDays: 20)]
        let unnamed = [Self.certificate(depth: 0, subject: "", issuer: "", notAfterDays: 20, ca: true)]
        let rootDates = (before: Self.now.timeIntervalSince1970 + 5 * 86_400, after: Self.now.timeIntervalSince1970 - 10.0002 * 86_400)
        for sent in [named, unnamed] {
            for depth in [0, 1] {
                for subject in ["CN=Example Root", ""] {
                    let error = VerificationError(depth: depth, code: code, name: "X509_V_ERR_TEST", message: "test reason", subject: subject,
                                                  issuer: subject, notBeforeEpoch: rootDates.before, notAfterEpoch: rootDates.after)
                    for diagnosis in Self.analyze(sent, [error]) {
                        #expect(TextDefects.find(in: diagnosis.summary).isEmpty, "code \(code) depth \(depth): \(diagnosis.summary)")
                    }
                }
            }
        }
    }

    /// A root out of its validity period is not sent by the server: its dates come from the
    /// verifier ("is valid from {not_before}" before), and 10 days and a few seconds is 10 days.
    @Test func rootOutsideItsValidityNamesItsDates() throws {
        let sent = [Self.certificate(depth: 0, subject: "CN=example.com", issuer: "CN=Example Root")]
        let expired = VerificationError(depth: 1, code: 10, name: "X509_V_ERR_CERT_HAS_EXPIRED", message: "certificate has expired",
                                        subject: "CN=Example Root", notAfterEpoch: Self.now.timeIntervalSince1970 - (10 * 86_400 + 16))
        let summary = try #require(Self.analyze(sent, [expired]).first).summary
        #expect(summary.contains("\"CN=Example Root\""), "\(summary)")
        #expect(summary.contains("10 days ago"), "\(summary)")
        let future = VerificationError(depth: 1, code: 9, name: "X509_V_ERR_CERT_NOT_YET_VALID", message: "certificate is not yet valid",
                                       subject: "CN=Example Root", notBeforeEpoch: 1_800_864_000)
        let notYet = try #require(Self.analyze(sent, [future]).first).summary
        #expect(notYet.contains("valid from 2027-01-25 08:00:00 UTC"), "\(notYet)")
    }

    @Test func untrustedIssuerIsNotSaidTwice() throws {
        let sent = [Self.certificate(depth: 0, subject: "CN=Intermediate", issuer: "CN=Private Root", ca: true)]
        let error = VerificationError(depth: 0, code: 20, name: "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY", message: "unable to get local issuer certificate", subject: "CN=Intermediate")
        let summary = try #require(Self.analyze(sent, [error]).first).summary
        #expect(summary == "The chain ends at \"CN=Private Root\" (not sent by the server), which is not in the trust store.")
    }

    /// Whole days rounded toward zero, everywhere (issue #22: "11 days ago" in the probe, "10" in
    /// `lab list`; "in 3 days" and "in 2 days" for the same certificate).
    static let dayCases: [(Double, Int)] = [
        (-864_016, -10), (-86_399, 0), (255_600, 2), (259_201, 3), (0, 0), (86_400, 1),
    ]

    @Test(arguments: dayCases)
    func wholeDaysRoundTowardZero(seconds: Double, days: Int) {
        #expect(WholeDays.between(now: 1000, and: 1000 + seconds) == days)
    }

    @Test func dayPhrases() {
        #expect(WholeDays.phrase(-10) == "10 days")
        #expect(WholeDays.phrase(1) == "1 day")
        #expect(WholeDays.phrase(0) == "less than a day")
        #expect(Plural.count(1, "target") == "1 target")
        #expect(Plural.count(0, "warning") == "0 warnings")
    }

    /// `CN=Superfish\, Inc.`: OpenSSL's RFC 2253 escape is shown once, controls still escaped.
    @Test func distinguishedNameEscapesOnce() {
        #expect(SafeText.escape(bytes: Array("CN=Superfish\\, Inc.\u{1b}".utf8), keepingBackslashes: true) == "CN=Superfish\\, Inc.\\x1b")
        #expect(SafeText.escape(bytes: Array("a\\b".utf8)) == "a\\\\b")
    }

    /// The lab log and the probe's client_hello line count suites the same way.
    @Test func signallingValuesAreNotSuites() {
        #expect(CipherSuiteValues.count(in: [0x13, 0x01, 0x00, 0xFF, 0x56, 0x00, 0x1A, 0x1A, 0xC0, 0x2B]) == 2)
    }
}
