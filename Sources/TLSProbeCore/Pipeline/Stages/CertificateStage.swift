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
        guard !context.hasCompleted(.certificate) else { return context.report.verification.trusted == true && context.report.verification.hostnameMatched == true }
        let messageBytes = connection.recorder.firstHandshake(HandshakeType.certificate, sent: false)?.message.size
        var chain = connection.chainUnderTest()
        if chain == nil, connection.recorder.certificateListCut != nil {
            // tlsprobe refused the list, not the server's chain: judge what was read of it.
            chain = connection.cutChainUnderTest(host: context.verifyName, at: context.options.at, now: context.options.at ?? context.startDate)
            return judge(context, chain, host: context.verifyName, certificateMessageBytes: messageBytes)
        }
        if let found = chain, found.errors.isEmpty && verifyFailedUnreported {
            let now = context.options.at ?? context.startDate
            chain = ChainUnderTest(sent: found.sent, store: found.store, errors: [connection.unreportedVerifyFailure(now: now)], built: found.built)
        }
        return judge(context, chain, host: context.verifyName, certificateMessageBytes: messageBytes, handshakeFailed: handshakeFailed)
    }

    /// Judges a chain and records the stage: the one analysis for a chain from the wire and for
    /// one read from files (`tlsprobe check`, `CertificateFileCheck`). `host` nil: no name check.
    /// `certificateMessageBytes`: the Certificate message as received (or as it would be sent).
    @discardableResult
    static func judge(_ context: ProbeContext, _ chainUnderTest: ChainUnderTest?, host: String?, certificateMessageBytes messageBytes: Int?,
                      handshakeFailed: Bool = false, extra: [Finding] = []) -> Bool {
        let options = context.options
        // --at: the chain is judged as of that time (the SSL_CTX verifies as of it too).
        let now = options.at ?? context.startDate
        let chain = chainUnderTest?.sentSummaries(now: now) ?? []
        context.report.certificates = chain
        let errors = chainUnderTest?.errors ?? []
        context.report.verification.errors = errors
        let evidence = chainUnderTest.map { ChainEvidence(chain: $0, sent: chain, host: host, now: now, at: options.at) } ?? ChainEvidence()
        var analyzer = ChainAnalyzer(
            sent: chain, errors: errors, host: host ?? "", warnDays: options.warnDays, failDays: options.failDays, now: now,
            nowIsRequested: options.at != nil, evidence: evidence, makeDiagnosis: { [unowned context] id, facts, depth in context.diagnosis(id, facts, depth: depth) })
        analyzer.unreadCount = (chainUnderTest?.sentCountOverride).map { $0 - chain.count } ?? 0
        let trusted = analyzer.trusted && !handshakeFailed
        context.report.verification.trusted = trusted
        // No name given (`check` without --name): not checked, so not "matched" either.
        let hostnameMatched = host == nil ? nil : analyzer.hostnameMatched
        context.report.verification.hostnameMatched = hostnameMatched
        if analyzer.trusted { context.report.verification.anchor = chainUnderTest?.builtRoot(now: now) }
        var findings = extra + analyzer.findings()
        findings += PolicyJudge.certificates(chain) { [unowned context] id, facts, depth in context.diagnosis(id, facts, depth: depth) }
        let strict = StrictChainJudge(sent: chain, defaultErrors: errors, evidence: evidence, host: host ?? "") { [unowned context] id, facts, depth in
            context.diagnosis(id, facts, depth: depth)
        }.findings()
        findings += strict.findings
        context.learned.strictFindings = strict.rules
        findings += PolicyJudge.trustStoreCertificates(built: evidence.built, sent: chain) { [unowned context] id, facts, depth in
            context.diagnosis(id, facts, depth: depth)
        }
        let totalBytes = messageBytes ?? chain.reduce(0) { $0 + $1.derBytes }
        if totalBytes > TLSClientContext.defaultCertificateListLimit {
            var diagnosis = context.diagnosis(DiagnosisID.certTooLarge, ["bytes": String(totalBytes), "limit": String(TLSClientContext.defaultCertificateListLimit)])
            if let count = chainUnderTest?.sentCountOverride {
                // What an OpenSSL client at its default max_cert_list reports, then why tlsprobe
                // itself stopped early (no internal names: this line is read by users).
                diagnosis.openssl = "SSL_R_EXCESSIVE_MESSAGE_SIZE \"excessive message size\" (152) at OpenSSL's default limit of \(TLSClientContext.defaultCertificateListLimit) bytes; "
                    + "tlsprobe read the first \(chain.count) of \(count) certificates and ended the handshake without decoding the rest "
                    + "(over \(CertificateListCut.maxCertificates) certificates in more than \(TLSClientContext.defaultCertificateListLimit) bytes)"
            }
            findings.append(Finding(diagnosis: diagnosis, short: "certificate list of \(totalBytes / 1024) KB"))
        }
        let completion = chainUnderTest.flatMap { completeThroughAIA(context, $0, host: host, now: now) }
        if let completion {
            AIACompletionFindings.explain(completion, sent: chain, in: &findings) { [unowned context] id, facts, depth in context.diagnosis(id, facts, depth: depth) }
        }
        findings.sort { ($0.diagnosis.severity, $0.diagnosis.exitCode == 0 ? 99 : 0) < ($1.diagnosis.severity, $1.diagnosis.exitCode == 0 ? 99 : 0) }

        if let catalogue = context.engine.trustCatalogue, let sent = chainUnderTest?.sent, sent.count > 0 {
            // As completed: what was sent plus what AIA downloaded (each store builds its own path).
            let fetched = completion.flatMap { TrustChains.stack($0.fetchedCertificates) }
            context.report.trustStores = catalogue.compare(sent, completed: fetched.flatMap(sent.appending), at: options.at, now: now)
        }

        var details = CertificateDetails()
        details.sentCount = chainUnderTest?.sentCount ?? 0
        details.certificateMessageBytes = messageBytes
        details.builtChain = chainUnderTest?.builtSubjects() ?? []
        details.trusted = trusted
        details.hostnameMatched = hostnameMatched
        details.aiaCompletion = completion
        context.complete(StageReport(name: .certificate, status: .ok, summary: certificateSummary(chain, details: details, findings: findings, readOnlyListed: chainUnderTest?.sentCountOverride != nil), details: .certificate(details)),
                 diagnoses: findings.map(\.diagnosis))
        return analyzer.trusted && analyzer.hostnameMatched && !findings.contains { $0.diagnosis.severity == .error }
    }

    /// The chain as browsers complete it, when an issuer is missing (nil otherwise, and when the
    /// completion has nothing to say). A step of this stage with its own timing.
    private static func completeThroughAIA(_ context: ProbeContext, _ chain: ChainUnderTest, host: String?, now: Date) -> ChainCompletion? {
        guard chain.errors.contains(where: { AIACompletion.missingIssuerCodes.contains($0.code) }) else { return nil }
        let completion = AIACompletion.complete(
            sent: chain.sent.certificates.compactMap(ParsedCertificate.retaining), store: chain.store.pointer, https: context.engine.context,
            host: host, at: context.options.at,
            now: now, policy: .forProbe(context.options), deadline: context.deadline, cache: context.engine.aiaDownloads)
        // Nothing tried (no CA Issuers URL): the missing-issuer diagnosis already says so.
        if completion.status == .notNeeded || (completion.status == .incomplete && completion.fetches.isEmpty) { return nil }
        return completion
    }

    /// `readOnlyListed`: tlsprobe read only the listed certificates (CertificateListCut).
    private static func certificateSummary(_ chain: [CertificateSummary], details: CertificateDetails, findings: [Finding], readOnlyListed: Bool) -> String {
        var text = "\(details.sentCount ?? chain.count) sent"
        if let sent = details.sentCount, sent > chain.count, readOnlyListed { text += " (the first \(chain.count) read)" }
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
