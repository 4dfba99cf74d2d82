import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab
import TLSProbeRendering

/// `--revocation ocsp|crl|both` against a loopback `openssl ocsp -index … -port …` responder and
/// a loopback HTTP server holding a CRL made by `openssl ca -gencrl`, for leaves whose AIA and
/// CRL distribution point name them. The probe's own TLS server is the lab's.
@Suite("Revocation checks", .serialized)
struct RevocationCheckTests {
    static let pki = HostileFixture.pki

    /// One world: a leaf (good or revoked) naming a responder and a distribution point that run.
    struct World {
        let directory: URL
        let leaf: LabCertificate
        let responder: ExternalTLSServer
        let crlServer: ExternalTLSServer
        let server: LabTLSServer

        func stop() {
            server.stop()
            responder.stop()
            crlServer.stop()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    static func tool(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        try OCSPStapleTests.tool("sh", ["-c", "cd '\(directory.path)' && " + arguments.map { "'\($0)'" }.joined(separator: " ")])
    }

    /// `revokedIn`: "ocsp", "crl", both or neither, for the leaf.
    /// `deadFirst`: the leaf names a dead responder and a dead distribution point before the live ones.
    /// `ocspURL`: the responder URL to name instead of the live one (a replaying server, say).
    static func world(revokedIn: Set<String>, responderAlive: Bool = true, deadFirst: Bool = false, ocspURL: String? = nil) throws -> World {
        let directory = HostileFixture.directory.appending(path: "revocation-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try pki.intermediate.write(certTo: directory.appending(path: "intermediate.pem"), keyTo: directory.appending(path: "intermediate.key"))
        let ocspPort = try ExternalTLSServer.freePort(), crlPort = try ExternalTLSServer.freePort()
        var spec = LabCertificateSpec.server()
        let dead = deadFirst ? try ExternalTLSServer.freePort() : 0
        let ocsp = ocspURL ?? "http://127.0.0.1:\(ocspPort)/"
        spec.extensionOverrides = [("authorityInfoAccess", (deadFirst ? "OCSP;URI:http://127.0.0.1:\(dead)/," : "") + "OCSP;URI:\(ocsp)"),
                                   ("crlDistributionPoints", (deadFirst ? "URI:http://127.0.0.1:\(dead)/gone.crl," : "") + "URI:http://127.0.0.1:\(crlPort)/intermediate.crl")]
        let leaf = try LabPKI.issue(spec, issuer: pki.intermediate)
        try leaf.write(certTo: directory.appending(path: "leaf.pem"))
        let serial = try tool(["openssl", "x509", "-noout", "-serial", "-in", "leaf.pem"], in: directory).output
            .trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "serial=", with: "")
        func line(revoked: Bool) -> String {
            revoked ? "R\t350101000000Z\t251115120000Z,keyCompromise\t\(serial)\tunknown\t/CN=localhost\n" : "V\t350101000000Z\t\t\(serial)\tunknown\t/CN=localhost\n"
        }
        try line(revoked: revokedIn.contains("ocsp")).write(to: directory.appending(path: "ocsp-index.txt"), atomically: true, encoding: .utf8)
        // The CRL: openssl ca -gencrl over its own index, signed by the intermediate.
        try (revokedIn.contains("crl") ? line(revoked: true) : "").write(to: directory.appending(path: "crl-index.txt"), atomically: true, encoding: .utf8)
        try "01\n".write(to: directory.appending(path: "crlnumber"), atomically: true, encoding: .utf8)
        let config = "[ca]\ndefault_ca = lab\n[lab]\ndatabase = crl-index.txt\ncrlnumber = crlnumber\ndefault_md = sha256\ndefault_crl_days = 1\n"
        try config.write(to: directory.appending(path: "ca.cnf"), atomically: true, encoding: .utf8)
        let crl = try tool(["openssl", "ca", "-gencrl", "-config", "ca.cnf", "-keyfile", "intermediate.key", "-cert", "intermediate.pem", "-out", "intermediate.crl"], in: directory)
        guard crl.status == 0 else { throw ExternalServerError.didNotStart("openssl ca -gencrl: \(crl.output)") }
        let responder = try ExternalTLSServer.ocspResponder(index: directory.appending(path: "ocsp-index.txt").path, ca: directory.appending(path: "intermediate.pem").path,
                                                            signer: directory.appending(path: "intermediate.pem").path, key: directory.appending(path: "intermediate.key").path,
                                                            port: ocspPort)
        if !responderAlive { responder.stop() }
        let crlServer = try ExternalTLSServer.httpFiles(directory.path, port: crlPort)
        let server = try LabTLSServer(LabTLSServerConfig(chain: [leaf, pki.intermediate]))
        return World(directory: directory, leaf: leaf, responder: responder, crlServer: crlServer, server: server)
    }

    private func probe(_ world: World, _ mode: RevocationMode?) throws -> (report: ProbeReport, seconds: Double) {
        try HostileFixture.probe(world.server) { $0.revocation = mode; $0.timeout = 6 }
    }

    @Test func goodByOCSPAndCRL() throws {
        let world = try Self.world(revokedIn: [])
        defer { world.stop() }
        let result = try probe(world, .both)
        HostileTable.row("--revocation both, leaf good", result)
        #expect(result.report.exitCode == 0, "\(result.report.diagnoses.map { "\($0.id): \($0.summary)" })")
        let leaf = (result.report.revocation ?? []).filter { $0.depth == 0 }
        #expect(leaf.map(\.method).sorted() == ["crl", "ocsp"])
        #expect(leaf.allSatisfy { $0.status == "good" }, "\(leaf)")
        // The lab intermediate names no responder and no CRL: unknown, said as a warning.
        #expect(result.report.diagnoses.contains { $0.id == DiagnosisID.revocationUnknown && $0.depth == 1 })
        #expect(result.report.stage(.revocation)?.summary.contains("leaf OCSP good") == true)
        try Self.expectValidJSON(result.report)
    }

    /// The --revocation JSON (stage, `revocation` array, ocsp fields) against docs/tlsprobe.schema.json.
    static func expectValidJSON(_ report: ProbeReport, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = HostileFixture.directory.appending(path: "revocation-\(UInt32.random(in: 0...UInt32.max)).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try JSONRenderer.render(report).write(to: file, atomically: true, encoding: .utf8)
        let check = try OCSPStapleTests.tool("python3", [root.appending(path: "scripts/validate-json.py").path, root.appending(path: "docs/tlsprobe.schema.json").path, file.path])
        #expect(check.status == 0, "\(check.output)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [("ocsp", RevocationMode.ocsp), ("crl", .crl)])
    func revokedIsFound(source: String, mode: RevocationMode) throws {
        let world = try Self.world(revokedIn: [source])
        defer { world.stop() }
        let result = try probe(world, mode)
        HostileTable.row("--revocation \(source), leaf revoked (keyCompromise)", result)
        HostileFixture.check(result, exit: [.otherCertificateProblem], ids: [DiagnosisID.certRevoked], deadline: 6)
        let revoked = try #require(result.report.diagnoses.first { $0.id == DiagnosisID.certRevoked })
        #expect(revoked.summary.contains("keyCompromise"), "\(revoked.summary)")
        #expect(revoked.stage == .revocation)
        #expect(result.report.revocation?.first { $0.depth == 0 }?.status == "revoked")
        #expect(result.report.stage(.http)?.status == .skipped)
        try Self.expectValidJSON(result.report)
    }

    @Test func deadResponderIsUnknownWithinTheDeadline() throws {
        let world = try Self.world(revokedIn: [], responderAlive: false)
        defer { world.stop() }
        let result = try probe(world, .ocsp)
        HostileTable.row("--revocation ocsp, responder down", result)
        HostileFixture.check(result, exit: [.success], ids: [DiagnosisID.revocationUnknown], deadline: 6)
        #expect(result.report.revocation?.first { $0.depth == 0 }?.status == "unknown")
    }

    /// Every responder and distribution point the certificate names is tried in order: the first
    /// (dead) ones do not make the status unknown.
    @Test(arguments: [("ocsp", RevocationMode.ocsp), ("crl", .crl)])
    func aDeadFirstURLFallsThroughToTheNextOne(source: String, mode: RevocationMode) throws {
        let world = try Self.world(revokedIn: [source], deadFirst: true)
        defer { world.stop() }
        let result = try probe(world, mode)
        HostileTable.row("--revocation \(source), first URL dead, second says revoked", result)
        HostileFixture.check(result, exit: [.otherCertificateProblem], ids: [DiagnosisID.certRevoked], deadline: 6)
        let leaf = try #require(result.report.revocation?.first { $0.depth == 0 })
        #expect(leaf.status == "revoked", "\(leaf)")
        #expect(leaf.detail.contains("after http://127.0.0.1:"), "\(leaf.detail)")
        #expect(leaf.url?.hasSuffix(source == "ocsp" ? "/" : "/intermediate.crl") == true && leaf.url?.contains("gone") == false, "\(leaf)")
    }

    /// Our request carries a nonce; a responder that replays an answer made for another request
    /// (another nonce) is not believed, even though the answer is validly signed and says good.
    @Test func aReplayedOCSPAnswerWithAnotherNonceIsNotBelieved() throws {
        let replayPort = try ExternalTLSServer.freePort()
        let world = try Self.world(revokedIn: [], ocspURL: "http://127.0.0.1:\(replayPort)/")
        defer { world.stop() }
        // A genuine answer to openssl's own request (its own nonce), from the live responder.
        let fetched = try Self.tool(["openssl", "ocsp", "-issuer", "intermediate.pem", "-cert", "leaf.pem", "-url", "http://127.0.0.1:\(world.responder.port)/",
                                     "-CAfile", "intermediate.pem", "-partial_chain", "-respout", "replay.der"], in: world.directory)
        #expect(fetched.status == 0 && fetched.output.contains("leaf.pem: good"), "\(fetched.output)")
        let replay = try ExternalTLSServer.replayingPOST(file: world.directory.appending(path: "replay.der").path, port: replayPort)
        defer { replay.stop() }
        let result = try probe(world, .ocsp)
        HostileTable.row("--revocation ocsp, responder replays an answer with another nonce", result)
        let leaf = try #require(result.report.revocation?.first { $0.depth == 0 })
        #expect(leaf.status == "unknown", "\(leaf)")
        #expect(leaf.detail.contains("nonce"), "\(leaf.detail)")
        #expect(result.report.exitCode == 0, "\(result.report.diagnoses.map(\.id))")
        // The live responder echoes our nonce: good.
        let direct = try Self.world(revokedIn: [])
        defer { direct.stop() }
        #expect(try probe(direct, .ocsp).report.revocation?.first { $0.depth == 0 }?.status == "good")
    }

    @Test func offByDefault() throws {
        let world = try Self.world(revokedIn: ["ocsp", "crl"])
        defer { world.stop() }
        let result = try probe(world, nil)
        #expect(result.report.revocation == nil)
        #expect(result.report.stage(.revocation) == nil)
        #expect(result.report.exitCode == 0, "without --revocation nothing asks the CA")
    }
}
