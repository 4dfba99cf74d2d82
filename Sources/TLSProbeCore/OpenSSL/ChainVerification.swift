import FoundationEssentials
internal import COpenSSL
internal import CTLSProbeShims

/// One verification of certificates held outside a connection (a chain completed through AIA):
/// `leaf` with `untrusted` as the pool of intermediates, against `store`, as a TLS client
/// verifies a server, every error at every depth. The verification itself is
/// `X509TrustStore.verify`, the one used for chain files and the trust-store comparison too.
enum ChainVerification {
    struct Result {
        var errors: [VerificationError]
        /// The path OpenSSL built, leaf first, as far as it got.
        var path: [ParsedCertificate]
    }

    static func verify(leaf: ParsedCertificate, untrusted: [ParsedCertificate], store: OpaquePointer,
                       host: String?, at: Date?) -> Result {
        guard let trustStore = X509TrustStore(sharing: store), let chain = X509Stack() else { return Result(errors: [], path: []) }
        chain.append(sharing: leaf.pointer)
        for certificate in untrusted { chain.append(sharing: certificate.pointer) }
        let result = trustStore.verify(chain, OfflineVerification(at: at, host: host), now: at ?? Date())
        return Result(errors: result.errors, path: result.built?.certificates.compactMap(ParsedCertificate.retaining) ?? [])
    }
}

extension TLSClientContext {
    /// The trust store every verification on this context uses.
    var certificateStore: OpaquePointer? { SSL_CTX_get_cert_store(context) }
}
