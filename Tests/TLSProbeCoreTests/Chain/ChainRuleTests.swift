import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab

/// One X.509 rule per test: a chain that breaks it, generated now, served over TLS on loopback,
/// probed; the id tlsprobe names is checked, and so is the verdict of a verifier that is not ours.
@Suite("X.509 rules each get their id", .serialized)
struct ChainRuleTests: ChainSuite {
    let fixture: ChainFixture
    init() throws { fixture = try ChainFixture("Rules") }

    private func probe(_ chain: [LabCertificate], trust: [LabCertificate]? = nil, label: String = #function) throws -> ProbeReport {
        try lab.probe(sending: chain, trusting: trust ?? [root], label: label)
    }

    private func expectID(_ report: ProbeReport, _ id: String, depth: Int? = nil, words: [String] = [], exit: TLSProbeCore.ExitStatus? = nil,
                          sourceLocation: SourceLocation = #_sourceLocation) {
        let ids = report.diagnoses.map { "\($0.id)@\($0.depth.map(String.init) ?? "-"): \($0.summary)" }
        guard let diagnosis = report.diagnoses.first(where: { $0.id == id && (depth == nil || $0.depth == depth) }) else {
            Issue.record("no \(id) in \(ids)", sourceLocation: sourceLocation)
            return
        }
        for word in words { #expect(diagnosis.summary.contains(word), "\(diagnosis.summary)", sourceLocation: sourceLocation) }
        #expect(!report.diagnoses.contains { $0.id == DiagnosisID.certVerifyError }, "\(ids)", sourceLocation: sourceLocation)
        #expect(!report.diagnoses.contains { $0.summary.contains("\"?\"") || $0.summary.contains("\"\"") }, "\(ids)", sourceLocation: sourceLocation)
        if let exit { #expect(report.exitCode == exit.rawValue, "\(ids)", sourceLocation: sourceLocation) }
        #expect(report.exitCode != 0, "\(ids)", sourceLocation: sourceLocation)
    }

    @Test func permittedNameConstraint() throws {
        let constrained = try ChainSpecs.intermediate("Constrained CA", issuer: root, [("nameConstraints", "critical,permitted;DNS:.example.com")])
        let leaf = try ChainSpecs.leaf(issuer: constrained) { $0.ipAddresses = [] }
        let oracle = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [constrained], trust: [root])
        #expect(oracle.status != 0 && oracle.output.contains("permitted subtree violation"), "\(oracle.output)")
        let go = try GoVerifier.verify(lab, leaf: leaf, intermediates: [constrained], roots: [root])
        #expect(go.status == 1, "\(go.output)")
        let report = try probe([leaf, constrained])
        expectID(report, DiagnosisID.chainNameConstraints, depth: 0, words: ["Constrained CA", "not inside the permitted subtrees", ".example.com"])
    }

    @Test func excludedNameConstraint() throws {
        let constrained = try ChainSpecs.intermediate("Excluding CA", issuer: root, [("nameConstraints", "critical,excluded;DNS:localhost")])
        let leaf = try ChainSpecs.leaf(issuer: constrained) { $0.ipAddresses = [] }
        let oracle = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [constrained], trust: [root])
        #expect(oracle.status != 0 && oracle.output.contains("excluded subtree violation"), "\(oracle.output)")
        let gnutls = try GnuTLSVerifier.verify(lab, chain: [leaf, constrained], roots: [root])
        #expect(gnutls.status != 0, "\(gnutls.output)")
        let report = try probe([leaf, constrained])
        expectID(report, DiagnosisID.chainNameConstraints, depth: 0, words: ["excluded subtree"])
    }

    @Test func pathLengthConstraintIsNotTooDeep() throws {
        let top = try ChainSpecs.intermediate("PathLen Zero CA", issuer: root, [("basicConstraints", "critical,CA:TRUE,pathlen:0")])
        let below = try ChainSpecs.intermediate("Below CA", issuer: top)
        let leaf = try ChainSpecs.leaf(issuer: below)
        let oracle = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [below, top], trust: [root])
        #expect(oracle.status != 0 && oracle.output.contains("path length constraint exceeded"), "\(oracle.output)")
        let go = try GoVerifier.verify(lab, leaf: leaf, intermediates: [below, top], roots: [root])
        #expect(go.status == 1 && go.output.contains("path length"), "\(go.output)")
        let report = try probe([leaf, below, top])
        expectID(report, DiagnosisID.chainPathLength, depth: 2, words: ["PathLen Zero CA", "allows 0 intermediate", "has 1"])
        #expect(!report.diagnoses.contains { $0.id == DiagnosisID.chainTooDeep })
    }

    @Test func issuerWithoutCABit() throws {
        let notCA = try ChainSpecs.intermediate("Not A CA", issuer: root, [("basicConstraints", "critical,CA:FALSE")])
        let leaf = try ChainSpecs.leaf(issuer: notCA)
        let oracle = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [notCA], trust: [root])
        #expect(oracle.status != 0 && oracle.output.contains("invalid CA certificate"), "\(oracle.output)")
        let go = try GoVerifier.verify(lab, leaf: leaf, intermediates: [notCA], roots: [root])
        #expect(go.status == 1, "\(go.output)")
        let report = try probe([leaf, notCA])
        expectID(report, DiagnosisID.chainIssuerNotCA, depth: 1, words: ["Not A CA", "CA:FALSE"])
    }

    @Test func caWithoutKeyCertSign() throws {
        let ca = try ChainSpecs.intermediate("No CertSign CA", issuer: root, [("keyUsage", "critical,digitalSignature,cRLSign")])
        let leaf = try ChainSpecs.leaf(issuer: ca)
        let oracle = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [ca], trust: [root])
        #expect(oracle.status != 0, "\(oracle.output)")
        let go = try GoVerifier.verify(lab, leaf: leaf, intermediates: [ca], roots: [root])
        let gnutls = try GnuTLSVerifier.verify(lab, chain: [leaf, ca], roots: [root])
        #expect(gnutls.status != 0, "gnutls: \(gnutls.output); go: \(go.output)")
        let report = try probe([leaf, ca])
        expectID(report, DiagnosisID.chainCAKeyUsage, words: ["No CertSign CA", "keyCertSign"])
    }

    @Test func leafKeyUsageWithoutSignature() throws {
        let intermediate = try ChainSpecs.intermediate("KU Intermediate", issuer: root)
        let leaf = try ChainSpecs.leaf(issuer: intermediate) { $0.extensionOverrides = [("keyUsage", "critical,dataEncipherment")] }
        let oracle = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [intermediate], trust: [root])
        #expect(oracle.status != 0 && oracle.output.contains("unsuitable certificate purpose"), "\(oracle.output)")
        let report = try probe([leaf, intermediate])
        expectID(report, DiagnosisID.certKeyUsage, depth: 0, words: ["dataEncipherment", "digitalSignature"])
        #expect(!report.diagnoses.contains { $0.id == DiagnosisID.certWrongPurpose })
    }

    @Test func caWhoseExtendedKeyUsageExcludesServers() throws {
        let ca = try ChainSpecs.intermediate("Client Only CA", issuer: root, [("extendedKeyUsage", "clientAuth")])
        let leaf = try ChainSpecs.leaf(issuer: ca)
        let go = try GoVerifier.verify(lab, leaf: leaf, intermediates: [ca], roots: [root])
        #expect(go.status == 1 && go.output.contains("key usage"), "\(go.output)")
        let oracle = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [ca], trust: [root])
        #expect(oracle.status != 0, "\(oracle.output)")
        let report = try probe([leaf, ca])
        expectID(report, DiagnosisID.chainCAPurpose, depth: 1, words: ["Client Only CA", "clientAuth"])
    }

    /// OpenSSL 3 applies the trust anchor's extendedKeyUsage too: an error, not only a strict finding.
    @Test func rootWhoseExtendedKeyUsageExcludesServers() throws {
        let clientRoot = try ChainSpecs.root("Client Auth Root", [("extendedKeyUsage", "clientAuth")])
        let ca = try ChainSpecs.intermediate("Under Client Root", issuer: clientRoot)
        let leaf = try ChainSpecs.leaf(issuer: ca)
        let oracle = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [ca], trust: [clientRoot])
        #expect(oracle.status != 0 && oracle.output.contains("unsuitable certificate purpose"), "\(oracle.output)")
        let go = try GoVerifier.verify(lab, leaf: leaf, intermediates: [ca], roots: [clientRoot])
        #expect(go.status == 1 && go.output.contains("key usage"), "\(go.output)")
        let report = try probe([leaf, ca], trust: [clientRoot])
        expectID(report, DiagnosisID.chainCAPurpose, depth: 2, words: ["Client Auth Root", "clientAuth"])
    }

    @Test func unknownCriticalExtension() throws {
        let intermediate = try ChainSpecs.intermediate("Crit Intermediate", issuer: root)
        let leaf = try ChainSpecs.leaf(issuer: intermediate) { $0.extensionOverrides = [("1.3.6.1.4.1.55555.7", "critical,DER:05:00")] }
        let oracle = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [intermediate], trust: [root])
        #expect(oracle.status != 0 && oracle.output.contains("unhandled critical extension"), "\(oracle.output)")
        let go = try GoVerifier.verify(lab, leaf: leaf, intermediates: [intermediate], roots: [root])
        #expect(go.status == 1 && go.output.contains("critical extension"), "\(go.output)")
        let report = try probe([leaf, intermediate])
        expectID(report, DiagnosisID.certCriticalExtension, depth: 0, words: ["1.3.6.1.4.1.55555.7"])
    }

    @Test func authorityKeyIdentifierMismatchWhileTheKeySigned() throws {
        let intermediate = try ChainSpecs.intermediate("AKI Intermediate", issuer: root)
        let bogusKeyID = "DER:30:16:80:14" + String(repeating: ":AB", count: 20)
        let leaf = try ChainSpecs.leaf(issuer: intermediate) { $0.extensionOverrides = [("authorityKeyIdentifier", bogusKeyID)] }
        let oracle = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [intermediate], trust: [root])
        #expect(oracle.status != 0, "\(oracle.output)")
        let report = try probe([leaf, intermediate])
        expectID(report, DiagnosisID.chainKeyIdentifier, depth: 0, words: ["AB:AB:AB", "subjectKeyIdentifier"])
        #expect(!report.diagnoses.contains { $0.id == DiagnosisID.chainMissingIntermediate })
    }

    @Test func requireExplicitPolicyWithoutPolicy() throws {
        let ca = try ChainSpecs.intermediate("Policy CA", issuer: root, [("policyConstraints", "critical,requireExplicitPolicy:0")])
        let leaf = try ChainSpecs.leaf(issuer: ca)
        // A default OpenSSL client (no policy checking) accepts it; RFC 5280 policy processing does not.
        let lenient = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [ca], trust: [root])
        #expect(lenient.status == 0, "\(lenient.output)")
        let oracle = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [ca], trust: [root], ["-policy_check"])
        #expect(oracle.status != 0 && oracle.output.contains("no explicit policy"), "\(oracle.output)")
        let report = try probe([leaf, ca])
        let strict = try #require(report.diagnoses.first { $0.id == DiagnosisID.chainStrict && $0.summary.contains("policy") }, "\(report.diagnoses.map(\.summary))")
        #expect(strict.severity == .warning)
        #expect(report.exitCode == 0)
        let underStrict = try lab.probe(sending: [leaf, ca], trusting: [root]) { $0.strict = true }
        #expect(underStrict.exitCode == TLSProbeCore.ExitStatus.warningsUnderStrict.rawValue)
    }

    /// An intermediate whose EC key gives its curve by explicit parameters (made with the openssl
    /// CLI: the lab only makes named-curve keys), served by s_server: OpenSSL 3 refuses it
    /// (X509_V_ERR_EC_KEY_EXPLICIT_PARAMS, 94) and tlsprobe names the key, not "look up the code".
    @Test func intermediateWithExplicitCurveParameters() throws {
        let directory = lab.directory
        func openssl(_ arguments: [String]) throws {
            let result = try ExternalVerifier.run("openssl", arguments, in: directory)
            guard result.status == 0 else { throw LabError("openssl \(arguments.joined(separator: " ")): \(result.output)") }
        }
        try root.write(certTo: directory.appending(path: "x-root.pem"), keyTo: directory.appending(path: "x-root.key"))
        try "[ca]\nbasicConstraints = critical, CA:TRUE\nkeyUsage = critical, keyCertSign, cRLSign\nsubjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\n[leaf]\nbasicConstraints = critical, CA:FALSE\nkeyUsage = critical, digitalSignature\nextendedKeyUsage = serverAuth\nsubjectAltName = DNS:localhost\nsubjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\n"
            .write(to: directory.appending(path: "x.cnf"), atomically: true, encoding: .utf8)
        try openssl(["ecparam", "-name", "prime256v1", "-param_enc", "explicit", "-genkey", "-noout", "-out", "x-int.key"])
        try openssl(["req", "-new", "-key", "x-int.key", "-subj", "/CN=Explicit Curve CA", "-out", "x-int.csr"])
        try openssl(["x509", "-req", "-in", "x-int.csr", "-CA", "x-root.pem", "-CAkey", "x-root.key", "-set_serial", "4660", "-days", "30",
                     "-extfile", "x.cnf", "-extensions", "ca", "-out", "x-int.pem"])
        try openssl(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "x-leaf.key"])
        try openssl(["req", "-new", "-key", "x-leaf.key", "-subj", "/CN=localhost", "-out", "x-leaf.csr"])
        try openssl(["x509", "-req", "-in", "x-leaf.csr", "-CA", "x-int.pem", "-CAkey", "x-int.key", "-set_serial", "4661", "-days", "30",
                     "-extfile", "x.cnf", "-extensions", "leaf", "-out", "x-leaf.pem"])
        let path = { (name: String) in directory.appending(path: name).path }
        let verdict = try ExternalVerifier.run("openssl", ["verify", "-CAfile", path("x-root.pem"), "-untrusted", path("x-int.pem"), path("x-leaf.pem")])
        #expect(verdict.status != 0 && verdict.output.contains("explicit ECC parameters"), "\(verdict.output)")

        let leaf = try LabCertificate(pem: try String(contentsOfFile: path("x-leaf.pem"), encoding: .utf8), keyPEM: try String(contentsOfFile: path("x-leaf.key"), encoding: .utf8))
        var spec = ForeignServerSpec(chain: [leaf])
        spec.extra = ["-cert_chain", path("x-int.pem")]
        let server = try ForeignTLSServer.start(.openssl, spec)
        defer { server.stop() }
        let report = try lab.probe(port: server.port, trusting: [root])
        expectID(report, DiagnosisID.certUnusableKey, depth: 1, words: ["Explicit Curve CA", "explicit parameters"], exit: .otherCertificateProblem)
    }

    /// Rewrites `certificate` (PEM, in `directory`) with its SPKI algorithm OID id-ecPublicKey
    /// changed to 1.2.840.10045.2.9 (unknown), re-signed by `signer` (ECDSA-SHA256): a
    /// well-signed certificate whose key nothing can decode.
    static func breakPublicKey(of certificate: String, signer: String, into output: String, in directory: URL) throws {
        let rewrite = """
            import subprocess, sys
            source, signer, output = sys.argv[1:4]
            der = subprocess.run(["openssl", "x509", "-in", source, "-outform", "DER"], capture_output=True, check=True).stdout
            def header(b, i):
                n = b[i + 1]
                if n < 0x80: return 2, n
                k = n & 0x7f
                return 2 + k, int.from_bytes(b[i + 2:i + 2 + k], "big")
            h, _ = header(der, 0)
            th, tl = header(der, h)
            tbs = der[h:h + th + tl]
            assert tbs.count(bytes.fromhex("06072a8648ce3d0201")) == 1
            tbs = tbs.replace(bytes.fromhex("06072a8648ce3d0201"), bytes.fromhex("06072a8648ce3d0209"))
            open(output + ".tbs", "wb").write(tbs)
            sig = subprocess.run(["openssl", "dgst", "-sha256", "-sign", signer, output + ".tbs"], capture_output=True, check=True).stdout
            def tlv(tag, body):
                n = len(body)
                if n < 0x80: return bytes([tag, n]) + body
                k = (n.bit_length() + 7) // 8
                return bytes([tag, 0x80 | k]) + n.to_bytes(k, "big") + body
            cert = tlv(0x30, tbs + bytes.fromhex("300a06082a8648ce3d040302") + tlv(0x03, bytes([0]) + sig))
            open(output + ".der", "wb").write(cert)
            subprocess.run(["openssl", "x509", "-inform", "DER", "-in", output + ".der", "-out", output], check=True)
            """
        let python = try ExternalVerifier.run("python3", ["-c", rewrite, certificate, signer, output], in: directory)
        guard python.status == 0 else { throw LabError("rewriting \(certificate): \(python.output)") }
    }

    /// A leaf whose key does not decode, in a TLS 1.2 Certificate message from a raw server:
    /// OpenSSL's path building stops on an internal error without telling the verify callback
    /// a code (X509_V_ERR_UNSPECIFIED stays in the session). Was "ok certificate" next to a
    /// failed key exchange; now `cert.verify_unspecified`, explained from the certificate.
    @Test func aLeafWhoseKeyDoesNotDecodeIsUnspecifiedAndExplained() throws {
        let directory = lab.directory
        try root.write(certTo: directory.appending(path: "v-root.pem"), keyTo: directory.appending(path: "v-root.key"))
        let leaf = try ChainSpecs.leaf(issuer: root)
        try leaf.write(certTo: directory.appending(path: "v-leaf.pem"))
        try Self.breakPublicKey(of: "v-leaf.pem", signer: "v-root.key", into: "v-bad.pem", in: directory)
        let verdict = try ExternalVerifier.run("openssl", ["verify", "-CAfile", directory.appending(path: "v-root.pem").path, directory.appending(path: "v-bad.pem").path])
        #expect(verdict.status != 0 && verdict.output.contains("decode error"), "\(verdict.output)")
        let der = [UInt8](try Data(contentsOf: directory.appending(path: "v-bad.pem.der")))
        let server = try LabRawServer(.garbage(LabTLSFlights.serverHelloThenCertificate(der)))
        defer { server.stop() }
        let report = try lab.probe(port: server.port, trusting: [root]) { $0.tlsMax = .tls12 }
        expectID(report, DiagnosisID.certVerifyUnspecified, depth: 0, words: ["public key type is not supported"], exit: .otherCertificateProblem)
        #expect(report.stages.first { $0.name == .certificate }?.status == .fail)
    }

    /// An intermediate whose subjectPublicKeyInfo names an unknown algorithm (the id-ecPublicKey
    /// OID changed in its last arc, the certificate re-signed by the root): its key cannot be
    /// decoded, so nothing can check the leaf's signature. Was `chain.wrong_issuer_sent`.
    @Test func intermediateWithAnUndecodableKey() throws {
        let directory = lab.directory
        func openssl(_ arguments: [String]) throws {
            let result = try ExternalVerifier.run("openssl", arguments, in: directory)
            guard result.status == 0 else { throw LabError("openssl \(arguments.joined(separator: " ")): \(result.output)") }
        }
        try root.write(certTo: directory.appending(path: "u-root.pem"), keyTo: directory.appending(path: "u-root.key"))
        try "[ca]\nbasicConstraints = critical, CA:TRUE\nkeyUsage = critical, keyCertSign, cRLSign\nsubjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\n[leaf]\nbasicConstraints = critical, CA:FALSE\nkeyUsage = critical, digitalSignature\nextendedKeyUsage = serverAuth\nsubjectAltName = DNS:localhost\nsubjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\n"
            .write(to: directory.appending(path: "u.cnf"), atomically: true, encoding: .utf8)
        for name in ["u-int", "u-leaf"] { try openssl(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "\(name).key"]) }
        try openssl(["req", "-new", "-key", "u-int.key", "-subj", "/CN=Undecodable Key CA", "-out", "u-int.csr"])
        try openssl(["x509", "-req", "-in", "u-int.csr", "-CA", "u-root.pem", "-CAkey", "u-root.key", "-set_serial", "4662", "-days", "30",
                     "-extfile", "u.cnf", "-extensions", "ca", "-out", "u-int.pem"])
        try openssl(["req", "-new", "-key", "u-leaf.key", "-subj", "/CN=localhost", "-out", "u-leaf.csr"])
        try openssl(["x509", "-req", "-in", "u-leaf.csr", "-CA", "u-int.pem", "-CAkey", "u-int.key", "-set_serial", "4663", "-days", "30",
                     "-extfile", "u.cnf", "-extensions", "leaf", "-out", "u-leaf.pem"])
        try Self.breakPublicKey(of: "u-int.pem", signer: "u-root.key", into: "u-bad.pem", in: directory)
        let path = { (name: String) in directory.appending(path: name).path }
        // The outside verdict: OpenSSL cannot decode the key and does not accept the chain.
        let verdict = try ExternalVerifier.run("openssl", ["verify", "-CAfile", path("u-root.pem"), "-untrusted", path("u-bad.pem"), path("u-leaf.pem")])
        #expect(verdict.status != 0 && verdict.output.contains("decode error"), "\(verdict.output)")

        let leaf = try LabCertificate(pem: try String(contentsOfFile: path("u-leaf.pem"), encoding: .utf8), keyPEM: try String(contentsOfFile: path("u-leaf.key"), encoding: .utf8))
        var spec = ForeignServerSpec(chain: [leaf])
        spec.ciphers = "DEFAULT:@SECLEVEL=0"  // s_server refuses to load a chain certificate without a key otherwise
        spec.extra = ["-cert_chain", path("u-bad.pem")]
        let server = try ForeignTLSServer.start(.openssl, spec)
        defer { server.stop() }
        let report = try lab.probe(port: server.port, trusting: [root])
        expectID(report, DiagnosisID.certUnusableKey, depth: 1, words: ["Undecodable Key CA", "1.2.840.10045.2.9", "does not decode"], exit: .otherCertificateProblem)
        #expect(!report.diagnoses.contains { $0.id == DiagnosisID.chainWrongIssuerSent }, "\(report.diagnoses.map(\.id))")
    }

    @Test func malformedExtension() throws {
        let intermediate = try ChainSpecs.intermediate("Malformed Intermediate", issuer: root)
        // A subjectAltName whose DER is cut short: it decodes as an extension, not as names.
        let leaf = try ChainSpecs.leaf(issuer: intermediate) { $0.extensionOverrides = [("subjectAltName", "DER:30:05:82:09:6C")] }
        let oracle = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [intermediate], trust: [root])
        #expect(oracle.status != 0, "\(oracle.output)")
        let report = try probe([leaf, intermediate])
        #expect(report.exitCode != 0)
        #expect(report.diagnoses.contains { [DiagnosisID.certInvalidExtension, DiagnosisID.certVerifyUnspecified, DiagnosisID.certHostnameMismatch].contains($0.id) },
                "\(report.diagnoses.map { "\($0.id): \($0.summary)" })")
    }
}
