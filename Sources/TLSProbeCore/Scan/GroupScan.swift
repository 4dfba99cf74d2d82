/// Which key-exchange groups a server accepts.
enum GroupScan {
    /// TLS 1.3: offer every group with no key share, so the server must name the one it wants in
    /// a HelloRetryRequest; drop it and ask again. The answers come in the server's order (or
    /// ours, for a server that follows the client) and need no key we cannot make.
    static func tls13(session: ScanSession) -> [UInt16] {
        var remaining = ScanOffers.allGroups
        var accepted: [UInt16] = []
        while !remaining.isEmpty, !session.deadline.hasPassed {
            var spec = ScanOffers.hello(.tls13, suites: CipherSuiteTable.tls13, serverName: session.serverName, groups: remaining)
            spec = spec.replacing(.keyShare([]))
            let result = session.offer(spec)
            guard let hello = result.outcome.answeredHello, hello.selectedVersion == WireVersion.tls13,
                  let group = hello.keyShareGroup, let index = remaining.firstIndex(of: group) else { break }
            accepted.append(group)
            remaining.remove(at: index)
        }
        return accepted
    }

    /// TLS ≤ 1.2: the ServerHello does not name the curve (the ServerKeyExchange does), so each
    /// curve is offered alone with only ECDHE suites; a ServerHello means the curve is usable.
    static func ecdhe(_ version: ScanVersion, session: ScanSession) -> [UInt16] {
        let curves = ScanOffers.ellipticCurves
        let answers = session.parallelMap(curves) { curve in
            let result = session.offer(ScanOffers.hello(version, suites: ScanOffers.ecdheSuites, serverName: session.serverName, groups: [curve]))
            guard let hello = result.outcome.answeredHello, hello.selectedVersion == version.code,
                  ScanOffers.ecdheSuites.contains(hello.cipherSuite) else { return false }
            return true
        }
        return zip(curves, answers).filter(\.1).map(\.0)
    }
}

/// Which signature schemes a server can sign its handshake with: each scheme offered alone.
/// TLS 1.3 and TLS 1.2 servers choose the certificate and scheme before their ServerHello, so
/// a scheme they cannot use is refused with an alert instead of a ServerHello.
enum SignatureScan {
    static func run(_ version: ScanVersion, session: ScanSession) -> [UInt16] {
        let schemes = ScanOffers.allSignatureSchemes
        let answers = session.parallelMap(schemes) { scheme in
            // TLS 1.2: only suites whose authentication matches the scheme's key, or an OpenSSL
            // server picks (say) an RSA suite first and then fails for want of an RSA scheme.
            let suites = version.isTLS13 ? CipherSuiteTable.tls13 : ScanOffers.signedKeyExchangeSuites(for: scheme)
            let result = session.offer(ScanOffers.hello(version, suites: suites, serverName: session.serverName, signatureSchemes: [scheme]))
            guard let hello = result.outcome.answeredHello, hello.selectedVersion == version.code else { return false }
            return suites.contains(hello.cipherSuite)
        }
        return zip(schemes, answers).filter(\.1).map(\.0)
    }

    /// An unassigned code point (0xFDFF, sslscan's probe) offered alone: a server that answers
    /// does not hold itself to the client's signature_algorithms at this version.
    static let unassignedScheme: UInt16 = 0xFDFF

    static func ignoresList(_ version: ScanVersion, session: ScanSession) -> Bool? {
        let suites = version.isTLS13 ? CipherSuiteTable.tls13 : ScanOffers.signedKeyExchangeSuites(for: 0x0401) + ScanOffers.signedKeyExchangeSuites(for: 0x0403)
        let result = session.offer(ScanOffers.hello(version, suites: suites, serverName: session.serverName, signatureSchemes: [unassignedScheme]))
        if let hello = result.outcome.answeredHello { return hello.selectedVersion == version.code && !hello.isHelloRetryRequest }
        if case .alert = result.outcome { return false }
        return nil
    }
}

/// The yes/no questions answered with raw hellos at the best TLS ≤ 1.2 version.
enum LegacyFeatureChecks {
    /// DEFLATE offered first: a server that picks it compresses (CRIME).
    static func compression(_ version: ScanVersion, suites: [UInt16], session: ScanSession) -> Bool? {
        var spec = ScanOffers.hello(version, suites: suites, serverName: session.serverName)
        spec.compressionMethods = [1, 0]
        guard let hello = session.offer(spec).outcome.answeredHello else { return nil }
        return hello.compressionMethod == 1
    }

    /// TLS_FALLBACK_SCSV (RFC 7507) in a hello for a version below the best one: a server that
    /// supports it refuses with inappropriate_fallback (86); one that answers does not.
    static func fallbackSCSV(lower: ScanVersion, suites: [UInt16], session: ScanSession) -> Bool? {
        let spec = ScanOffers.hello(lower, suites: suites + [ScanOffers.fallbackSCSV], serverName: session.serverName)
        switch session.offer(spec).outcome {
        case .alert(_, 86): return true
        case .serverHello: return false
        default: return nil
        }
    }

    /// encrypt_then_mac only matters with a CBC suite: offer only CBC suites and see whether it comes back.
    static func encryptThenMAC(_ version: ScanVersion, session: ScanSession) -> Bool? {
        let spec = ScanOffers.hello(version, suites: ScanOffers.cbcSuites, serverName: session.serverName)
        guard let hello = session.offer(spec).outcome.answeredHello, hello.selectedVersion == version.code else { return nil }
        return hello.has(WireExtension.encryptThenMAC)
    }
}
