/// When a server rejects our ClientHello without saying why (a close, a reset, a timeout, or an
/// alert that names no parameter), this finds out whether it is the hello itself: it offers a
/// plain hello (what a default OpenSSL 3 client sends), and if that is answered, our own hello
/// again with one suspect feature taken out at a time. Raw offers only: nothing here finishes
/// a handshake; the probe then retries for real with the plain offer.
public struct IntoleranceNarrowing: Sendable {
    /// One offer made while narrowing, for the report's follow-ups.
    public struct Attempt: Sendable {
        public var label: String
        /// The feature taken out of our hello (nil for the plain and stripped hellos).
        public var feature: HelloFeature?
        public var helloSize: Int
        public var result: RawHelloResult
        public var answered: Bool { result.outcome.answeredHello != nil }
    }

    public struct Finding: Sendable {
        /// Features whose removal alone made the server answer (usually one).
        public var culprits: [HelloFeature]
        /// Our hello with every suspect feature removed was answered, though no single removal was.
        public var combinationOnly: Bool
        /// The plain hello needed padding to 512 bytes to be answered.
        public var plainNeedsPadding: Bool
        public var attempts: [Attempt]
    }

    /// Narrows `failedHello` (the ClientHello handshake message as it was sent). Nil when the
    /// plain hello is refused too, or when only a hello with other suites/groups/versions is
    /// answered: then no feature of the hello is the problem.
    public static func narrow(failedHello: [UInt8], serverName: String?, address: SocketAddress, deadline: Deadline) -> Finding? {
        guard let ours = ClientHelloSpec(parsing: failedHello) else { return nil }
        let plain = ClientHelloSpec.openSSL3Default(serverName: serverName)
        let stripped = HelloFeature.allCases.reduce(ours) { spec, feature in feature.removed(from: spec) ?? spec }
        var attempts: [Attempt] = []
        let gate = [("a plain OpenSSL 3 ClientHello", plain), ("the plain ClientHello padded to 512 bytes", plain.padded(toAtLeast: 512)),
                    ("our ClientHello without any suspect feature", stripped)]
        let gateResults = RawHello.offerAll(gate.map(\.1), to: address, deadline: deadline)
        attempts += zip(gate, gateResults).map { Attempt(label: $0.0.0, feature: nil, helloSize: $0.1.helloSize, result: $0.1) }
        guard attempts.contains(where: \.answered) else { return nil }

        let candidates = HelloFeature.allCases.compactMap { feature in feature.removed(from: ours).map { (feature, $0) } }
        let results = RawHello.offerAll(candidates.map(\.1), to: address, deadline: deadline)
        var culprits: [HelloFeature] = []
        for ((feature, _), result) in zip(candidates, results) {
            let attempt = Attempt(label: feature == .helloSize ? "our ClientHello padded to 512 bytes" : "our ClientHello without \(feature.rawValue)", feature: feature, helloSize: result.helloSize, result: result)
            attempts.append(attempt)
            if attempt.answered { culprits.append(feature) }
        }
        // Without its ffdhe groups our hello got a DHE suite: RFC 7919 negotiation, not
        // intolerance (FFDHERefusalStep names it).
        if culprits == [.unusualGroups], let answer = zip(candidates, results).first(where: { $0.0.0 == .unusualGroups })?.1,
           FFDHEGroups.refusal(of: ours, answer: answer) != nil {
            return nil
        }
        // Padding to 512 bytes changes the size and nothing else: when it alone fixes the hello,
        // every other "fix" that also moved the size out of 256–511 is the size.
        if culprits.contains(.helloSize) { culprits = [.helloSize] }
        let plainAnswered = gateResults[0].outcome.answeredHello != nil
        let combinationOnly = culprits.isEmpty && gateResults[2].outcome.answeredHello != nil
        // A plain hello answered while ours, even stripped, is not: the difference is in the
        // suites, groups or versions offered, which is no intolerance (the follow-ups name it).
        guard !culprits.isEmpty || combinationOnly else { return nil }
        return Finding(culprits: culprits, combinationOnly: combinationOnly,
                       plainNeedsPadding: !plainAnswered && gateResults[1].outcome.answeredHello != nil, attempts: attempts)
    }
}
