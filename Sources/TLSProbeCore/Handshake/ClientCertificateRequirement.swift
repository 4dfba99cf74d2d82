/// A server that sent a CertificateRequest, got no certificate from us and then failed the
/// handshake rejected us for the missing certificate, whatever it says: TLS 1.3's
/// certificate_required (116), handshake_failure (40), bad_certificate (42),
/// certificate_unknown (46), access_denied (49), decode_error (50: GnuTLS with TLS 1.2, on our
/// empty Certificate), or no alert at all: a close_notify, a FIN or a reset (Mbed TLS closes in
/// the handshake; a Go or JSSE server that only requests a certificate may close after the
/// handshake, before answering our request), before or after our Finished.
enum ClientCertificateRequirement {
    static let alerts: Set<UInt8> = [40, 42, 43, 46, 48, 49, 50, 116]

    static func isUnsatisfied(_ connection: TLSConnection) -> Bool {
        connection.recorder.hasReceived(HandshakeType.certificateRequest) && !connection.sentClientCertificate
    }

    /// An alert ending the handshake; close_notify (0) counts as a close.
    static func explains(alert code: UInt8, connection: TLSConnection) -> Bool {
        code == 0 ? explainsClose(connection: connection) : isUnsatisfied(connection) && alerts.contains(code)
    }

    /// A close_notify, a close or a reset once the CertificateRequest was in and our (empty)
    /// flight was sent: no alert naming another cause.
    static func explainsClose(connection: TLSConnection) -> Bool {
        isUnsatisfied(connection) && (connection.recorder.receivedAlert.map { $0.description == 0 } ?? true)
            && connection.recorder.firstHandshake(HandshakeType.certificate, sent: true) != nil
    }

    /// {ending} for a close: what was on the wire.
    static func closeEnding(_ connection: TLSConnection, reset: Bool) -> String {
        if connection.recorder.receivedAlert?.description == 0 { return "a close_notify and no error alert" }
        return reset ? "a reset (RST) and no alert" : "a close (FIN) and no alert"
    }
}

extension ProbeContext {
    /// alert.client_cert_required; `ending` says how the server ended it ("alert decode_error (50)", "a close (FIN), no alert").
    func clientCertificateRequired(_ connection: TLSConnection, ending: String, facts: [String: String] = [:]) -> Diagnosis {
        var facts = facts
        facts["ending"] = ending
        let names = connection.acceptableClientCANames()
        facts["ca_names"] = names.isEmpty ? "any" : names.joined(separator: "; ")
        facts["version"] = connection.negotiatedSession().version ?? "?"
        return diagnosis(DiagnosisID.alertClientCertRequired, facts, stage: .finished)
    }

    /// alert.client_cert_required for a connection the server closed (or reset) without an
    /// error alert once the handshake was over, or nil when the close does not follow an
    /// unsatisfied CertificateRequest. `after` is what we had sent last ("our Finished", "our request").
    func clientCertificateRefusedByClose(_ connection: TLSConnection, reset: Bool, after: String) -> Diagnosis? {
        guard ClientCertificateRequirement.explainsClose(connection: connection) else { return nil }
        return clientCertificateRequired(connection, ending: ClientCertificateRequirement.closeEnding(connection, reset: reset), facts: ["after": after])
    }
}
