import FoundationEssentials

/// The trust store each client of the matrix is judged against, from the trust-store catalogue
/// (Trust/): the system store for clients linked against the system's OpenSSL or GnuTLS (curl,
/// Python's ssl module, Go on Linux), Java's cacerts for JSSE, certifi for Python requests. A
/// store this machine cannot have (Android's, Apple's, Windows', the browsers' root programs,
/// Node's compiled-in roots) stands in with the system store, and the label says so.
///
/// --cacert / --capath: the user's private roots are ADDED to every client's store, the way one
/// installs a private root on each (update-ca-certificates, keytool -importcert into cacerts,
/// appending to certifi's cacert.pem, an Android app's network_security_config trust-anchors, a
/// trusted profile on Apple, the Windows Trusted Root store). A public chain stays trusted.
/// The ESP-IDF profiles are the device model's: there --cacert is the CA the firmware embeds.
final class ClientStores: Sendable {
    /// One client's store, loaded once and shared by every client that uses it.
    struct Resolved: Sendable {
        let store: X509TrustStore
        /// What the row shows as `trust_store`.
        let label: String
        /// The store the default probe verified against as well (its chain analysis applies).
        let isProbeStore: Bool
    }

    private let resolved: [ClientTrustStore: Resolved]
    /// The user's roots alone (nil without --cacert/--capath): decides "private root" rules.
    let userStore: X509TrustStore?

    /// Loads the stores `wanted` needs; `locations` nil: what this machine has.
    init(user: TrustSource, locations: TrustStoreLocations?, wanted: Set<ClientTrustStore>) {
        let locations = locations ?? .discover(cacert: nil)
        let kinds = Set(wanted.compactMap(\.catalogueKind))
        let catalogue = TrustStoreCatalogue.load(locations, kinds: kinds)
        let (userFiles, userDirectories) = user.paths
        let userLabel = userFiles.map { " + --cacert \($0)" }.joined() + userDirectories.map { " + --capath \($0)" }.joined()
        userStore = user == .system ? nil : X509TrustStore(adding: userFiles, directories: userDirectories, to: nil)
        var resolved: [ClientTrustStore: Resolved] = [:]
        let system = catalogue.store(.system)
        for client in wanted {
            var source = client.catalogueKind.flatMap(catalogue.store) ?? system
            var standIn = client.standInWhy
            if let chosen = source, !chosen.isAvailable, chosen.kind != .system {
                standIn = "\(client.title): \(chosen.unavailable ?? "not available")"
                source = system
            }
            guard let source, let base = source.certificateStore else { continue }
            let store: X509TrustStore?
            if user == .system {
                store = base
            } else if source.kind == .system {
                // A hashed directory cannot be copied: load the same sources again, with the user's.
                store = X509TrustStore(adding: [locations.systemFile].compactMap { $0 } + userFiles,
                                       directories: locations.systemDirectories + userDirectories, to: nil)
            } else {
                store = X509TrustStore(adding: userFiles, directories: userDirectories, to: base)
            }
            guard let store else { continue }
            let location = source.location.map { " \($0)" } ?? ""
            let label = "\(source.kind.title)\(location)\(userLabel)" + (standIn.map { ", standing in for \($0)" } ?? "")
            resolved[client] = Resolved(store: store, label: label, isProbeStore: user == .system && source.kind == .system)
        }
        self.resolved = resolved
    }

    func store(for client: ClientTrustStore) -> Resolved? { resolved[client] }
}

extension ClientTrustStore {
    /// The catalogue's store for this client's roots; nil when this machine cannot have it.
    var catalogueKind: TrustStoreKind? {
        switch self {
        case .system: .system
        case .javaCacerts: .java
        case .certifi: .certifi
        case .nodeBundled, .android, .apple, .windows, .mozilla, .chrome, .espBundle: nil
        }
    }

    var title: String {
        switch self {
        case .system: "the system store"
        case .javaCacerts: "Java cacerts"
        case .certifi: "Python certifi"
        case .nodeBundled: "Node's compiled-in Mozilla roots"
        case .android: "Android's system roots"
        case .apple: "Apple's trust store"
        case .windows: "the Windows root program"
        case .mozilla: "Firefox's NSS built-in roots"
        case .chrome: "the Chrome Root Store"
        case .espBundle: "the ESP-IDF certificate bundle"
        }
    }

    /// Why the system store stands in, for the stores no machine like this one has.
    var standInWhy: String? {
        switch self {
        case .system, .javaCacerts, .certifi: nil
        case .nodeBundled: "\(title) (node_root_certs.h; Debian's ca-certificates comes from the same Mozilla list)"
        case .mozilla: "\(title) (libnssckbi; Debian's ca-certificates comes from the same Mozilla list)"
        case .android: "\(title) (/system/etc/security/cacerts is not on this machine)"
        case .apple: "\(title) (not on this machine)"
        case .windows: "\(title) (Microsoft's CTL is not on this machine)"
        case .chrome: "\(title) (not on this machine)"
        case .espBundle: "\(title)"
        }
    }
}

extension TrustSource {
    /// The PEM files and hashed directories of the user's trust (none for the system store).
    var paths: (files: [String], directories: [String]) {
        switch self {
        case .system: ([], [])
        case .file(let path): ([path], [])
        case .directory(let path): ([], [path])
        case .fileAndDirectory(let file, let directory): ([file], [directory])
        }
    }
}
