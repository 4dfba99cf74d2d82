import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab

/// Stapled OCSP responses of every kind, served by real TLS servers (openssl s_server
/// -status_file, and gnutls-serv --ocsp-response as a second implementation), with responses
/// signed at test time by the lab's intermediate CA, a delegated responder or a stranger, and
/// one made by `openssl ocsp` against an index file. curl --cert-status and s_client -status
/// are run on the same servers as the independent judges.
@Suite("Stapled OCSP", .serialized)
struct OCSPStapleTests {
    static let pki = HostileFixture.pki
    static let directory: URL = {
        let url = HostileFixture.directory.appending(path: "ocsp")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try? pki.leaf.write(certTo: url.appending(path: "leaf.pem"), keyTo: url.appending(path: "leaf.key"))
        try? pki.intermediate.write(certTo: url.appending(path: "intermediate.pem"), keyTo: url.appending(path: "intermediate.key"))
        try? LabCertificate.writeBundle([pki.leaf, pki.intermediate], to: url.appending(path: "chain.pem"))
        return url
    }()

    static func path(_ name: String) -> String { directory.appending(path: name).path }

    static func write(_ bytes: [UInt8], _ name: String) throws -> String {
        try Data(bytes).write(to: directory.appending(path: name))
        return path(name)
    }

    /// s_server with the lab leaf (or `leaf`) stapling `response`, probed with --cacert root.
    private func probe(staple response: [UInt8]?, name: String, leaf: LabCertificate? = nil, gnutls: Bool = false) throws -> (report: ProbeReport, seconds: Double) {
        var certificate = Self.path("leaf.pem"), key = Self.path("leaf.key")
        if let leaf {
            certificate = Self.path("\(name)-leaf.pem")
            key = Self.path("\(name)-leaf.key")
            try leaf.write(certTo: URL(fileURLWithPath: certificate), keyTo: URL(fileURLWithPath: key))
        }
        let status = try response.map { try Self.write($0, "\(name).der") }
        // s_server refuses to staple what it cannot decode; gnutls-serv staples any bytes.
        let server = gnutls
            ? try ExternalTLSServer.gnutls(chain: Self.path("chain.pem"), key: key, ocspResponse: status)
            : try ExternalTLSServer.openssl(certificate: certificate, key: key, chain: Self.path("intermediate.pem"), statusFile: status)
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("stapled OCSP: \(name)", result)
        return result
    }

    private func response(_ status: LabOCSPStatus, signer: LabCertificate? = nil, thisUpdate: TimeInterval = -60, nextUpdate: TimeInterval = 86_400, about certificate: LabCertificate? = nil) throws -> [UInt8] {
        try LabOCSPResponse.make(status, for: certificate ?? Self.pki.leaf, issuer: Self.pki.intermediate, signer: signer ?? Self.pki.intermediate,
                                 thisUpdate: thisUpdate, nextUpdate: nextUpdate)
    }

    @Test func goodSignedByTheIssuer() throws {
        let result = try probe(staple: response(.good), name: "good")
        #expect(result.report.exitCode == 0, "\(result.report.diagnoses.map(\.id))")
        #expect(result.report.tls.ocspStaple == "good")
        #expect(result.report.stage(.finished)?.summary.contains("OCSP staple good until") == true)
    }

    @Test func goodSignedByADelegatedResponder() throws {
        var spec = LabCertificateSpec.server(commonName: "tlsprobe Lab OCSP responder", dnsNames: [], ipAddresses: [])
        spec.extendedKeyUsage = [.ocspSigning]
        let responder = try LabPKI.issue(spec, issuer: Self.pki.intermediate)
        let result = try probe(staple: response(.good, signer: responder), name: "good, delegated responder")
        #expect(result.report.exitCode == 0, "\(result.report.diagnoses.map { "\($0.id): \($0.summary)" })")
        #expect(result.report.tls.ocspStaple == "good")
    }

    @Test func revokedIsARevokedCertificate() throws {
        let revokedAt = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 60).rounded(.down) * 60 - 3_600)
        let result = try probe(staple: response(.revoked(reason: 1, at: revokedAt)), name: "revoked (keyCompromise)")
        HostileFixture.check(result, exit: [.otherCertificateProblem], ids: [DiagnosisID.certRevoked])
        let revoked = try #require(result.report.diagnoses.first { $0.id == DiagnosisID.certRevoked })
        #expect(revoked.summary.contains("keyCompromise"), "\(revoked.summary)")
        #expect(revoked.summary.contains(RFC3339Text.readable(revokedAt)), "\(revoked.summary)")
        #expect(result.report.tls.ocspStaple == "revoked")
        #expect(result.report.stage(.http)?.status == .skipped, "nothing is sent to a server with a revoked certificate")
        try RevocationCheckTests.expectValidJSON(result.report)
    }

    @Test(arguments: [
        ("unknown status", "unknown"),
        ("expired (nextUpdate yesterday)", "expired"),
        ("not yet valid (thisUpdate tomorrow)", "not_yet_valid"),
        ("garbage bytes (gnutls-serv)", "invalid"),
        ("successful status, BasicOCSPResponse bytes garbage", "invalid-basic"),
        ("tryLater", "unsuccessful"),
        ("signed by a stranger", "unverified"),
        ("about another certificate", "mismatch"),
    ])
    func badStapleIsAWarningOfItsOwn(name: String, kind: String) throws {
        let stranger = try LabPKI.issue(.authority(commonName: "Stranger OCSP"), issuer: nil)
        let other = try LabPKI.issue(.server(), issuer: Self.pki.intermediate)
        let bytes: [UInt8]
        let id: String
        switch kind {
        case "unknown": (bytes, id) = (try response(.unknown), DiagnosisID.ocspStapleUnknown)
        case "expired": (bytes, id) = (try response(.good, thisUpdate: -2 * 86_400, nextUpdate: -86_400), DiagnosisID.ocspStapleExpired)
        case "not_yet_valid": (bytes, id) = (try response(.good, thisUpdate: 86_400, nextUpdate: 2 * 86_400), DiagnosisID.ocspStapleExpired)
        case "invalid": (bytes, id) = (Array("HTTP/1.1 500 oops\r\n\r\n".utf8) + [0x1B, 0x9B], DiagnosisID.ocspStapleInvalid)
        case "invalid-basic":
            // OCSPResponse { successful, responseBytes { id-pkix-ocsp-basic, OCTET STRING "garbage…" } }
            let garbage = Array("not an OCSP response\u{1B}\u{9B}".utf8)
            let oid: [UInt8] = [0x06, 0x09, 0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x01]
            let inner = [0x30, UInt8(oid.count + 2 + garbage.count)] + oid + [0x04, UInt8(garbage.count)] + garbage
            let body: [UInt8] = [0x0A, 0x01, 0x00, 0xA0, UInt8(inner.count)] + inner
            (bytes, id) = ([0x30, UInt8(body.count)] + body, DiagnosisID.ocspStapleInvalid)
        case "unsuccessful": (bytes, id) = (try LabOCSPResponse.failure(status: 3), DiagnosisID.ocspStapleInvalid)
        case "unverified": (bytes, id) = (try response(.good, signer: stranger), DiagnosisID.ocspStapleUnverified)
        default: (bytes, id) = (try response(.good, about: other), DiagnosisID.ocspStapleMismatch)
        }
        let result = try probe(staple: bytes, name: name, gnutls: kind == "invalid")
        HostileFixture.check(result, exit: [.success], ids: [id])
        #expect(result.report.outcome == .warning)
        #expect(result.report.tls.ocspStaple == (kind == "invalid-basic" ? "invalid" : kind))
        #expect(result.report.diagnoses.first { $0.id == id }?.severity == .warning)
    }

    @Test func mustStapleWithoutAStapleFails() throws {
        let leaf = try Self.mustStapleLeaf()
        let result = try probe(staple: nil, name: "must-staple, none sent", leaf: leaf)
        HostileFixture.check(result, exit: [.otherCertificateProblem], ids: [DiagnosisID.ocspMustStapleMissing])
        #expect(result.report.tls.mustStaple == true)
    }

    @Test func mustStapleWithAnExpiredStapleFails() throws {
        let leaf = try Self.mustStapleLeaf()
        let expired = try response(.good, thisUpdate: -2 * 86_400, nextUpdate: -86_400, about: leaf)
        let result = try probe(staple: expired, name: "must-staple, expired staple", leaf: leaf)
        HostileFixture.check(result, exit: [.otherCertificateProblem], ids: [DiagnosisID.ocspStapleExpired])
        #expect(result.report.diagnoses.first { $0.id == DiagnosisID.ocspStapleExpired }?.severity == .error)
    }

    @Test func mustStapleWithAGoodStaplePasses() throws {
        let leaf = try Self.mustStapleLeaf()
        let result = try probe(staple: try response(.good, about: leaf), name: "must-staple, good staple", leaf: leaf)
        #expect(result.report.exitCode == 0, "\(result.report.diagnoses.map { "\($0.id): \($0.summary)" })")
        #expect(result.report.tls.mustStaple == true)
    }

    static func mustStapleLeaf() throws -> LabCertificate {
        var spec = LabCertificateSpec.server()
        spec.extensionOverrides = [("tlsfeature", "status_request")]
        return try LabPKI.issue(spec, issuer: pki.intermediate)
    }

    /// `openssl ocsp` as the responder (index file, revoked keyCompromise), GnuTLS as the server,
    /// curl --cert-status and s_client -status as the judges.
    @Test func indexFileResponseStapledByGnuTLSMatchesCurlAndSClient() throws {
        let serial = try Self.tool("openssl", ["x509", "-noout", "-serial", "-in", Self.path("leaf.pem")]).output
            .trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "serial=", with: "")
        let index = "R\t350101000000Z\t251201000000Z,keyCompromise\t\(serial)\tunknown\t/O=tlsprobe lab/CN=localhost\n"
        try index.write(to: Self.directory.appending(path: "index.txt"), atomically: true, encoding: .utf8)
        let request = try Self.tool("openssl", ["ocsp", "-issuer", Self.path("intermediate.pem"), "-cert", Self.path("leaf.pem"), "-no_nonce", "-reqout", Self.path("request.der")])
        #expect(request.status == 0, "\(request.output)")
        let made = try Self.tool("openssl", ["ocsp", "-index", Self.path("index.txt"), "-CA", Self.path("intermediate.pem"), "-rsigner", Self.path("intermediate.pem"),
                                             "-rkey", Self.path("intermediate.key"), "-reqin", Self.path("request.der"), "-respout", Self.path("index-revoked.der"), "-ndays", "1"])
        #expect(made.status == 0, "\(made.output)")
        let server = try ExternalTLSServer.gnutls(chain: Self.path("chain.pem"), key: Self.path("leaf.key"), ocspResponse: Self.path("index-revoked.der"))
        defer { server.stop() }
        let result = try HostileFixture.probe(server)
        HostileTable.row("stapled OCSP: openssl ocsp index response (revoked), gnutls-serv", result)
        HostileFixture.check(result, exit: [.otherCertificateProblem], ids: [DiagnosisID.certRevoked])
        #expect(result.report.diagnoses.first { $0.id == DiagnosisID.certRevoked }?.summary.contains("keyCompromise") == true)

        let curl = try Self.tool("curl", ["-s", "-o", "/dev/null", "--cert-status", "--cacert", HostileFixture.rootPath,
                                          "--resolve", "localhost:\(server.port):127.0.0.1", "https://localhost:\(server.port)/"])
        #expect(curl.status == 91, "curl --cert-status: \(curl.status) \(curl.output)")
        let sClient = try Self.tool("openssl", ["s_client", "-connect", "127.0.0.1:\(server.port)", "-servername", "localhost", "-status", "-CAfile", HostileFixture.rootPath])
        #expect(sClient.output.contains("Cert Status: revoked"), "\(sClient.output.prefix(600))")
        print("OCSP-JUDGES | gnutls-serv revoked staple | curl --cert-status exit \(curl.status) | s_client: \(sClient.output.contains("Cert Status: revoked") ? "Cert Status: revoked" : "?")")
    }

    static func tool(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["timeout", "--kill-after=2", "10", executable] + arguments
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// The report's "2026-11-30 12:00 UTC" wording, to look for in summaries.
enum RFC3339Text {
    static func readable(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min))"
    }
}
