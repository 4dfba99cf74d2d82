import FoundationEssentials

/// The second opinion after OpenSSL's verdict: the rules Go's crypto/x509, rustls/webpki and
/// browsers enforce and OpenSSL's default verification does not. Part comes from OpenSSL itself
/// (X509_V_FLAG_X509_STRICT), part from tlsprobe's own look at the path. Every finding is a
/// warning, `chain.strict`, so `--strict` fails the run on it; nothing here passes in silence.
struct StrictChainJudge {
    let sent: [CertificateSummary]
    let defaultErrors: [VerificationError]
    let evidence: ChainEvidence
    let host: String
    let makeDiagnosis: (String, [String: String], Int?) -> Diagnosis

    /// Each finding with the rule it is about, so a strict `--client` profile can make the ones
    /// it enforces its own failure (ClientProfileJudgement).
    func findings() -> (findings: [Finding], rules: [StrictFinding]) {
        var findings: [Finding] = []
        var ruled: [StrictFinding] = []
        var seen = Set<String>()
        func add(_ detail: String, subject: String, depth: Int, short: String, rule: StrictRule, who: String = Self.goRustlsBrowsers) {
            guard seen.insert("\(depth)|\(detail)").inserted else { return }
            let facts = ["subject": subject, "depth": String(depth), "detail": detail, "who": who]
            var diagnosis = makeDiagnosis(DiagnosisID.chainStrict, facts, depth)
            diagnosis.openssl = "accepted by OpenSSL's default verification"
            findings.append(Finding(diagnosis: diagnosis, short: "strict: " + short))
            ruled.append(StrictFinding(rule: rule, facts: facts, depth: depth, summary: diagnosis.summary))
        }
        let known = Set(defaultErrors.map { "\($0.code)@\($0.depth)" })
        for error in evidence.strictErrors() where !known.contains("\(error.code)@\(error.depth)") {
            let version = error.depth < evidence.builtRules.count ? evidence.builtRules[error.depth].version : 3
            guard let reason = Self.strictReason(error.code), let rule = StrictRule(openSSLCode: error.code, version: version) else { continue }
            let subject = error.depth < evidence.built.count ? ChainAnalyzer.name(of: evidence.built[error.depth]) : error.subject
            let who = [42, 43].contains(error.code) ? "RFC 5280 policy processing (openssl verify -policy_check) and verifiers that implement it" : Self.rfcStrict
            add(reason + " (\(error.name))", subject: subject, depth: error.depth, short: Self.shortReason(error.code), rule: rule, who: who)
        }
        let path = evidence.built.isEmpty ? sent : evidence.built
        let rules = evidence.built.isEmpty ? evidence.sentRules : evidence.builtRules
        for (depth, certificate) in path.enumerated() where depth < rules.count {
            let rule = rules[depth]
            let subject = ChainAnalyzer.name(of: certificate)
            let isIssuer = depth > 0
            if isIssuer, !certificate.extendedKeyUsage.isEmpty,
               !certificate.extendedKeyUsage.contains("serverAuth"), !certificate.extendedKeyUsage.contains("anyExtendedKeyUsage"),
               !defaultErrors.contains(where: { $0.depth == depth && $0.code == 26 }) {
                add("this CA's extendedKeyUsage (\(certificate.extendedKeyUsage.joined(separator: ", "))) excludes serverAuth, and they apply a CA's EKU to every certificate below it",
                    subject: subject, depth: depth, short: "CA EKU excludes serverAuth", rule: .caExtendedKeyUsage)
            }
            if rule.serialZero || rule.serialNegative || rule.serialOctets > 20 {
                let what = rule.serialZero ? "zero" : (rule.serialNegative ? "negative" : "\(rule.serialOctets) octets long")
                add("its serial number is \(what); RFC 5280 §4.1.2.2 requires a positive serial of at most 20 octets",
                    subject: subject, depth: depth, short: "serial number \(what)", rule: .serialNumber, who: "Go 1.23 and later (negative serials), rustls/webpki and CA/Browser Forum checks")
            }
            if depth == 0 {
                for name in X509Certificate.dnsNames(certificate.san.filter { $0.hasPrefix("DNS:") }) {
                    if let problem = Self.dnsNameProblem(name) {
                        add("its subjectAltName has the malformed DNS name \"\(name)\" (\(problem))", subject: subject, depth: 0, short: "malformed SAN", rule: .subjectAltNameSyntax,
                            who: "rustls/webpki and browsers")
                    } else if name.hasPrefix("*."), PublicSuffixes.isPublicSuffix(String(name.dropFirst(2))) {
                        add("its wildcard \"\(name)\" spans a public suffix (\(name.dropFirst(2)) is on the Public Suffix List): one certificate for every site under it",
                            subject: subject, depth: 0, short: "wildcard on a public suffix", rule: .publicSuffixWildcard, who: "browsers (Chrome and Firefox refuse wildcards over a public suffix)")
                    }
                }
            }
        }
        return (findings, ruled)
    }

    static let goRustlsBrowsers = "Go, rustls and browsers"
    static let rfcStrict = "RFC 5280-strict verifiers (openssl verify -x509_strict, rustls/webpki)"

    /// The strict findings on a chain judged outside a probe (a `tlsprobe clients` row): the
    /// same pass, on the path the client's store builds.
    static func findings(of chain: ChainUnderTest, sent: [CertificateSummary], host: String, at: Date?, now: Date) -> [StrictFinding] {
        let evidence = ChainEvidence(chain: chain, sent: sent, host: host, now: now, at: at)
        return StrictChainJudge(sent: sent, defaultErrors: chain.errors, evidence: evidence, host: host) { id, facts, depth in
            Diagnosis(id: id, facts: facts, depth: depth)
        }.findings().rules
    }

    /// The strict-only OpenSSL codes, in the words of the rule.
    static func strictReason(_ code: Int) -> String? {
        switch code {
        case 79: "this CA certificate is not a CA under RFC 5280: it lacks basicConstraints CA:TRUE (OpenSSL's default accepts a keyCertSign key usage or a v1 root instead)"
        case 89: "this CA's basicConstraints extension is not marked critical (RFC 5280 §4.2.1.9 requires it)"
        case 85: "it has no authorityKeyIdentifier (RFC 5280 §4.2.1.1 requires one on every certificate that is not self-signed)"
        case 86: "this CA has no subjectKeyIdentifier (RFC 5280 §4.2.1.2)"
        case 90: "its authorityKeyIdentifier is marked critical, which RFC 5280 forbids"
        case 91: "its subjectKeyIdentifier is marked critical, which RFC 5280 forbids"
        case 92: "this CA certificate has no keyUsage extension (RFC 5280 §4.2.1.3)"
        case 81: "it has a pathLenConstraint but its keyUsage lacks keyCertSign"
        case 80: "it has a pathLenConstraint but is not a CA"
        case 82: "its keyUsage asserts keyCertSign but it is not a CA"
        case 87: "its subjectAltName extension is empty"
        case 88: "its subject is empty and its subjectAltName is not critical"
        case 93: "it carries extensions but is not a version 3 certificate"
        case 83: "its issuer name is empty"
        case 84: "its subject name is empty"
        case 94: "its elliptic-curve key uses explicit curve parameters instead of a named curve"
        case 41: "one of its extensions is invalid under strict decoding"
        case 37: "it is marked as a CA inconsistently"
        case 42: "a certificate policy extension on the path is invalid (RFC 5280 §4.2.1.4 policy processing)"
        case 43: "a CA on the path requires an explicit certificate policy (policyConstraints requireExplicitPolicy) and the path has none that every CA allows (RFC 5280 §6.1.5)"
        case 78, 77: "its inner and outer signature algorithms differ"
        default: nil
        }
    }

    static func shortReason(_ code: Int) -> String {
        switch code {
        case 79: "CA without basicConstraints CA:TRUE"
        case 89: "CA basicConstraints not critical"
        case 85: "no authorityKeyIdentifier"
        case 86: "CA without subjectKeyIdentifier"
        case 92: "CA without keyUsage"
        default: "X.509 rule (code \(code))"
        }
    }

    /// Why a SAN DNS name is malformed (RFC 5280 §4.2.1.6 preferred name syntax), or nil.
    static func dnsNameProblem(_ name: String) -> String? {
        // ASCII names (nearly all) are checked byte by byte, with the same answers: by
        // Characters this cost ~27K instructions a name, 80M for a 3,000-name leaf.
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiDNSNameProblem(Array(name.utf8)) }
        return dnsNameProblemByCharacters(name)
    }

    /// `dnsNameProblem` for an ASCII name (StrictChainJudgeTests holds it to the Character path).
    static func asciiDNSNameProblem(_ name: [UInt8]) -> String? {
        let dot = UInt8(ascii: "."), star = UInt8(ascii: "*")
        if name.isEmpty { return "empty" }
        if name.first == dot || name.last == dot { return "leading or trailing dot" }
        let labels = name.split(separator: dot, omittingEmptySubsequences: false)
        if labels.contains(where: \.isEmpty) { return "empty label" }
        for (index, label) in labels.enumerated() {
            if index == 0 && label.count == 1 && label.first == star { continue }
            if label.contains(star) { return "a wildcard that is not the whole leftmost label" }
            if label.count > 63 { return "label longer than 63 characters" }
            let allowed = { (byte: UInt8) in
                (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x5F
            }
            if !label.allSatisfy(allowed) { return "characters outside letters, digits and hyphens" }
        }
        return nil
    }

    static func dnsNameProblemByCharacters(_ name: String) -> String? {
        if name.isEmpty { return "empty" }
        if name.hasSuffix(".") || name.hasPrefix(".") { return "leading or trailing dot" }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        if labels.contains(where: \.isEmpty) { return "empty label" }
        for (index, label) in labels.enumerated() {
            if label == "*" && index == 0 { continue }
            if label.contains("*") { return "a wildcard that is not the whole leftmost label" }
            if label.utf8.count > 63 { return "label longer than 63 characters" }
            if !label.unicodeScalars.allSatisfy({ (("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }) {
                return "characters outside letters, digits and hyphens"
            }
        }
        return nil
    }
}

/// The rule a `chain.strict` finding is about: what a strict client profile lists as enforced
/// (`ClientProfile.strictRules`).
public enum StrictRule: String, Sendable, CaseIterable {
    /// A v3 CA without basicConstraints CA:TRUE (code 79).
    case caWithoutBasicConstraints = "ca_without_basic_constraints"
    /// A version 1 root (code 79 on a v1 certificate, which cannot carry basicConstraints):
    /// X509_STRICT refuses it, Go accepts a v1 trust anchor.
    case v1Root = "v1_root"
    case basicConstraintsNotCritical = "basic_constraints_not_critical"
    case keyIdentifiers = "key_identifiers"
    case caKeyUsage = "ca_key_usage"
    case emptyNames = "empty_names"
    case extensions
    case explicitCurveParameters = "explicit_curve_parameters"
    case policy
    case signatureAlgorithmMismatch = "signature_algorithm_mismatch"
    case caExtendedKeyUsage = "ca_extended_key_usage"
    case serialNumber = "serial_number"
    case subjectAltNameSyntax = "subject_alt_name_syntax"
    case publicSuffixWildcard = "public_suffix_wildcard"

    /// What X509_V_FLAG_X509_STRICT adds to OpenSSL's verification (`openssl verify -x509_strict`,
    /// `s_client -x509_strict`, Python 3.13's default context): every rule of its codes.
    public static let x509Strict: Set<StrictRule> = [
        .caWithoutBasicConstraints, .v1Root, .basicConstraintsNotCritical, .keyIdentifiers, .caKeyUsage, .emptyNames,
        .extensions, .explicitCurveParameters, .signatureAlgorithmMismatch,
    ]

    /// What Go's crypto/x509 (1.19, run here) refuses that OpenSSL's default accepts: a v3 CA
    /// certificate without basicConstraints CA:TRUE at any depth, the root included (its
    /// CheckSignatureFrom: "parent certificate cannot sign this kind of certificate"), and a CA
    /// extendedKeyUsage that excludes serverAuth (EKU nested down the chain). Go does not care
    /// whether basicConstraints is critical, whether key identifiers or a CA keyUsage are there,
    /// about serial numbers (before 1.23), SAN syntax it does not match, or public suffixes:
    /// GoStrictProfileTests holds each rule to a real Go client.
    public static let go: Set<StrictRule> = [.caWithoutBasicConstraints, .caExtendedKeyUsage]

    /// The rule of a strict-only OpenSSL verify code (StrictChainJudge.strictReason) on a
    /// certificate of that X.509 version.
    init?(openSSLCode code: Int, version: Int = 3) {
        switch code {
        case 79: self = version < 3 ? .v1Root : .caWithoutBasicConstraints
        case 89: self = .basicConstraintsNotCritical
        case 85, 86, 90, 91: self = .keyIdentifiers
        case 92, 81, 80, 82: self = .caKeyUsage
        case 83, 84, 87, 88: self = .emptyNames
        case 93, 41, 37: self = .extensions
        case 94: self = .explicitCurveParameters
        case 42, 43: self = .policy
        case 77, 78: self = .signatureAlgorithmMismatch
        default: return nil
        }
    }
}

/// One strict finding as the certificate stage made it, kept for the `--client` judgement.
struct StrictFinding {
    var rule: StrictRule
    var facts: [String: String]
    var depth: Int
    /// The warning's summary, to find it among the report's diagnoses.
    var summary: String

    /// The finding as the failure of a client that enforces its rule: an error naming the client.
    /// `facts` adds the report's own facts (host, port) when there is a report.
    func failure(for profile: ClientProfile, facts addReportFacts: ([String: String]) -> [String: String] = { $0 }) -> Diagnosis {
        var facts = self.facts
        facts["who"] = "\(profile.name) (\(profile.acceptance?.library ?? profile.basis)), like \(self.facts["who"] ?? "strict verifiers"),"
        var diagnosis = Diagnosis(id: DiagnosisID.chainStrict, facts: addReportFacts(facts), depth: depth,
                                  severityOverride: .error, exitOverride: .otherCertificateProblem)
        diagnosis.openssl = "accepted by OpenSSL's default verification; \(profile.name) rejects it"
        return diagnosis
    }
}

/// The Public Suffix List as Debian ships it (package publicsuffix), read once on first use.
/// Only plain rules count here (a wildcard on "co.uk" or "github.io"); without the file, a
/// wildcard over a single label ("*.com") is still caught.
enum PublicSuffixes {
    static let path = "/usr/share/publicsuffix/public_suffix_list.dat"

    private static let rules: Set<String> = {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        var set = Set<String>()
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let rule = line.split(separator: " ").first.map(String.init) ?? ""
            if rule.isEmpty || rule.hasPrefix("//") || rule.hasPrefix("!") || rule.hasPrefix("*") { continue }
            set.insert(rule.lowercased())
        }
        return set
    }()

    static func isPublicSuffix(_ domain: String) -> Bool {
        let lower = domain.lowercased()
        return !lower.contains(".") || rules.contains(lower)
    }
}
