import Foundation
import Testing
import TLSProbeTestSupport
import TLSProbeCore
import TLSProbeLab

/// Chains built at test time for the chain-rule tests: a PKI per test, served by a real OpenSSL
/// server on 127.0.0.1, probed in-process, and judged by verifiers that are not ours.
final class ChainLab {
    let directory: URL

    init() throws {
        directory = try TestDirectory.make("tlsprobe-chain")
    }

    /// The directory holds private keys: removed when the test is done with it.
    deinit { TestDirectory.remove(directory) }

    func write(_ certificates: [LabCertificate], _ name: String) throws -> String {
        let url = directory.appending(path: name)
        try LabCertificate.writeBundle(certificates, to: url)
        return url.path
    }

    /// Serves `chain` exactly as given and probes `localhost` with `trust` as the CA file.
    func probe(
        sending chain: [LabCertificate], trusting trust: [LabCertificate], host: String = "localhost",
        label: String = #function, _ adjust: (inout ProbeOptions) -> Void = { _ in }
    ) throws -> ProbeReport {
        let server = try LabTLSServer(LabTLSServerConfig(chain: chain))
        defer { server.stop() }
        let report = try probe(port: server.port, trusting: trust, host: host, label: label, adjust)
        try expectCheckAgrees(with: report, chain: chain, trusting: trust, host: host, adjust)
        return report
    }

    /// With TLSPROBE_TEST_TABLES set: one line per probe (the test, the exit code, each
    /// certificate-stage diagnosis as printed), for the closing notes of #15. Quiet otherwise.
    static func tableRow(_ label: String, _ report: ProbeReport) {
        guard ProcessInfo.processInfo.environment["TLSPROBE_TEST_TABLES"] != nil else { return }
        let found = report.diagnoses.filter { $0.stage == .certificate }.map { "\($0.severity) \($0.id): \($0.summary)" }
        print("CHAIN-ROW | \(label) | exit \(report.exitCode) | " + (found.isEmpty ? "(no certificate-stage diagnosis)" : found.joined(separator: " || ")))
    }

    /// `tlsprobe check` on the same certificates from a file gives the probe's certificate-stage
    /// diagnoses (#19: the offline check is the live stage; every chain fault here is a case).
    func expectCheckAgrees(with live: ProbeReport, chain: [LabCertificate], trusting trust: [LabCertificate], host: String,
                           _ adjust: (inout ProbeOptions) -> Void, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard let stage = live.stage(.certificate), stage.status != .skipped else { return }
        let file = try write(chain, "sent-\(UUID().uuidString.prefix(8)).pem")
        var options = ProbeOptions()
        options.trust = .file(try write(trust, "trust-\(UUID().uuidString.prefix(8)).pem"))
        options.runHTTP = false
        adjust(&options)
        let offline = try ProbeEngine(options: options).check(CertificateCheckRequest(files: [file], name: host))
        let ids = { (report: ProbeReport) in report.diagnoses.filter { $0.stage == .certificate }.map(\.id) }
        #expect(ids(offline) == ids(live), "check \(ids(offline)) vs probe \(ids(live))", sourceLocation: sourceLocation)
        #expect(offline.verification.errors.map(\.code) == live.verification.errors.map(\.code), sourceLocation: sourceLocation)
    }

    func probe(port: UInt16, trusting trust: [LabCertificate], host: String = "localhost", label: String = #function,
               _ adjust: (inout ProbeOptions) -> Void = { _ in }) throws -> ProbeReport {
        var options = ProbeOptions()
        options.trust = .file(try write(trust, "trust-\(UUID().uuidString.prefix(8)).pem"))
        options.timeout = 5
        options.connectTimeout = 2
        options.connectTo = "127.0.0.1"
        options.runHTTP = false
        adjust(&options)
        let report = try ProbeEngine(options: options).probe(ProbeTarget.parse("\(host):\(port)"))
        Self.tableRow(label, report)
        return report
    }
}

/// Standard building blocks.
/// What a chain suite starts from, made once per test: the lab (its directory is removed when the
/// test ends) and a hierarchy named after the suite, "NAME Root" → intermediate → leaf.
struct ChainFixture {
    let lab: ChainLab
    let root: LabCertificate
    let intermediate: LabCertificate
    /// For localhost, valid from a day ago for 90 days, issued by `intermediate`.
    let leaf: LabCertificate

    /// The intermediate is "NAME Intermediate" unless `intermediateName` (with its extension
    /// overrides) says otherwise.
    init(_ name: String, intermediateName: String? = nil, _ overrides: [(name: String, value: String?)] = []) throws {
        lab = try ChainLab()
        root = try ChainSpecs.root("\(name) Root")
        intermediate = try ChainSpecs.intermediate(intermediateName ?? "\(name) Intermediate", issuer: root, overrides)
        leaf = try ChainSpecs.leaf(issuer: intermediate)
    }
}

/// A suite over one `ChainFixture`: its tests name the lab and the certificates directly.
protocol ChainSuite {
    var fixture: ChainFixture { get }
}

extension ChainSuite {
    var lab: ChainLab { fixture.lab }
    var root: LabCertificate { fixture.root }
    var intermediate: LabCertificate { fixture.intermediate }
    var leaf: LabCertificate { fixture.leaf }
}

enum ChainSpecs {
    static func root(_ name: String, key: LabKeySpec = .ec(curve: "P-256"), _ overrides: [(name: String, value: String?)] = []) throws -> LabCertificate {
        var spec = LabCertificateSpec.authority(commonName: name, key: key)
        spec.extensionOverrides = overrides
        return try LabPKI.issue(spec, issuer: nil)
    }

    static func intermediate(_ name: String, issuer: LabCertificate, key: LabKeySpec = .ec(curve: "P-256"), _ overrides: [(name: String, value: String?)] = []) throws -> LabCertificate {
        var spec = LabCertificateSpec.authority(commonName: name, key: key)
        spec.extensionOverrides = overrides
        return try LabPKI.issue(spec, issuer: issuer)
    }

    static func leaf(issuer: LabCertificate, _ adjust: (inout LabCertificateSpec) -> Void = { _ in }) throws -> LabCertificate {
        var spec = LabCertificateSpec.server()
        adjust(&spec)
        return try LabPKI.issue(spec, issuer: issuer)
    }
}

/// Verifiers that are not ours: the `openssl` tool, GnuTLS `certtool`, and Go's crypto/x509.
enum ExternalVerifier {
    struct Result {
        let status: Int32
        let output: String
    }

    static func run(_ executable: String, _ arguments: [String], timeout: Int = 60, in directory: URL? = nil) throws -> Result {
        let result = try TestProcess.tool(executable, arguments, in: directory, timeout: TimeInterval(timeout))
        return Result(status: result.status, output: result.combined)
    }

    /// `openssl verify` of `leaf` with `untrusted` intermediates against `trust`.
    static func openssl(_ lab: ChainLab, leaf: LabCertificate, untrusted: [LabCertificate], trust: [LabCertificate], _ extra: [String] = []) throws -> Result {
        var arguments = ["verify", "-purpose", "sslserver", "-CAfile", try lab.write(trust, "v-trust.pem")]
        if !untrusted.isEmpty { arguments += ["-untrusted", try lab.write(untrusted, "v-untrusted.pem")] }
        return try run("openssl", arguments + extra + [try lab.write([leaf], "v-leaf.pem")])
    }

    /// `openssl s_client` against a live server, verifying as a default OpenSSL client does.
    static func sClient(_ lab: ChainLab, port: UInt16, trust: [LabCertificate], host: String = "localhost") throws -> Result {
        try run("openssl", ["s_client", "-connect", "127.0.0.1:\(port)", "-servername", host, "-verify_hostname", host,
                            "-CAfile", try lab.write(trust, "s-trust.pem"), "-verify_return_error", "-brief"], timeout: 15)
    }
}
