import FoundationEssentials

/// What the certificates themselves show, beyond OpenSSL's verify codes: each sent certificate's
/// rule facts, the path OpenSSL built (with the trust store's certificates), the candidates for a
/// missing issuer, and whether the chain verifies with another certificate first. Built from the
/// chain under test (a live connection's or a file's) by `ChainEvidence.init(chain:…)`; tests can build it from plain values.
struct ChainEvidence {
    var sentRules: [CertificateRules] = []
    var built: [CertificateSummary] = []
    var builtRules: [CertificateRules] = []
    var issuerCandidates: (Int) -> [IssuerCandidate] = { _ in [] }
    /// The errors of a verification with sent[index] as the leaf (name checked).
    var verificationWithLeaf: (Int) -> [VerificationError] = { _ in [] }
    /// The errors of a strict verification (X509_V_FLAG_X509_STRICT) of the chain as sent.
    var strictErrors: () -> [VerificationError] = { [] }

    init() {}

    init(chain: ChainUnderTest, sent: [CertificateSummary], host: String?, now: Date, at: Date?) {
        sentRules = chain.sentRules()
        built = chain.builtSummaries(now: now, sent: sent)
        builtRules = chain.builtRules()
        issuerCandidates = { index in chain.issuerCandidates(forSentIndex: index, now: now) }
        verificationWithLeaf = { index in
            chain.verifyOffline(OfflineVerification(leafIndex: index, at: at, host: host))
        }
        strictErrors = { chain.verifyOffline(OfflineVerification(strict: true, at: at, host: host)) }
    }
}
