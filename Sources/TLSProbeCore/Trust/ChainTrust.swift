/// What one trust store makes of one chain: whether a path from the leaf ends in one of its
/// roots, which path, and what stops it. Part of the report (`trust_stores` in the JSON).
public struct ChainTrust: Codable, Sendable, Equatable {
    /// A path from the leaf ends in a certificate of this store.
    public var anchored: Bool
    /// Anchored and nothing else on the path fails (dates, signatures, purpose, constraints):
    /// a client with this store accepts the chain (its name is judged separately).
    public var trusted: Bool
    /// The subjects of the path this store builds, leaf first, the anchor last when anchored.
    public var path: [String]
    /// The trust anchor's subject and SHA-256 fingerprint, when anchored.
    public var anchor: String?
    public var anchorSHA256: String?
    /// Why not trusted, in words ("root \"ISRG Root X2\" is not in it"); nil when trusted.
    public var reason: String?
    /// Every problem on the path (OpenSSL's words, with the certificate), empty when trusted.
    public var problems: [String]

    public init(anchored: Bool, trusted: Bool, path: [String], anchor: String? = nil, anchorSHA256: String? = nil, reason: String? = nil, problems: [String] = []) {
        self.anchored = anchored
        self.trusted = trusted
        self.path = path
        self.anchor = anchor
        self.anchorSHA256 = anchorSHA256
        self.reason = reason
        self.problems = problems
    }

    enum CodingKeys: String, CodingKey {
        case anchored, trusted, path, anchor
        case anchorSHA256 = "anchor_sha256"
        case reason, problems
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(anchored, forKey: .anchored)
        try container.encode(trusted, forKey: .trusted)
        try container.encode(path, forKey: .path)
        try container.encode(anchor, forKey: .anchor)
        try container.encode(anchorSHA256, forKey: .anchorSHA256)
        try container.encode(reason, forKey: .reason)
        try container.encode(problems, forKey: .problems)
    }
}

/// One store's verdicts on the chain as sent and, when AIA completion fetched what was
/// missing, as completed.
public struct TrustStoreVerdict: Codable, Sendable {
    public var store: TrustStoreKind
    /// "system", "ESP-IDF common bundle", … (`TrustStoreKind.title`).
    public var title: String
    /// Where it was read from: a file, directories, or the bundle's source.
    public var location: String?
    /// How many roots it holds (nil for a hashed directory, looked up lazily).
    public var roots: Int?
    /// Why the store could not be used ("no JDK found"); the verdicts are then nil.
    public var unavailable: String?
    public var asSent: ChainTrust?
    public var asCompleted: ChainTrust?

    public init(store: TrustStoreKind, title: String, location: String?, roots: Int?, unavailable: String? = nil, asSent: ChainTrust? = nil, asCompleted: ChainTrust? = nil) {
        self.store = store
        self.title = title
        self.location = location
        self.roots = roots
        self.unavailable = unavailable
        self.asSent = asSent
        self.asCompleted = asCompleted
    }

    enum CodingKeys: String, CodingKey {
        case store, title, location, roots, unavailable
        case asSent = "as_sent"
        case asCompleted = "as_completed"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(store, forKey: .store)
        try container.encode(title, forKey: .title)
        try container.encode(location, forKey: .location)
        try container.encode(roots, forKey: .roots)
        try container.encode(unavailable, forKey: .unavailable)
        try container.encode(asSent, forKey: .asSent)
        try container.encode(asCompleted, forKey: .asCompleted)
    }

    /// The verdict that stands for what a client of this store gets: as sent (clients of these
    /// stores do not fetch missing intermediates).
    public var decisive: ChainTrust? { asSent }
}

/// Every store's verdict, and where the stores that anchor the chain build different paths
/// (a cross-signed chain: the expired-cross-sign class of outage).
public struct TrustComparison: Codable, Sendable {
    public var stores: [TrustStoreVerdict]
    /// The anchored stores end the chain as sent in different roots.
    public var pathsDiffer: Bool
    /// In words: which store builds which path, when they differ.
    public var pathNote: String?

    public init(stores: [TrustStoreVerdict], pathsDiffer: Bool, pathNote: String?) {
        self.stores = stores
        self.pathsDiffer = pathsDiffer
        self.pathNote = pathNote
    }

    enum CodingKeys: String, CodingKey {
        case stores
        case pathsDiffer = "paths_differ"
        case pathNote = "path_note"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(stores, forKey: .stores)
        try container.encode(pathsDiffer, forKey: .pathsDiffer)
        try container.encode(pathNote, forKey: .pathNote)
    }

    public func verdict(_ kind: TrustStoreKind) -> TrustStoreVerdict? { stores.first { $0.store == kind } }
}
