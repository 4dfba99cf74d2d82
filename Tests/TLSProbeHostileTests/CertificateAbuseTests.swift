import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab

/// Certificate lists that are huge, long, looping, repeated, bloated, malformed or full of
/// terminal escapes.
@Suite("Certificate abuse", .serialized)
struct CertificateAbuseTests {
    let pki = HostileFixture.pki

    private func serve(_ chain: [LabCertificate]) throws -> LabTLSServer {
        try LabTLSServer(LabTLSServerConfig(chain: chain))
    }

    @Test func severalMegabyteCertificateListIsRefusedAtTheCap() throws {
        let big = try LabHostileChains.bigSubject(bytes: 64 * 1024, issuer: pki.intermediate)
        // ~3.3 MB: the leaf (64 KB) then the intermediate and 50 more copies of the big leaf.
        let server = try serve([big, pki.intermediate] + Array(repeating: big, count: 50))
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("certificate list of 3.3 MB", result)
        HostileFixture.check(result, exit: [.otherCertificateProblem], ids: [DiagnosisID.certTooLarge])
    }

    /// ~420 KB is under OpenSSL's 1 MB cap but far over the 100 KB any client accepts, with ten
    /// times more certificates than any client verifies: tlsprobe reads the list, keeps the
    /// first 20 and does not let OpenSSL decode the rest (CertificateListCut); the path from
    /// those still verifies, the count and size are exact, and the run fails on the size.
    @Test(arguments: [LabTLSVersion.tls1_2, .tls1_3])
    func thousandCertificates(_ version: LabTLSVersion) throws {
        let chain = try LabHostileChains.many(999, leafIssuer: pki.intermediate)
        var config = LabTLSServerConfig(chain: [chain[0], pki.intermediate] + chain.dropFirst())
        config.pin(version)
        let server = try LabTLSServer(config)
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("1,000 certificates (leaf, intermediate, 998 strangers), \(version)", result)
        let report = result.report
        #expect(report.verification.trusted == true, "\(report.verification.errors)")
        HostileFixture.check(result, exit: [.otherCertificateProblem], ids: [DiagnosisID.certTooLarge])
        let details = report.stage(.certificate)?.details.certificate
        #expect(details?.sentCount == 1000)
        #expect(report.certificates.count == 20 && report.certificates.first?.commonName == "localhost")
        #expect((details?.certificateMessageBytes ?? 0) > 300_000)
        #expect(report.diagnoses.filter { $0.id == DiagnosisID.certTooLarge }.count == 1, "\(report.diagnoses.map(\.id))")
        #expect(report.stage(.certificate)?.summary.hasPrefix("1000 sent (the first 20 read)") == true, "\(report.stage(.certificate)?.summary ?? "")")
        let tooLarge = report.diagnoses.first { $0.id == DiagnosisID.certTooLarge }
        #expect(tooLarge?.openssl?.contains("read the first 20 of 1000") == true, "\(tooLarge?.openssl ?? "-")")
        // The 980 never read are off the path too: 998 strangers in all.
        #expect(report.stage(.certificate)?.summary.contains("998 unneeded certificates") == true, "\(report.stage(.certificate)?.summary ?? "")")
        let extra = report.diagnoses.first { $0.id == DiagnosisID.chainExtraCerts }?.summary ?? ""
        #expect(extra.contains("the 980 after #19 (not read; the path verifies without them)"), "\(extra)")
        // The line names the error an OpenSSL client reports, not tlsprobe's internals.
        #expect(tooLarge?.openssl?.hasPrefix("SSL_R_EXCESSIVE_MESSAGE_SIZE") == true, "\(tooLarge?.openssl ?? "-")")
        #expect(tooLarge?.openssl?.contains("CertificateListCut") == false, "\(tooLarge?.openssl ?? "-")")
    }

    /// 101 small certificates in under 100 KB: stock clients take the message, so it is decoded
    /// whole and the handshake completes (the cut is only for lists no client accepts).
    @Test func aHundredAndOneCertificatesUnderTheDefaultLimitAreDecodedWhole() throws {
        let chain = try LabHostileChains.many(100, leafIssuer: pki.intermediate)
        let server = try serve([chain[0], pki.intermediate] + chain.dropFirst())
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        let details = result.report.stage(.certificate)?.details.certificate
        #expect((details?.certificateMessageBytes ?? .max) < 100 * 1024)  // OpenSSL's default max_cert_list
        #expect(details?.sentCount == 101)
        #expect(result.report.stage(.finished)?.status == .ok, "\(result.report.diagnoses.map(\.id))")
    }

    @Test func twentyDeepChain() throws {
        let (chain, root) = try LabHostileChains.deep(20)
        let trust = try HostileFixture.writeBundle([root], name: "deep-root.pem")
        let server = try serve(chain)
        defer { server.stop() }
        let result = try HostileFixture.probe(server, trust: trust)
        HostileTable.row("20-deep chain (trusted root)", result)
        #expect(result.report.exitCode == 0, "\(result.report.diagnoses.map(\.id))")
        #expect(result.report.certificates.count == 19)
        #expect(result.seconds < HostileFixture.timeout + 1)
        HostileFixture.expectNoRawControls(result.report)
    }

    @Test func chainLoop() throws {
        let server = try serve(try LabHostileChains.loop())
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("chain loop (A signs B signs A)", result)
        HostileFixture.check(result, exit: [.untrustedChain, .incompleteChain],
                             // The "Loop A" sent is a second key under that name: it did not sign "Loop B".
                             ids: [DiagnosisID.certUntrustedRoot, DiagnosisID.chainMissingIntermediate, DiagnosisID.certSelfSigned, DiagnosisID.certVerifyError,
                                   DiagnosisID.chainWrongIssuerSent])
    }

    @Test func duplicatedCertificates() throws {
        let server = try serve([pki.leaf] + Array(repeating: pki.intermediate, count: 50) + [pki.leaf])
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("duplicated certificates (intermediate ×50, leaf twice)", result)
        #expect(result.report.verification.trusted == true)
        #expect(result.report.exitCode == 0)
        #expect(result.seconds < HostileFixture.timeout + 1)
    }

    @Test func sixtyFourKilobyteSubject() throws {
        let big = try LabHostileChains.bigSubject(bytes: 64 * 1024, issuer: pki.intermediate)
        let server = try serve([big, pki.intermediate])
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("64 KB subject", result)
        #expect(result.report.exitCode == 0, "\(result.report.diagnoses.map(\.id))")
        // The report carries a bounded rendering of the name, not 64 KB.
        let subject = try #require(result.report.certificates.first?.subject)
        #expect(subject.utf8.count <= 8192)
        HostileFixture.expectNoRawControls(result.report)
    }

    @Test func escapeSequencesInSubjectAndSANs() throws {
        let evil = try LabHostileChains.escapeSequences(issuer: pki.intermediate)
        let server = try serve([evil, pki.intermediate])
        defer { server.stop() }
        let result = try HostileFixture.probe(server) { $0.verbose = true }
        HostileTable.row("ESC/BEL/DEL/C1/invalid UTF-8 in subject and SAN", result)
        HostileFixture.expectNoRawControls(result.report)
        let leaf = try #require(result.report.certificates.first)
        #expect(leaf.subject.contains(#"\x1b[31mRED\x1b[0m\x07"#), "\(leaf.subject)")
        #expect(leaf.subject.contains(#"pwned\x07\x1b[2J\x7f\x9b31m"#), "\(leaf.subject)")
        #expect(leaf.san.contains { $0.contains(#"x\x1b[2J\xff\xfe\x80.example"#) }, "\(leaf.san)")
    }

    @Test func malformedDERInTheCertificateMessage() throws {
        let garbage: [UInt8] = [0x30, 0x82, 0x7F, 0xFF, 0x02, 0x01] + Array(repeating: 0x41, count: 64)
        let server = try LabRawServer(.garbage(LabTLSFlights.serverHelloThenCertificate(garbage)))
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("malformed DER in the Certificate message", result)
        HostileFixture.check(result, exit: [.otherCertificateProblem, .handshakeAlert, .notTLS],
                             ids: [DiagnosisID.certMalformed, DiagnosisID.handshakeFailed])
    }
}
