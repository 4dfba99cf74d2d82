/// Does this port speak TLS at once? A STARTTLS dialogue that got no greeting, or whose first
/// message was answered by a closed connection, may be talking to an implicit-TLS port (465,
/// 993, 636, PostgreSQL 17's direct TLS): try a handshake on a second connection.
struct ImplicitTLSStep: FollowUpStep {
    func explain(_ failure: StageFailure, in context: ProbeContext) -> Diagnosis? {
        guard let result = FollowUpConnection.attempt(purpose: "does this port speak TLS at once (implicit TLS)", offer: context.engine.context.offer,
                                                      sni: context.serverName, context: context),
              result.accepted || result.detail.hasPrefix("rejected: alert") else { return nil }
        let appProtocol = context.appProtocol
        return context.diagnosis(ProtocolDiagnosisID.startTLSImplicitTLS, [
            "protocol": appProtocol.label, "implicit": StartTLSStage.implicitAlternative(appProtocol),
            "evidence": "a TLS handshake on a second connection was \(result.detail)",
        ])
    }
}
