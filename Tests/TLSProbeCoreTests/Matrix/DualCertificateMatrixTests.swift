import Foundation
import TLSProbeTestSupport
import Testing
@testable import TLSProbeCore
import TLSProbeLab

/// A server with two certificates (gnutls-serv with two --x509certfile/--x509keyfile pairs): it
/// sends its RSA chain to clients that negotiate TLS 1.3 and its ECDSA chain to TLS 1.2 clients
/// that prefer ECDHE-ECDSA suites (the Mbed TLS client, Java 8). One of the two chains lacks its
/// intermediate. The matrix must judge each client on the chain that client gets; the seven
/// real clients of ClientMatrixAccuracyTests check it, and they land on different chains.
@Suite struct DualCertificateMatrixTests {
    enum Broken: String, CaseIterable, Sendable { case ecdsa, rsa }

    @Test(arguments: Broken.allCases)
    func eachClientIsJudgedOnTheChainItGets(_ broken: Broken) throws {
        try #require(ForeignStack.gnutls.isAvailable, "gnutls-serv is not installed (scripts/test.sh installs gnutls-bin)")
        let pki = LabFixture.pki
        let rsaLeaf = try pki.issueLeaf(.server(key: .rsa(bits: 2048)))
        let ecdsaLeaf = try pki.issueLeaf(.server(key: .ec(curve: "P-256")))
        let rsaChain = broken == .rsa ? [rsaLeaf] : [rsaLeaf, pki.intermediate]
        let ecdsaChain = broken == .ecdsa ? [ecdsaLeaf] : [ecdsaLeaf, pki.intermediate]
        let directory = try TestDirectory.make("tlsprobe-dual-cert")
        let ecdsaChainFile = directory.appending(path: "ecdsa-chain.pem")
        let ecdsaKeyFile = directory.appending(path: "ecdsa-key.pem")
        try LabCertificate.writeBundle(ecdsaChain, to: ecdsaChainFile)
        try ecdsaLeaf.keyPEM.write(to: ecdsaKeyFile, atomically: true, encoding: .utf8)
        var spec = ForeignServerSpec(chain: rsaChain)
        spec.extra = ["--x509certfile", ecdsaChainFile.path, "--x509keyfile", ecdsaKeyFile.path]
        let server = try ForeignTLSServer.start(.gnutls, spec)
        defer { server.stop() }

        let rows = try ClientMatrixAccuracyTests.predict(host: server.host, port: server.port, name: "localhost")
        func row(_ name: String) throws -> ClientMatrixRow { try #require(rows.first { $0.name == name }) }
        // The split the real clients show: TLS 1.3 clients get the RSA chain, Mbed TLS the ECDSA one.
        let tls13 = try row("openssl-3.0"), device = try row("esp-idf@4.4")
        #expect(tls13.tls.version == "TLS 1.3" && device.tls.cipher?.contains("ECDSA") == true, "\(tls13.tls) \(device.tls)")
        let (failing, connecting) = broken == .ecdsa ? (device, tls13) : (tls13, device)
        #expect(failing.outcome == .fails && failing.diagnosis?.id == DiagnosisID.chainMissingIntermediate,
                "\(failing.name): \(failing.diagnosis?.summary ?? "connects")")
        #expect(connecting.outcome == .connects, "\(connecting.name): \(connecting.diagnosis?.summary ?? "-")")
        // Every real client agrees with its row.
        try ClientMatrixAccuracyTests.compare("dual-cert/\(broken.rawValue)-broken", host: server.host, port: server.port, name: "localhost")
    }
}
