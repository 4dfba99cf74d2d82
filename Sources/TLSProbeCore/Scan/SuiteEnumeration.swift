/// Which suites a server accepts at one version, in its order: offer every candidate, note the
/// suite it picks, offer the rest again without it, until it refuses. The first answer also
/// says whether the version is spoken at all, and its extensions what a TLS ≤ 1.2 server
/// answers to renegotiation_info, extended_master_secret and session_ticket.
struct SuiteEnumeration: Sendable {
    var version: ScanVersion
    var accepted: [UInt16] = []
    /// The answer to the first, widest offer.
    var firstAnswer: RawHelloResult?
    var versionAccepted = false

    /// Whether an answer to `firstOffer` means the version is spoken.
    static func accepts(_ result: RawHelloResult, _ version: ScanVersion) -> Bool {
        result.outcome.answeredHello?.selectedVersion == version.code
    }
    var answerText = "not asked (no time left)"
    /// Why the enumeration stopped early, when it was not a plain refusal.
    var stopNote: String?

    /// The widest offer of `version`: whether it is spoken, and the server's first choice.
    static func firstOffer(_ version: ScanVersion, session: ScanSession) -> RawHelloResult {
        session.offer(ScanOffers.hello(version, suites: version.candidateSuites, serverName: session.serverName))
    }

    /// The whole enumeration; `first` is `firstOffer`'s answer when it was already asked.
    static func run(_ version: ScanVersion, first: RawHelloResult? = nil, session: ScanSession) -> SuiteEnumeration {
        var found = SuiteEnumeration(version: version)
        var remaining = version.candidateSuites
        var pending = first
        while !remaining.isEmpty, !session.deadline.hasPassed {
            let result = pending ?? session.offer(ScanOffers.hello(version, suites: remaining, serverName: session.serverName))
            pending = nil
            let isFirst = found.firstAnswer == nil
            if isFirst { found.firstAnswer = result }
            guard let hello = result.outcome.answeredHello else {
                if isFirst { found.answerText = result.outcome.label }
                if case .timedOut = result.outcome, !isFirst { found.stopNote = "\(version.label) suites: no answer before the deadline after \(found.accepted.count) suites" }
                break
            }
            guard hello.selectedVersion == version.code else {
                if isFirst { found.answerText = "answered with \(WireVersion.name(hello.selectedVersion))" }
                break
            }
            if isFirst {
                found.versionAccepted = true
                found.answerText = result.outcome.label
            }
            guard let index = remaining.firstIndex(of: hello.cipherSuite) else {
                found.stopNote = "\(version.label): the server chose \(CipherSuiteTable.name(hello.cipherSuite)), which was not offered"
                break
            }
            found.accepted.append(hello.cipherSuite)
            remaining.remove(at: index)
        }
        return found
    }

    /// Whether the server picks by its own order: offer what it accepted, reversed; a server
    /// that follows the client picks the last of its own list. Nil with fewer than two suites.
    func serverOrder(session: ScanSession) -> Bool? {
        guard versionAccepted, accepted.count >= 2 else { return nil }
        let result = session.offer(ScanOffers.hello(version, suites: accepted.reversed(), serverName: session.serverName))
        guard let hello = result.outcome.answeredHello else { return nil }
        if hello.cipherSuite == accepted[0] { return true }
        if hello.cipherSuite == accepted[accepted.count - 1] { return false }
        return nil
    }
}
