import Foundation
import Testing
import TLSProbeTestSupport
import TLSProbeCore
import TLSProbeLab

/// `tlsprobe check` is the probe's certificate stage on files: for every lab scenario that
/// serves a chain (every certificate fault the lab knows, and the healthy ones), the chain the
/// server really sends is probed live and checked from a file, and both must give the same
/// certificate-stage diagnoses, in the same order, and the same exit code when the certificate
/// stage decides. With an ESP-IDF profile too, where the device's limits come in.
@Suite struct CheckMatchesProbeTests {
    static let scenarios = LabScenarios.all.filter { scenario in
        guard !scenario.isSlow, let recipe = try? scenario.recipe(LabFixture.pki), case .tls = recipe else { return false }
        return true
    }.map(\.name)

    static let directory = LabPKIFixture.directory("check-parity")

    struct Pair {
        let live: ProbeReport
        let offline: ProbeReport
    }

    static func probeAndCheck(_ name: String, _ adjust: (inout ProbeOptions) -> Void = { _ in }) throws -> Pair? {
        let scenario = try #require(LabScenarios.named(name))
        // One recipe: the server and the file hold the very same certificates.
        let recipe = try scenario.recipe(LabFixture.pki)
        guard case .tls(let config) = recipe else { return nil }
        let server = try recipe.start(at: .loopback, observer: nil)
        defer { server.stop() }
        let chainFile = directory.appending(path: "\(name)-\(UUID().uuidString.prefix(8)).pem")
        try LabCertificate.writeBundle(config.chain, to: chainFile)
        defer { try? FileManager.default.removeItem(at: chainFile) }

        let engine = try ProbeEngine(options: LabFixture.options { options in
            options.connectTo = server.host
            options.runHTTP = false
            adjust(&options)
        })
        let live = engine.probe(try ProbeTarget.parse("\(scenario.host):\(server.port)"))
        let offline = try engine.check(CertificateCheckRequest(files: [chainFile.path], name: scenario.host))
        return Pair(live: live, offline: offline)
    }

    static func certificateIDs(_ report: ProbeReport) -> [String] {
        report.diagnoses.filter { $0.stage == .certificate }.map(\.id)
    }

    @Test(arguments: scenarios)
    func checkGivesTheProbesCertificateVerdict(_ name: String) throws {
        guard let pair = try Self.probeAndCheck(name) else { return }
        let stage = pair.live.stage(.certificate)
        // The handshake never got to the certificate (no shared version, a refused hello): nothing to compare.
        guard let stage, stage.status != .skipped else { return }
        #expect(Self.certificateIDs(pair.offline) == Self.certificateIDs(pair.live),
                "\(name): check \(Self.certificateIDs(pair.offline)) vs probe \(Self.certificateIDs(pair.live))")
        // A handshake that failed after the Certificate message (a client certificate required)
        // leaves the live chain "not trusted" for that reason alone; the files know no handshake.
        if pair.live.failedStage == nil || pair.live.failedStage == .certificate {
            #expect(pair.offline.verification.trusted == pair.live.verification.trusted, "\(name)")
        }
        #expect(pair.offline.verification.hostnameMatched == pair.live.verification.hostnameMatched, "\(name)")
        #expect(pair.offline.verification.errors.map(\.code) == pair.live.verification.errors.map(\.code), "\(name)")
        #expect(pair.offline.certificates.map(\.sha256) == pair.live.certificates.map(\.sha256), "\(name)")
        if pair.live.failedStage == .certificate || pair.live.failedStage == nil && pair.live.exitCode == 0 {
            #expect(pair.offline.exitCode == pair.live.exitCode, "\(name): check exit \(pair.offline.exitCode), probe \(pair.live.exitCode)")
        }
        // The Certificate message a server sends for these files, as the probe measured it: check
        // frames it as TLS 1.3 does (a context byte, 2 bytes of extensions per certificate) when
        // the client offers TLS 1.3; a server that only speaks TLS 1.2 sends 1 + 2n bytes less.
        let measured = try #require(stage.details.certificate?.certificateMessageBytes, "\(name)")
        let offline = try #require(pair.offline.stage(.certificate)?.details.certificate?.certificateMessageBytes)
        let framing = pair.live.tls.version == "TLSv1.3" ? 0 : 1 + 2 * pair.live.certificates.count
        #expect(offline == measured + framing, "\(name): check \(offline), probe measured \(measured) over \(pair.live.tls.version ?? "?")")
    }

    /// As an ESP-IDF device: the same embedded findings (message size, keys, bundle) either way.
    @Test(arguments: ["healthy-rsa", "big-chain", "rsa-4096", "missing-intermediate", "self-signed", "root-included", "chain-wrong-order"])
    func checkAsADeviceGivesTheProbesVerdict(_ name: String) throws {
        let profile = try #require(ClientProfiles.named("esp-idf"))
        guard let pair = try Self.probeAndCheck(name, { $0.clientProfile = profile }) else { return }
        guard let stage = pair.live.stage(.certificate), stage.status != .skipped else { return }
        let embedded = { (report: ProbeReport) in report.diagnoses.filter { $0.stage == .certificate || $0.id.hasPrefix("embedded.") }.map(\.id) }
        #expect(embedded(pair.offline) == embedded(pair.live), "\(name): check \(embedded(pair.offline)) vs probe \(embedded(pair.live))")
        #expect(pair.offline.device?.outcome == pair.live.device?.outcome, "\(name)")
    }
}
