/// The first half of a matrix row: the client's own ClientHello, replayed byte for byte with
/// the raw component, and what the server answered. A refusal is explained from the wire: the
/// alert, or raw hellos that widen one dimension (ParameterSurvey) or drop one extension
/// (IntoleranceNarrowing), so the row names the cause as tlsprobe's probe would.
struct ClientNegotiation: Sendable {
    var spec: ClientHelloSpec
    /// The ServerHello (after a HelloRetryRequest, the second one).
    var answer: ServerHelloAnswer?
    /// The key-share group when the ServerHello names one (TLS 1.3).
    var group: UInt16?
    var failure: (stage: StageName, diagnosis: Diagnosis)?
    var notes: [String] = []

    var negotiated: ClientMatrixRow.Negotiated {
        guard let answer else { return ClientMatrixRow.Negotiated() }
        return ClientMatrixRow.Negotiated(version: answer.versionName, cipher: answer.cipherName, group: group.map(WireGroup.name))
    }

    static func negotiate(_ profile: ClientProfile, serverName: String?, address: SocketAddress, deadline: Deadline) -> ClientNegotiation {
        let recipe = profile.matrixHello
        var spec = recipe.spec(serverName: serverName)
        var result = RawHello.offer(spec, to: address, deadline: deadline)
        var notes: [String] = []
        // A HelloRetryRequest for a group the client supports: it sends a second hello with that share.
        if case .helloRetryRequest(let retry) = result.outcome, let group = retry.keyShareGroup {
            guard recipe.groups.contains(group) else {
                return refused(spec, .serverHello, Diagnosis.forClient(DiagnosisID.keyNoSharedGroup,
                    "The server asks (HelloRetryRequest) for \(WireGroup.name(group)), which \(profile.name) does not support.", stage: .serverHello))
            }
            let second = recipe.spec(serverName: serverName, keyShares: [group])
            guard second.sentKeyShareGroups == [group] else {
                notes.append("the server asked for a \(WireGroup.name(group)) key share (HelloRetryRequest); tlsprobe cannot make one, so the retry was not replayed")
                return ClientNegotiation(spec: spec, answer: retry, group: group, failure: nil, notes: notes)
            }
            spec = second
            result = RawHello.offer(spec, to: address, deadline: deadline)
            notes.append("after a HelloRetryRequest for \(WireGroup.name(group))")
        }
        switch result.outcome {
        case .serverHello(let hello):
            if let violation = result.violations.first {
                let id: String
                if case .versionNotOffered = violation { id = DiagnosisID.protoNoCommonVersion } else { id = DiagnosisID.handshakeMalformedServerHello }
                return refused(spec, .serverHello, Diagnosis.forClient(id, "The server \(violation); \(profile.name) aborts the handshake.", stage: .serverHello), answer: hello)
            }
            return ClientNegotiation(spec: spec, answer: hello, group: hello.keyShareGroup, failure: nil, notes: notes)
        case .helloRetryRequest(let hello):
            return refused(spec, .serverHello, Diagnosis.forClient(DiagnosisID.keyNoSharedGroup,
                "The server sent a second HelloRetryRequest (for \(hello.keyShareGroup.map(WireGroup.name) ?? "no group")); the client gives up.", stage: .serverHello))
        case .alert(_, let description):
            return refused(spec, .serverHello, explainAlert(description, profile: profile, spec: spec, address: address, deadline: deadline))
        case .closed, .reset, .timedOut:
            return refused(spec, .clientHello, explainSilence(result.outcome, profile: profile, spec: spec, serverName: serverName, address: address, deadline: deadline))
        case .connectFailed(let text):
            let id = text.contains("refused") ? DiagnosisID.tcpRefused : (text.contains("timed out") ? DiagnosisID.tcpTimeout : DiagnosisID.tcpError)
            return refused(spec, .tcp, Diagnosis.forClient(id, "TCP connect failed: \(text).", stage: .tcp))
        case .sendFailed(let text):
            return refused(spec, .clientHello, Diagnosis.forClient(DiagnosisID.handshakeReset, "Sending the ClientHello failed: \(text).", stage: .clientHello))
        case .malformed(let text):
            let http = result.firstBytes.starts(with: Array("HTTP".utf8))
            return refused(spec, .serverHello, Diagnosis.forClient(http ? DiagnosisID.notTLSPlainHTTP : DiagnosisID.notTLSGarbage,
                http ? "The server answers the ClientHello in plain HTTP: this port does not speak TLS." : "The server's answer is not a TLS ServerHello (\(text)).",
                stage: .serverHello))
        }
    }

    private static func refused(_ spec: ClientHelloSpec, _ stage: StageName, _ diagnosis: Diagnosis, answer: ServerHelloAnswer? = nil) -> ClientNegotiation {
        ClientNegotiation(spec: spec, answer: answer, group: nil, failure: (stage, diagnosis))
    }

    /// An alert instead of a ServerHello: which parameter was missing? Widening one dimension
    /// of this very hello at a time (every suite, group, scheme) shows what the server wanted.
    private static func explainAlert(_ alert: UInt8, profile: ClientProfile, spec: ClientHelloSpec, address: SocketAddress, deadline: Deadline) -> Diagnosis {
        let name = TLSAlert.label(for: alert)
        switch alert {
        case 70:
            return Diagnosis.forClient(DiagnosisID.protoNoCommonVersion,
                "The server answers alert \(name): it accepts none of \(versionsLabel(spec)).", stage: .serverHello)
        case 112:
            return Diagnosis.forClient(DiagnosisID.alertUnrecognizedName, "The server does not know the name sent as SNI (alert \(name)).", stage: .serverHello)
        default:
            break
        }
        let survey = ParameterSurvey.survey(failedHello: ClientHelloEncoder.handshakeMessage(spec), address: address, deadline: deadline, maxSuites: 3)
        switch survey.finding {
        case .suites(let suites)?:
            let names = suites.map(CipherSuiteTable.name).joined(separator: ", ")
            return Diagnosis.forClient(DiagnosisID.cipherNoShared,
                "No cipher suite in common: the server accepts \(names), none of which \(profile.name) offers (alert \(name)).", stage: .serverHello)
        case .groups(let groups)?:
            return Diagnosis.forClient(DiagnosisID.keyNoSharedGroup,
                "No key-exchange group in common: the server needs \(groups.map(WireGroup.name).joined(separator: ", ")) (alert \(name)).", stage: .serverHello)
        case .signatureSchemes(let schemes)?:
            return Diagnosis.forClient(DiagnosisID.sigNoShared,
                "No signature algorithm in common: the server can only sign with \(schemes.map(WireSignatureScheme.name).joined(separator: ", ")) (alert \(name)).", stage: .serverHello)
        case nil:
            return Diagnosis.forClient(DiagnosisID.handshakeFailed,
                "The server refuses \(profile.name)'s ClientHello with alert \(name); no single widening of the offer was accepted.", stage: .serverHello)
        }
    }

    /// A close, reset or silence: is it the hello itself (an extension, its size)?
    private static func explainSilence(_ outcome: RawHelloOutcome, profile: ClientProfile, spec: ClientHelloSpec, serverName: String?,
                                       address: SocketAddress, deadline: Deadline) -> Diagnosis {
        if case .timedOut = outcome {
            return Diagnosis.forClient(DiagnosisID.handshakeTimeout, "The server never answers \(profile.name)'s ClientHello.", stage: .clientHello)
        }
        if let finding = IntoleranceNarrowing.narrow(failedHello: ClientHelloEncoder.handshakeMessage(spec), serverName: serverName, address: address, deadline: deadline),
           let culprit = finding.culprits.first {
            return Diagnosis.forClient(DiagnosisID.handshakeIntolerance,
                "The server drops ClientHellos carrying \(culprit.label), which \(profile.name) sends; the same hello without it is answered.", stage: .clientHello)
        }
        let reset = outcome == .reset
        return Diagnosis.forClient(reset ? DiagnosisID.handshakeReset : DiagnosisID.handshakeAbruptClose,
            "The server \(reset ? "resets" : "closes") the connection after \(profile.name)'s ClientHello, without an alert.", stage: .clientHello)
    }

    private static func versionsLabel(_ spec: ClientHelloSpec) -> String {
        spec.offeredVersions.map(WireVersion.name).joined(separator: ", ")
    }
}
