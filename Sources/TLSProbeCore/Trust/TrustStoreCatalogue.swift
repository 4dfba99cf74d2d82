import FoundationEssentials

/// The trust stores to compare, loaded once (a fleet run shares one catalogue): system,
/// --cacert, ESP-IDF's full and common bundles, Python certifi and Java cacerts. A store that is
/// not on this machine is listed with the reason, so the comparison says what it could not judge.
///
/// Entry points: `TrustStoreCatalogue.load(.discover(cacert:))`, then `compare(_:completed:at:)`
/// for the side-by-side verdicts, or `store(_:)?.evaluate(_:at:)` for one store (the client
/// matrix asks the store of each client).
public struct TrustStoreCatalogue: Sendable {
    public let stores: [TrustStore]
    public let locations: TrustStoreLocations

    public init(stores: [TrustStore], locations: TrustStoreLocations) {
        self.stores = stores
        self.locations = locations
    }

    /// Loads every store `locations` names (each read once; a bad file makes its store unavailable).
    /// `kinds` limits loading to those stores (the client matrix loads only what its clients use;
    /// the system store is always loaded, the ESP-IDF bundles take its keys).
    public static func load(_ locations: TrustStoreLocations, kinds: Set<TrustStoreKind> = Set(TrustStoreKind.allCases)) -> TrustStoreCatalogue {
        OpenSSLRuntime.prepare()
        let system = systemStore(locations)
        var stores: [TrustStore] = [system]
        if let cacert = locations.cacert, kinds.contains(.cacert) { stores.append(pemStore(.cacert, path: cacert)) }
        if locations.espIDFBundles, !kinds.isDisjoint(with: [.espIDFFull, .espIDFCommon]) {
            // The system store usually holds the bundle's roots (both come from Mozilla's list):
            // their keys check the signature the device checks.
            var keys: X509TrustStore?
            if case .certificates(let store)? = system.backing { keys = store }
            stores.append(TrustStore(kind: .espIDFFull, location: ESPCertificateBundle.v5_5_4.source, backing: .espBundle(.v5_5_4, keys: keys)))
            stores.append(TrustStore(kind: .espIDFCommon, location: ESPCertificateBundle.v5_5_4_common.source, backing: .espBundle(.v5_5_4_common, keys: keys)))
        }
        if kinds.contains(.certifi) {
            stores.append(locations.certifi.map { pemStore(.certifi, path: $0) } ?? TrustStore(kind: .certifi, location: nil, unavailable: locations.certifiNotFound))
        }
        if kinds.contains(.java) {
            stores.append(locations.javaCacerts.map(javaStore) ?? TrustStore(kind: .java, location: nil, unavailable: locations.javaNotFound))
        }
        return TrustStoreCatalogue(stores: stores, locations: locations)
    }

    /// What this machine has, with `cacert` as the --cacert store.
    public static func discover(cacert: String? = nil) -> TrustStoreCatalogue { load(.discover(cacert: cacert)) }

    public func store(_ kind: TrustStoreKind) -> TrustStore? { stores.first { $0.kind == kind } }

    /// Every store's verdict on the chain as sent and (when given) as completed, and whether
    /// the stores that anchor it build different paths.
    public func compare(_ sent: [CertificateSummary], completed: [CertificateSummary]? = nil, at: Date? = nil) -> TrustComparison {
        let now = at ?? Date()
        guard let sentStack = TrustChains.stack(sent) else { return TrustComparison(stores: stores.map { $0.verdict(asSent: nil, asCompleted: nil) }, pathsDiffer: false, pathNote: nil) }
        return compare(sentStack, completed: completed.flatMap(TrustChains.stack), at: at, now: now)
    }

    func compare(_ sent: X509Stack, completed: X509Stack?, at: Date?, now: Date) -> TrustComparison {
        let verdicts = stores.map { store in
            store.verdict(asSent: store.evaluate(sent, at: at, now: now), asCompleted: completed.flatMap { store.evaluate($0, at: at, now: now) })
        }
        let (differ, note) = Self.pathDifference(verdicts)
        return TrustComparison(stores: verdicts, pathsDiffer: differ, pathNote: note)
    }

    /// Stores that anchor the chain in different roots build different paths: name each.
    static func pathDifference(_ verdicts: [TrustStoreVerdict]) -> (Bool, String?) {
        let anchored = verdicts.compactMap { verdict -> (TrustStoreVerdict, ChainTrust)? in
            guard let trust = verdict.asSent, trust.anchored else { return nil }
            return (verdict, trust)
        }
        let anchors = Set(anchored.map { $0.1.anchor ?? "" })
        guard anchors.count > 1 else { return (false, nil) }
        let described = anchored.map { verdict, trust in
            let hops = trust.path.map { quoted(TrustChains.commonName($0)) }.joined(separator: " → ")
            return "\(verdict.title) builds \(hops)\(trust.trusted ? "" : " (\(trust.reason ?? "fails"))")"
        }
        return (true, "the stores end the chain in different roots (a cross-signed chain): " + described.joined(separator: "; "))
    }

    // MARK: - Loading

    private static func systemStore(_ locations: TrustStoreLocations) -> TrustStore {
        let label = ([locations.systemFile].compactMap { $0 } + locations.systemDirectories).joined(separator: ", ")
        guard let store = X509TrustStore(file: locations.systemFile, directories: locations.systemDirectories) else {
            return TrustStore(kind: .system, location: label, unavailable: "cannot load \(label)")
        }
        return TrustStore(kind: .system, location: label, backing: .certificates(store))
    }

    private static func pemStore(_ kind: TrustStoreKind, path: String) -> TrustStore {
        do {
            let (stack, _) = try CertificateFileReader.certificates(at: path)
            guard let store = X509TrustStore(certificates: stack.certificates) else { return TrustStore(kind: kind, location: path, unavailable: "cannot build a store") }
            return TrustStore(kind: kind, location: path, backing: .certificates(store))
        } catch {
            return TrustStore(kind: kind, location: path, unavailable: error.description)
        }
    }

    private static func javaStore(_ path: String) -> TrustStore {
        let bytes: [UInt8]
        do { bytes = try CertificateFileReader.bytes(of: path) } catch { return TrustStore(kind: .java, location: path, unavailable: error.description) }
        var certificates: [OpaquePointer] = []
        let holder = X509Stack()
        if JavaKeyStoreFile.isKeyStore(bytes) {
            do {
                for entry in try JavaKeyStoreFile.certificates(in: bytes) {
                    if let certificate = X509Stack.certificate(der: entry.der) { holder?.append(owned: certificate) }
                }
            } catch {
                return TrustStore(kind: .java, location: path, unavailable: "cannot read the JKS keystore: \(error.description)")
            }
            certificates = holder?.certificates ?? []
        } else if let stack = CertificateFileReader.pkcs12Certificates(in: bytes) {
            certificates = stack.certificates
            guard let store = X509TrustStore(certificates: certificates) else { return TrustStore(kind: .java, location: path, unavailable: "cannot build a store") }
            return TrustStore(kind: .java, location: path, backing: .certificates(store))
        } else {
            return TrustStore(kind: .java, location: path, unavailable: "neither a JKS keystore nor PKCS#12 tlsprobe can read (password other than 'changeit' or none?)")
        }
        guard !certificates.isEmpty, let store = X509TrustStore(certificates: certificates) else {
            return TrustStore(kind: .java, location: path, unavailable: "the keystore holds no certificate")
        }
        return TrustStore(kind: .java, location: path, backing: .certificates(store))
    }
}
