import FoundationEssentials

/// A diagnosis with the few words that stand for it on the stage line.
struct Finding {
    var diagnosis: Diagnosis
    var short: String
}

/// Judges the certificate chain from what the verifier reported at every depth and from the
/// chain exactly as the server sent it.
struct ChainAnalyzer {
    let sent: [CertificateSummary]
    let errors: [VerificationError]
    let host: String
    let warnDays: Int
    let failDays: Int?
    let now: Date
    let makeDiagnosis: (String, [String: String], Int?) -> Diagnosis

    static let hostnameCodes: Set<Int> = [62, 63, 64]

    var trusted: Bool { errors.allSatisfy { Self.hostnameCodes.contains($0.code) } && !sent.isEmpty }
    var hostnameMatched: Bool { !errors.contains { Self.hostnameCodes.contains($0.code) } && !sent.isEmpty }

    /// Findings, most decisive first: the exit code follows the first error.
    func findings() -> [Finding] {
        var findings: [Finding] = []
        var seen = Set<String>()
        for error in errors {
            guard let finding = finding(for: error) else { continue }
            let key = "\(finding.diagnosis.id)@\(finding.diagnosis.depth ?? -1)"
            if seen.insert(key).inserted { findings.append(finding) }
        }
        findings += expiryWarnings()
        findings += structureFindings()
        return findings.sorted { rank($0) < rank($1) }
    }

    private func rank(_ finding: Finding) -> Int {
        let severity = finding.diagnosis.severity == .error ? 0 : (finding.diagnosis.severity == .warning ? 100 : 200)
        let order: [Int32] = [33, 30, 32, 31, 34]
        return severity + (order.firstIndex(of: finding.diagnosis.exitCode) ?? order.count)
    }

    private func certificate(for error: VerificationError) -> CertificateSummary? {
        sent.first { $0.subject == error.subject } ?? (error.depth < sent.count ? sent[error.depth] : nil)
    }

    private func finding(for error: VerificationError) -> Finding? {
        let certificate = certificate(for: error)
        // The certificate at this depth may not be one the server sent (a root from the trust
        // store): then its name and dates come from what the verifier reported.
        let subject = CertificateName.shown(error.subject.isEmpty ? (certificate?.subject ?? "") : error.subject, depth: error.depth)
        let notBefore = certificate?.notBeforeEpoch ?? error.notBeforeEpoch
        let notAfter = certificate?.notAfterEpoch ?? error.notAfterEpoch
        let issuerName = CertificateName.shown(certificate?.issuer ?? error.issuer ?? "", depth: error.depth + 1)
        var facts = ["subject": subject, "depth": String(error.depth), "code": String(error.code), "reason": error.message, "issuer": issuerName]
        if let notBefore { facts["not_before"] = readable(notBefore) }
        if let notAfter { facts["not_after"] = readable(notAfter) }
        let openssl = "\(error.name) (\(error.code)) at depth \(error.depth): \(error.message)"
        func make(_ id: String, _ short: String) -> Finding {
            var diagnosis = makeDiagnosis(id, facts, error.depth)
            diagnosis.openssl = openssl
            return Finding(diagnosis: diagnosis, short: short)
        }
        switch error.code {
        case 18:
            return make(DiagnosisID.certSelfSigned, "self-signed leaf \(quoted(subject))")
        case 19:
            facts["root"] = subject
            facts["sent"] = "sent by the server"
            return make(DiagnosisID.certUntrustedRoot, "chain ends in untrusted root \(quoted(subject))")
        case 2, 20, 21:
            let issuer = issuerName
            if let certificate, certificate.isCA {
                facts["root"] = issuer
                facts["sent"] = "not sent by the server"
                return make(DiagnosisID.certUntrustedRoot, "issuer \(quoted(issuer)) of \(quoted(subject)) is not trusted")
            }
            facts["missing_issuer"] = issuer
            facts["aia_url"] = certificate?.caIssuersURL.map { "the leaf's AIA extension says it can be fetched from \($0)" }
                ?? "the leaf names no URL to fetch it from (no AIA CA Issuers entry)"
            return make(DiagnosisID.chainMissingIntermediate, "issuer \(quoted(issuer)) missing")
        case 10:
            let days = WholeDays.phrase(certificate?.daysLeft ?? notAfter.map { WholeDays.between(now: now.timeIntervalSince1970, and: $0) } ?? 0)
            let when = notAfter.map { " (\(readable($0).prefix(10)))" } ?? ""
            facts["days"] = days
            facts["not_after"] = facts["not_after"] ?? "an unknown date"
            if error.depth == 0 {
                return make(DiagnosisID.certExpired, "leaf expired \(days) ago\(when)")
            }
            return make(DiagnosisID.chainIntermediateExpired, "\(quoted(subject)) expired \(days) ago")
        case 9:
            facts["now"] = RFC3339.readable(now)
            facts["not_before"] = facts["not_before"] ?? "an unknown date"
            return make(DiagnosisID.certNotYetValid, "\(quoted(subject)) not valid before \(facts["not_before"]!)")
        case 62, 63, 64:
            let names = certificate.map { X509Certificate.dnsNames($0.san) } ?? []
            facts["names"] = names.isEmpty ? "(no DNS names; CN \(certificate?.commonName ?? "none"))" : names.prefix(20).joined(separator: ", ") + (names.count > 20 ? ", … (\(names.count) in all)" : "")
            facts["wildcard_note"] = wildcardNote(names)
            return make(DiagnosisID.certHostnameMismatch, "not valid for \(host)")
        case 26:
            facts["eku"] = certificate.map { $0.extendedKeyUsage.isEmpty ? "none" : $0.extendedKeyUsage.joined(separator: ", ") } ?? "not readable"
            return make(DiagnosisID.certWrongPurpose, "not for server authentication (EKU \(facts["eku"]!))")
        case 7, 4, 6:
            return make(DiagnosisID.certBadSignature, "bad signature on \(quoted(subject))")
        case 23:
            facts["revocation"] = "its issuer's CRL lists it"
            return make(DiagnosisID.certRevoked, "\(quoted(subject)) revoked")
        case 22, 25:
            return make(DiagnosisID.chainTooDeep, "chain too long")
        case 13, 14, 15, 16:
            facts["detail"] = error.message
            return make(DiagnosisID.certMalformed, "malformed \(quoted(subject))")
        default:
            return make(DiagnosisID.certVerifyError, error.message)
        }
    }

    private func wildcardNote(_ names: [String]) -> String {
        let wildcards = names.filter { $0.hasPrefix("*.") }
        guard let wildcard = wildcards.first else { return "" }
        let base = wildcard.dropFirst(2)
        if host == base { return " A wildcard (\(wildcard)) does not cover the bare domain \(base)." }
        if host.hasSuffix("." + base) && host.dropLast(base.count + 1).contains(".") {
            return " A wildcard (\(wildcard)) covers exactly one label: it matches x.\(base) but not \(host)."
        }
        return ""
    }

    private func expiryWarnings() -> [Finding] {
        sent.compactMap { certificate in
            guard certificate.notAfterEpoch > now.timeIntervalSince1970 else { return nil }
            let days = certificate.daysLeft
            let failing = failDays.map { days < $0 } ?? false
            guard days < warnDays || failing else { return nil }
            let facts = ["subject": CertificateName.shown(certificate.subject, depth: certificate.depth), "depth": String(certificate.depth),
                         "days": WholeDays.phrase(days), "not_after": readable(certificate.notAfterEpoch),
                         "threshold": WholeDays.phrase(failing ? failDays! : warnDays)]
            var diagnosis = makeDiagnosis(DiagnosisID.certExpiresSoon, facts, certificate.depth)
            if failing {
                diagnosis.severity = .error
                diagnosis.exitCode = ExitStatus.certificateExpired.rawValue
            }
            return Finding(diagnosis: diagnosis, short: "\(certificate.depth == 0 ? "leaf" : quoted(CertificateName.shown(certificate.subject, depth: certificate.depth))) expires in \(WholeDays.phrase(days))")
        }
    }

    /// How the server assembled the chain: order, strays, an included root, a CN-only leaf.
    private func structureFindings() -> [Finding] {
        guard let leaf = sent.first else { return [] }
        var findings: [Finding] = []
        if !leaf.san.contains(where: { $0.hasPrefix("DNS:") || $0.hasPrefix("IP:") }), let cn = leaf.commonName, hostnameMatched {
            findings.append(Finding(diagnosis: makeDiagnosis(DiagnosisID.certCNOnly, ["cn": cn, "subject": CertificateName.shown(leaf.subject, depth: 0)], 0), short: "name only in CN"))
        }
        // Walk the path the server should have sent: each certificate followed by its issuer.
        var path = [0]
        var current = leaf
        while let next = sent.firstIndex(where: { $0.subject == current.issuer && !path.contains($0.depth) && !current.selfSigned }) {
            path.append(next)
            current = sent[next]
        }
        let extras = sent.indices.filter { !path.contains($0) }
        if path != Array(0..<path.count) {
            let order = sent.map { quoted(CertificateName.shown($0.commonName ?? $0.subject, depth: $0.depth)) }.joined(separator: " → ")
            findings.append(Finding(diagnosis: makeDiagnosis(DiagnosisID.chainWrongOrder, ["order": order], nil), short: "sent out of order"))
        }
        if !extras.isEmpty {
            let list = extras.map { "#\($0) \(quoted(CertificateName.shown(sent[$0].subject, depth: $0)))" }.joined(separator: ", ")
            findings.append(Finding(diagnosis: makeDiagnosis(DiagnosisID.chainExtraCerts, ["extra": list], nil), short: "\(extras.count) unneeded certificate\(extras.count > 1 ? "s" : "")"))
        }
        if let last = path.last, last != 0, sent[last].selfSigned {
            findings.append(Finding(diagnosis: makeDiagnosis(DiagnosisID.chainRootIncluded, ["root": CertificateName.shown(sent[last].subject, depth: last)], last), short: "root included"))
        }
        return findings
    }

    private func readable(_ epoch: Double) -> String { RFC3339.readable(Date(timeIntervalSince1970: epoch)) }
}

func quoted(_ text: String) -> String { "\"\(text)\"" }
