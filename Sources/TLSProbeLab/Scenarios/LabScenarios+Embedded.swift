import TLSProbeCore

/// Servers that a laptop accepts and an embedded client (`--client esp-idf`) does not. Their
/// expectations here are the default (OpenSSL) client's; the embedded diagnoses are checked by
/// the embedded profile tests.
extension LabScenarios {
    static let embedded: [LabScenario] = [
        LabScenario(
            name: "cross-signed-top",
            summary: "the chain ends in a cross-signed twin of the lab root, issued by the untrusted foreign root (the ISRG Root X1 / DST Root CA X3 pattern)",
            expectedDiagnosis: nil, expectedExit: .success
        ) { pki in
            // Same subject and key as the trusted root, so a verifier that knows the root builds
            // the short path; one that only looks at the last certificate sent sees the foreign root.
            let twin = try LabPKI.issue(.authority(commonName: "tlsprobe Lab Root CA"), issuer: pki.foreignRoot, reusing: pki.root.key)
            return try serve([pki.leaf, pki.intermediate, twin])
        },
        LabScenario(
            name: "chain-just-over-16k",
            summary: "a Certificate message a little over 16,384 bytes (leaf with 520 names): Mbed TLS 3.6.3+ reassembles it, 2.28 and 3.6.0–3.6.2 fail (-0x7080)",
            expectedDiagnosis: nil, expectedExit: .success
        ) { pki in
            try serve([try leaf(pki) { spec in
                spec.dnsNames = ["localhost"] + (1...520).map { "host-\($0).big-chain.lab.test" }
            }, pki.intermediate])
        },
        LabScenario(
            name: "chain-out-of-order",
            summary: "two intermediates, the upper one sent first (leaf, upper, sub): OpenSSL reorders; Mbed TLS looks for an issuer only after each certificate and fails",
            expectedDiagnosis: DiagnosisID.chainWrongOrder, expectedExit: .success
        ) { pki in
            // root → upper → sub → leaf (the lab's own intermediate allows no sub-CA). The leaf
            // finds its issuer after it; the sub's issuer was sent before it, where Mbed TLS does not look.
            let upper = try LabPKI.issue(.authority(commonName: "tlsprobe Lab Upper Intermediate CA"), issuer: pki.root)
            let sub = try LabPKI.issue(.authority(commonName: "tlsprobe Lab Sub-Intermediate CA", pathLength: 0), issuer: upper)
            let leaf = try LabPKI.issue(.server(), issuer: sub)
            return try serve([leaf, upper, sub])
        },
    ]
}
