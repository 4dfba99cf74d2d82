/// revocation (`--revocation ocsp|crl|both` only): asks the CA whether each certificate of the
/// chain is revoked, by OCSP (the responder in its AIA) and/or its CRL distribution point.
/// Revoked is an error; a status that cannot be learned is a warning that says why.
struct RevocationStage: ProbeStage {
    static let name = StageName.revocation

    private let mode: RevocationMode

    init?(for context: ProbeContext) {
        guard let mode = context.options.revocation else { return nil }
        self.mode = mode
    }

    func run(_ context: ProbeContext) -> StageOutcome {
        guard let connection = context.connection else { return .stop }
        let mark = Deadline.now
        let results = connection.checkRevocation(mode, now: context.startDate, deadline: context.deadline)
        context.report.revocation = results
        var diagnoses: [Diagnosis] = []
        for result in results {
            var facts = ["subject": result.subject, "depth": String(result.depth), "method": result.method == "ocsp" ? "OCSP" : "CRL",
                         "url": result.url ?? "none", "detail": result.detail]
            switch result.status {
            case "revoked":
                facts["issuer"] = context.report.certificates.first { $0.subject == result.subject }?.issuer ?? "its issuer"
                facts["revocation"] = result.method == "ocsp" ? "its OCSP responder (\(result.url ?? "?")) says revoked (\(result.reason ?? "no reason given"))"
                    : "its CRL (\(result.url ?? "?")) lists it (\(result.reason ?? "no reason given"))"
                if let when = result.revokedAt { facts["revocation"]! += " since \(when)" }
                diagnoses.append(context.diagnosis(DiagnosisID.certRevoked, facts, depth: result.depth, stage: .revocation))
            case "good":
                break
            default:
                diagnoses.append(context.diagnosis(DiagnosisID.revocationUnknown, facts, depth: result.depth))
            }
        }
        let parts = results.map { "\($0.depth == 0 ? "leaf" : "#\($0.depth)") \($0.method.uppercased()) \($0.status)" }
        let summary = results.isEmpty ? "no chain to check (not verified)" : parts.joined(separator: ", ")
        context.complete(StageReport(name: .revocation, status: .ok, durationMs: context.elapsedMs(since: mark), summary: summary, details: .none), diagnoses: diagnoses)
        return .proceed
    }
}
