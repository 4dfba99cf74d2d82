/// A server that sent a CertificateRequest, got no certificate from us and then failed the
/// handshake rejected us for the missing certificate, whatever it says: TLS 1.3's
/// certificate_required (116), handshake_failure (40), bad_certificate (42),
/// certificate_unknown (46), access_denied (49), decode_error (50: GnuTLS with TLS 1.2, on our
/// empty Certificate), or no alert at all (Mbed TLS closes), before or after our Finished.
enum ClientCertificateRequirement {
    static let alerts: Set<UInt8> = [40, 42, 43, 46, 48, 49, 50, 116]

    static func isUnsatisfied(_ connection: TLSConnection) -> Bool {
        connection.recorder.hasReceived(HandshakeType.certificateRequest) && !connection.sentClientCertificate
    }

    static func explains(alert code: UInt8, connection: TLSConnection) -> Bool {
        isUnsatisfied(connection) && alerts.contains(code)
    }

    /// A close or reset once the CertificateRequest was in and our (empty) flight was sent.
    static func explainsClose(connection: TLSConnection) -> Bool {
        isUnsatisfied(connection) && connection.recorder.receivedAlert == nil
            && connection.recorder.firstHandshake(HandshakeType.certificate, sent: true) != nil
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
}
