#if canImport(Glibc)
import Glibc
#endif

public enum AddressFamily: String, Sendable {
    case any, ipv4, ipv6

    var label: String {
        switch self {
        case .any: "any"
        case .ipv4: "IPv4"
        case .ipv6: "IPv6"
        }
    }
}

enum ResolutionFailure: Error {
    case noSuchName(String)
    case noAddressForFamily(available: [SocketAddress])
    case resolverFailure(String)
    case timedOut

    /// The failure in plain words for `host` ("cannot resolve ca.example: no such name (…)"),
    /// one text for every place that reports a lookup it could not make (the proxy, a download).
    func explanation(host: String, family: AddressFamily, timeoutSeconds: String) -> String {
        switch self {
        case .noSuchName(let text): "cannot resolve \(host): no such name (\(text))"
        case .noAddressForFamily: "\(host) has no \(family.label) address"
        case .resolverFailure(let text): "cannot resolve \(host): \(text)"
        case .timedOut: "no DNS answer for \(host) within \(timeoutSeconds) s"
        }
    }
}

/// getaddrinfo has no timeout of its own, so it runs on a throw-away thread and the probe waits
/// for it only until the deadline; a stuck resolver then costs a thread, never the deadline.
enum Resolver {
    static func resolve(host: String, port: Int, family: AddressFamily, deadline: Deadline) -> Result<[SocketAddress], ResolutionFailure> {
        let box = ResolutionBox()
        let started = startDetachedThread(name: "tlsprobe-dns", stackSize: 256 * 1024) {
            box.finish(lookup(host: host, port: port))
        }
        if !started { return .failure(.resolverFailure("could not start the resolver thread")) }
        guard let all = box.wait(until: deadline) else { return .failure(.timedOut) }
        switch all {
        case .failure(let failure):
            return .failure(failure)
        case .success(let addresses):
            let wanted = addresses.filter { address in
                switch family {
                case .any: true
                case .ipv4: !address.isIPv6
                case .ipv6: address.isIPv6
                }
            }
            if wanted.isEmpty { return .failure(.noAddressForFamily(available: addresses)) }
            return .success(wanted)
        }
    }

    private static func lookup(host: String, port: Int) -> Result<[SocketAddress], ResolutionFailure> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_ADDRCONFIG
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        defer { if let list { freeaddrinfo(list) } }
        guard status == 0 else {
            let text = String(cString: gai_strerror(status))
            switch status {
            case EAI_NONAME, -5 /* EAI_NODATA */, -9 /* EAI_ADDRFAMILY: GNU extensions Swift does not import */: return .failure(.noSuchName(text))
            default: return .failure(.resolverFailure(text))
            }
        }
        var addresses: [SocketAddress] = []
        var seen = Set<String>()
        var cursor = list
        while let entry = cursor?.pointee {
            if let raw = entry.ai_addr, entry.ai_addrlen <= socklen_t(MemoryLayout<sockaddr_storage>.size) {
                var storage = sockaddr_storage()
                withUnsafeMutableBytes(of: &storage) { destination in
                    destination.copyMemory(from: UnsafeRawBufferPointer(start: raw, count: Int(entry.ai_addrlen)))
                }
                let address = SocketAddress(storage: storage, length: entry.ai_addrlen)
                if seen.insert(address.description).inserted { addresses.append(address) }
            }
            cursor = entry.ai_next
        }
        return addresses.isEmpty ? .failure(.noSuchName("no addresses")) : .success(addresses)
    }
}

/// Hands one result from the resolver thread to the waiting probe thread.
private final class ResolutionBox: @unchecked Sendable {
    // Guarded by `condition`.
    private var result: Result<[SocketAddress], ResolutionFailure>?
    private let condition = ConditionLock()

    func finish(_ value: Result<[SocketAddress], ResolutionFailure>) {
        condition.lock()
        result = value
        condition.broadcast()
        condition.unlock()
    }

    func wait(until deadline: Deadline) -> Result<[SocketAddress], ResolutionFailure>? {
        condition.lock()
        defer { condition.unlock() }
        while result == nil {
            if deadline.hasPassed { return nil }
            _ = condition.wait(until: deadline)
        }
        return result
    }
}
