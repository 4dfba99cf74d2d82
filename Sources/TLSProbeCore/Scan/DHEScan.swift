/// Which finite-field DH group a server uses for its DHE suites (sslscan's "DHE n bits",
/// testssl.sh's "DH group offered"): the DHE suites it accepted, offered with the RFC 7919
/// ffdhe groups listed and again without them, each read to the ServerKeyExchange. A server
/// may use an ffdhe group for clients that list them and a prime of its own for the others
/// (older clients, and OpenSSL ones limited to TLS 1.2), so the two answers can differ.
enum DHEScan {
    static func run(_ version: ScanVersion, accepted: [UInt16], session: ScanSession) -> (parameters: [ScannedDHParameters], notes: [String]) {
        let dhe = accepted.filter(FFDHEGroups.isDHESuite)
        guard !dhe.isEmpty else { return ([], []) }
        let answers = session.parallelMap([true, false]) { listed -> (ScannedDHParameters?, String) in
            let groups = listed ? ScanOffers.allGroups : ScanOffers.allGroups.filter { !FFDHEGroups.isFFDHE($0) }
            let result = session.offer(ScanOffers.hello(version, suites: dhe, serverName: session.serverName, groups: groups),
                                       keyExchangeBytes: ServerDHParameters.bytesNeeded)
            let flight = result.flight.map { " " + $0.label } ?? ""
            guard let hello = result.outcome.answeredHello, hello.selectedVersion == version.code, FFDHEGroups.isDHESuite(hello.cipherSuite) else {
                return (nil, result.outcome.label + flight)
            }
            guard let body = result.serverKeyExchange, let found = ServerDHParameters.parse(body) else {
                return (nil, result.outcome.label + flight + " (no DH parameters read)")
            }
            return (ScannedDHParameters(version: version.key, ffdheGroupsListed: listed, cipher: hello.cipherName, bits: found.bits, group: found.knownGroup), "")
        }
        var notes: [String] = []
        for (listed, answer) in zip([true, false], answers) where answer.0 == nil {
            notes.append("DHE parameters \(listed ? "with" : "without") ffdhe groups listed: \(answer.1)")
        }
        return (answers.compactMap(\.0), notes)
    }
}
