import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab
import TLSProbeRendering
import TLSProbeTestSupport

/// AIA completion (#19): a server that sends its leaf alone, a leaf whose CA Issuers URL points at
/// a loopback HTTP server (its port is known only at test time, so the leaves are issued then),
/// and that server answering in every way a real CA's — or a hostile one's — might.
@Suite("AIA completion", .serialized)
struct AIACompletionTests {
    static let pki = HostileFixture.pki

    /// The AIA server and the certificates whose URLs name it, made once for the suite.
    final class World: @unchecked Sendable {
        let aia: AIAServer
        /// Issued by an upper intermediate (from the lab root) that its own CA Issuers URL names.
        let secondIntermediate: LabCertificate
        let intermediateSHA256: String
        private var leaves: [String: LabCertificate] = [:]
        private let lock = NSLock()

        init() throws {
            aia = try AIAServer()
            let intermediate = AIACompletionTests.pki.intermediate
            let directory = HostileFixture.directory.appending(path: "aia-\(UInt32.random(in: 0...UInt32.max))")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let pem = directory.appending(path: "intermediate.pem")
            try intermediate.write(certTo: pem)
            // PKCS#7 certs-only, as `openssl crl2pkcs7 -nocrl` makes them for .p7c files.
            let p7der = directory.appending(path: "intermediate.p7c"), p7pem = directory.appending(path: "intermediate.p7b")
            for (out, form) in [(p7der, "DER"), (p7pem, "PEM")] {
                let made = try TestProcess.tool("openssl", ["crl2pkcs7", "-nocrl", "-certfile", pem.path, "-outform", form, "-out", out.path])
                guard made.status == 0 else { throw ExternalServerError.didNotStart("openssl crl2pkcs7: \(made.combined)") }
            }
            let fingerprint = try TestProcess.tool("openssl", ["x509", "-noout", "-fingerprint", "-sha256", "-in", pem.path])
            intermediateSHA256 = fingerprint.stdout.split(separator: "=").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""

            // root → upper (no path length limit) → lower, whose URL names upper: two hops.
            let upper = try LabPKI.issue(.authority(commonName: "tlsprobe Lab Upper Intermediate"), issuer: AIACompletionTests.pki.root)
            var second = LabCertificateSpec.authority(commonName: "tlsprobe Lab Second Intermediate")
            second.aiaCAIssuersURL = aia.url("/upper.der")
            secondIntermediate = try LabPKI.issue(second, issuer: upper)
            aia.route("/upper.der", .body(try upper.der, contentType: "application/pkix-cert"))

            aia.route("/intermediate.der", .body(try intermediate.der, contentType: "application/pkix-cert"))
            aia.route("/intermediate.pem", .body(Array(try intermediate.pem.utf8), contentType: "application/x-pem-file"))
            aia.route("/intermediate.p7c", .body([UInt8](try Data(contentsOf: p7der)), contentType: "application/pkcs7-mime"))
            aia.route("/intermediate.p7b", .body([UInt8](try Data(contentsOf: p7pem)), contentType: "application/x-pkcs7-certificates"))
            aia.route("/second.der", .body(try secondIntermediate.der, contentType: "application/pkix-cert"))
            aia.route("/moved", .redirect(status: 301, location: "/intermediate.der"))
            aia.route("/loop-a", .redirect(status: 302, location: "/loop-b"))
            aia.route("/loop-b", .redirect(status: 302, location: aia.url("/loop-a")))
            for hop in 1...5 { aia.route("/chain-\(hop)", .redirect(status: 307, location: "/chain-\(hop + 1)")) }
            aia.route("/to-https", .redirect(status: 302, location: "https://127.0.0.1:\(aia.port)/intermediate.der"))
            aia.route("/slow", .stall(seconds: 6))
            aia.route("/endless", .endless)
            aia.route("/declared-huge", .declaredLength(10 * 1024 * 1024))
            aia.route("/unrelated", .body(try AIACompletionTests.pki.foreignRoot.der, contentType: "application/pkix-cert"))
            aia.route("/garbage", .body(Array("<html>not a certificate</html>".utf8), contentType: "text/html"))
            // Same subject as the lab intermediate, another key: the right name, not the issuer.
            let impostor = try LabPKI.issue(.authority(commonName: "tlsprobe Lab Intermediate CA"), issuer: AIACompletionTests.pki.root)
            aia.route("/impostor", .body(try impostor.der, contentType: "application/pkix-cert"))
            try? FileManager.default.removeItem(at: directory)
        }

        /// A leaf issued by `issuer` (the lab intermediate by default) whose CA Issuers URL is `path` here.
        func leaf(_ path: String, issuer: LabCertificate? = nil) throws -> LabCertificate {
            let key = "\(path)|\(issuer.map { ObjectIdentifier($0).hashValue } ?? 0)"
            return try lock.withLock {
                if let made = leaves[key] { return made }
                var spec = LabCertificateSpec.server()
                spec.aiaCAIssuersURL = aia.url(path)
                let made = try LabPKI.issue(spec, issuer: issuer ?? AIACompletionTests.pki.intermediate)
                leaves[key] = made
                return made
            }
        }
    }

    static let world: World = { try! World() }()

    /// Serves `leaf` alone (the misconfiguration) from the lab's OpenSSL server and probes it.
    static func probeLeafOnly(_ leaf: LabCertificate, _ adjust: (inout ProbeOptions) -> Void = { _ in }) throws -> (report: ProbeReport, seconds: Double) {
        let server = try LabTLSServer(LabTLSServerConfig(chain: [leaf]))
        defer { server.stop() }
        return try HostileFixture.probe(server, adjust)
    }

    static func text(_ report: ProbeReport) -> String { TextRenderer(style: TerminalStyle(color: false)).render(report) }

    // MARK: - Completed: what browsers see

    @Test(arguments: [("/intermediate.der", "der"), ("/intermediate.pem", "pem"), ("/intermediate.p7c", "pkcs7"), ("/intermediate.p7b", "pkcs7")])
    func aLeafOnlyServerIsCompletedFromTheCAIssuersURL(path: String, format: String) throws {
        let result = try Self.probeLeafOnly(try Self.world.leaf(path))
        let report = result.report
        // As sent: still the failure curl, OpenSSL and devices get.
        #expect(report.exitCode == ProbeExit.incompleteChain.rawValue, "\(report.diagnoses.map { "\($0.id): \($0.summary)" })")
        #expect(report.verification.trusted == false)
        let completion = try #require(report.aiaCompletion)
        #expect(completion.status == .completed && completion.trusted, "\(completion)")
        #expect(completion.fetches.count == 1)
        let fetch = try #require(completion.fetches.first)
        #expect(fetch.outcome == .used && fetch.format == format && fetch.url == Self.world.aia.url(path), "\(fetch)")
        #expect(fetch.certificate?.sha256 == Self.world.intermediateSHA256)
        #expect(fetch.certificate?.subject.contains("tlsprobe Lab Intermediate") == true)
        #expect(completion.chain.map(\.subject).last?.contains("Root") == true && completion.chain.count == 3)
        #expect(completion.fullChain?.count == 2)
        let missing = try #require(report.diagnoses.first { $0.id == DiagnosisID.chainMissingIntermediate })
        #expect(missing.summary.contains("browsers connect") && missing.summary.contains("--save-chain"), "\(missing.summary)")
        let text = Self.text(report)
        #expect(text.contains("aia fetch") && text.contains(Self.world.aia.url(path)) && text.contains("connect: chain to \"tlsprobe Lab Root CA\""), "\(text)")
        HostileFixture.expectNoRawControls(report)
    }

    @Test func aRedirectWithinHTTPIsFollowed() throws {
        let report = try Self.probeLeafOnly(try Self.world.leaf("/moved")).report
        let completion = try #require(report.aiaCompletion)
        #expect(completion.status == .completed, "\(completion)")
        #expect(completion.fetches.first?.redirects == [Self.world.aia.url("/intermediate.der")])
    }

    @Test func anIntermediateThatNeedsAIAItselfTakesASecondHop() throws {
        let leaf = try Self.world.leaf("/second.der", issuer: Self.world.secondIntermediate)
        let report = try Self.probeLeafOnly(leaf).report
        let completion = try #require(report.aiaCompletion)
        #expect(completion.status == .completed && completion.trusted, "\(completion)")
        #expect(completion.fetches.map(\.url) == [Self.world.aia.url("/second.der"), Self.world.aia.url("/upper.der")])
        #expect(completion.chain.count == 4)
        #expect(report.exitCode == ProbeExit.incompleteChain.rawValue)
    }

    @Test func aRunDownloadsEachURLOnce() throws {
        // Two servers (a fleet), one engine: the second probe reuses the first download, and a
        // dead URL costs its timeout once.
        Self.world.aia.route("/shared.der", .body(try Self.pki.intermediate.der, contentType: "application/pkix-cert"))
        let engine = try ProbeEngine(options: HostileFixture.options())
        var reports: [ProbeReport] = []
        for _ in 0..<2 {
            let server = try LabTLSServer(LabTLSServerConfig(chain: [try Self.world.leaf("/shared.der")]))
            reports.append(HostileFixture.probe(server, engine: engine).report)
            server.stop()
        }
        #expect(Self.world.aia.requested.filter { $0 == "/shared.der" }.count == 1, "\(Self.world.aia.requested)")
        let fetches = reports.compactMap { $0.aiaCompletion?.fetches.first }
        #expect(fetches.map(\.cached) == [false, true])
        #expect(reports.allSatisfy { $0.aiaCompletion?.status == .completed && $0.exitCode == ProbeExit.incompleteChain.rawValue })
    }

    // MARK: - https:// CA Issuers URLs: fetched over TLS that must verify

    /// `openssl s_server -WWW` serving `directory`'s files over TLS as `chain` (leaf first) / `key`.
    static func httpsFileServer(_ directory: URL, chain: [LabCertificate]) throws -> (RunningProcess, UInt16) {
        try chain[0].write(certTo: directory.appending(path: "server.pem"), keyTo: directory.appending(path: "server.key"))
        var arguments = ["openssl", "s_server", "-accept", "0", "-WWW", "-naccept", "4", "-cert", "server.pem", "-key", "server.key"]
        if chain.count > 1 {
            try LabCertificate.writeBundle(Array(chain.dropFirst()), to: directory.appending(path: "server-chain.pem"))
            arguments += ["-cert_chain", "server-chain.pem"]
        }
        let process = try RunningProcess(URL(fileURLWithPath: "/usr/bin/env"), arguments, in: directory)
        guard process.wait(until: { out, _ in ExternalTLSServer.announcedPort(out) != nil }, within: 10),
              let port = ExternalTLSServer.announcedPort(process.stdout) else {
            process.kill()
            throw ExternalServerError.didNotStart("openssl s_server -WWW: \(process.stdout) \(process.stderr)")
        }
        return (process, port)
    }

    @Test func anHTTPSCAIssuersURLIsFetchedOverTLSThatVerifies() throws {
        let directory = HostileFixture.directory.appending(path: "aia-https-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(try Self.pki.intermediate.der).write(to: directory.appending(path: "intermediate.der"))
        // A CA web server with a proper chain, and one whose certificate nobody trusts.
        let (good, goodPort) = try Self.httpsFileServer(directory, chain: [Self.pki.leaf, Self.pki.intermediate])
        defer { good.kill() }
        var spec = LabCertificateSpec.server()
        spec.aiaCAIssuersURL = "https://127.0.0.1:\(goodPort)/intermediate.der"
        let report = try Self.probeLeafOnly(try LabPKI.issue(spec, issuer: Self.pki.intermediate)).report
        let completion = try #require(report.aiaCompletion)
        #expect(completion.status == .completed && completion.trusted, "\(completion.reason ?? "") \(completion.fetches.map(\.detail))")
        #expect(completion.fetches.first?.url.hasPrefix("https://") == true)
        #expect(report.exitCode == ProbeExit.incompleteChain.rawValue)

        let untrustedDirectory = directory.appending(path: "untrusted")
        try FileManager.default.createDirectory(at: untrustedDirectory, withIntermediateDirectories: true)
        try Data(try Self.pki.intermediate.der).write(to: untrustedDirectory.appending(path: "intermediate.der"))
        let selfSigned = try LabPKI.issue(.server(), issuer: nil)
        let (bad, badPort) = try Self.httpsFileServer(untrustedDirectory, chain: [selfSigned])
        defer { bad.kill() }
        spec.aiaCAIssuersURL = "https://127.0.0.1:\(badPort)/intermediate.der"
        let refused = try Self.probeLeafOnly(try LabPKI.issue(spec, issuer: Self.pki.intermediate))
        HostileFixture.check(refused, exit: [.incompleteChain], ids: [DiagnosisID.chainAIAUnusable])
        let fetch = try #require(refused.report.aiaCompletion?.fetches.last)
        #expect(fetch.outcome == .failed && fetch.detail.contains("does not verify"), "\(fetch.detail)")
    }

    @Test func anIntermediateSentWithoutItsIssuerIsAMissingIntermediateNotAnUntrustedRoot() throws {
        // Sent: leaf + second intermediate; its issuer (upper) is missing. From the sent chain alone
        // that reads as "a root this client lacks"; the download proves it was an intermediate.
        let leaf = try Self.world.leaf("/second.der", issuer: Self.world.secondIntermediate)
        let server = try LabTLSServer(LabTLSServerConfig(chain: [leaf, Self.world.secondIntermediate]))
        defer { server.stop() }
        let withDownload = try HostileFixture.probe(server).report
        #expect(withDownload.aiaCompletion?.status == .completed)
        #expect(withDownload.decisive?.id == DiagnosisID.chainMissingIntermediate, "\(withDownload.diagnoses.map { "\($0.id): \($0.summary)" })")
        #expect(withDownload.decisive?.summary.contains("tlsprobe Lab Upper Intermediate") == true)
        #expect(withDownload.exitCode == ProbeExit.incompleteChain.rawValue)
        let withoutDownload = try HostileFixture.probe(server) { $0.fetchMissingIssuers = false }.report
        #expect(withoutDownload.decisive?.id == DiagnosisID.certUntrustedRoot, "\(withoutDownload.diagnoses.map(\.id))")
    }

    // MARK: - Not fetched

    @Test func noFetchAndNonFetchingClientsNeverDownload() throws {
        // Its own path: other suites run in parallel and may fetch the shared ones.
        Self.world.aia.route("/never.der", .body(try Self.pki.intermediate.der, contentType: "application/pkix-cert"))
        let leaf = try Self.world.leaf("/never.der")
        for (label, adjust) in [("--no-fetch", { (options: inout ProbeOptions) in options.fetchMissingIssuers = false }),
                                ("--client esp-idf", { (options: inout ProbeOptions) in options.clientProfile = ClientProfiles.named("esp-idf")! })] {
            let report = try Self.probeLeafOnly(leaf, adjust).report
            let completion = try #require(report.aiaCompletion, "\(label)")
            #expect(completion.status == .notFetched && completion.fetches.isEmpty, "\(label): \(completion)")
            #expect(!Self.world.aia.requested.contains("/never.der"), "\(label) fetched it")
            #expect(report.exitCode == ProbeExit.incompleteChain.rawValue, "\(label)")
            #expect(Self.text(report).contains("not checked: "), "\(label)")
        }
    }

    @Test func aCompleteChainFetchesNothing() throws {
        Self.world.aia.route("/not-needed.der", .body(try Self.pki.intermediate.der, contentType: "application/pkix-cert"))
        let server = try LabTLSServer(LabTLSServerConfig(chain: [try Self.world.leaf("/not-needed.der"), Self.pki.intermediate]))
        defer { server.stop() }
        let report = try HostileFixture.probe(server).report
        #expect(report.exitCode == 0, "\(report.diagnoses.map(\.id))")
        #expect(report.aiaCompletion == nil)
        #expect(!Self.world.aia.requested.contains("/not-needed.der"))
    }

    // MARK: - Hostile CA Issuers servers: bounded, named, never "trusted"

    @Test(arguments: [
        ("/slow", "no answer in time"),
        ("/endless", "larger than 64 KB"),
        ("/declared-huge", "larger than 64 KB"),
        ("/loop-a", "a redirect loop"),
        ("/chain-1", "more than 3 redirects"),
        ("/to-https", "redirected to another scheme"),
        ("/unrelated", "which did not issue"),
        ("/impostor", "whose key did not sign"),
        ("/garbage", "holds no certificate"),
        ("/missing-404", "404"),
    ])
    func aHostileAIAServerLeavesTheChainIncompleteAndSaysWhy(path: String, expected: String) throws {
        let result = try Self.probeLeafOnly(try Self.world.leaf(path))
        HostileFixture.check(result, exit: [.incompleteChain], ids: [DiagnosisID.chainAIAUnusable])
        let completion = try #require(result.report.aiaCompletion)
        #expect(completion.status == .incomplete && !completion.trusted, "\(completion)")
        let fetch = try #require(completion.fetches.last)
        #expect(fetch.outcome != .used && fetch.detail.contains(expected), "\(fetch)")
        #expect(result.report.verification.trusted == false)
        #expect(Self.text(result.report).contains("fail too: the download gave no issuer"))
    }
}
