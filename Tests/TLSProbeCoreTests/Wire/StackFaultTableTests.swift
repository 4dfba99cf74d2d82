import Foundation
import Testing
import TLSProbeTestSupport
@testable import TLSProbeCore
import TLSProbeLab

/// #14's done-when table: each fault class on each TLS stack, probed for real, the diagnosis the
/// run printed, and "n/a: why" where a stack has no way to produce the fault (checked by hand,
/// the reason says how). Every cell that runs must give its class's id. With
/// TLSPROBE_TEST_TABLES=1 the table is printed (Markdown) for the closing note.
@Suite struct StackFaultTableTests {
    enum FaultClass: String, CaseIterable {
        case intolerance = "1 intolerance"
        case noShared = "2 no shared suite/group/sigalg"
        case clientCertificate = "3 client cert required"
        case unexpectedALPN = "4 unexpected ALPN"
        case cbc = "5a CBC"
        case dhSubgroup = "5b DH small subgroup"
    }

    enum Cell: Sendable {
        /// A probe of the server `start` gives (stopped afterwards when `owned`) must report `required`.
        case run(required: String, owned: Bool, start: @Sendable () throws -> any LabServer, adjust: @Sendable (inout ProbeOptions) -> Void = { _ in })
        case notExpressible(String)
    }

    /// A middlebox closing on status_request in front of a stack's default server: the same
    /// intolerance lighttpd + wolfSSL 5.5 shows itself.
    static func behindStatusRequestFilter(_ upstream: @escaping @Sendable () throws -> any LabServer) -> @Sendable () throws -> any LabServer {
        { try LabHelloFilterProxy(upstreamPort: try upstream().port, filter: .carriesExtension(5), action: .close) }
    }

    static let lighttpdALPN = "n/a: lighttpd offers no ALPN setting; it picks h2 or http/1.1 from the client's own list"
    /// Botan's tls_server answers with its own protocol: offer it.
    @Sendable static func botanALPN(_ options: inout ProbeOptions) { options.alpn = ["echo/0.1"] }
    /// TLS 1.2 only: OpenSSL then lists no ffdhe groups, which a server on its own DH prime would refuse (RFC 7919).
    @Sendable static func tls12(_ options: inout ProbeOptions) { options.tlsMax = .tls12 }

    static func rows() -> [(String, [FaultClass: Cell])] {
        let lab = { (config: LabTLSServerConfig) -> @Sendable () throws -> any LabServer in { try LabTLSServer(config) } }
        let nullOnly = LabTLSServerConfig(chain: LabFixture.pki.chain, maxVersion: .tls1_2, cipherList: "NULL-SHA256:@SECLEVEL=0")
        var alpnH2 = LabTLSServerConfig(chain: LabFixture.pki.chain)
        alpnH2.alpnAnswer = "h2"
        let foreign = { (make: @escaping @Sendable () throws -> ForeignTLSServer) -> @Sendable () throws -> any LabServer in { try make() } }
        return [
            ("OpenSSL", [
                .intolerance: .run(required: DiagnosisID.handshakeIntolerance, owned: true, start: behindStatusRequestFilter(foreign { try StackFaultServers.plain(.openssl) })),
                .noShared: .run(required: DiagnosisID.cipherNoShared, owned: true, start: lab(nullOnly)),
                .clientCertificate: .run(required: DiagnosisID.alertClientCertRequired, owned: false, start: foreign { try StackFaultServers.clientCertificateRequired(.openssl) }),
                .unexpectedALPN: .run(required: DiagnosisID.protoUnexpectedALPN, owned: true, start: lab(alpnH2)),
                .cbc: .run(required: DiagnosisID.cipherCBC, owned: false, start: foreign { try StackFaultServers.cbcOnly(.openssl) }),
                .dhSubgroup: .run(required: DiagnosisID.keyDHSmallSubgroup, owned: true,
                                  start: lab(LabTLSServerConfig(chain: LabFixture.pki.chain, maxVersion: .tls1_2, cipherList: "DHE-RSA-AES128-GCM-SHA256", dhGroup: "dh_2048_224"))),
            ]),
            ("GnuTLS", [
                .intolerance: .run(required: DiagnosisID.handshakeIntolerance, owned: true, start: behindStatusRequestFilter(foreign { try StackFaultServers.plain(.gnutls) })),
                .noShared: .run(required: DiagnosisID.cipherNoShared, owned: false, start: foreign { try StackFaultServers.suitesOpenSSLLacks(.gnutls) }),
                .clientCertificate: .run(required: DiagnosisID.alertClientCertRequired, owned: false, start: foreign { try StackFaultServers.clientCertificateRequired(.gnutls) }),
                .unexpectedALPN: .notExpressible("n/a: gnutls-serv --alpn h2 against our http/1.1 offer sends no ALPN at all; it selects only among the client's protocols"),
                .cbc: .run(required: DiagnosisID.cipherCBC, owned: false, start: foreign { try StackFaultServers.cbcOnly(.gnutls) }),
                .dhSubgroup: .run(required: DiagnosisID.keyDHSmallSubgroup, owned: false, start: foreign { try StackFaultServers.rfc5114Prime(.gnutls) }, adjust: tls12),
            ]),
            ("Botan", [
                .intolerance: .run(required: DiagnosisID.handshakeIntolerance, owned: true, start: behindStatusRequestFilter(foreign { try StackFaultServers.plain(.botan) }), adjust: botanALPN),
                .noShared: .run(required: DiagnosisID.cipherNoShared, owned: false, start: foreign { try StackFaultServers.suitesOpenSSLLacks(.botan) }),
                .clientCertificate: .notExpressible("n/a: botan tls_server has no option to request a client certificate"),
                .unexpectedALPN: .run(required: DiagnosisID.protoUnexpectedALPN, owned: false, start: foreign { try StackFaultServers.plain(.botan) }),
                .cbc: .run(required: DiagnosisID.cipherCBC, owned: false, start: foreign { try StackFaultServers.cbcOnly(.botan) }, adjust: botanALPN),
                .dhSubgroup: .notExpressible("not tried: Botan's TLS policy names its DH group (dh_group); no custom prime was tried"),
            ]),
            ("Go", [
                .intolerance: .run(required: DiagnosisID.handshakeIntolerance, owned: true, start: behindStatusRequestFilter(foreign { try StackFaultServers.plain(.go) })),
                .noShared: .run(required: DiagnosisID.cipherNoShared, owned: false, start: foreign { try StackFaultServers.suitesOpenSSLLacks(.go) }),
                .clientCertificate: .run(required: DiagnosisID.alertClientCertRequired, owned: false, start: foreign { try StackFaultServers.clientCertificateRequired(.go) }),
                .unexpectedALPN: .notExpressible("n/a: crypto/tls (Go 1.19) with NextProtos h2 against an http/1.1 offer completes with no ALPN; it never selects a protocol the client did not list"),
                .cbc: .run(required: DiagnosisID.cipherCBC, owned: false, start: foreign { try StackFaultServers.cbcOnly(.go) }),
                .dhSubgroup: .notExpressible("n/a: crypto/tls has no finite-field DHE"),
            ]),
            ("Java JSSE", [
                .intolerance: .run(required: DiagnosisID.handshakeIntolerance, owned: true, start: behindStatusRequestFilter(foreign { try StackFaultServers.plain(.java) })),
                .noShared: .run(required: DiagnosisID.sigNoShared, owned: false, start: foreign { try StackFaultServers.sha1SignaturesOnly(.java) }),
                .clientCertificate: .run(required: DiagnosisID.alertClientCertRequired, owned: false, start: foreign { try StackFaultServers.clientCertificateRequired(.java) }),
                .unexpectedALPN: .notExpressible("n/a: JSSE checks its ALPN selector's answer: a selector returning h2 to an http/1.1 offer ends in alert no_application_protocol (120)"),
                .cbc: .run(required: DiagnosisID.cipherCBC, owned: false, start: foreign { try StackFaultServers.cbcOnly(.java) }),
                .dhSubgroup: .notExpressible("not tried: jdk.tls.server.defaultDHEParameters could carry a custom prime"),
            ]),
            ("lighttpd+wolfSSL", [
                .intolerance: .run(required: DiagnosisID.handshakeIntolerance, owned: false, start: foreign { try StackFaultServers.plain(.lighttpdWolfSSL) }),
                .noShared: .notExpressible("n/a: Debian's wolfSSL 5.5 has no suite OpenSSL 3 lacks (a Camellia cipher list stops lighttpd: plugin initialisation failed), and ssl-conf-cmd Curves = brainpoolP256r1 still lets a default OpenSSL client in"),
                .clientCertificate: .run(required: DiagnosisID.alertClientCertRequired, owned: false, start: foreign { try StackFaultServers.clientCertificateRequired(.lighttpdWolfSSL) }),
                .unexpectedALPN: .notExpressible(lighttpdALPN),
                .cbc: .run(required: DiagnosisID.cipherCBC, owned: false, start: foreign { try StackFaultServers.cbcOnly(.lighttpdWolfSSL) }),
                .dhSubgroup: .run(required: DiagnosisID.keyDHSmallSubgroup, owned: false, start: foreign { try StackFaultServers.rfc5114Prime(.lighttpdWolfSSL) }, adjust: tls12),
            ]),
            ("lighttpd+mbedTLS", [
                .intolerance: .run(required: DiagnosisID.handshakeIntolerance, owned: true, start: behindStatusRequestFilter(foreign { try StackFaultServers.plain(.lighttpdMbedTLS) })),
                .noShared: .run(required: DiagnosisID.cipherNoShared, owned: false, start: foreign { try StackFaultServers.suitesOpenSSLLacks(.lighttpdMbedTLS) }),
                .clientCertificate: .run(required: DiagnosisID.alertClientCertRequired, owned: false, start: foreign { try StackFaultServers.clientCertificateRequired(.lighttpdMbedTLS) }),
                .unexpectedALPN: .notExpressible(lighttpdALPN),
                .cbc: .run(required: DiagnosisID.cipherCBC, owned: false, start: foreign { try StackFaultServers.cbcOnly(.lighttpdMbedTLS) }),
                .dhSubgroup: .run(required: DiagnosisID.keyDHSmallSubgroup, owned: false, start: foreign { try StackFaultServers.rfc5114Prime(.lighttpdMbedTLS) }, adjust: tls12),
            ]),
            ("tlslite-ng", [
                .intolerance: .run(required: DiagnosisID.handshakeIntolerance, owned: true, start: behindStatusRequestFilter(foreign { try StackFaultServers.plain(.tlslite) })),
                .noShared: .run(required: DiagnosisID.cipherNoShared, owned: false, start: foreign { try StackFaultServers.suitesOpenSSLLacks(.tlslite) }),
                .clientCertificate: .notExpressible("n/a: tls.py server --reqcert only requests a certificate and serves clients without one (handshake.client_cert_requested, HTTP 200)"),
                .unexpectedALPN: .notExpressible("n/a: tls.py server has no ALPN option"),
                .cbc: .run(required: DiagnosisID.cipherCBC, owned: false, start: foreign { try StackFaultServers.cbcOnly(.tlslite) }),
                .dhSubgroup: .run(required: DiagnosisID.keyDHSmallSubgroup, owned: false, start: foreign { try StackFaultServers.rfc5114Prime(.tlslite) }, adjust: tls12),
            ]),
        ]
    }

    /// What one cell printed: the required id when the run gave it, else the run's first error
    /// or warning id (or "ok"), and whether it matched.
    static func run(_ cell: Cell) -> (text: String, required: String?, matched: Bool) {
        switch cell {
        case .notExpressible(let why):
            return (why, nil, true)
        case .run(let required, let owned, let start, let adjust):
            do {
                let server = try start()
                defer { if owned { server.stop() } }
                let report = try IntoleranceTests.probe(server, adjust)
                if report.diagnoses.contains(where: { $0.id == required }) { return (required, required, true) }
                let first = report.diagnoses.first { $0.severity != .info }
                return (first.map { "\($0.id) (expected \(required)): \($0.summary)" } ?? "ok (expected \(required))", required, false)
            } catch {
                return ("could not start: \(error)", required, false)
            }
        }
    }

    @Test func everyFaultClassOnEveryStackGivesItsDiagnosis() throws {
        let rows = Self.rows()
        // Rows in parallel (each its own servers); cells of a row one after another.
        let box = ResultBox(count: rows.count)
        DispatchQueue.concurrentPerform(iterations: rows.count) { index in
            box.set(index, FaultClass.allCases.map { rows[index].1[$0].map(Self.run) ?? ("missing", nil, false) })
        }
        let results = box.results
        if ProcessInfo.processInfo.environment["TLSPROBE_TEST_TABLES"] == "1" {
            var table = "| stack | " + FaultClass.allCases.map(\.rawValue).joined(separator: " | ") + " |\n"
            table += "|---|" + FaultClass.allCases.map { _ in "---" }.joined(separator: "|") + "|\n"
            for (index, row) in rows.enumerated() {
                table += "| \(row.0) | " + results[index].map { $0.text.replacingOccurrences(of: "|", with: "/") }.joined(separator: " | ") + " |\n"
            }
            print("STACK × FAULT CLASS (#14)\n" + table)
        }
        for (index, row) in rows.enumerated() {
            for (faultClass, result) in zip(FaultClass.allCases, results[index]) {
                #expect(result.matched, "\(row.0) × \(faultClass.rawValue): \(result.text)")
            }
        }
        // Every class runs on at least two stacks besides OpenSSL, or says why it cannot.
        let ran = FaultClass.allCases.map { faultClass in rows.filter { if case .run = $0.1[faultClass] { return true }; return false }.count }
        #expect(ran.allSatisfy { $0 >= 2 }, "\(ran)")
    }
}

/// The rows' results, filled from concurrent threads.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [[(text: String, required: String?, matched: Bool)]]

    init(count: Int) { stored = Array(repeating: [], count: count) }

    func set(_ index: Int, _ cells: [(text: String, required: String?, matched: Bool)]) {
        lock.lock()
        stored[index] = cells
        lock.unlock()
    }

    var results: [[(text: String, required: String?, matched: Bool)]] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
