import FoundationEssentials
internal import COpenSSL
internal import CTLSProbeShims

/// How one client verifies: which store, which OpenSSL security level, which name rules.
struct ClientVerifySettings {
    var authLevel: Int32
    /// The host to match (nil: no name check); an IP address goes to the iPAddress check.
    var host: String?
    /// X509_CHECK_FLAG_NEVER_CHECK_SUBJECT: no CN fallback.
    var commonNameFallback: Bool
    /// X509_V_FLAG_NO_ALT_CHAINS: stop at the first chain built (OpenSSL 1.0.2 behaviour).
    var alternativeChains: Bool
    var at: Date?
}

extension TLSConnection {
    /// Verifies the chain the server sent as one client would, against `trust`: every error at
    /// every depth (the callback keeps going), and the path built, leaf first.
    func verifyAsClient(_ trust: X509TrustStore, _ settings: ClientVerifySettings, now: Date) -> (errors: [VerificationError], path: [CertificateSummary]) {
        guard let chain = SSL_get_peer_cert_chain(handle), tlsprobe_sk_X509_num(chain) > 0,
              let leaf = tlsprobe_sk_X509_value(chain, 0), let storeContext = X509_STORE_CTX_new()
        else { return ([], []) }
        defer { X509_STORE_CTX_free(storeContext) }
        guard X509_STORE_CTX_init(storeContext, trust.pointer, leaf, chain) == 1 else { return ([], []) }
        _ = X509_STORE_CTX_set_purpose(storeContext, X509_PURPOSE_SSL_SERVER)
        let param = X509_STORE_CTX_get0_param(storeContext)
        X509_VERIFY_PARAM_set_auth_level(param, settings.authLevel)
        if !settings.alternativeChains { _ = X509_VERIFY_PARAM_set_flags(param, UInt(X509_V_FLAG_NO_ALT_CHAINS)) }
        if let at = settings.at { X509_VERIFY_PARAM_set_time(param, at.wholeUnixSeconds) }
        if let host = settings.host {
            if SocketAddress.isNumericHost(host) {
                _ = X509_VERIFY_PARAM_set1_ip_asc(param, host)
            } else {
                var flags = UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS)
                if !settings.commonNameFallback { flags |= UInt32(X509_CHECK_FLAG_NEVER_CHECK_SUBJECT) }
                X509_VERIFY_PARAM_set_hostflags(param, flags)
                _ = X509_VERIFY_PARAM_set1_host(param, host, 0)
            }
        }
        let collector = ClientVerifyCollector()
        _ = X509_STORE_CTX_set_ex_data(storeContext, 0, Unmanaged.passUnretained(collector).toOpaque())
        X509_STORE_CTX_set_verify_cb(storeContext, clientVerifyCallback)
        _ = withExtendedLifetime(collector) { X509_verify_cert(storeContext) }
        var path: [CertificateSummary] = []
        if let built = X509_STORE_CTX_get0_chain(storeContext) {
            for position in 0..<tlsprobe_sk_X509_num(built) {
                if let certificate = tlsprobe_sk_X509_value(built, position) {
                    path.append(X509Certificate.summary(of: certificate, depth: Int(position), now: now))
                }
            }
        }
        OpenSSLErrorQueue.clear()
        return (collector.errors, path)
    }

    /// The chain as the server sent it, leaf first (the matrix's own accessor: no verification).
    func sentChainSummaries(now: Date) -> [CertificateSummary] {
        guard let chain = SSL_get_peer_cert_chain(handle) else { return [] }
        return (0..<min(tlsprobe_sk_X509_num(chain), 64)).compactMap { position in
            tlsprobe_sk_X509_value(chain, position).map { X509Certificate.summary(of: $0, depth: Int(position), now: now) }
        }
    }

    /// The size of the Certificate handshake message as received (header included), if seen.
    var receivedCertificateMessageBytes: Int? { recorder.firstHandshake(HandshakeType.certificate, sent: false)?.message.size }
}

private final class ClientVerifyCollector {
    var errors: [VerificationError] = []
}

private let clientVerifyCallback: @convention(c) (Int32, OpaquePointer?) -> Int32 = { preverifyOK, storeContext in
    guard preverifyOK == 0, let storeContext, let raw = X509_STORE_CTX_get_ex_data(storeContext, 0) else { return 1 }
    let collector = Unmanaged<ClientVerifyCollector>.fromOpaque(raw).takeUnretainedValue()
    let code = X509_STORE_CTX_get_error(storeContext)
    let error = VerificationError(
        depth: Int(X509_STORE_CTX_get_error_depth(storeContext)), code: Int(code), name: VerifyCodeNames.name(for: code),
        message: String(cString: X509_verify_cert_error_string(Int(code))),
        subject: X509_STORE_CTX_get_current_cert(storeContext).map { X509Certificate.subjectText(of: $0) } ?? "")
    if !collector.errors.contains(error) && collector.errors.count < 64 { collector.errors.append(error) }
    return 1
}
