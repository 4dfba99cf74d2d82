import FoundationEssentials
internal import COpenSSL
internal import CTLSProbeShims

/// A certificate that could be the issuer of another, found among those the server sent or in
/// this client's trust store, with what OpenSSL says about the pair.
struct IssuerCandidate {
    enum Source: Equatable {
        case sent(index: Int)
        case trustStore
    }

    var source: Source
    var summary: CertificateSummary
    var rules: CertificateRules
    /// X509_check_issued's verdict on the pair: 0 when name, key identifiers and key usage fit,
    /// else the X509_V_ERR code of the first rule that does not.
    var checkIssued: Int
    /// The child's signature verifies with this candidate's key.
    var signatureVerifies: Bool
    /// The subjectPublicKeyInfo's algorithm when it does not decode into a key (an unknown
    /// algorithm or broken parameters): nothing can verify a signature with it. nil: it decodes.
    var undecodableKeyAlgorithm: String? = nil
}

/// The chain the certificate stage judges: the certificates as sent (by a server during the
/// handshake, or as read from files by `tlsprobe check`), the trust store they were verified
/// against, and what that verification found. One type for both, so the live probe and the
/// offline check run the same analysis on the same facts.
final class ChainUnderTest {
    /// The report describes at most this many of the certificates sent (the count is always
    /// exact): a thousand-certificate chain must not make a megabyte of JSON.
    static let maxListedCertificates = 20

    let sent: X509Stack
    let store: X509TrustStore
    /// Every error of the decisive verification, at every depth.
    let errors: [VerificationError]
    /// The path that verification built, leaf first, as far as it got.
    let built: X509Stack?

    init(sent: X509Stack, store: X509TrustStore, errors: [VerificationError], built: X509Stack?) {
        self.sent = sent
        self.store = store
        self.errors = errors
        self.built = built
    }

    /// Verifies `sent` against `store` as the probe's handshake does (purpose, name, time, level).
    static func verifying(_ sent: X509Stack, against store: X509TrustStore, host: String?, at: Date?, authLevel: Int32?, now: Date) -> ChainUnderTest {
        let result = store.verify(sent, OfflineVerification(authLevel: authLevel, at: at, host: host), now: now)
        return ChainUnderTest(sent: sent, store: store, errors: result.errors, built: result.built)
    }

    /// How many the server sent, when `sent` holds only the first of them (`CertificateListCut`).
    var sentCountOverride: Int?

    var sentCount: Int { sentCountOverride ?? sent.count }

    /// The chain as sent, leaf first (the first `maxListedCertificates`).
    func sentSummaries(now: Date) -> [CertificateSummary] { sent.summaries(now: now, limit: Self.maxListedCertificates) }

    /// Subjects of the path built (empty when none was).
    func builtSubjects() -> [String] { built?.certificates.map(X509Certificate.subjectText) ?? [] }

    /// The path built, leaf first, as far as it got (to a trust anchor when verified): it holds
    /// the certificates the trust store supplied. Certificates that were sent are the same X509
    /// objects in both stacks: pass their summaries as `sent` and they are reused, not
    /// summarised again (each summary hashes, PEM-encodes and escapes a certificate:
    /// ~0.5M instructions a probe for a leaf and an intermediate; bench/PROFILE.md).
    func builtSummaries(now: Date, sent summaries: [CertificateSummary] = []) -> [CertificateSummary] {
        guard let built else { return [] }
        let listed = min(sent.count, Self.maxListedCertificates)
        let reusable = listed == summaries.count
        return built.certificates.enumerated().map { index, certificate in
            if reusable, let match = (0..<listed).first(where: { sent[$0] == certificate }) {
                var summary = summaries[match]
                summary.depth = index
                return summary
            }
            return X509Certificate.summary(of: certificate, depth: index, now: now)
        }
    }

    /// The last certificate of the path built (the trust anchor when verified; for --save-root).
    func builtRoot(now: Date) -> CertificateSummary? {
        guard let built, let last = built[built.count - 1] else { return nil }
        return X509Certificate.summary(of: last, depth: built.count - 1, now: now)
    }

    /// The sent certificates' own rule facts, by position.
    func sentRules() -> [CertificateRules] { sent.rules() }

    /// The rule facts of the path built (trust-store certificates included), leaf first.
    func builtRules() -> [CertificateRules] { built?.rules() ?? [] }

    /// Certificates with the subject name `sent[index]` names as its issuer: the sent ones (other
    /// than itself) and the trust store's, each judged as a parent of `sent[index]`.
    func issuerCandidates(forSentIndex index: Int, now: Date) -> [IssuerCandidate] {
        guard let child = sent[index], let issuerName = X509_get_issuer_name(child) else { return [] }
        var candidates: [IssuerCandidate] = []
        func judge(_ candidate: OpaquePointer, _ source: IssuerCandidate.Source) {
            ERR_set_mark()
            let key = X509_get0_pubkey(candidate)
            ERR_pop_to_mark()  // a key that does not decode leaves its error behind
            var algorithm: OpaquePointer?
            if key == nil { X509_PUBKEY_get0_param(&algorithm, nil, nil, nil, X509_get_X509_PUBKEY(candidate)) }
            candidates.append(IssuerCandidate(
                source: source, summary: X509Certificate.summary(of: candidate, depth: -1, now: now),
                rules: X509Certificate.rules(of: candidate), checkIssued: Int(X509_check_issued(candidate, child)),
                signatureVerifies: key.map { X509_verify(child, $0) == 1 } ?? false,
                undecodableKeyAlgorithm: key == nil ? X509Certificate.objectText(algorithm) : nil))
        }
        for other in 0..<sent.count where other != index {
            guard let candidate = sent[other], X509_NAME_cmp(X509_get_subject_name(candidate), issuerName) == 0 else { continue }
            judge(candidate, .sent(index: other))
        }
        for candidate in store.certificates(withSubject: issuerName, for: child)?.certificates ?? [] { judge(candidate, .trustStore) }
        OpenSSLErrorQueue.clear()
        return candidates
    }

    /// Verifies the sent chain again, offline, against the same trust store: every error at every
    /// depth. Only the errors: summarising the path built as well cost a full certificate summary
    /// per certificate and verification (~80M instructions for a 3,000-name leaf; bench/PROFILE.md).
    func verifyOffline(_ settings: OfflineVerification) -> [VerificationError] {
        store.verify(sent, settings, now: settings.at ?? Date()).errors
    }
}

extension TLSConnection {
    /// The chain as the server sent it, leaf first (the first `ChainUnderTest.maxListedCertificates`).
    func peerChain(now: Date) -> [CertificateSummary] {
        X509Stack(copying: SSL_get_peer_cert_chain(handle))?.summaries(now: now, limit: ChainUnderTest.maxListedCertificates) ?? []
    }

    /// The first certificates of a list tlsprobe did not let OpenSSL decode whole
    /// (`CertificateListCut`), verified against this connection's store as the handshake would.
    func cutChainUnderTest(host: String, at: Date?, now: Date) -> ChainUnderTest? {
        guard let cut = recorder.certificateListCut, let sent = X509Stack(),
              let store = X509TrustStore(sharing: SSL_CTX_get_cert_store(context.context)) else { return nil }
        for der in cut.firstCertificates { if let certificate = X509Stack.certificate(der: der) { sent.append(owned: certificate) } }
        guard sent.count > 0 else { return nil }
        let chain = ChainUnderTest.verifying(sent, against: store, host: host, at: at, authLevel: SSL_get_security_level(handle), now: now)
        chain.sentCountOverride = cut.count
        return chain
    }

    /// The chain the server sent, with the handshake's verification of it; nil before a
    /// Certificate message arrived.
    func chainUnderTest() -> ChainUnderTest? {
        guard let sent = X509Stack(copying: SSL_get_peer_cert_chain(handle)),
              let store = X509TrustStore(sharing: SSL_CTX_get_cert_store(context.context)) else { return nil }
        return ChainUnderTest(sent: sent, store: store, errors: recorder.verifyErrors, built: X509Stack(copying: SSL_get0_verified_chain(handle)))
    }
}

extension TLSConnection {
    /// The verification failure OpenSSL kept in the session without calling the verify callback
    /// (X509_V_ERR_UNSPECIFIED when it kept none), about the leaf.
    func unreportedVerifyFailure(now: Date) -> VerificationError {
        var code = Int32(truncatingIfNeeded: SSL_get_verify_result(handle))
        if code == X509_V_OK { code = X509_V_ERR_UNSPECIFIED }
        let leaf = SSL_get_peer_cert_chain(handle).flatMap { tlsprobe_sk_X509_value($0, 0) }
        return VerificationError(
            depth: 0, code: Int(code), name: VerifyCodeNames.name(for: code),
            message: String(cString: X509_verify_cert_error_string(Int(code))), subject: leaf.map { X509Certificate.subjectText(of: $0) } ?? "",
            issuer: leaf.map { X509Certificate.nameText(X509_get_issuer_name($0)) },
            notBeforeEpoch: leaf.flatMap { X509Certificate.epoch(X509_get0_notBefore($0)) },
            notAfterEpoch: leaf.flatMap { X509Certificate.epoch(X509_get0_notAfter($0)) })
    }
}
