import TLSProbeCore

extension LabScenarios {
    static let healthy: [LabScenario] = [
        LabScenario(
            name: "healthy-rsa", summary: "RSA-2048 leaf with its intermediate, TLS 1.0–1.3 (the lab's OpenSSL at security level 0), HSTS",
            expectedDiagnosis: nil, expectedExit: .success
        ) { pki in try serve(pki.chain) },
        LabScenario(
            name: "healthy-ecdsa", summary: "ECDSA P-256 leaf with its intermediate",
            expectedDiagnosis: nil, expectedExit: .success
        ) { pki in try serve([try leaf(pki) { $0.key = .ec(curve: "P-256") }, pki.intermediate]) },
        LabScenario(
            name: "healthy-tls12-only", summary: "a correct server that only speaks TLS 1.2",
            expectedDiagnosis: nil, expectedExit: .success
        ) { pki in try serve(pki.chain) { $0.pin(.tls1_2) } },
        LabScenario(
            name: "healthy-tls13-only", summary: "a correct server that only speaks TLS 1.3",
            expectedDiagnosis: nil, expectedExit: .success
        ) { pki in try serve(pki.chain) { $0.pin(.tls1_3) } },
        LabScenario(
            name: "wildcard", summary: "certificate for *.lab.test, reached as x.lab.test",
            expectedDiagnosis: nil, expectedExit: .success, host: "x.lab.test"
        ) { pki in
            try serve([try leaf(pki) { $0.commonName = "*.lab.test"; $0.dnsNames = ["*.lab.test"]; $0.ipAddresses = [] }, pki.intermediate])
        },
        LabScenario(
            name: "ip-san", summary: "certificate naming only the IP address 127.0.0.1",
            expectedDiagnosis: nil, expectedExit: .success, host: "127.0.0.1"
        ) { pki in
            try serve([try leaf(pki) { $0.commonName = nil; $0.dnsNames = []; $0.ipAddresses = ["127.0.0.1"] }, pki.intermediate])
        },
        LabScenario(
            name: "rsa-4096", summary: "RSA-4096 leaf",
            expectedDiagnosis: nil, expectedExit: .success
        ) { pki in try serve([try leaf(pki) { $0.key = .rsa(bits: 4096) }, pki.intermediate]) },
        LabScenario(
            name: "rsa-8192", summary: "RSA-8192 leaf (slow to generate and to handshake)",
            expectedDiagnosis: nil, expectedExit: .success, isSlow: true
        ) { pki in try serve([try leaf(pki) { $0.key = .rsa(bits: 8192) }, pki.intermediate]) },
        LabScenario(
            name: "ed25519", summary: "Ed25519 leaf (modern clients only; many embedded stacks lack it)",
            expectedDiagnosis: nil, expectedExit: .success
        ) { pki in try serve([try leaf(pki) { $0.key = .ed25519 }, pki.intermediate]) },
        LabScenario(
            name: "tls12-pss-only",
            summary: "TLS 1.2 only, and only RSA-PSS signatures: clients that offer only PKCS#1 v1.5 fail",
            expectedDiagnosis: nil, expectedExit: .success
        ) { pki in try serve(pki.chain) { $0.pin(.tls1_2); $0.sigalgs = "rsa_pss_rsae_sha256:rsa_pss_rsae_sha384" } },
        LabScenario(
            name: "tls12-sha1-signature",
            summary: "TLS 1.2 only, and the server can sign its key exchange only with SHA-1 (rsa_pkcs1_sha1): clients without SHA-1 fail",
            expectedDiagnosis: DiagnosisID.sigNoShared, expectedExit: .noCommonParameters
        ) { pki in try serve(pki.chain) { $0.pin(.tls1_2); $0.sigalgs = "RSA+SHA1" } },
    ]
}
