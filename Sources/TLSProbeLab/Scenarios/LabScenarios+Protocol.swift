import TLSProbeCore

extension LabScenarios {
    static let protocols: [LabScenario] = [
        LabScenario(
            name: "tls10-only", summary: "the server only speaks TLS 1.0",
            expectedDiagnosis: DiagnosisID.protoTLS10Only, expectedExit: .noCommonParameters
        ) { pki in try serve(pki.chain) { $0.pin(.tls1_0) } },
        LabScenario(
            name: "tls11-only", summary: "the server only speaks TLS 1.1",
            expectedDiagnosis: DiagnosisID.protoTLS11Only, expectedExit: .noCommonParameters
        ) { pki in try serve(pki.chain) { $0.pin(.tls1_1) } },
        LabScenario(
            name: "weak-dh-1024", summary: "TLS 1.2 with DHE suites only, over the 1024-bit RFC 5114 group",
            expectedDiagnosis: DiagnosisID.keyWeakDH, expectedExit: .noCommonParameters
        ) { pki in
            try serve(pki.chain) {
                $0.pin(.tls1_2)
                $0.cipherList = "DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384"
                $0.dhGroup = "dh_1024_160"
            }
        },
        // OpenSSL 3 cannot serve RC4 at all (no RC4 suites in libssl, even with the legacy
        // provider), so the weak-cipher scenario uses NULL encryption instead.
        LabScenario(
            name: "null-cipher-only", summary: "TLS 1.2 with NULL-SHA256 only: authenticated but not encrypted",
            expectedDiagnosis: DiagnosisID.cipherNoShared, expectedExit: .noCommonParameters
        ) { pki in try serve(pki.chain) { $0.pin(.tls1_2); $0.cipherList = "NULL-SHA256" } },
        LabScenario(
            name: "client-cert-required-tls13", summary: "TLS 1.3 server that requires a client certificate from the lab client CA",
            expectedDiagnosis: DiagnosisID.alertClientCertRequired, expectedExit: .handshakeAlert
        ) { pki in try serve(pki.chain) { $0.pin(.tls1_3); $0.clientAuth = .require(acceptableCAs: [pki.clientCA]) } },
        LabScenario(
            name: "client-cert-required-tls12", summary: "TLS 1.2 server that requires a client certificate from the lab client CA",
            expectedDiagnosis: DiagnosisID.alertClientCertRequired, expectedExit: .handshakeAlert
        ) { pki in try serve(pki.chain) { $0.pin(.tls1_2); $0.clientAuth = .require(acceptableCAs: [pki.clientCA]) } },
        LabScenario(
            name: "sni-required", summary: "a ClientHello without SNI gets a fatal unrecognized_name alert (reach it by IP)",
            expectedDiagnosis: DiagnosisID.handshakeSNIRequired, expectedExit: .handshakeAlert, host: "127.0.0.1"
        ) { pki in try serve(pki.chain) { $0.sni = .requireSNI() } },
        LabScenario(
            name: "unrecognized-name", summary: "the server only knows www.lab.test and rejects SNI localhost",
            expectedDiagnosis: DiagnosisID.alertUnrecognizedName, expectedExit: .handshakeAlert
        ) { pki in try serve(pki.chain) { $0.sni = .knownNames(["www.lab.test"]) } },
    ]
}
