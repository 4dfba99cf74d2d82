/// "Offer exactly this, tell me what the server answered." Sends a ClientHello built by
/// tlsprobe itself over TCP, reads only the first answer (ServerHello, HelloRetryRequest or an
/// alert; or a close, reset or timeout), then closes. Never finishes a handshake, so it can ask
/// about suites, groups and versions OpenSSL cannot speak. Every wait is bounded by the
/// deadline and the bytes kept by `ServerAnswerReader`'s limits.
///
/// Used by the intolerance narrowing and the no-shared-parameter follow-ups of the probe; the
/// client matrix and capability scan build on it with their own `ClientHelloSpec`s.
public enum RawHello {
    /// Connects to `address`, offers `spec`, and reports the answer.
    /// With `readFlight`, a TLS ≤ 1.2 ServerHello is followed to the server's key exchange
    /// (`RawHelloResult.flight`): a server may choose a suite and only then find it has no
    /// parameters for it. `keyExchangeBytes` > 0 keeps that many bytes of the ServerKeyExchange
    /// (`RawHelloResult.serverKeyExchange`, for its DH parameters).
    public static func offer(_ spec: ClientHelloSpec, to address: SocketAddress, deadline: Deadline, readFlight: Bool = false,
                             keyExchangeBytes: Int = 0) -> RawHelloResult {
        let start = Deadline.now
        switch TCPSocket.connect(to: address, deadline: deadline) {
        case .success(let socket):
            defer { socket.close() }
            return exchange(spec, over: socket, deadline: deadline, start: start, readFlight: readFlight || keyExchangeBytes > 0,
                            keyExchangeBytes: keyExchangeBytes)
        case .failure(let failure):
            let size = ClientHelloEncoder.handshakeMessage(spec).count
            return RawHelloResult(outcome: .connectFailed(failure.label), violations: [], bytesReceived: 0, firstBytes: [],
                                  helloSize: size, elapsedMs: Deadline.millisecondsSince(start))
        }
    }

    /// Offers `spec` over an open socket (after a proxy CONNECT or a STARTTLS upgrade, say).
    /// The caller closes the socket: nothing more can be done with it.
    static func exchange(_ spec: ClientHelloSpec, over socket: TCPSocket, deadline: Deadline, start: Deadline = .now, readFlight: Bool = false,
                         keyExchangeBytes: Int = 0) -> RawHelloResult {
        let records = ClientHelloEncoder.records(spec)
        let size = ClientHelloEncoder.handshakeMessage(spec).count
        var reader = ServerAnswerReader()
        reader.readFlight = readFlight
        reader.keyExchangeBytesKept = keyExchangeBytes
        func result(_ outcome: RawHelloOutcome) -> RawHelloResult {
            RawHelloResult(outcome: outcome, violations: outcome.answeredHello.map { violations(of: $0, against: spec) } ?? [],
                           bytesReceived: reader.total, firstBytes: reader.firstBytes, helloSize: size,
                           elapsedMs: Deadline.millisecondsSince(start), flight: reader.flightEnd, serverKeyExchange: reader.keyExchange)
        }
        switch socket.sendAll(records, deadline: deadline) {
        case .success: break
        // A server that reset while we sent may still have said why: read what arrived.
        case .failure(.reset), .failure(.closed): break
        case .failure(.timedOut): return result(reader.timedOut())
        case .failure(.failed(let code)): return result(.sendFailed(systemErrorText(code)))
        }
        while true {
            switch socket.receive(limit: 16 * 1024, deadline: deadline) {
            case .data(let bytes):
                if case .done(let outcome) = reader.feed(bytes) { return result(outcome) }
            case .closed: return result(reader.endOfStream(reset: false))
            case .reset: return result(reader.endOfStream(reset: true))
            case .timedOut: return result(reader.timedOut())
            case .failed(let code): return result(.malformed("read failed: \(systemErrorText(code))"))
            }
        }
    }

    /// What the answer chose that the offer did not allow.
    static func violations(of hello: ServerHelloAnswer, against spec: ClientHelloSpec) -> [HelloViolation] {
        var found: [HelloViolation] = []
        if !spec.cipherSuites.contains(hello.cipherSuite) { found.append(.suiteNotOffered(hello.cipherSuite)) }
        let versions = spec.offeredVersions
        let versionOK = spec.has(WireExtension.supportedVersions) && hello.has(WireExtension.supportedVersions)
            ? versions.contains(hello.selectedVersion)
            : hello.selectedVersion <= spec.legacyVersion && hello.selectedVersion >= WireVersion.ssl30
        if !versionOK { found.append(.versionNotOffered(hello.selectedVersion)) }
        if !spec.compressionMethods.contains(hello.compressionMethod) { found.append(.compressionNotOffered(hello.compressionMethod)) }
        var seen: Set<UInt16> = []
        for type in hello.extensions {
            if !seen.insert(type).inserted { found.append(.duplicateExtension(type)) }
            // RFC 8446 §4.1.4 / RFC 5246 §7.4.1.4: only extensions the client offered may come back.
            // A HelloRetryRequest's cookie is the server's own; the renegotiation SCSV stands
            // for an empty renegotiation_info (RFC 5746 §3.4).
            let solicited = spec.has(type) || (hello.isHelloRetryRequest && type == WireExtension.cookie)
                || (type == WireExtension.renegotiationInfo && spec.cipherSuites.contains(0x00FF))
            if !solicited {
                found.append(.extensionNotOffered(type))
            }
        }
        if let alpn = hello.alpn, !spec.offeredALPN.contains(alpn) { found.append(.alpnNotOffered(alpn)) }
        if let group = hello.keyShareGroup {
            if !spec.offeredGroups.contains(group) { found.append(.groupNotOffered(group)) }
            if hello.isHelloRetryRequest, spec.sentKeyShareGroups.contains(group) { found.append(.retryForOfferedShare(group)) }
        }
        if hello.selectedVersion == WireVersion.tls13 && hello.sessionID != spec.sessionID { found.append(.sessionIDNotEchoed) }
        return found
    }
}

extension ClientHelloSpec {
    var sentKeyShareGroups: [UInt16] {
        for case .keyShare(let entries) in extensions { return entries.map(\.group) }
        return []
    }
}
