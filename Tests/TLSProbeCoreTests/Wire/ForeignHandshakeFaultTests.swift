import Foundation
import Testing
import TLSProbeTestSupport
@testable import TLSProbeCore
import TLSProbeLab

/// Handshake faults served by TLS stacks other than the lab's OpenSSL (GnuTLS, Botan, lighttpd on
/// Mbed TLS) and by OpenSSL, each diagnosed from the messages on the wire. Where the cause is
/// read from handshake messages (a CertificateRequest, a ServerHello's choice), no assertion
/// depends on which alert number a server happens to send.
@Suite struct ForeignHandshakeFaultTests {
    static func probe(_ server: any LabServer, _ adjust: (inout ProbeOptions) -> Void = { _ in }) throws -> ProbeReport {
        try IntoleranceTests.probe(server, adjust)
    }

    static func diagnosis(_ id: String, in report: ProbeReport) -> Diagnosis? { report.diagnoses.first { $0.id == id } }

    static let ecdsaChain: [LabCertificate] = {
        do { return [try LabFixture.pki.issueLeaf(.server(key: .ec(curve: "P-256"))), LabFixture.pki.intermediate] } catch { fatalError("\(error)") }
    }()

    // MARK: no shared cipher suite / group

    @Test(arguments: [ForeignStack.gnutls, .botan])
    func aServerLimitedToCamelliaGCMIsNoSharedCipherNamingWhy(stack: ForeignStack) throws {
        let server = try StackFaultServers.suitesOpenSSLLacks(stack)
        let report = try Self.probe(server)
        let found = try #require(Self.diagnosis(DiagnosisID.cipherNoShared, in: report), "\(report.diagnoses.map(\.id))")
        #expect(found.summary.contains("CAMELLIA_128_GCM"))
        #expect(found.summary.contains("do not implement"))
        #expect(report.exitCode == ExitStatus.noCommonParameters.rawValue)
        #expect(report.failedStage == .serverHello)
        #expect(report.followUps.contains { $0.purpose.contains("raw") && $0.accepted })
    }

    @Test func anOpenSSLServerWithOnlyNullSuitesIsNoSharedCipherWithWhatToEnable() throws {
        let server = try LabTLSServer(LabTLSServerConfig(chain: LabFixture.pki.chain, maxVersion: .tls1_2, cipherList: "NULL-SHA256:@SECLEVEL=0"))
        defer { server.stop() }
        let report = try Self.probe(server)
        let found = try #require(Self.diagnosis(DiagnosisID.cipherNoShared, in: report), "\(report.diagnoses.map(\.id))")
        #expect(found.summary.contains("NULL-SHA256"))
        #expect(found.fix.hasPrefix("Enable"))
        #expect(Self.diagnosis(DiagnosisID.cipherWeak, in: report) == nil)
    }

    @Test func aBotanServerWithOnlyABrainpoolCurveIsNoSharedGroupNamingIt() throws {
        let server = try ForeignServerPool.server("botan-brainpool") {
            var spec = ForeignServerSpec(chain: Self.ecdsaChain)
            spec.botanPolicy = ["groups = brainpool256r1"]
            return try ForeignTLSServer.start(.botan, spec)
        }
        let report = try Self.probe(server)
        let found = try #require(Self.diagnosis(DiagnosisID.keyNoSharedGroup, in: report), "\(report.diagnoses.map(\.id)) \(report.diagnoses.first?.summary ?? "")")
        #expect(found.summary.contains("brainpoolP256r1"))
    }

    /// DHE only, on the server's own (RFC 3526) parameters, no ffdhe group and no ECDHE: RFC 7919
    /// §4 makes it refuse hellos that list ffdhe groups — GnuTLS before its ServerHello, Botan
    /// where its ServerKeyExchange belongs. The suites are not the cause (a widest TLS 1.2
    /// handshake, which lists no ffdhe group, gets the same DHE suite we offered).
    @Test(arguments: [ForeignStack.gnutls, .botan])
    func aDHEOnlyServerWithoutFFDHEGroupsIsNamedAsTheRFC7919Refusal(stack: ForeignStack) throws {
        let server = try ForeignServerPool.server("\(stack.name)-dhe-no-ffdhe") {
            var spec = ForeignServerSpec(chain: LabFixture.pki.chain)
            spec.ciphers = "NORMAL:-KX-ALL:+DHE-RSA:-VERS-TLS1.3:-GROUP-ALL:+GROUP-SECP256R1"
            spec.botanPolicy = ["ciphers = AES-256/GCM AES-128/GCM", "key_exchange_methods = DH", "key_exchange_groups = secp256r1"]
            if stack == .gnutls {
                let dhFile = LabFixture.directory.appending(path: "dh-modp-2048.pem")
                let openssl = try TestProcess.tool("openssl", ["genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "group:modp_2048", "-out", dhFile.path])
                guard openssl.status == 0 else { throw LabError("openssl genpkey: \(openssl.stderr)") }
                spec.extra = ["--dhparams", dhFile.path]
            }
            return try ForeignTLSServer.start(stack, spec)
        }
        // Botan's tls_server selects its own ALPN protocol: offer it, so the handshake gets as far as the key exchange.
        let report = try Self.probe(server) { if stack == .botan { $0.alpn = ["echo/0.1"] } }
        let found = try #require(Self.diagnosis(DiagnosisID.keyFFDHERefused, in: report), "\(report.diagnoses.map { "\($0.id): \($0.summary)" })")
        #expect(found.summary.contains("ffdhe2048"))
        #expect(found.summary.contains("TLS_DHE_RSA_WITH_AES_"))
        #expect(Self.diagnosis(DiagnosisID.cipherNoShared, in: report) == nil)
        #expect(Self.diagnosis(DiagnosisID.handshakeIntolerance, in: report) == nil)
        #expect(report.exitCode == ExitStatus.noCommonParameters.rawValue)
        // A real client agrees: OpenSSL 3 listing ffdhe groups fails, the same client without them connects with DHE.
        let plain = try TestProcess.tool("openssl", ["s_client", "-connect", "127.0.0.1:\(server.port)", "-brief", "-groups", "P-256:ffdhe2048"], stdin: Data(), timeout: 15)
        let withoutFFDHE = try TestProcess.tool("openssl", ["s_client", "-connect", "127.0.0.1:\(server.port)", "-brief", "-groups", "X25519:P-256"], stdin: Data(), timeout: 15)
        #expect(!plain.stderr.contains("CONNECTION ESTABLISHED") && !plain.stdout.contains("DHE-RSA"), "\(plain.stderr)")
        #expect((withoutFFDHE.stdout + withoutFFDHE.stderr).contains("DHE-RSA-AES"), "\(withoutFFDHE.stderr)")
    }

    /// JSSE with only a DHE suite and no ffdhe group (jdk.tls.namedGroups=secp256r1) does not
    /// refuse: it falls back to its own DH group, and the probe connects with nothing to flag.
    @Test func aJSSEDHEOnlyServerWithoutFFDHEGroupsConnectsAndIsNotFlagged() throws {
        let server = try ForeignServerPool.server("java-dhe-no-ffdhe") {
            var spec = ForeignServerSpec(chain: LabFixture.pki.chain)
            spec.ciphers = "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"
            spec.extra = ["-Djdk.tls.namedGroups=secp256r1", "--protocols", "TLSv1.2"]
            return try ForeignTLSServer.start(.java, spec)
        }
        let report = try Self.probe(server)
        #expect(Self.diagnosis(DiagnosisID.keyFFDHERefused, in: report) == nil)
        #expect(report.tls.cipher?.contains("DHE-RSA") == true, "\(report.diagnoses.map(\.id))")
        #expect(report.exitCode == ExitStatus.success.rawValue, "\(report.diagnoses.map { "\($0.id): \($0.summary)" })")
    }

    @Test func anOpenSSLDHEOnlyServerIgnoresTheGroupListAndIsNotFlagged() throws {
        // OpenSSL's server does not apply RFC 7919 to TLS 1.2 DHE: our hello is answered.
        let server = try LabTLSServer(LabTLSServerConfig(chain: LabFixture.pki.chain, maxVersion: .tls1_2, cipherList: "DHE-RSA-AES128-GCM-SHA256", dhGroup: "ffdhe2048"))
        defer { server.stop() }
        let report = try Self.probe(server)
        #expect(Self.diagnosis(DiagnosisID.keyFFDHERefused, in: report) == nil)
        #expect(report.exitCode == ExitStatus.success.rawValue, "\(report.diagnoses.map(\.id))")
    }

    @Test func aGnuTLSServerWithOnlySecp224r1IsNoSharedGroupNamingIt() throws {
        let server = try ForeignServerPool.server("gnutls-secp224r1") {
            var spec = ForeignServerSpec(chain: Self.ecdsaChain)
            spec.ciphers = "NORMAL:-GROUP-ALL:+GROUP-SECP224R1:-VERS-TLS1.3"
            return try ForeignTLSServer.start(.gnutls, spec)
        }
        let report = try Self.probe(server)
        let found = try #require(Self.diagnosis(DiagnosisID.keyNoSharedGroup, in: report), "\(report.diagnoses.map { "\($0.id): \($0.summary)" })")
        #expect(found.summary.contains("it accepts secp224r1"))
        #expect(report.exitCode == ExitStatus.noCommonParameters.rawValue)
    }

    // MARK: no shared signature algorithm

    /// TLS 1.2 servers allowed only SHA-1 signatures: our hello lists SHA-1 and gets a SHA-1
    /// key exchange; the same hello without SHA-1 and MD5 is refused, as a real OpenSSL 3 client
    /// at its default security level is. s_server and botan serve one connection at a time, so
    /// there the question is asked again once our connection is closed.
    @Test(arguments: [ForeignStack.gnutls, .botan, .openssl])
    func aServerThatCanSignOnlyWithSHA1IsNoSharedSignatureAlgorithm(stack: ForeignStack) throws {
        let server = try StackFaultServers.sha1SignaturesOnly(stack)
        let alpn = stack == .botan ? ["-alpn", "echo/0.1"] : []
        let report = try Self.probe(server) { $0.alpn = alpn.isEmpty ? $0.alpn : ["echo/0.1"] }
        let all = report.diagnoses.map { "\($0.id): \($0.summary)" }
        let found = try #require(Self.diagnosis(DiagnosisID.sigNoShared, in: report), "\(all) \(report.followUps.map(\.result))")
        #expect(found.summary.contains("rsa_pkcs1_sha1"))
        #expect(found.stage == .keyExchange)
        #expect(Self.diagnosis(DiagnosisID.sigHandshakeSHA1, in: report) == nil, "\(all)")
        #expect(report.exitCode == ExitStatus.noCommonParameters.rawValue, "\(all)")
        #expect(report.followUps.contains { $0.purpose.hasPrefix("can the server sign without SHA-1") && !$0.accepted })
        // A real client agrees: OpenSSL 3 at its default level fails; at level 0 (SHA-1 offered) it connects with SHA-1.
        let modern = try TestProcess.tool("openssl", ["s_client", "-connect", "127.0.0.1:\(server.port)", "-brief"] + alpn, stdin: Data(), timeout: 15)
        let legacy = try TestProcess.tool("openssl", ["s_client", "-connect", "127.0.0.1:\(server.port)", "-brief", "-cipher", "DEFAULT@SECLEVEL=0"] + alpn, stdin: Data(), timeout: 15)
        #expect(!modern.stderr.contains("CONNECTION ESTABLISHED"), "\(modern.stderr)")
        #expect(legacy.stderr.contains("Hash used: SHA1"), "\(legacy.stderr)")
    }

    /// The other side: a server that signs with SHA-1 because we offered it first in its own
    /// order, but has SHA-256 for clients without SHA-1, keeps sig.handshake_sha1.
    @Test func aServerPreferringSHA1ButAbleToSignSHA256KeepsTheSHA1Finding() throws {
        var config = LabTLSServerConfig(chain: LabFixture.pki.chain, maxVersion: .tls1_2, sigalgs: "rsa_pkcs1_sha1:rsa_pss_rsae_sha256:rsa_pkcs1_sha256")
        config.serverPreference = true
        let server = try LabTLSServer(config)
        defer { server.stop() }
        let report = try Self.probe(server)
        let all = report.diagnoses.map { "\($0.id): \($0.summary)" }
        #expect(report.tls.signatureAlgorithm == "rsa_pkcs1_sha1", "\(all)")
        #expect(Self.diagnosis(DiagnosisID.sigHandshakeSHA1, in: report) != nil, "\(all)")
        #expect(Self.diagnosis(DiagnosisID.sigNoShared, in: report) == nil, "\(all)")
        #expect(report.followUps.contains { $0.purpose.hasPrefix("can the server sign without SHA-1") && $0.accepted })
    }

    // MARK: client certificate required, whatever the server does next

    @Test(arguments: ["gnutls-1.2", "gnutls-1.3", "mbedtls", "java-1.3", "java-1.2"])
    func aRequiredClientCertificateIsNamedFromTheCertificateRequest(variant: String) throws {
        let stack: ForeignStack = variant == "mbedtls" ? .lighttpdMbedTLS : variant.hasPrefix("java") ? .java : .gnutls
        let server = try StackFaultServers.clientCertificateRequired(stack)
        let report = try Self.probe(server) { if variant.hasSuffix("-1.2") { $0.tlsMax = .tls12 } }
        let found = try #require(Self.diagnosis(DiagnosisID.alertClientCertRequired, in: report), "\(report.diagnoses.map { "\($0.id): \($0.summary)" })")
        #expect(found.summary.contains("tlsprobe Lab Client CA"))
        #expect(report.failedStage == .finished)
        #expect(report.exitCode == ExitStatus.handshakeAlert.rawValue)
    }

    /// A server whose TLS stack only requests a certificate and whose application then closes
    /// the connection unanswered when none came: with close_notify (Go, JSSE) or a bare FIN (Go),
    /// after our request or, when JSSE closes before reading it, after our Finished. Before the
    /// fix this was http.closed.
    @Test(arguments: ["go-notify-1.3", "go-notify-1.2", "go-fin-1.3", "go-fin-1.2", "java-notify-1.3", "java-notify-1.2"])
    func aServerClosingUnansweredAfterAnUnsatisfiedCertificateRequestIsClientCertRequired(variant: String) throws {
        let parts = variant.split(separator: "-").map(String.init)
        let stack: ForeignStack = parts[0] == "go" ? .go : .java
        let close = try #require(ForeignServerSpec.ConnectionClose(rawValue: parts[1]))
        let server = try ForeignServerPool.server("\(stack.name)-close-without-cert-\(close.rawValue)") {
            var spec = ForeignServerSpec(chain: LabFixture.pki.chain)
            spec.requireClientCertificateFrom = LabFixture.pki.clientCA
            spec.closeWithoutClientCertificate = close
            return try ForeignTLSServer.start(stack, spec)
        }
        let report = try Self.probe(server) { if parts[2] == "1.2" { $0.tlsMax = .tls12 } }
        let all = report.diagnoses.map { "\($0.id): \($0.summary)" }
        let found = try #require(Self.diagnosis(DiagnosisID.alertClientCertRequired, in: report), "\(all)")
        #expect(found.summary.contains("tlsprobe Lab Client CA"))
        #expect(found.summary.contains(close == .fin ? "a close (FIN) and no alert" : "a close_notify"), "\(found.summary)")
        #expect(found.summary.contains("TLSv\(parts[2])"))
        #expect(Self.diagnosis(DiagnosisID.httpClosed, in: report) == nil, "\(all)")
        #expect(report.failedStage == .finished)
        #expect(report.exitCode == ExitStatus.handshakeAlert.rawValue)
    }

    // MARK: an ALPN protocol we never offered

    @Test func botanSelectingAnALPNWeNeverOfferedIsUnexpectedALPNAtServerHello() throws {
        let server = try StackFaultServers.plain(.botan)
        let report = try Self.probe(server)
        let found = try #require(Self.diagnosis(DiagnosisID.protoUnexpectedALPN, in: report), "\(report.diagnoses.map(\.id))")
        #expect(found.stage == .serverHello)
        #expect(found.summary.contains("http/1.1"))
    }

    /// OpenSSL's server takes its ALPN callback's answer as given: one that answers h2 to every
    /// offer is a real stack selecting a protocol we never offered.
    @Test func anOpenSSLServerWhoseCallbackAnswersH2IsUnexpectedALPNAtServerHello() throws {
        var config = LabTLSServerConfig(chain: LabFixture.pki.chain)
        config.alpnAnswer = "h2"
        let server = try LabTLSServer(config)
        defer { server.stop() }
        let report = try Self.probe(server)
        let found = try #require(Self.diagnosis(DiagnosisID.protoUnexpectedALPN, in: report), "\(report.diagnoses.map(\.id))")
        #expect(found.summary.contains("h2"))
        #expect(found.stage == .serverHello)
    }

    @Test func aRawServerSelectingH2WhenWeOfferedHTTP11IsUnexpectedALPN() throws {
        let server = try LabRawServer(.script { fd in
            guard let hello = HostileWire.readClientHello(fd), let parsed = ClientHelloSpec(parsing: hello) else { return }
            let alpn: [UInt8] = [0x00, 0x10, 0x00, 0x05, 0x00, 0x03, 0x02, 0x68, 0x32]  // "h2"
            let renegotiation: [UInt8] = [0xFF, 0x01, 0x00, 0x01, 0x00]
            HostileWire.write(fd, HostileWire.serverHello(suite: 0xC02F, sessionID: parsed.sessionID, extensions: renegotiation + alpn))
            HostileWire.drain(fd, seconds: 3)
        })
        defer { server.stop() }
        let report = try Self.probe(server) { $0.tlsMax = .tls12 }
        let found = try #require(Self.diagnosis(DiagnosisID.protoUnexpectedALPN, in: report), "\(report.diagnoses.map(\.id))")
        #expect(found.summary.contains("h2"))
        #expect(found.stage == .serverHello)
    }
}

/// Flags on connections that work: CBC suites and DHE primes that are not safe primes, on
/// OpenSSL and GnuTLS.
@Suite struct ConnectionFlagTests {
    static func probe(_ server: any LabServer, _ adjust: (inout ProbeOptions) -> Void = { _ in }) throws -> ProbeReport {
        try IntoleranceTests.probe(server, adjust)
    }

    static func diagnosis(_ id: String, in report: ProbeReport) -> Diagnosis? { report.diagnoses.first { $0.id == id } }

    @Test func anOpenSSLServerPreferringCBCOverAEADIsFlaggedAndTheAEADChoiceNamed() throws {
        let server = try LabTLSServer(LabTLSServerConfig(chain: LabFixture.pki.chain, maxVersion: .tls1_2,
                                                          cipherList: "ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256"))
        defer { server.stop() }
        let report = try Self.probe(server) { $0.ciphers = "ECDHE-RSA-AES128-SHA" }
        let found = try #require(Self.diagnosis(DiagnosisID.cipherCBC, in: report), "\(report.diagnoses.map(\.id))")
        #expect(found.severity == .warning)
        #expect(found.summary.contains("ECDHE-RSA-AES128-SHA"))
        #expect(found.summary.contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"))
        #expect(report.exitCode == ExitStatus.success.rawValue)
    }

    @Test func aGnuTLSServerWithOnlyCBCSuitesIsFlaggedAsHavingNoAEAD() throws {
        let server = try StackFaultServers.cbcOnly(.gnutls)
        let report = try Self.probe(server)
        let found = try #require(Self.diagnosis(DiagnosisID.cipherCBC, in: report), "\(report.diagnoses.map(\.id))")
        #expect(found.summary.contains("no AEAD suite"))
        #expect(report.exitCode == ExitStatus.success.rawValue, "\(report.diagnoses.map(\.id))")
    }

    /// s_server -www and botan tls_server serve one connection at a time: the AEAD-only offer
    /// cannot be answered while our connection is open, so it is asked again once it is closed.
    @Test(arguments: [ForeignStack.openssl, .botan])
    func aOneConnectionAtATimeServerWithOnlyCBCIsAskedAgainAfterOurConnection(stack: ForeignStack) throws {
        let server = try StackFaultServers.cbcOnly(stack)
        let report = try Self.probe(server) { if stack == .botan { $0.alpn = ["echo/0.1"] } }
        let found = try #require(Self.diagnosis(DiagnosisID.cipherCBC, in: report), "\(report.diagnoses.map { "\($0.id): \($0.summary)" })")
        #expect(found.summary.contains("no AEAD suite enabled"), "\(found.summary) \(report.followUps.map(\.result))")
        #expect(report.followUps.contains { $0.purpose.contains("once our connection was closed") })
        #expect(found.severity == .warning)
    }

    @Test func aWeakSuiteOnAOneConnectionAtATimeServerIsComparedWithANormalClientAfterOurConnection() throws {
        let server = try ForeignServerPool.server("openssl-null-and-gcm") {
            var spec = ForeignServerSpec(chain: LabFixture.pki.chain)
            spec.ciphers = "NULL-SHA256:ECDHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0"
            spec.extra = ["-no_tls1_3"]
            return try ForeignTLSServer.start(.openssl, spec)
        }
        let report = try Self.probe(server) { $0.ciphers = "NULL-SHA256:@SECLEVEL=0" }
        let all = report.diagnoses.map { "\($0.severity) \($0.id): \($0.summary)" }
        #expect(Self.diagnosis(DiagnosisID.cipherNormalClientDiffers, in: report)?.summary.contains("ECDHE-RSA-AES128-GCM-SHA256") == true, "\(all)")
        #expect(Self.diagnosis(DiagnosisID.cipherWeak, in: report)?.severity == .warning, "\(all)")
        #expect(report.stages.first { $0.name == .serverHello }?.status == .warning)
    }

    @Test func aJSSEServerWithOnlyCBCSuitesIsFlaggedAsHavingNoAEAD() throws {
        let server = try StackFaultServers.cbcOnly(.java)
        let report = try Self.probe(server)
        let found = try #require(Self.diagnosis(DiagnosisID.cipherCBC, in: report), "\(report.diagnoses.map(\.id))")
        #expect(found.summary.contains("no AEAD suite"))
        #expect(report.exitCode == ExitStatus.success.rawValue, "\(report.diagnoses.map(\.id))")
    }

    @Test func anAEADServerIsNotFlagged() throws {
        let server = try LabTLSServer(LabTLSServerConfig(chain: LabFixture.pki.chain))
        defer { server.stop() }
        let report = try Self.probe(server)
        #expect(Self.diagnosis(DiagnosisID.cipherCBC, in: report) == nil)
        #expect(Self.diagnosis(DiagnosisID.keyDHSmallSubgroup, in: report) == nil)
    }

    @Test func anOpenSSLServerWithTheRFC5114PrimeIsFlaggedAsNotSafe() throws {
        let server = try LabTLSServer(LabTLSServerConfig(chain: LabFixture.pki.chain, maxVersion: .tls1_2, cipherList: "DHE-RSA-AES128-GCM-SHA256", dhGroup: "dh_2048_224"))
        defer { server.stop() }
        let report = try Self.probe(server)
        let found = try #require(Self.diagnosis(DiagnosisID.keyDHSmallSubgroup, in: report), "\(report.diagnoses.map(\.id))")
        #expect(found.summary.contains("2048-bit"))
        #expect(report.exitCode == ExitStatus.success.rawValue)
    }

    @Test func aSafePrimeIsNotFlagged() throws {
        let server = try LabTLSServer(LabTLSServerConfig(chain: LabFixture.pki.chain, maxVersion: .tls1_2, cipherList: "DHE-RSA-AES128-GCM-SHA256", dhGroup: "ffdhe2048"))
        defer { server.stop() }
        let report = try Self.probe(server)
        #expect(report.tls.dhBits == 2048)
        #expect(Self.diagnosis(DiagnosisID.keyDHSmallSubgroup, in: report) == nil)
    }

    @Test func aGnuTLSServerWithTheRFC5114PrimeIsFlaggedAsNotSafe() throws {
        let server = try StackFaultServers.rfc5114Prime(.gnutls)
        // TLS 1.2 only: OpenSSL then lists no ffdhe groups, which GnuTLS would insist on (RFC 7919).
        let report = try Self.probe(server) { $0.tlsMax = .tls12 }
        let found = try #require(Self.diagnosis(DiagnosisID.keyDHSmallSubgroup, in: report), "\(report.diagnoses.map(\.id))")
        #expect(found.summary.contains("2048-bit"))
    }
}

/// Go's crypto/tls (a server built with `go build` at test time): client certificate and CBC.
@Suite struct GoServerFaultTests {
    @Test func goRequiringAClientCertificateIsNamedFromTheCertificateRequest() throws {
        let server = try StackFaultServers.clientCertificateRequired(.go)
        let report = try IntoleranceTests.probe(server)
        let found = try #require(report.diagnoses.first { $0.id == DiagnosisID.alertClientCertRequired }, "\(report.diagnoses.map(\.id))")
        #expect(found.summary.contains("tlsprobe Lab Client CA"))
    }

    @Test func goWithOnlyACBCSuiteIsFlaggedAsHavingNoAEAD() throws {
        let server = try StackFaultServers.cbcOnly(.go)
        let report = try IntoleranceTests.probe(server)
        let found = try #require(report.diagnoses.first { $0.id == DiagnosisID.cipherCBC }, "\(report.diagnoses.map(\.id))")
        #expect(found.summary.contains("no AEAD suite"))
        #expect(report.exitCode == ExitStatus.success.rawValue, "\(report.diagnoses.map(\.id))")
    }
}
