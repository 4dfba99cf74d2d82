/// The CA Issuers downloads of one run, by URL: a fleet of servers from one CA fetches its
/// intermediate once, and a CA server that stalls costs its timeout once, not once per target.
/// Bounded: at most `capacity` URLs, each answer at most the policy's byte cap.
final class AIADownloadCache: @unchecked Sendable {
    enum Entry {
        case body([UInt8], redirects: [String])
        case failure(String, redirects: [String])
    }

    static let capacity = 256
    private let lock = ConditionLock()
    private var entries: [String: Entry] = [:]

    func lookup(_ url: String) -> Entry? { lock.withLock { entries[url] } }

    func store(_ url: String, _ entry: Entry) {
        lock.withLock {
            if entries.count < Self.capacity || entries[url] != nil { entries[url] = entry }
        }
    }
}
