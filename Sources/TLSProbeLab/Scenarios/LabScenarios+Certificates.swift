import TLSProbeCore

extension LabScenarios {
    static let certificates: [LabScenario] = validity + trust + names + strength

    private static let validity: [LabScenario] = [
        LabScenario(
            name: "expired", summary: "the leaf expired 10 days ago",
            expectedDiagnosis: DiagnosisID.certExpired, expectedExit: .certificateExpired
        ) { pki in
            try serve([try leaf(pki) { $0.notBeforeOffset = -30 * LabTime.day; $0.notAfterOffset = -10 * LabTime.day }, pki.intermediate])
        },
        LabScenario(
            name: "not-yet-valid", summary: "the leaf only becomes valid in 10 days",
            expectedDiagnosis: DiagnosisID.certNotYetValid, expectedExit: .certificateExpired
        ) { pki in
            try serve([try leaf(pki) { $0.notBeforeOffset = 10 * LabTime.day; $0.notAfterOffset = 100 * LabTime.day }, pki.intermediate])
        },
        LabScenario(
            name: "expires-soon", summary: "the leaf expires in 3 days (a warning: still valid today)",
            expectedDiagnosis: DiagnosisID.certExpiresSoon, expectedExit: .success
        ) { pki in
            // Half a day over: counted in whole days toward zero it is "in 3 days" for the next
            // twelve hours, as the summary says (exactly 3 days would read "in 2 days" a second later).
            try serve([try leaf(pki) { $0.notAfterOffset = 3.5 * LabTime.day }, pki.intermediate])
        },
        LabScenario(
            name: "expired-intermediate", summary: "the leaf is valid but the intermediate it sends expired",
            expectedDiagnosis: DiagnosisID.chainIntermediateExpired, expectedExit: .certificateExpired
        ) { pki in
            var spec = LabCertificateSpec.authority(commonName: "tlsprobe Lab Expired Intermediate CA", pathLength: 0)
            spec.notBeforeOffset = -400 * LabTime.day
            spec.notAfterOffset = -5 * LabTime.day
            let intermediate = try LabPKI.issue(spec, issuer: pki.root)
            return try serve([try LabPKI.issue(.server(), issuer: intermediate), intermediate])
        },
    ]

    private static let trust: [LabScenario] = [
        LabScenario(
            name: "self-signed", summary: "a self-signed localhost certificate",
            expectedDiagnosis: DiagnosisID.certSelfSigned, expectedExit: .untrustedChain
        ) { _ in try serve([try LabPKI.issue(.server(), issuer: nil)]) },
        LabScenario(
            name: "untrusted-root", summary: "the chain ends at a root nobody trusts (the server even sends it)",
            expectedDiagnosis: DiagnosisID.certUntrustedRoot, expectedExit: .untrustedChain
        ) { pki in try serve([try LabPKI.issue(.server(), issuer: pki.foreignRoot), pki.foreignRoot]) },
        // The leaf names a CA Issuers URL as every public CA's do, on the lab's own address (a
        // name would need a DNS lookup, and tests stay on loopback).
        LabScenario(
            name: "missing-intermediate",
            summary: "the server sends its leaf without the intermediate; the leaf's CA Issuers URL (served by the lab) has it: browsers connect, curl, OpenSSL and devices fail",
            expectedDiagnosis: DiagnosisID.chainMissingIntermediate, expectedExit: .incompleteChain
        ) { pki in
            .withCAIssuers(.serving(der: try pki.intermediate.der)) { url in
                LabTLSServerConfig(chain: [try leaf(pki) { $0.aiaCAIssuersURL = url }])
            }
        },
        LabScenario(
            name: "missing-intermediate-aia-down",
            summary: "the server sends its leaf alone and its CA Issuers URL refuses connections (a closed port on the lab's address): browsers fail too",
            expectedDiagnosis: DiagnosisID.chainMissingIntermediate, expectedExit: .incompleteChain
        ) { pki in
            .withCAIssuers(.refusing) { url in
                LabTLSServerConfig(chain: [try leaf(pki) { $0.aiaCAIssuersURL = url }])
            }
        },
        LabScenario(
            name: "chain-wrong-order", summary: "the chain is sent as leaf, root, intermediate (a warning)",
            expectedDiagnosis: DiagnosisID.chainWrongOrder, expectedExit: .success
        ) { pki in try serve([pki.leaf, pki.root, pki.intermediate]) },
        LabScenario(
            name: "root-included", summary: "the server sends the root too (harmless, wasted bytes)",
            expectedDiagnosis: DiagnosisID.chainRootIncluded, expectedExit: .success
        ) { pki in try serve([pki.leaf, pki.intermediate, pki.root]) },
        LabScenario(
            name: "big-chain", summary: "a Certificate message over 16 KB (leaf with 600 names): fine for OpenSSL, too big for a 16 KB embedded buffer",
            expectedDiagnosis: nil, expectedExit: .success
        ) { pki in
            try serve([try leaf(pki) { spec in
                spec.dnsNames = ["localhost"] + (1...600).map { "host-\($0).big-chain.lab.test" }
            }, pki.intermediate])
        },
        LabScenario(
            name: "huge-chain", summary: "a certificate list over 100 KB (leaf with 4,000 names): beyond OpenSSL's default limit",
            expectedDiagnosis: DiagnosisID.certTooLarge, expectedExit: .otherCertificateProblem
        ) { pki in
            try serve([try leaf(pki) { spec in
                spec.dnsNames = ["localhost"] + (1...4000).map { "host-\($0).huge-chain.lab.test" }
            }, pki.intermediate])
        },
    ]

    private static let names: [LabScenario] = [
        LabScenario(
            name: "wrong-host", summary: "the certificate is for other.example, not localhost",
            expectedDiagnosis: DiagnosisID.certHostnameMismatch, expectedExit: .hostnameMismatch
        ) { pki in
            try serve([try leaf(pki) { $0.commonName = "other.example"; $0.dnsNames = ["other.example"]; $0.ipAddresses = [] }, pki.intermediate])
        },
        LabScenario(
            name: "cn-only",
            summary: "no subjectAltName, only CN=localhost: OpenSSL still matches the CN, browsers do not (a warning)",
            expectedDiagnosis: DiagnosisID.certCNOnly, expectedExit: .success
        ) { pki in try serve([try leaf(pki) { $0.includeSAN = false }, pki.intermediate]) },
    ]

    private static let strength: [LabScenario] = [
        LabScenario(
            name: "wrong-purpose", summary: "the leaf's extended key usage is clientAuth only",
            expectedDiagnosis: DiagnosisID.certWrongPurpose, expectedExit: .otherCertificateProblem
        ) { pki in try serve([try leaf(pki) { $0.extendedKeyUsage = [.clientAuth] }, pki.intermediate]) },
        LabScenario(
            name: "weak-rsa-1024", summary: "the leaf has a 1024-bit RSA key",
            expectedDiagnosis: DiagnosisID.keyWeakRSA, expectedExit: .otherCertificateProblem
        ) { pki in try serve([try leaf(pki) { $0.key = .rsa(bits: 1024) }, pki.intermediate]) },
        LabScenario(
            name: "sha1-leaf", summary: "the leaf is signed with sha1WithRSAEncryption",
            expectedDiagnosis: DiagnosisID.sigSHA1, expectedExit: .otherCertificateProblem
        ) { pki in try serve([try leaf(pki) { $0.signatureHash = .sha1 }, pki.intermediate]) },
        LabScenario(
            name: "md5-leaf", summary: "the leaf is signed with md5WithRSAEncryption",
            expectedDiagnosis: DiagnosisID.sigMD5, expectedExit: .otherCertificateProblem
        ) { pki in try serve([try leaf(pki) { $0.signatureHash = .md5 }, pki.intermediate]) },
        LabScenario(
            name: "extra-cert", summary: "the server also sends an unrelated certificate (works, but strict clients object)",
            expectedDiagnosis: DiagnosisID.chainExtraCerts, expectedExit: .success
        ) { pki in try serve([pki.leaf, pki.intermediate, pki.foreignRoot]) },
    ]
}
