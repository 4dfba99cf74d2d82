import FoundationEssentials

/// One trust store of the catalogue, loaded (or the reason it could not be). Judges a chain the
/// way the clients that use it do: OpenSSL's path building (trusted first, so a root in the store
/// replaces a cross-signed copy of it) for the certificate stores, and ESP-IDF's rule for its
/// bundles (the issuer of the topmost certificate sent must be a bundle root; nothing is rebuilt).
public final class TrustStore: Sendable {
    public let kind: TrustStoreKind
    /// A file, directories, or the bundle's source.
    public let location: String?
    /// How many roots it holds (nil for a hashed directory, looked up lazily).
    public let roots: Int?
    /// Why it cannot be used (not installed, unreadable); nil when loaded.
    public let unavailable: String?
    let backing: Backing?

    enum Backing: Sendable {
        case certificates(X509TrustStore)
        /// The bundle, and a store that may hold its roots' certificates (the system's), to
        /// check the signature as the device does with the root's key.
        case espBundle(ESPCertificateBundle, keys: X509TrustStore?)
    }

    init(kind: TrustStoreKind, location: String?, backing: Backing) {
        self.kind = kind
        self.location = location
        self.backing = backing
        self.unavailable = nil
        switch backing {
        case .certificates(let store): roots = store.certificateCount
        case .espBundle(let bundle, _): roots = bundle.roots.count
        }
    }

    init(kind: TrustStoreKind, location: String?, unavailable: String) {
        self.kind = kind
        self.location = location
        self.backing = nil
        self.roots = nil
        self.unavailable = unavailable
    }

    public var isAvailable: Bool { backing != nil }

    /// The OpenSSL store of a certificate store (nil for the ESP-IDF bundles and when unavailable).
    var certificateStore: X509TrustStore? {
        if case .certificates(let store)? = backing { return store }
        return nil
    }

    /// This store's verdict on a chain (leaf first, as a server sends it; summaries with their
    /// PEM, as the report keeps them), as of `at` (nil: now). Nil when the store is unavailable.
    /// The name is not checked: trust is about the path, the name is the certificate stage's.
    public func evaluate(_ chain: [CertificateSummary], at: Date? = nil) -> ChainTrust? {
        guard let stack = TrustChains.stack(chain) else { return nil }
        return evaluate(stack, at: at, now: at ?? Date())
    }

    func evaluate(_ chain: X509Stack, at: Date?, now: Date) -> ChainTrust? {
        guard let backing, chain.count > 0 else { return nil }
        switch backing {
        case .certificates(let store): return TrustChains.verify(chain, in: store, at: at, now: now)
        case .espBundle(let bundle, let keys):
            let sent = chain.summaries(now: now)
            let signature = { (fingerprint: String) -> Bool? in
                guard let top = chain[chain.count - 1] else { return nil }
                return keys?.signatureVerifies(top, byRootWithSHA256: fingerprint, now: now)
            }
            return TrustChains.bundleVerdict(sent, bundle: bundle, now: now, signatureByRoot: signature)
        }
    }

    /// The verdict header for text and JSON.
    func verdict(asSent: ChainTrust?, asCompleted: ChainTrust?) -> TrustStoreVerdict {
        TrustStoreVerdict(store: kind, title: kind.title, location: location, roots: roots, unavailable: unavailable, asSent: asSent, asCompleted: asCompleted)
    }
}
