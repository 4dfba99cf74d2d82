import FoundationEssentials

/// The stapled OCSP response, judged once the chain is known: verified and current, or a
/// diagnosis that says what is wrong with it. Revoked is decisive; a bad staple is a warning
/// (browsers ignore it) unless the certificate demands one (must-staple), when strict clients
/// refuse the connection. Reported with the finished stage, where the staple is shown.
struct StapledOCSPJudgement {
    /// "OCSP staple good until …", "no OCSP staple", "OCSP staple: REVOKED (keyCompromise) since …".
    var summary: String
    var diagnoses: [Diagnosis]
    /// False when the staple makes the handshake unacceptable (revoked; must-staple without a good staple).
    var acceptable: Bool

    static func judge(_ context: ProbeContext, _ connection: TLSConnection) -> StapledOCSPJudgement {
        let finding = connection.evaluateStapledOCSP(now: context.startDate)
        let mustStaple = connection.leafRequiresStaple
        context.report.tls.ocspStaple = finding?.kind.rawValue
        context.report.tls.mustStaple = mustStaple
        let leaf = context.report.certificates.first
        var facts = ["subject": leaf?.subject ?? "?", "issuer": leaf?.issuer ?? "?"]
        guard let finding else {
            guard mustStaple else { return StapledOCSPJudgement(summary: "no OCSP staple", diagnoses: [], acceptable: true) }
            return StapledOCSPJudgement(summary: "no OCSP staple although the certificate requires one (must-staple)",
                                        diagnoses: [context.diagnosis(DiagnosisID.ocspMustStapleMissing, facts, stage: .finished)], acceptable: false)
        }
        facts["detail"] = finding.detail
        switch finding.kind {
        case .good:
            let until = finding.nextUpdate.map { " until \(RFC3339.readable($0))" } ?? ""
            return StapledOCSPJudgement(summary: "OCSP staple good\(until)", diagnoses: [], acceptable: true)
        case .revoked:
            let reason = finding.reason ?? "no reason given"
            let when = finding.revokedAt.map { " since \(RFC3339.readable($0))" } ?? ""
            facts["revocation"] = "the stapled OCSP response says revoked (\(reason))\(when)"
            return StapledOCSPJudgement(summary: "OCSP staple: REVOKED (\(reason))\(when)",
                                        diagnoses: [context.diagnosis(DiagnosisID.certRevoked, facts, stage: .finished)], acceptable: false)
        case .unknown, .invalid, .unsuccessful, .unverified, .mismatch, .expired, .notYetValid:
            facts["consequence"] = mustStaple
                ? "the certificate requires a good staple (must-staple), so strict clients refuse the connection"
                : "browsers ignore a bad staple; clients that require stapling refuse it"
            // With must-staple a bad staple is as good as none: an error for the certificate.
            let diagnosis = Diagnosis(id: stapleID(finding.kind), facts: context.facts(facts), severityOverride: mustStaple ? .error : nil,
                                      exitOverride: mustStaple ? .otherCertificateProblem : nil, stageOverride: .finished)
            return StapledOCSPJudgement(summary: "OCSP staple rejected: \(finding.kind.label)", diagnoses: [diagnosis], acceptable: !mustStaple)
        }
    }

    private static func stapleID(_ kind: OCSPFinding.Kind) -> String {
        switch kind {
        case .unknown: DiagnosisID.ocspStapleUnknown
        case .unverified: DiagnosisID.ocspStapleUnverified
        case .mismatch: DiagnosisID.ocspStapleMismatch
        case .expired, .notYetValid: DiagnosisID.ocspStapleExpired
        default: DiagnosisID.ocspStapleInvalid
        }
    }
}

extension OCSPFinding.Kind {
    /// Words for the stage line.
    var label: String {
        switch self {
        case .good: "good"
        case .revoked: "revoked"
        case .unknown: "status unknown"
        case .invalid: "not an OCSP response"
        case .unsuccessful: "responder error"
        case .unverified: "signature does not verify"
        case .mismatch: "about another certificate"
        case .expired: "expired"
        case .notYetValid: "not yet valid"
        }
    }
}
