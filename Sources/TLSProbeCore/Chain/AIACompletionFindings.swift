import FoundationEssentials

/// What the AIA completion adds to the certificate stage's findings. The chain as sent stays the
/// verdict (a missing intermediate is still exit 33: curl, OpenSSL, Python, Java, Go and devices
/// fail on it); the completion says what browsers see and where the missing certificate is.
enum AIACompletionFindings {
    static func explain(_ completion: ChainCompletion, sent: [CertificateSummary], in findings: inout [Finding],
                        makeDiagnosis: (String, [String: String], Int?) -> Diagnosis) {
        switch completion.status {
        case .completed:
            let root = completion.chain.last.map { quoted(ChainAnalyzer.name(of: $0)) } ?? "a trust anchor"
            let used = completion.fetches.filter { $0.outcome == .used }
            let fetched = used.map { fetch in
                "\(quoted(fetch.certificate.map(ChainAnalyzer.name(of:)) ?? "?")) from \(fetch.url)"
            }.joined(separator: " and ")
            let verdict = completion.trusted
                ? " tlsprobe downloaded \(fetched), as browsers do: with it the chain verifies to \(root), so browsers connect while \(AIAFetchPolicy.nonFetchingClients) fail. `--save-chain fullchain.pem` writes the full chain (leaf first, then the intermediates) to serve instead."
                : ""
            // The download settles what the sent chain alone could only guess at ("most likely a
            // missing intermediate, less likely a root this client lacks"; an intermediate sent
            // without its issuer even reads as an untrusted root): say what was found.
            let ids: Set<String> = [DiagnosisID.chainMissingIntermediate, DiagnosisID.certUntrustedRoot]
            for index in findings.indices where ids.contains(findings[index].diagnosis.id) {
                guard let depth = findings[index].diagnosis.depth, depth < sent.count,
                      let fetch = used.first(where: { $0.forSubject == ChainAnalyzer.name(of: sent[depth]) }) else {
                    if findings[index].diagnosis.id == DiagnosisID.chainMissingIntermediate { findings[index].diagnosis.summary += verdict }
                    continue
                }
                let issuer = fetch.certificate.map(ChainAnalyzer.name(of:)) ?? ChainAnalyzer.issuerName(of: sent[depth])
                let whose = depth == 0 ? "the leaf's AIA extension" : "the AIA extension of \(quoted(fetch.forSubject))"
                let facts = ["missing_issuer": issuer, "aia_url": "\(whose) names it at \(fetch.url)", "subject": fetch.forSubject, "depth": String(depth)]
                var diagnosis = makeDiagnosis(DiagnosisID.chainMissingIntermediate, facts, depth)
                diagnosis.openssl = findings[index].diagnosis.openssl
                diagnosis.summary += verdict
                findings[index] = Finding(diagnosis: diagnosis, short: "issuer \(quoted(issuer)) missing")
            }
        case .incomplete:
            guard let last = completion.fetches.last, last.outcome != .used else { return }
            let facts = ["subject": last.forSubject, "url": last.url, "detail": last.detail]
            findings.append(Finding(diagnosis: makeDiagnosis(DiagnosisID.chainAIAUnusable, facts, nil), short: "CA Issuers URL \(last.outcome == .failed ? "failed" : "unusable")"))
        case .notFetched:
            let note = " (tlsprobe did not download it: \(completion.reason ?? "fetching is off").)"
            for index in findings.indices where findings[index].diagnosis.id == DiagnosisID.chainMissingIntermediate {
                findings[index].diagnosis.summary += note
            }
        case .notNeeded:
            break
        }
    }
}
