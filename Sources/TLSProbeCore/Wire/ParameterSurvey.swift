/// What a server accepts when it refused our offer: raw hellos that widen one dimension at a
/// time (every IANA suite, every group, every signature scheme) and read the server's choice,
/// so the probe can name suites OpenSSL cannot even offer (Camellia-GCM, ARIA, CCM_8, PSK …).
public struct ParameterSurvey: Sendable {
    public enum Finding: Sendable, Equatable {
        /// The server answered only when offered suites our hello lacked: these, in its order.
        case suites([UInt16])
        /// The server answered only when offered groups our hello lacked: these.
        case groups([UInt16])
        /// The server answered only when offered signature schemes our hello lacked.
        case signatureSchemes([UInt16])
    }

    public var finding: Finding?
    public var attempts: [(label: String, result: RawHelloResult)]

    /// Widens `ours` (the ClientHello that failed, as sent) one dimension at a time.
    public static func survey(failedHello: [UInt8], address: SocketAddress, deadline: Deadline, maxSuites: Int = 6) -> ParameterSurvey {
        var attempts: [(label: String, result: RawHelloResult)] = []
        guard let ours = ClientHelloSpec(parsing: failedHello) else { return ParameterSurvey(finding: nil, attempts: []) }
        let ourSuites = Set(ours.cipherSuites)
        let extraSuites = CipherSuiteTable.all.map(\.code).filter { !ourSuites.contains($0) }

        // 1. Every suite there is (ours first, then the rest), every group, every scheme: which suite?
        var everything = ours
        everything.cipherSuites = ours.cipherSuites + extraSuites
        everything = widenGroups(widenSignatureSchemes(everything))
        var accepted: [UInt16] = []
        var offer = everything
        while accepted.count < maxSuites, !deadline.hasPassed {
            let result = RawHello.offer(offer, to: address, deadline: deadline)
            attempts.append((accepted.isEmpty ? "every IANA cipher suite, group and signature scheme" : "the same without \(accepted.map(CipherSuiteTable.name).joined(separator: ", "))", result))
            guard let hello = result.outcome.answeredHello,
                  offer.cipherSuites.contains(hello.cipherSuite) else { break }
            accepted.append(hello.cipherSuite)
            offer.cipherSuites.removeAll { $0 == hello.cipherSuite }
            // A suite we did offer was acceptable: the suites are not (only) the problem.
            if ourSuites.contains(hello.cipherSuite) { break }
        }
        if !accepted.isEmpty, accepted.allSatisfy({ !ourSuites.contains($0) }) {
            return ParameterSurvey(finding: .suites(accepted), attempts: attempts)
        }
        guard !accepted.isEmpty else { return ParameterSurvey(finding: nil, attempts: attempts) }

        // 2. Our suites with every group: which group did it need?
        let groupsWide = widenGroups(ours)
        let groupResult = RawHello.offer(groupsWide, to: address, deadline: deadline)
        attempts.append(("our suites with every group", groupResult))
        if let hello = groupResult.outcome.answeredHello {
            let ourGroups = Set(ours.offeredGroups)
            if let group = hello.keyShareGroup, !ourGroups.contains(group) { return ParameterSurvey(finding: .groups([group]), attempts: attempts) }
            // TLS 1.2 ECDHE: the ServerHello names no group; ask each extra group alone.
            let extra = WireGroup.all.filter { !ourGroups.contains($0) }
            let singles = extra.map { ours.replacing(.supportedGroups(ours.offeredGroups + [$0])) }
            let results = RawHello.offerAll(singles, to: address, deadline: deadline)
            let groups = zip(extra, results).filter { $0.1.outcome.answeredHello != nil }.map(\.0)
            for (group, result) in zip(extra, results) { attempts.append(("our hello plus \(WireGroup.name(group))", result)) }
            return ParameterSurvey(finding: groups.isEmpty ? nil : .groups(groups), attempts: attempts)
        }

        // 3. Our suites and groups with every signature scheme.
        let schemesWide = widenSignatureSchemes(ours)
        let schemeResult = RawHello.offer(schemesWide, to: address, deadline: deadline)
        attempts.append(("our hello with every signature scheme", schemeResult))
        if schemeResult.outcome.answeredHello != nil {
            let ourSchemes = Set(ours.offeredSignatureSchemes)
            let extra = WireSignatureScheme.all.filter { !ourSchemes.contains($0) }
            let singles = extra.map { ours.replacing(.signatureAlgorithms(ours.offeredSignatureSchemes + [$0])) }
            let results = RawHello.offerAll(singles, to: address, deadline: deadline)
            let schemes = zip(extra, results).filter { $0.1.outcome.answeredHello != nil }.map(\.0)
            return ParameterSurvey(finding: schemes.isEmpty ? nil : .signatureSchemes(schemes), attempts: attempts)
        }
        return ParameterSurvey(finding: nil, attempts: attempts)
    }

    private static func widenGroups(_ spec: ClientHelloSpec) -> ClientHelloSpec {
        let ours = spec.offeredGroups
        return spec.replacing(.supportedGroups(ours + WireGroup.all.filter { !ours.contains($0) }))
    }

    private static func widenSignatureSchemes(_ spec: ClientHelloSpec) -> ClientHelloSpec {
        let ours = spec.offeredSignatureSchemes
        return spec.replacing(.signatureAlgorithms(ours + WireSignatureScheme.all.filter { !ours.contains($0) }))
    }
}

extension ClientHelloSpec {
    public var offeredSignatureSchemes: [UInt16] {
        for case .signatureAlgorithms(let schemes) in extensions { return schemes }
        return []
    }
}
