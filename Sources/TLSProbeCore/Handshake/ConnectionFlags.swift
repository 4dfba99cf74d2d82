/// Flags on handshakes that work: a CBC-mode suite (and whether the server would have chosen an
/// AEAD suite had we offered only AEAD), and a DHE prime that is not a safe prime.
enum ConnectionFlags {
    static func isCBC(_ suite: UInt16) -> Bool { CipherSuiteTable.info(suite)?.isCBC ?? false }

    /// cipher.cbc for the suite the last ServerHello chose, after one raw offer of only the AEAD
    /// suites modern clients use.
    static func cbc(_ connection: TLSConnection, context: ProbeContext) -> [Diagnosis] {
        guard let hello = connection.recorder.messages.last(where: { $0.contentType == 22 && $0.kind == HandshakeType.serverHello && !$0.sent }),
              let chosen = ServerAnswerReader.parseServerHello(hello.bytes), isCBC(chosen.cipherSuite) else { return [] }
        let cipher = connection.cipherName(suite: chosen.cipherSuite)
        let aeadChoice: String
        if chosen.selectedVersion < WireVersion.tls12 {
            aeadChoice = "AEAD suites need TLS 1.2, and this server chose \(chosen.versionName)"
        } else if context.proxy == nil, context.appProtocol.upgrade != .startTLS, let address = context.connectedAddress, context.deadline.remainingSeconds > 0.3 {
            let weOfferedAEAD = connection.recorder.firstHandshake(HandshakeType.clientHello, sent: true)
                .flatMap { ClientHelloSpec(parsing: $0.message.bytes) }?.cipherSuites.contains { aeadSuites.contains($0) } ?? false
            // Short: a server that serves one connection at a time (s_server -www, botan tls_server)
            // cannot answer while our main connection is open; it is asked again once ours is closed.
            let result = offerAEAD(to: address, context: context, patience: 1.5, purpose: "would the server choose AEAD if offered only AEAD")
            aeadChoice = words(result, weOfferedAEAD: weOfferedAEAD)
            if case .timedOut = result.outcome, result.bytesReceived == 0 {
                context.learned.afterConnection.append { context in
                    let late = offerAEAD(to: address, context: context, patience: 3, purpose: "would the server choose AEAD if offered only AEAD (once our connection was closed)")
                    guard late.outcome != result.outcome else { return }
                    context.revise(DiagnosisID.cipherCBC, at: .serverHello, with: [context.diagnosis(DiagnosisID.cipherCBC, ["cipher": cipher, "aead_choice": words(late, weOfferedAEAD: weOfferedAEAD)])])
                }
            }
        } else {
            aeadChoice = "not checked whether it would choose AEAD"
        }
        return [context.diagnosis(DiagnosisID.cipherCBC, ["cipher": cipher, "aead_choice": aeadChoice])]
    }

    /// The AEAD suites current clients offer, TLS 1.2.
    static let aeadSuites = CipherSuiteTable.all.filter { $0.isAEAD && !$0.isTLS13 && $0.modernClientRefusal == nil }.map(\.code)

    private static func offerAEAD(to address: SocketAddress, context: ProbeContext, patience: Double, purpose: String) -> RawHelloResult {
        let offer = ClientHelloSpec.tls12Offer(suites: aeadSuites, serverName: context.serverName)
        let result = RawHello.offer(offer, to: address, deadline: Deadline.after(seconds: patience).earlier(context.deadline))
        context.report.followUps.append(FollowUpProbe(purpose: purpose, offer: "TLS 1.2, \(aeadSuites.count) AEAD suites (raw)",
                                                      result: result.outcome.label, accepted: result.outcome.answeredHello != nil))
        return result
    }

    private static func words(_ result: RawHelloResult, weOfferedAEAD: Bool) -> String {
        if let answer = result.outcome.answeredHello, aeadSuites.contains(answer.cipherSuite) {
            return weOfferedAEAD
                ? "offered only AEAD suites, the server chooses \(answer.cipherName): it has AEAD but prefers CBC (fix its suite order)"
                : "offered only AEAD suites, the server chooses \(answer.cipherName): clients that offer AEAD get it"
        }
        if case .alert = result.outcome {
            return "offered only AEAD suites, the server refuses (\(result.outcome.label)): it has no AEAD suite enabled"
        }
        return "an AEAD-only offer on a second connection got \(result.outcome.label), so whether it has AEAD suites is not known"
    }

    /// key.dh_small_subgroup for a DHE key exchange whose prime p has (p−1)/2 composite.
    static func dhPrime(_ connection: TLSConnection?, context: ProbeContext) -> [Diagnosis] {
        guard let safety = connection?.serverDHPrimeSafety(), !safety.safe else { return [] }
        return [context.diagnosis(DiagnosisID.keyDHSmallSubgroup, ["bits": String(safety.bits)])]
    }
}
