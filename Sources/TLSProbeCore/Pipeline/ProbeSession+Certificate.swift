import Foundation

/// The certificate stage: the chain as sent, as built, trust and hostname, policy on keys.
extension ProbeSession {
    /// Returns true when the chain verified and the name matched (policy aside).
    @discardableResult
    func completeCertificateStage(_ connection: TLSConnection, handshakeFailed: Bool = false) -> Bool {
        guard !hasCompleted(.certificate) else { return report.verification.trusted == true && report.verification.hostnameMatched == true }
        let chain = connection.peerChain(now: startDate)
        report.certificates = chain
        let recorder = connection.recorder
        let errors = recorder.verifyErrors
        report.verification.errors = errors
        let analyzer = ChainAnalyzer(
            sent: chain, errors: errors, host: verifyName, warnDays: options.warnDays, failDays: options.failDays, now: startDate,
            makeDiagnosis: { [unowned self] id, facts, depth in self.diagnosis(id, facts, depth: depth) })
        let trusted = analyzer.trusted && !handshakeFailed
        report.verification.trusted = trusted
        report.verification.hostnameMatched = analyzer.hostnameMatched
        if analyzer.trusted { report.verification.anchor = connection.verifiedChainRoot(now: startDate) }
        var findings = analyzer.findings()
        findings += PolicyJudge.certificates(chain) { [unowned self] id, facts, depth in self.diagnosis(id, facts, depth: depth) }
        findings += PolicyJudge.trustStoreCertificates(built: connection.verifiedChain(now: startDate), sent: chain) { [unowned self] id, facts, depth in
            self.diagnosis(id, facts, depth: depth)
        }
        let messageBytes = recorder.firstHandshake(HandshakeType.certificate, sent: false)?.message.size
        let totalBytes = messageBytes ?? chain.reduce(0) { $0 + $1.derBytes }
        if totalBytes > TLSClientContext.defaultCertificateListLimit {
            findings.append(Finding(
                diagnosis: diagnosis(DiagnosisID.certTooLarge, ["bytes": String(totalBytes), "limit": String(TLSClientContext.defaultCertificateListLimit)]),
                short: "certificate list of \(totalBytes / 1024) KB"))
        }
        findings.sort { ($0.diagnosis.severity, $0.diagnosis.exitCode == 0 ? 99 : 0) < ($1.diagnosis.severity, $1.diagnosis.exitCode == 0 ? 99 : 0) }

        var details = StageDetails()
        details.sentCount = chain.count
        details.certificateMessageBytes = messageBytes
        details.builtChain = connection.verifiedChainSubjects()
        details.trusted = trusted
        details.hostnameMatched = analyzer.hostnameMatched
        complete(StageReport(name: .certificate, status: .ok, summary: certificateSummary(chain, details: details, findings: findings), details: details),
                 diagnoses: findings.map(\.diagnosis))
        return analyzer.trusted && analyzer.hostnameMatched && !findings.contains { $0.diagnosis.severity == .error }
    }

    private func certificateSummary(_ chain: [CertificateSummary], details: StageDetails, findings: [Finding]) -> String {
        var text = "\(chain.count) sent"
        if let root = details.builtChain?.last, details.trusted == true {
            text += ", chain to \(quoted(commonName(of: root)))"
        } else if let leaf = chain.first {
            text += ", leaf \(quoted(leaf.commonName ?? leaf.subject))"
        }
        let problems = findings.filter { $0.diagnosis.severity != .info }.prefix(3).map(\.short)
        if !problems.isEmpty { text += "; " + problems.joined(separator: "; ") }
        else if let leaf = chain.first { text += ", valid \(leaf.daysLeft) more days" }
        return text
    }

    private func commonName(of subject: String) -> String {
        for part in subject.split(separator: ",") where part.hasPrefix("CN=") { return String(part.dropFirst(3)) }
        return subject
    }
}
