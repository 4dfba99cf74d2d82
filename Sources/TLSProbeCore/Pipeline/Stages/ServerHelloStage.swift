/// server_hello: what the server chose (version, suite, HelloRetryRequest). Shown live as soon
/// as the ServerHello is in, except when the suite is weak: then the stage waits for the end of
/// the handshake and a follow-up with a normal client's offer (`NormalClientCipherStep`), so
/// our wide offer does not hide what users get.
struct ServerHelloStage: ProbeStage {
    static let name = StageName.serverHello

    init?(for context: ProbeContext) {}

    func run(_ context: ProbeContext) -> StageOutcome {
        guard let connection = context.connection, let session = context.handshake?.session else { return .stop }
        var cipherDiagnoses: [Diagnosis] = []
        if context.learned.deferServerHello {
            cipherDiagnoses = NormalClientCipherStep.judge(session, connection: connection, context: context) + ConnectionFlags.cbc(connection, context: context)
        }
        if !context.hasCompleted(.serverHello) { Self.record(context, connection, session: session, extra: cipherDiagnoses) }
        return .proceed
    }

    static func observe(_ context: ProbeContext, _ connection: TLSConnection) {
        // After a HelloRetryRequest the real ServerHello is the last one received.
        guard !context.hasCompleted(.serverHello), !context.learned.deferServerHello,
              let hello = connection.recorder.messages.last(where: { $0.contentType == 22 && $0.kind == HandshakeType.serverHello && !$0.sent }),
              let facts = HelloParser.serverHello(hello.bytes), !facts.isHelloRetryRequest else { return }
        let cipher = connection.cipherName(suite: facts.cipherSuite)
        if connection.weakness(ofCipherNamed: cipher) != nil || ConnectionFlags.isCBC(facts.cipherSuite) {
            context.learned.deferServerHello = true  // judged after a retry with a normal client's (or an AEAD-only) offer
            return
        }
        record(context, connection, session: nil, extra: [])
    }

    private static func record(_ context: ProbeContext, _ connection: TLSConnection, session: NegotiatedSession?, extra: [Diagnosis]) {
        let recorder = connection.recorder
        let helloMessages = recorder.messages.filter { $0.contentType == 22 && $0.kind == HandshakeType.serverHello && !$0.sent }
        guard let hello = helloMessages.last, let facts = HelloParser.serverHello(hello.bytes) else { return }
        let cipher = connection.cipherName(suite: facts.cipherSuite)
        let sentAt = recorder.firstHandshake(HandshakeType.clientHello, sent: true)?.message.atMs ?? 0
        var details = ServerHelloDetails()
        details.version = facts.version
        details.cipher = cipher
        details.bytes = hello.size
        details.helloRetryRequest = helloMessages.count > 1
        details.sessionResumed = session?.resumed
        var summary = "\(facts.version), \(cipher)"
        if helloMessages.count > 1 { summary += " (after HelloRetryRequest)" }
        var diagnoses: [Diagnosis] = []
        if let version = TLSVersion(rawValue: String(facts.version.dropFirst(4))), version < .tls12 {
            let id = version == .tls10 ? DiagnosisID.protoTLS10Only : DiagnosisID.protoTLS11Only
            diagnoses.append(context.diagnosis(id, ["version": facts.version, "server_versions": facts.version, "offered": context.offeredVersionsLabel]))
        }
        diagnoses += extra + context.learned.wireDiagnoses
        diagnoses += Expectations.version(facts.version, context)
        context.complete(StageReport(name: .serverHello, status: .ok, durationMs: hello.atMs - sentAt, summary: summary, details: .serverHello(details)), diagnoses: diagnoses)
    }
}
