/// RFC 7919 §4: a server that supports none of the ffdhe groups a client lists in
/// supported_groups must not choose a DHE suite. A server doing DHE on its own parameters (a
/// dhparam file) with no ffdhe group enabled and no ECDHE therefore refuses every hello that
/// lists ffdhe groups (OpenSSL 3 with TLS 1.3 on, GnuTLS), and answers the same hello without
/// them. These helpers build that second hello and read the answer.
public enum FFDHEGroups {
    /// The RFC 7919 range: 256–511 (0x0100–0x01FF), known or not.
    public static func isFFDHE(_ group: UInt16) -> Bool { group >> 8 == 0x01 }

    /// A finite-field ephemeral DH suite (TLS_DHE_*, not static DH, not ECDHE).
    public static func isDHESuite(_ code: UInt16) -> Bool {
        CipherSuiteTable.info(code)?.ianaName.contains("_DHE_") ?? false
    }

    /// The ffdhe groups `spec` lists, in its order.
    public static func listed(in spec: ClientHelloSpec) -> [UInt16] { spec.offeredGroups.filter(isFFDHE) }

    /// `spec` without any ffdhe group in supported_groups and key_share; nil when it lists none.
    public static func removed(from spec: ClientHelloSpec) -> ClientHelloSpec? {
        guard !listed(in: spec).isEmpty else { return nil }
        var copy = spec.replacing(.supportedGroups(spec.offeredGroups.filter { !isFFDHE($0) }))
        for case .keyShare(let entries) in spec.extensions {
            copy = copy.replacing(.keyShare(entries.filter { !isFFDHE($0.group) }))
        }
        return copy
    }

    /// What the server said to `failed` without its ffdhe groups (its first flight read to the
    /// key exchange), and whether that shows the RFC 7919 refusal: a ServerHello choosing a DHE
    /// suite `failed` had offered, followed by a ServerKeyExchange.
    public static func ask(failedHello: [UInt8], address: SocketAddress, deadline: Deadline) -> (result: RawHelloResult, refusal: ServerHelloAnswer?)? {
        guard let ours = ClientHelloSpec(parsing: failedHello), ours.cipherSuites.contains(where: isDHESuite),
              let stripped = removed(from: ours) else { return nil }
        let result = RawHello.offer(stripped, to: address, deadline: deadline, readFlight: true)
        return (result, refusal(of: ours, answer: result))
    }

    /// The ServerHello that shows the refusal, if `answer` (to `ours` without its ffdhe groups)
    /// is one. An answer whose flight was not read counts on its ServerHello alone.
    public static func refusal(of ours: ClientHelloSpec, answer: RawHelloResult) -> ServerHelloAnswer? {
        guard case .serverHello(let hello) = answer.outcome, isDHESuite(hello.cipherSuite), ours.cipherSuites.contains(hello.cipherSuite),
              !listed(in: ours).isEmpty, answer.flight == nil || answer.flight == .serverKeyExchange else { return nil }
        return hello
    }
}
