import Foundation
import Testing
import TLSProbeTestSupport
@testable import TLSProbeCore
import TLSProbeLab

/// The go-1.19 row of `tlsprobe clients` against a real Go 1.19 crypto/tls client (Debian's
/// golang, Tests/Oracle/go_tls_client.go) on the same server, for chains that break the rules
/// strict verifiers enforce and OpenSSL's default verification does not. Where the prediction
/// and the real client differ, the test fails; each `GOSTRICT` line is a row of the table in
/// the closing note of #15.
@Suite("Go strict profile against real Go", .serialized)
struct GoStrictProfileTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        var testDescription: String { name }
    }

    static let cases = [
        "ca-basic-constraints-not-critical", "ca-without-basic-constraints", "ca-eku-client-only", "root-eku-client-only",
        "cn-only-no-san", "leaf-without-aki", "ca-without-ski", "ca-without-key-usage", "v1-intermediate", "v1-root",
        "wildcard-public-suffix", "leaf-aki-critical", "ca-ski-critical", "negative-serial", "serial-21-octets",
        "malformed-san", "root-without-basic-constraints", "healthy",
    ].map(Case.init)

    /// The chain the server sends and the root the clients trust, for one case.
    static func chain(_ name: String) throws -> (sent: [LabCertificate], root: LabCertificate) {
        func root(_ adjust: (inout LabCertificateSpec) -> Void = { _ in }) throws -> LabCertificate {
            var spec = LabCertificateSpec.authority(commonName: "Go Strict Root", key: .ec(curve: "P-256"))
            adjust(&spec)
            return try LabPKI.issue(spec, issuer: nil)
        }
        func ca(_ issuer: LabCertificate, _ adjust: (inout LabCertificateSpec) -> Void = { _ in }) throws -> LabCertificate {
            var spec = LabCertificateSpec.authority(commonName: "Go Strict CA", key: .ec(curve: "P-256"))
            adjust(&spec)
            return try LabPKI.issue(spec, issuer: issuer)
        }
        func leaf(_ issuer: LabCertificate, _ adjust: (inout LabCertificateSpec) -> Void = { _ in }) throws -> LabCertificate {
            try ChainSpecs.leaf(issuer: issuer, adjust)
        }
        let plainRoot = try root()
        switch name {
        case "ca-basic-constraints-not-critical":
            let intermediate = try ca(plainRoot) { $0.extensionOverrides = [("basicConstraints", "CA:TRUE")] }
            return ([try leaf(intermediate), intermediate], plainRoot)
        case "ca-without-basic-constraints":
            let intermediate = try ca(plainRoot) { $0.extensionOverrides = [("basicConstraints", nil)] }
            return ([try leaf(intermediate), intermediate], plainRoot)
        case "ca-eku-client-only":
            let intermediate = try ca(plainRoot) { $0.extendedKeyUsage = [.clientAuth] }
            return ([try leaf(intermediate), intermediate], plainRoot)
        case "root-eku-client-only":
            let ekuRoot = try root { $0.extendedKeyUsage = [.clientAuth] }
            let intermediate = try ca(ekuRoot)
            return ([try leaf(intermediate), intermediate], ekuRoot)
        case "cn-only-no-san":
            let intermediate = try ca(plainRoot)
            return ([try leaf(intermediate) { $0.includeSAN = false; $0.commonName = "localhost" }, intermediate], plainRoot)
        case "leaf-without-aki":
            let intermediate = try ca(plainRoot)
            return ([try leaf(intermediate) { $0.extensionOverrides = [("authorityKeyIdentifier", nil)] }, intermediate], plainRoot)
        case "ca-without-ski":
            let intermediate = try ca(plainRoot) { $0.extensionOverrides = [("subjectKeyIdentifier", nil)] }
            return ([try leaf(intermediate) { $0.extensionOverrides = [("authorityKeyIdentifier", nil)] }, intermediate], plainRoot)
        case "ca-without-key-usage":
            let intermediate = try ca(plainRoot) { $0.extensionOverrides = [("keyUsage", nil)] }
            return ([try leaf(intermediate), intermediate], plainRoot)
        case "v1-intermediate":
            // A v1 issuer has no subjectKeyIdentifier to name: the leaf names it by issuer and serial.
            let intermediate = try ca(plainRoot) { $0.version = 1 }
            return ([try leaf(intermediate) { $0.extensionOverrides = [("authorityKeyIdentifier", "keyid,issuer:always")] }, intermediate], plainRoot)
        case "v1-root":
            let v1Root = try root { $0.version = 1 }
            let intermediate = try ca(v1Root) { $0.extensionOverrides = [("authorityKeyIdentifier", "keyid,issuer:always")] }
            return ([try leaf(intermediate), intermediate], v1Root)
        case "wildcard-public-suffix":
            let intermediate = try ca(plainRoot)
            return ([try leaf(intermediate) { $0.dnsNames = ["localhost", "*.co.uk"] }, intermediate], plainRoot)
        case "leaf-aki-critical":
            let intermediate = try ca(plainRoot)
            return ([try leaf(intermediate) { $0.extensionOverrides = [("authorityKeyIdentifier", "critical,keyid:always")] }, intermediate], plainRoot)
        case "ca-ski-critical":
            let intermediate = try ca(plainRoot) { $0.extensionOverrides = [("subjectKeyIdentifier", "critical,hash")] }
            return ([try leaf(intermediate), intermediate], plainRoot)
        case "negative-serial":
            let intermediate = try ca(plainRoot)
            return ([try leaf(intermediate) { $0.serialBytes = [0xF1, 0x23, 0x45, 0x67] }, intermediate], plainRoot)
        case "serial-21-octets":
            let intermediate = try ca(plainRoot)
            return ([try leaf(intermediate) { $0.serialBytes = [0x01] + Array(repeating: 0x5A, count: 20) }, intermediate], plainRoot)
        case "malformed-san":
            let intermediate = try ca(plainRoot)
            return ([try leaf(intermediate) { $0.dnsNames = ["localhost", "bad..name.example"] }, intermediate], plainRoot)
        case "root-without-basic-constraints":
            let bareRoot = try root { $0.extensionOverrides = [("basicConstraints", nil)] }
            let intermediate = try ca(bareRoot)
            return ([try leaf(intermediate), intermediate], bareRoot)
        default:
            let intermediate = try ca(plainRoot)
            return ([try leaf(intermediate), intermediate], plainRoot)
        }
    }

    static func realGo(port: UInt16, rootFile: String) throws -> ClientMatrixAccuracyTests.RealResult {
        let go = try ClientMatrixAccuracyTests.goClient.get()
        return ClientMatrixAccuracyTests.line(try TestProcess.run(URL(fileURLWithPath: go), ["127.0.0.1", String(port), "localhost", rootFile, "4000"], timeout: 15))
    }

    @Test(arguments: cases)
    func goRowEqualsRealGo(_ testCase: Case) throws {
        let lab = try ChainLab()
        let (sent, root) = try Self.chain(testCase.name)
        let server = try LabTLSServer(LabTLSServerConfig(chain: sent))
        defer { server.stop() }
        let rootFile = try lab.write([root], "go-strict-root.pem")
        let real = try Self.realGo(port: server.port, rootFile: rootFile)

        var options = ProbeOptions()
        options.trust = .file(rootFile)
        options.connectTo = "127.0.0.1"
        options.timeout = 8
        options.fetchMissingIssuers = false
        // --cacert adds the root to the client's store (the system store), as SSL_CERT_FILE would.
        let matrix = ClientMatrix(options: options, clients: [try #require(ClientProfiles.matrixClient(named: "go-1.19"))])
        let report = matrix.run(try ProbeTarget.parse("localhost:\(server.port)"))
        let row = try #require(report.clients?.first)
        let strict = report.diagnoses.filter { $0.id == DiagnosisID.chainStrict }.map(\.summary)
        let agree = (row.outcome == .connects) == real.connected
        print("GOSTRICT \(testCase.name) | real go-1.19: \(real.connected ? "connects" : "fails") | predicted: \(row.outcome.rawValue)"
              + "\(row.diagnosis.map { " (\($0.id))" } ?? "") | \(agree ? "agree" : "DISAGREE") | \(real.detail) | default probe strict findings: \(strict.count)")
        if row.diagnosis?.id == DiagnosisID.chainStrict { print("GOSTRICT-ROW \(testCase.name) | \(row.diagnosis?.summary ?? "")") }
        #expect(agree, "real Go: \(real.detail); predicted \(row.outcome.rawValue): \(row.diagnosis?.summary ?? "-"); probe: \(report.diagnoses.map { "\($0.id): \($0.summary)" })")
    }
}
