import Foundation
import Testing
@testable import TLSProbeCore
import TLSProbeLab
import TLSProbeTestSupport

/// The scan's DHE group sizes (read from the ServerKeyExchange of raw TLS 1.2 handshakes)
/// against sslscan's `dhebits` and testssl.sh's LOGJAM prime check on the same servers: OpenSSL s_server with a 1024-bit prime of
/// its own and with the RFC 7919 ffdhe2048 group, and GnuTLS with the ffdhe groups and a
/// 1024-bit prime of its own, which it uses only for clients that list no ffdhe group (as
/// sslscan's TLS 1.2 OpenSSL client does not).
@Suite(.serialized) struct DHEScanTests {
    enum Server: String, CaseIterable {
        case openssl1024 = "scan-dhe-openssl-1024"
        case opensslFFDHE2048 = "scan-dhe-openssl-ffdhe2048"
        case gnutlsFFDHEAnd1024 = "scan-dhe-gnutls-ffdhe-1024"

        func start() throws -> ForeignTLSServer {
            try ForeignServerPool.server(rawValue) {
                var spec = ForeignServerSpec(chain: LabFixture.pki.chain)
                switch self {
                case .openssl1024:
                    spec.ciphers = "DHE:ECDHE:@SECLEVEL=0"
                    spec.extra = ["-dhparam", try DHEScanTests.parameters("dh-1024-own.pem", ["-pkeyopt", "dh_paramgen_prime_len:1024"]).path]
                    return try ForeignTLSServer.start(.openssl, spec)
                case .opensslFFDHE2048:
                    spec.ciphers = "DHE:ECDHE"
                    spec.extra = ["-dhparam", try DHEScanTests.parameters("dh-ffdhe2048.pem", ["-pkeyopt", "group:ffdhe2048"]).path]
                    return try ForeignTLSServer.start(.openssl, spec)
                case .gnutlsFFDHEAnd1024:
                    spec.ciphers = "NORMAL:+DHE-RSA:+GROUP-FFDHE2048:+GROUP-FFDHE3072"
                    spec.extra = ["--dhparams", try DHEScanTests.parameters("dh-1024-own.pem", ["-pkeyopt", "dh_paramgen_prime_len:1024"]).path]
                    return try ForeignTLSServer.start(.gnutls, spec)
                }
            }
        }

        /// (bits, group) expected for a hello with ffdhe groups listed, and for one without.
        var expected: (listed: (Int, String?), unlisted: (Int, String?)) {
            switch self {
            case .openssl1024: ((1024, nil), (1024, nil))
            case .opensslFFDHE2048: ((2048, "ffdhe2048"), (2048, "ffdhe2048"))
            case .gnutlsFFDHEAnd1024: ((2048, "ffdhe2048"), (1024, nil))
            }
        }
    }

    /// DH parameters made at test time (once per process; the file name says what they are).
    static func parameters(_ name: String, _ options: [String]) throws -> URL {
        let file = LabFixture.directory.appending(path: name)
        if FileManager.default.fileExists(atPath: file.path) { return file }
        let made = try TestProcess.tool("openssl", ["genpkey", "-genparam", "-algorithm", "DH"] + options + ["-out", file.path])
        guard made.status == 0 else { throw LabError("openssl genpkey: \(made.stderr)") }
        return file
    }

    static let scans = ScanCache<ProbeReport>()

    static func scan(_ server: Server) throws -> (ProbeReport, ForeignTLSServer) {
        let running = try server.start()
        let report = try scans.get(server.rawValue) {
            let engine = try ProbeEngine(options: LabFixture.options { $0.timeout = 30; $0.runHTTP = false; $0.sendSNI = false })
            return engine.scan(try ProbeTarget.parse("127.0.0.1:\(running.port)"))
        }
        return (report, running)
    }

    @Test(arguments: Server.allCases)
    func dheGroupSizesEqualSSLScans(_ server: Server) throws {
        let (report, running) = try Self.scan(server)
        let scan = try #require(report.scan)
        let listed = try #require(scan.dhParameters.first { $0.ffdheGroupsListed }, "\(scan.dhParameters) \(scan.notes)")
        let unlisted = try #require(scan.dhParameters.first { !$0.ffdheGroupsListed }, "\(scan.dhParameters) \(scan.notes)")
        #expect(listed.bits == server.expected.listed.0 && listed.group == server.expected.listed.1, "\(listed)")
        #expect(unlisted.bits == server.expected.unlisted.0 && unlisted.group == server.expected.unlisted.1, "\(unlisted)")
        #expect(FFDHEGroups.isDHESuite(CipherSuiteTable.code(named: listed.cipher) ?? 0), "\(listed.cipher)")

        // The catalogue: key.weak_dh exactly when some client gets a prime under 2048 bits.
        let weak = report.diagnoses.first { $0.id == DiagnosisID.keyWeakDH }
        #expect((weak != nil) == (min(listed.bits, unlisted.bits) < 2048))
        if let weak { #expect(weak.summary.contains("1024 bits"), "\(weak.summary)") }

        // sslscan's TLS 1.2 client lists no ffdhe group: its DHE suites see what ours without them saw.
        try #require(SSLScanOracle.isAvailable, "sslscan is not installed (scripts/test.sh installs it)")
        let theirs = try SSLScanOracle.run(port: running.port)
        #expect(theirs.dheBits == [unlisted.bits], "sslscan dhebits \(theirs.dheBits)")

        // testssl.sh's LOGJAM check (also a TLS 1.2 client without ffdhe groups) names the same prime.
        try #require(TestSSLOracle.isAvailable, "testssl.sh is not installed (scripts/test.sh installs it)")
        let logjam = try TestSSLOracle.logjam(port: running.port, directory: try TestDirectory.make("scan-dhe-testssl"))
        if let group = unlisted.group {
            #expect(logjam.commonPrime == "RFC7919/\(group)" && logjam.unknownBits == nil, "\(logjam)")
        } else {
            #expect(logjam.commonPrime == nil && logjam.unknownBits == unlisted.bits, "\(logjam)")
        }
    }

    @Test func aServerWithoutDHESuitesHasNoDHEntries() throws {
        let (scan, _) = try ScanAccuracyTests.scan(.gnutls)
        // The GnuTLS scan server enables DHE-RSA: it has entries; an ECDHE-only OpenSSL server has none.
        #expect(!scan.dhParameters.isEmpty)
        let server = try LabFixtureServer.healthy { $0.maxVersion = .tls1_2; $0.cipherList = "ECDHE-RSA-AES128-GCM-SHA256" }
        defer { server.stop() }
        let engine = try ProbeEngine(options: LabFixture.options { $0.timeout = 20; $0.runHTTP = false; $0.sendSNI = false })
        let report = engine.scan(try ProbeTarget.parse("127.0.0.1:\(server.port)"))
        let ecdheOnly = try #require(report.scan)
        #expect(ecdheOnly.acceptedVersions.contains(.tls12))
        #expect(ecdheOnly.dhParameters.isEmpty && !report.diagnoses.contains { $0.id == DiagnosisID.keyWeakDH })
    }

    /// The parser on parameters OpenSSL made: sizes, the published groups by name, a prime of
    /// the server's own unnamed; cut-short input is refused.
    @Test func serverKeyExchangePrimesAreMeasuredAndNamed() throws {
        for (options, bits, name) in [(["-pkeyopt", "group:ffdhe3072"], 3072, "ffdhe3072"), (["-pkeyopt", "group:modp_2048"], 2048, "modp2048"),
                                      (["-pkeyopt", "group:modp_1536"], 1536, "modp1536"), (["-pkeyopt", "dh_rfc5114:1"], 1024, nil)] as [([String], Int, String?)] {
            let prime = try Self.prime(options)
            let body = [UInt8(prime.count >> 8), UInt8(prime.count & 0xFF)] + prime + [0, 1, 2]
            let parsed = try #require(ServerDHParameters.parse(body))
            #expect(parsed.bits == bits && parsed.knownGroup == name, "\(options): \(parsed)")
            #expect(ServerDHParameters.parse(Array(body.prefix(prime.count))) == nil)
            // A leading zero byte does not count.
            let padded = [UInt8((prime.count + 1) >> 8), UInt8((prime.count + 1) & 0xFF), 0] + prime
            #expect(ServerDHParameters.parse(padded)?.bits == bits)
        }
        #expect(ServerDHParameters.parse([0, 0]) == nil)
        #expect(ServerDHParameters.parse([0, 2, 0, 0]) == nil)
        #expect(ServerDHParameters.parse([0, 1, 0x05])?.bits == 3)
    }

    /// p of `openssl genpkey -genparam` output: the first INTEGER `openssl asn1parse` shows.
    static func prime(_ options: [String]) throws -> [UInt8] {
        let directory = try TestDirectory.make("dh-prime")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: "dh.pem")
        _ = try TestProcess.tool("openssl", ["genpkey", "-genparam", "-algorithm", "DH"] + options + ["-out", file.path])
        let text = try TestProcess.tool("openssl", ["asn1parse", "-in", file.path]).stdout
        let line = try #require(text.split(separator: "\n").first { $0.contains("prim: INTEGER") }, "\(text)")
        let hex = Array(line.split(separator: ":").last.map(String.init) ?? "")
        let bytes = stride(from: 0, to: hex.count - 1, by: 2).compactMap { UInt8(String(hex[$0...$0 + 1]), radix: 16) }
        try #require(bytes.count > 64, "no prime in: \(text.prefix(200))")
        return bytes
    }
}
