import TLSProbeCore

extension LabScenarios {
    static let transport: [LabScenario] = [
        LabScenario(
            name: "refused", summary: "nothing listens on the port",
            expectedDiagnosis: DiagnosisID.tcpRefused, expectedExit: .tcpRefused, needsTrustAnchor: false
        ) { _ in .closedPort },
        LabScenario(
            name: "connect-timeout", summary: "the port never answers a SYN (a full accept queue drops it)",
            expectedDiagnosis: DiagnosisID.tcpTimeout, expectedExit: .tcpTimeout, needsTrustAnchor: false
        ) { _ in .blackhole },
        LabScenario(
            name: "stall-after-accept", summary: "the connection opens, then the server never says anything",
            expectedDiagnosis: DiagnosisID.handshakeTimeout, expectedExit: .handshakeTimeout, needsTrustAnchor: false
        ) { _ in .raw(.stallAfterAccept) },
        LabScenario(
            name: "close-after-hello", summary: "the server reads the ClientHello and closes (FIN)",
            expectedDiagnosis: DiagnosisID.handshakeAbruptClose, expectedExit: .peerClosed, needsTrustAnchor: false
        ) { _ in .raw(.closeAfterClientHello) },
        LabScenario(
            name: "reset-after-hello", summary: "the server reads the ClientHello and resets (RST)",
            expectedDiagnosis: DiagnosisID.handshakeReset, expectedExit: .peerClosed, needsTrustAnchor: false
        ) { _ in .raw(.resetAfterClientHello) },
        LabScenario(
            name: "plain-http", summary: "a plain HTTP server on the TLS port: it answers 400 Bad Request",
            expectedDiagnosis: DiagnosisID.notTLSPlainHTTP, expectedExit: .notTLS, needsTrustAnchor: false
        ) { _ in .raw(.plainHTTP) },
        LabScenario(
            name: "smtp-banner", summary: "an SMTP server greets first: 220 mail.example.com ESMTP Postfix",
            expectedDiagnosis: DiagnosisID.notTLSBanner, expectedExit: .notTLS, needsTrustAnchor: false
        ) { _ in .raw(.banner("220 mail.example.com ESMTP Postfix\r\n")) },
        LabScenario(
            name: "garbage", summary: "the server answers the ClientHello with bytes that are not TLS",
            expectedDiagnosis: DiagnosisID.notTLSGarbage, expectedExit: .notTLS, needsTrustAnchor: false
        ) { _ in .raw(.garbage(Array("\u{0}\u{1}\u{2}garbage, not a TLS record\r\n".utf8))) },
    ]
}
