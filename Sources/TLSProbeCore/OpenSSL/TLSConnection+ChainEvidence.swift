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

/// How to run one offline verification of the chain the server sent.
struct OfflineVerification {
    /// Which sent certificate to treat as the leaf (the rest are offered as intermediates).
    var leafIndex = 0
    /// X509_V_FLAG_* bits, e.g. X509_V_FLAG_X509_STRICT.
    var strict = false
    /// OpenSSL security level for keys and signatures on the path (nil → none, as the probe).
    var authLevel: Int32?
    /// Verify as of this time instead of now (--at).
    var at: Date?
    /// Check the name too (nil → no name check).
    var host: String?
}

extension TLSConnection {
    /// Certificates with the subject name `sent[index]` names as its issuer: the sent ones (other
    /// than itself) and the trust store's, each judged as a parent of `sent[index]`.
    func issuerCandidates(forSentIndex index: Int, now: Date) -> [IssuerCandidate] {
        guard let chain = SSL_get_peer_cert_chain(handle), index < tlsprobe_sk_X509_num(chain),
              let child = tlsprobe_sk_X509_value(chain, Int32(index)), let issuerName = X509_get_issuer_name(child)
        else { return [] }
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
        for other in 0..<tlsprobe_sk_X509_num(chain) where Int(other) != index {
            guard let candidate = tlsprobe_sk_X509_value(chain, other),
                  X509_NAME_cmp(X509_get_subject_name(candidate), issuerName) == 0 else { continue }
            judge(candidate, .sent(index: Int(other)))
        }
        if let store = SSL_CTX_get_cert_store(context.context), let storeContext = X509_STORE_CTX_new() {
            defer { X509_STORE_CTX_free(storeContext) }
            if X509_STORE_CTX_init(storeContext, store, child, nil) == 1, let found = X509_STORE_CTX_get1_certs(storeContext, issuerName) {
                defer { tlsprobe_sk_X509_pop_free(found) }
                for position in 0..<min(tlsprobe_sk_X509_num(found), 16) {
                    if let candidate = tlsprobe_sk_X509_value(found, position) { judge(candidate, .trustStore) }
                }
            }
        }
        OpenSSLErrorQueue.clear()
        return candidates
    }

    /// The sent certificate's own rule facts, by position.
    func sentRules() -> [CertificateRules] {
        guard let chain = SSL_get_peer_cert_chain(handle) else { return [] }
        return (0..<tlsprobe_sk_X509_num(chain)).compactMap { tlsprobe_sk_X509_value(chain, $0).map(X509Certificate.rules) }
    }

    /// The rule facts of the path OpenSSL built (trust-store certificates included), leaf first.
    func verifiedChainRules() -> [CertificateRules] {
        guard let chain = SSL_get0_verified_chain(handle) else { return [] }
        return (0..<tlsprobe_sk_X509_num(chain)).compactMap { tlsprobe_sk_X509_value(chain, $0).map(X509Certificate.rules) }
    }

    /// Verifies the sent chain again, offline, against the same trust store: every error at every
    /// depth (the callback keeps going, as during the handshake). Only the errors: summarising
    /// the path built as well cost a full certificate summary per certificate and verification
    /// (~80M instructions for a 3,000-name leaf; bench/PROFILE.md), and no caller read it.
    func verifyOffline(_ settings: OfflineVerification) -> [VerificationError] {
        guard let chain = SSL_get_peer_cert_chain(handle), settings.leafIndex < tlsprobe_sk_X509_num(chain),
              let leaf = tlsprobe_sk_X509_value(chain, Int32(settings.leafIndex)),
              let store = SSL_CTX_get_cert_store(context.context), let storeContext = X509_STORE_CTX_new()
        else { return [] }
        defer { X509_STORE_CTX_free(storeContext) }
        guard X509_STORE_CTX_init(storeContext, store, leaf, chain) == 1 else { return [] }
        _ = X509_STORE_CTX_set_purpose(storeContext, X509_PURPOSE_SSL_SERVER)
        let param = X509_STORE_CTX_get0_param(storeContext)
        // Strict: RFC 5280's rules as written, policy processing included (a default client skips it).
        if settings.strict { _ = X509_VERIFY_PARAM_set_flags(param, UInt(X509_V_FLAG_X509_STRICT | X509_V_FLAG_POLICY_CHECK)) }
        if let level = settings.authLevel { X509_VERIFY_PARAM_set_auth_level(param, level) }
        if let at = settings.at { X509_VERIFY_PARAM_set_time(param, at.wholeUnixSeconds) }
        if let host = settings.host {
            if SocketAddress.isNumericHost(host) {
                _ = X509_VERIFY_PARAM_set1_ip_asc(param, host)
            } else {
                X509_VERIFY_PARAM_set_hostflags(param, UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS))
                _ = X509_VERIFY_PARAM_set1_host(param, host, 0)
            }
        }
        let collector = OfflineErrorCollector()
        let pointer = Unmanaged.passUnretained(collector).toOpaque()
        _ = X509_STORE_CTX_set_ex_data(storeContext, 0, pointer)
        X509_STORE_CTX_set_verify_cb(storeContext, offlineVerifyCallback)
        _ = withExtendedLifetime(collector) { X509_verify_cert(storeContext) }
        OpenSSLErrorQueue.clear()
        return collector.errors
    }
}

/// Shared with `ChainVerification` (verifications of certificates outside a connection).
final class OfflineErrorCollector {
    var errors: [VerificationError] = []
}

let offlineVerifyCallback: @convention(c) (Int32, OpaquePointer?) -> Int32 = { preverifyOK, storeContext in
    guard preverifyOK == 0, let storeContext, let raw = X509_STORE_CTX_get_ex_data(storeContext, 0) else { return 1 }
    let collector = Unmanaged<OfflineErrorCollector>.fromOpaque(raw).takeUnretainedValue()
    let code = X509_STORE_CTX_get_error(storeContext)
    let error = VerificationError(
        depth: Int(X509_STORE_CTX_get_error_depth(storeContext)), code: Int(code), name: VerifyCodeNames.name(for: code),
        message: String(cString: X509_verify_cert_error_string(Int(code))),
        subject: X509_STORE_CTX_get_current_cert(storeContext).map { X509Certificate.subjectText(of: $0) } ?? "")
    if !collector.errors.contains(error) && collector.errors.count < 256 { collector.errors.append(error) }
    return 1
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
