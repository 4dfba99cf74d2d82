/// Does the server need SNI? We sent none (an IP target, --no-sni): try again with the name.
struct SNIRequiredStep: FollowUpStep {
    func explain(_ failure: StageFailure, in context: ProbeContext) -> Diagnosis? {
        Self.check(context)
    }

    static func check(_ context: ProbeContext) -> Diagnosis? {
        guard context.serverName == nil, !context.target.isIPLiteral else { return nil }
        let name = context.target.host
        guard let retry = FollowUpConnection.attempt(purpose: "does the server need SNI", offer: context.engine.context.offer, sni: name, context: context),
              retry.accepted else { return nil }
        return context.diagnosis(DiagnosisID.handshakeSNIRequired, ["sni": quoted(name), "after": "our ClientHello without SNI"], stage: .serverHello)
    }
}
