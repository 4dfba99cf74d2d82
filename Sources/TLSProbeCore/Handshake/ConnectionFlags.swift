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
            let aead = CipherSuiteTable.all.filter { $0.isAEAD && !$0.isTLS13 && $0.modernClientRefusal == nil }.map(\.code)
            let offer = ClientHelloSpec.tls12Offer(suites: aead, serverName: context.serverName)
            // Short: a server that serves one connection at a time (s_server -www, botan tls_server)
            // cannot answer while our main connection is open.
            let result = RawHello.offer(offer, to: address, deadline: Deadline.after(seconds: 1.5).earlier(context.deadline))
            let answer = result.outcome.answeredHello
            context.report.followUps.append(FollowUpProbe(purpose: "would the server choose AEAD if offered only AEAD", offer: "TLS 1.2, \(aead.count) AEAD suites (raw)",
                                                          result: result.outcome.label, accepted: answer != nil))
            let weOfferedAEAD = connection.recorder.firstHandshake(HandshakeType.clientHello, sent: true)
                .flatMap { ClientHelloSpec(parsing: $0.message.bytes) }?.cipherSuites.contains { aead.contains($0) } ?? false
            if let answer, aead.contains(answer.cipherSuite) {
                aeadChoice = weOfferedAEAD
                    ? "offered only AEAD suites, the server chooses \(answer.cipherName): it has AEAD but prefers CBC (fix its suite order)"
                    : "offered only AEAD suites, the server chooses \(answer.cipherName): clients that offer AEAD get it"
            } else if case .alert = result.outcome {
                aeadChoice = "offered only AEAD suites, the server refuses (\(result.outcome.label)): it has no AEAD suite enabled"
            } else {
                aeadChoice = "an AEAD-only offer on a second connection got \(result.outcome.label) (a server that serves one connection at a time does this), so whether it has AEAD suites is not known"
            }
        } else {
            aeadChoice = "not checked whether it would choose AEAD"
        }
        return [context.diagnosis(DiagnosisID.cipherCBC, ["cipher": cipher, "aead_choice": aeadChoice])]
    }

    /// key.dh_small_subgroup for a DHE key exchange whose prime p has (p−1)/2 composite.
    static func dhPrime(_ connection: TLSConnection?, context: ProbeContext) -> [Diagnosis] {
        guard let safety = connection?.serverDHPrimeSafety(), !safety.safe else { return [] }
        return [context.diagnosis(DiagnosisID.keyDHSmallSubgroup, ["bits": String(safety.bits)])]
    }
}
