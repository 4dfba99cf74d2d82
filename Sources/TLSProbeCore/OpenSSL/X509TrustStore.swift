import FoundationEssentials
internal import COpenSSL
internal import CTLSProbeShims

/// An X509_STORE this code holds a reference to: a trust store to verify chains against. Either
/// the probe's own (the SSL_CTX's, shared) or one built from a catalogue store's certificates.
final class X509TrustStore: @unchecked Sendable {
    // An X509_STORE is safe to share between threads for verification once filled.
    let pointer: OpaquePointer
    /// How many certificates were added (nil for a hashed directory, looked up lazily).
    let certificateCount: Int?

    /// Shares `store` (one more reference): e.g. the SSL_CTX's store.
    init?(sharing store: OpaquePointer?) {
        guard let store, X509_STORE_up_ref(store) == 1 else { return nil }
        pointer = store
        certificateCount = nil
    }

    /// A store holding exactly these certificates (each gets a reference of its own).
    init?(certificates: [OpaquePointer]) {
        guard let store = X509_STORE_new() else { return nil }
        var added = 0
        for certificate in certificates where X509_STORE_add_cert(store, certificate) == 1 { added += 1 }
        OpenSSLErrorQueue.clear()  // a duplicate is "cert already in hash table": harmless
        pointer = store
        certificateCount = added
    }

    /// The PEM certificates of `file` and the hashed directories, as OpenSSL's tools load them.
    init?(file: String?, directories: [String]) {
        guard let store = X509_STORE_new() else { return nil }
        var loaded = true
        if let file { loaded = X509_STORE_load_file(store, file) == 1 }
        for directory in directories where loaded { loaded = X509_STORE_load_path(store, directory) == 1 }
        OpenSSLErrorQueue.clear()
        guard loaded else { X509_STORE_free(store); return nil }
        pointer = store
        certificateCount = nil
    }

    /// A store holding every certificate of `base` (a store loaded in full: a file, a keystore)
    /// plus the PEM `files` and hashed `directories`: a client's own roots with the user's
    /// private root installed next to them. Nil when a file or directory does not load.
    init?(adding files: [String], directories: [String], to base: X509TrustStore?) {
        guard let store = X509_STORE_new() else { return nil }
        var loaded = true
        if let base, let all = X509_STORE_get1_all_certs(base.pointer) {
            for position in 0..<tlsprobe_sk_X509_num(all) {
                if let certificate = tlsprobe_sk_X509_value(all, position) { _ = X509_STORE_add_cert(store, certificate) }
            }
            tlsprobe_sk_X509_pop_free(all)
        }
        for file in files where loaded { loaded = X509_STORE_load_file(store, file) == 1 }
        for directory in directories where loaded { loaded = X509_STORE_load_path(store, directory) == 1 }
        OpenSSLErrorQueue.clear()
        guard loaded else { X509_STORE_free(store); return nil }
        pointer = store
        certificateCount = nil
    }

    deinit { X509_STORE_free(pointer) }

    /// Verifies `chain` (its first certificate, or `settings.leafIndex`, as the leaf; the rest
    /// offered as intermediates) with every error at every depth (the callback keeps going, as the
    /// probe's handshake does) and the path the verifier built.
    func verify(_ chain: X509Stack, _ settings: OfflineVerification, now: Date) -> StoreVerification {
        guard let leaf = chain[settings.leafIndex], let storeContext = X509_STORE_CTX_new() else { return StoreVerification(errors: [], built: nil) }
        defer { X509_STORE_CTX_free(storeContext) }
        guard X509_STORE_CTX_init(storeContext, pointer, leaf, chain.pointer) == 1 else {
            OpenSSLErrorQueue.clear()
            return StoreVerification(errors: [], built: nil)
        }
        // As a TLS client does (ssl_verify_cert_chain): the "ssl_server" purpose and trust.
        _ = X509_STORE_CTX_set_default(storeContext, "ssl_server")
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
        let collector = VerifyErrorCollector()
        _ = X509_STORE_CTX_set_ex_data(storeContext, 0, Unmanaged.passUnretained(collector).toOpaque())
        X509_STORE_CTX_set_verify_cb(storeContext, collectingVerifyCallback)
        _ = withExtendedLifetime(collector) { X509_verify_cert(storeContext) }
        let built = X509_STORE_CTX_get1_chain(storeContext).flatMap { stack -> X509Stack? in
            defer { tlsprobe_sk_X509_pop_free(stack) }
            return X509Stack(copying: stack)
        }
        OpenSSLErrorQueue.clear()
        return StoreVerification(errors: collector.errors, built: built)
    }

    /// Certificates in this store whose subject is `name` (at most `limit`).
    func certificates(withSubject name: OpaquePointer, for child: OpaquePointer, limit: Int = 16) -> X509Stack? {
        guard let storeContext = X509_STORE_CTX_new() else { return nil }
        defer { X509_STORE_CTX_free(storeContext) }
        guard X509_STORE_CTX_init(storeContext, pointer, child, nil) == 1, let found = X509_STORE_CTX_get1_certs(storeContext, name) else {
            OpenSSLErrorQueue.clear()
            return nil
        }
        defer { tlsprobe_sk_X509_pop_free(found) }
        guard let result = X509Stack() else { return nil }
        for position in 0..<min(Int(tlsprobe_sk_X509_num(found)), limit) {
            if let certificate = tlsprobe_sk_X509_value(found, Int32(position)) { result.append(sharing: certificate) }
        }
        OpenSSLErrorQueue.clear()
        return result
    }
}

extension X509TrustStore {
    /// Whether the root of this store with SHA-256 `fingerprint` (named as `certificate`'s
    /// issuer) verifies `certificate`'s signature; nil when the store has no such root.
    func signatureVerifies(_ certificate: OpaquePointer, byRootWithSHA256 fingerprint: String, now: Date) -> Bool? {
        guard let issuerName = X509_get_issuer_name(certificate), let candidates = certificates(withSubject: issuerName, for: certificate) else { return nil }
        for candidate in candidates.certificates where X509Certificate.summary(of: candidate, depth: 0, now: now).sha256 == fingerprint {
            guard let key = X509_get0_pubkey(candidate) else { return false }
            defer { OpenSSLErrorQueue.clear() }
            return X509_verify(certificate, key) == 1
        }
        return nil
    }
}

/// How to run one offline verification of a chain.
struct OfflineVerification {
    /// Which certificate of the chain to treat as the leaf (the rest are offered as intermediates).
    var leafIndex = 0
    /// X509_V_FLAG_X509_STRICT and policy checking.
    var strict = false
    /// OpenSSL security level for keys and signatures on the path (nil → none, as the probe).
    var authLevel: Int32?
    /// Verify as of this time instead of now (--at).
    var at: Date?
    /// Check the name too (nil → no name check).
    var host: String?
}

/// What one verification found: every error, and the path built (nil when none was).
struct StoreVerification {
    var errors: [VerificationError]
    var built: X509Stack?
}

extension VerificationError {
    /// The error the store context reports now, with the dates and issuer of its certificate
    /// (which may be one the server did not send).
    static func current(in storeContext: OpaquePointer) -> VerificationError {
        let code = X509_STORE_CTX_get_error(storeContext)
        let current = X509_STORE_CTX_get_current_cert(storeContext)
        return VerificationError(
            depth: Int(X509_STORE_CTX_get_error_depth(storeContext)), code: Int(code), name: VerifyCodeNames.name(for: code),
            message: String(cString: X509_verify_cert_error_string(Int(code))),
            subject: current.map { X509Certificate.subjectText(of: $0) } ?? "",
            issuer: current.map { X509Certificate.nameText(X509_get_issuer_name($0)) },
            notBeforeEpoch: current.flatMap { X509Certificate.epoch(X509_get0_notBefore($0)) },
            notAfterEpoch: current.flatMap { X509Certificate.epoch(X509_get0_notAfter($0)) })
    }
}

private final class VerifyErrorCollector {
    var errors: [VerificationError] = []
}

private let collectingVerifyCallback: @convention(c) (Int32, OpaquePointer?) -> Int32 = { preverifyOK, storeContext in
    guard preverifyOK == 0, let storeContext, let raw = X509_STORE_CTX_get_ex_data(storeContext, 0) else { return 1 }
    let collector = Unmanaged<VerifyErrorCollector>.fromOpaque(raw).takeUnretainedValue()
    let error = VerificationError.current(in: storeContext)
    if !collector.errors.contains(error) && collector.errors.count < 256 { collector.errors.append(error) }
    return 1
}
