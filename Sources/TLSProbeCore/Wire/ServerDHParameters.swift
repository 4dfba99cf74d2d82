/// The finite-field group of a DHE ServerKeyExchange (RFC 5246 §7.4.3: dh_p, dh_g and dh_Ys,
/// each with a two-byte length, then the signature): the prime's size in bits and, when it is
/// one, the published group it is.
public struct ServerDHParameters: Sendable, Equatable {
    /// The bit length of p.
    public var bits: Int
    /// "ffdhe2048" (RFC 7919) or "modp2048" (RFC 2409 / RFC 3526); nil for a prime of the server's own.
    public var knownGroup: String?

    /// The bytes a ServerKeyExchange must start with to hold a prime of up to 16,384 bits.
    public static let bytesNeeded = 2 + 2048

    /// Parses the start of a ServerKeyExchange body; nil when it is cut short before p ends
    /// (a prime longer than `bytesNeeded` is measured from its length alone) or p is zero.
    public static func parse(_ body: [UInt8]) -> ServerDHParameters? {
        var reader = ByteReader(body)
        guard let length = reader.u16(), length > 0 else { return nil }
        guard let prime = reader.take(Int(length)) else {
            // Longer than what was kept: a size that big is itself the finding (no real group is).
            guard body.count >= bytesNeeded, let first = body.dropFirst(2).first, first != 0 else { return nil }
            return ServerDHParameters(bits: Int(length) * 8 - first.leadingZeroBitCount, knownGroup: nil)
        }
        guard let start = prime.firstIndex(where: { $0 != 0 }) else { return nil }
        let bits = (prime.count - start) * 8 - prime[start].leadingZeroBitCount
        return ServerDHParameters(bits: bits, knownGroup: knownGroup(Array(prime[start...]), bits: bits))
    }

    /// The published safe-prime families share their leading bits whatever the size: 64 one
    /// bits, then the bits of e (RFC 7919 ffdhe) or of π (the Oakley/MODP groups of RFC 2409
    /// and RFC 3526). Those leading bits and the size name the group.
    static func knownGroup(_ prime: [UInt8], bits: Int) -> String? {
        guard prime.count >= 16 else { return nil }
        let lead = Array(prime.prefix(16))
        if lead == ffdhePrefix, [2048, 3072, 4096, 6144, 8192].contains(bits) { return "ffdhe\(bits)" }
        if lead == modpPrefix, [768, 1024, 1536, 2048, 3072, 4096, 6144, 8192].contains(bits) { return "modp\(bits)" }
        return nil
    }

    static let ffdhePrefix: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xAD, 0xF8, 0x54, 0x58, 0xA2, 0xBB, 0x4A, 0x9A]
    static let modpPrefix: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xC9, 0x0F, 0xDA, 0xA2, 0x21, 0x68, 0xC2, 0x34]
}
