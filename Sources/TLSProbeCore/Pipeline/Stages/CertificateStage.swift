import FoundationEssentials

/// certificate: the chain as sent, as built, trust and hostname, policy on keys. Hands on
/// `learned.certificateAcceptable`.
struct CertificateStage: ProbeStage {
    static let name = StageName.certificate

    init?(for context: ProbeContext) {}

    func run(_ context: ProbeContext) -> StageOutcome {
        guard let connection = context.connection else { return .stop }
        context.learned.certificateAcceptable = Self.record(context, connection)
        return .proceed
    }

    /// Returns true when the chain verified, the name matched and no finding is an error. Also
    /// used for a handshake that failed after the Certificate message arrived.
    @discardableResult
    /// `verifyFailedUnreported`: OpenSSL failed the handshake on verification without telling
    /// the verify callback a code (an internal error of path building, e.g. a key it cannot
    /// decode): the session's verify result stands in, so the chain is never shown as fine.
    static func record(_ context: ProbeContext, _ connection: TLSConnection, handshakeFailed: Bool = false, verifyFailedUnreported: Bool = false) -> Bool {
        let options = context.options
        guard !context.hasCompleted(.certificate) else { return context.report.verification.trusted == true && context.report.verification.hostnameMatched == true }
        // --at: the chain is judged as of that time (the SSL_CTX verifies as of it too).
        let now = options.at ?? context.startDate
        let chain = connection.peerChain(now: now)
        context.report.certificates = chain
        let recorder = connection.recorder
        var errors = recorder.verifyErrors
        if errors.isEmpty && verifyFailedUnreported { errors = [connection.unreportedVerifyFailure(now: now)] }
        context.report.verification.errors = errors
        let evidence = ChainEvidence(connection: connection, sent: chain, host: context.verifyName, now: now, at: options.at)
        let analyzer = ChainAnalyzer(
            sent: chain, errors: errors, host: context.verifyName, warnDays: options.warnDays, failDays: options.failDays, now: now,
            evidence: evidence, makeDiagnosis: { [unowned context] id, facts, depth in context.diagnosis(id, facts, depth: depth) })
        let trusted = analyzer.trusted && !handshakeFailed
        context.report.verification.trusted = trusted
        context.report.verification.hostnameMatched = analyzer.hostnameMatched
        if analyzer.trusted { context.report.verification.anchor = connection.verifiedChainRoot(now: now) }
        var findings = analyzer.findings()
        findings += PolicyJudge.certificates(chain) { [unowned context] id, facts, depth in context.diagnosis(id, facts, depth: depth) }
        let strict = StrictChainJudge(sent: chain, defaultErrors: errors, evidence: evidence, host: context.verifyName) { [unowned context] id, facts, depth in
            context.diagnosis(id, facts, depth: depth)
        }.findings()
        findings += strict.findings
        context.learned.strictFindings = strict.rules
        findings += PolicyJudge.trustStoreCertificates(built: evidence.built, sent: chain) { [unowned context] id, facts, depth in
            context.diagnosis(id, facts, depth: depth)
        }
        let messageBytes = recorder.firstHandshake(HandshakeType.certificate, sent: false)?.message.size
        let totalBytes = messageBytes ?? chain.reduce(0) { $0 + $1.derBytes }
        if totalBytes > TLSClientContext.defaultCertificateListLimit {
            findings.append(Finding(
                diagnosis: context.diagnosis(DiagnosisID.certTooLarge, ["bytes": String(totalBytes), "limit": String(TLSClientContext.defaultCertificateListLimit)]),
                short: "certificate list of \(totalBytes / 1024) KB"))
        }
        let completion = completeThroughAIA(context, connection, errors: errors, now: now)
        if let completion {
            AIACompletionFindings.explain(completion, sent: chain, in: &findings) { [unowned context] id, facts, depth in context.diagnosis(id, facts, depth: depth) }
        }
        findings.sort { ($0.diagnosis.severity, $0.diagnosis.exitCode == 0 ? 99 : 0) < ($1.diagnosis.severity, $1.diagnosis.exitCode == 0 ? 99 : 0) }

        var details = CertificateDetails()
        details.sentCount = connection.peerChainLength
        details.certificateMessageBytes = messageBytes
        details.builtChain = connection.verifiedChainSubjects()
        details.trusted = trusted
        details.hostnameMatched = analyzer.hostnameMatched
        details.aiaCompletion = completion
        context.complete(StageReport(name: .certificate, status: .ok, summary: certificateSummary(chain, details: details, findings: findings), details: .certificate(details)),
                 diagnoses: findings.map(\.diagnosis))
        return analyzer.trusted && analyzer.hostnameMatched && !findings.contains { $0.diagnosis.severity == .error }
    }

    /// The chain as browsers complete it, when an issuer is missing (nil otherwise, and when the
    /// completion has nothing to say). A step of this stage with its own timing.
    private static func completeThroughAIA(_ context: ProbeContext, _ connection: TLSConnection, errors: [VerificationError], now: Date) -> ChainCompletion? {
        guard errors.contains(where: { AIACompletion.missingIssuerCodes.contains($0.code) }), let store = connection.context.certificateStore else { return nil }
        let completion = AIACompletion.complete(
            sent: connection.sentCertificates(), store: store, https: connection.context, host: context.verifyName, at: context.options.at,
            now: now, policy: .forProbe(context.options), deadline: context.deadline, cache: context.engine.aiaDownloads)
        // Nothing tried (no CA Issuers URL): the missing-issuer diagnosis already says so.
        if completion.status == .notNeeded || (completion.status == .incomplete && completion.fetches.isEmpty) { return nil }
        return completion
    }

    private static func certificateSummary(_ chain: [CertificateSummary], details: CertificateDetails, findings: [Finding]) -> String {
        var text = "\(details.sentCount ?? chain.count) sent"
        if let root = details.builtChain?.last, details.trusted == true {
            text += ", chain to \(quoted(commonName(of: root)))"
        } else if let leaf = chain.first {
            text += ", leaf \(quoted(leaf.commonName ?? leaf.subject))"
        }
        let problems = findings.filter { $0.diagnosis.severity != .info }.prefix(3).map(\.short)
        if !problems.isEmpty { text += "; " + problems.joined(separator: "; ") }
        else if let leaf = chain.first { text += ", valid \(Plural.count(leaf.daysLeft, "more day", "more days"))" }
        return text
    }

    private static func commonName(of subject: String) -> String {
        for part in subject.split(separator: ",") where part.hasPrefix("CN=") { return String(part.dropFirst(3)) }
        return subject
    }
}
