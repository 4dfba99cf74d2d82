import FoundationEssentials
internal import COpenSSL
internal import CTLSProbeShims

/// One verification of certificates held outside a connection (a chain completed through AIA, a
/// chain file): `leaf` with `untrusted` as the pool of intermediates, against `store`, as a TLS
/// client verifies a server (purpose sslserver), every error at every depth.
enum ChainVerification {
    struct Result {
        var errors: [VerificationError]
        /// The path OpenSSL built, leaf first, as far as it got.
        var path: [ParsedCertificate]
    }

    static func verify(leaf: ParsedCertificate, untrusted: [ParsedCertificate], store: OpaquePointer,
                       host: String?, at: Date?) -> Result {
        guard let pool = tlsprobe_sk_X509_new_null() else { return Result(errors: [], path: []) }
        defer { tlsprobe_sk_X509_pop_free(pool) }
        for certificate in untrusted where X509_up_ref(certificate.pointer) == 1 {
            if tlsprobe_sk_X509_push(pool, certificate.pointer) == 0 { X509_free(certificate.pointer) }
        }
        guard let storeContext = X509_STORE_CTX_new() else { return Result(errors: [], path: []) }
        defer { X509_STORE_CTX_free(storeContext); OpenSSLErrorQueue.clear() }
        guard X509_STORE_CTX_init(storeContext, store, leaf.pointer, pool) == 1 else { return Result(errors: [], path: []) }
        _ = X509_STORE_CTX_set_purpose(storeContext, X509_PURPOSE_SSL_SERVER)
        let param = X509_STORE_CTX_get0_param(storeContext)
        if let at { X509_VERIFY_PARAM_set_time(param, at.wholeUnixSeconds) }
        if let host {
            if SocketAddress.isNumericHost(host) {
                _ = X509_VERIFY_PARAM_set1_ip_asc(param, host)
            } else {
                X509_VERIFY_PARAM_set_hostflags(param, UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS))
                _ = X509_VERIFY_PARAM_set1_host(param, host, 0)
            }
        }
        let collector = OfflineErrorCollector()
        _ = X509_STORE_CTX_set_ex_data(storeContext, 0, Unmanaged.passUnretained(collector).toOpaque())
        X509_STORE_CTX_set_verify_cb(storeContext, offlineVerifyCallback)
        _ = withExtendedLifetime(collector) { X509_verify_cert(storeContext) }
        var path: [ParsedCertificate] = []
        if let built = X509_STORE_CTX_get0_chain(storeContext) {
            for position in 0..<tlsprobe_sk_X509_num(built) {
                if let certificate = tlsprobe_sk_X509_value(built, position), let held = ParsedCertificate.retaining(certificate) { path.append(held) }
            }
        }
        return Result(errors: collector.errors, path: path)
    }
}

extension TLSClientContext {
    /// The trust store every verification on this context uses.
    var certificateStore: OpaquePointer? { SSL_CTX_get_cert_store(context) }
}

extension TLSConnection {
    /// The chain as the server sent it, each certificate with a reference of its own.
    func sentCertificates() -> [ParsedCertificate] {
        guard let chain = SSL_get_peer_cert_chain(handle) else { return [] }
        return (0..<tlsprobe_sk_X509_num(chain)).compactMap { tlsprobe_sk_X509_value(chain, $0).flatMap(ParsedCertificate.retaining) }
    }
}
