import Testing
@testable import TLSProbeCore
import TLSProbeLab

/// The matrix's client profiles as data: names scripts can pick, sources for every profile,
/// hellos that encode as captured.
@Suite struct ClientProfileDataTests {
    @Test func namesAreUniqueProductVersionsAndEveryProfileHasSourcesAndRules() {
        let names = ClientProfiles.matrix.map(\.name)
        #expect(Set(names).count == names.count)
        for profile in ClientProfiles.matrix {
            #expect(profile.name.contains("-") || profile.name.contains("@") || profile.name == "esp-idf", "\(profile.name)")
            #expect(!profile.sources.isEmpty, "\(profile.name) cites no source")
            #expect(profile.acceptance != nil || profile.mbedTLS != nil, "\(profile.name) has no acceptance rules")
            if profile.acceptance != nil { #expect(profile.sources.contains { $0.fact == "ClientHello" || $0.fact.hasPrefix("ClientHello") }, "\(profile.name): where does its hello come from?") }
        }
        for required in ["openssl-3.0", "openssl-1.1.1", "openssl-1.0.2", "curl-7.88", "python-3.11", "node-20", "gnutls-3.7", "java-8", "java-11",
                         "java-17", "java-21", "go-1.19", "android-7", "android-9", "android-11", "android-14", "windows-7", "windows-10",
                         "windows-11", "ios-12", "macos-12", "chrome-101", "firefox-100", "esp-idf@4.4", "arduino-esp32@3"] {
            #expect(ClientProfiles.matrixClient(named: required) != nil, "missing \(required)")
        }
    }

    /// The openssl-3.0 recipe replays what `openssl s_client` sends here (the same capture that
    /// ClientHelloSpec.openSSL3Default is checked against byte for byte).
    @Test func theOpenSSLRecipeEqualsTheCapturedOpenSSLHello() throws {
        let recipe = try #require(ClientProfiles.matrixClient(named: "openssl-3.0")).matrixHello
        let ours = recipe.spec(serverName: "example.com")
        let captured = ClientHelloSpec.openSSL3Default(serverName: "example.com")
        #expect(ours.cipherSuites == captured.cipherSuites)
        #expect(ours.extensionTypes == captured.extensionTypes)
        #expect(ours.offeredGroups == captured.offeredGroups)
        #expect(ours.offeredSignatureSchemes == captured.offeredSignatureSchemes)
        #expect(ours.offeredVersions == captured.offeredVersions)
        #expect(ClientHelloEncoder.handshakeMessage(ours).count == ClientHelloEncoder.handshakeMessage(captured).count)
    }

    @Test func everyHelloEncodesParsesBackAndPadsLikeItsClient() throws {
        for profile in ClientProfiles.matrix {
            let spec = profile.matrixHello.spec(serverName: "a.example")
            let message = ClientHelloEncoder.handshakeMessage(spec)
            let parsed = try #require(ClientHelloSpec(parsing: message), "\(profile.name)")
            #expect(parsed.cipherSuites == spec.cipherSuites, "\(profile.name)")
            #expect(Set(spec.extensionTypes).count == spec.extensionTypes.count, "\(profile.name): duplicate extension")
            if profile.matrixHello.padsTo512 { #expect(!(256..<512).contains(message.count), "\(profile.name): \(message.count) bytes unpadded") }
            // The key shares are real and for the groups the recipe names.
            #expect(spec.sentKeyShareGroups == profile.matrixHello.keyShares.filter { KeyShareEntry.generate($0) != nil }, "\(profile.name)")
        }
        // curl pads its 317-byte hello to 512 bytes, as captured (padding 178).
        let curl = ClientHelloEncoder.handshakeMessage(try #require(ClientProfiles.matrixClient(named: "curl-7.88")).matrixHello.spec(serverName: "example.com"))
        #expect(curl.count == 512)
    }

    @Test func familiesPickTheirVersions() {
        #expect(ClientMatrix.family(of: "java-17", is: "java"))
        #expect(ClientMatrix.family(of: "esp-idf@4.4", is: "esp-idf"))
        #expect(!ClientMatrix.family(of: "esp-idf", is: "esp"))
        #expect(!ClientMatrix.family(of: "openssl-3.0", is: "open"))
        // A profile's own name picks that profile; a family name every version.
        #expect(ClientMatrix.profiles(matching: "esp-idf").map(\.name) == ["esp-idf"])
        #expect(ClientMatrix.profiles(matching: "java").map(\.name) == ["java-8", "java-11", "java-17", "java-21"])
        #expect(ClientMatrix.matches("esp-idf@5-tls13", "esp-idf@5-tls13") && !ClientMatrix.matches("esp-idf@5-tls13", "esp-idf"))
    }
}

/// Acceptance rules no shipped PC profile uses yet (Mbed TLS has them through its device
/// model), checked on a copy of openssl-3.0 against the lab servers that show them.
@Suite struct ClientAcceptanceRuleTests {
    static func row(_ scenarioName: String, _ adjust: (inout ClientAcceptance) -> Void) throws -> ClientMatrixRow {
        let scenario = try #require(LabScenarios.named(scenarioName))
        let server = try scenario.make(LabFixture.pki)
        defer { server.stop() }
        var profile = try #require(ClientProfiles.matrixClient(named: "openssl-3.0"))
        profile.name = "strict-test"
        adjust(&profile.acceptance!)
        var options = LabFixture.options()
        options.connectTo = server.host
        let target = try ProbeTarget.parse("\(scenario.host):\(server.port)")
        return try #require(ClientMatrix(options: options, clients: [profile]).run(target).clients?.first)
    }

    @Test func aClientThatDoesNotReorderFailsAnOutOfOrderChain() throws {
        let reorders = try Self.row("chain-out-of-order") { _ in }
        #expect(reorders.outcome == .connects)
        let strict = try Self.row("chain-out-of-order") { $0.reordersChain = false }
        #expect(strict.outcome == .fails && strict.diagnosis?.id == DiagnosisID.chainWrongOrder, "\(strict.diagnosis?.summary ?? "-")")
    }

    @Test func aClientWithoutIPSANMatchingFailsAnIPTarget() throws {
        let matches = try Self.row("ip-san") { _ in }
        #expect(matches.outcome == .connects, "\(matches.diagnosis?.summary ?? "-")")
        let blind = try Self.row("ip-san") { $0.matchesIPAddressSANs = false }
        #expect(blind.outcome == .fails && blind.diagnosis?.id == DiagnosisID.certHostnameMismatch)
    }
}

/// Every reason a row gives is a sentence: the table prints " Fix: …" right after it (a device
/// reason without its final period read "… X.509 profile Fix: …").
@Suite struct ClientReasonSentenceTests {
    @Test func sentenceEndingsAreAddedOnlyWhereMissing() {
        #expect("outside the X.509 profile".asSentence == "outside the X.509 profile.")
        #expect("Done.".asSentence == "Done.")
        #expect("closes (MBEDTLS_ERR_SSL_CONN_EOF)".asSentence == "closes (MBEDTLS_ERR_SSL_CONN_EOF).")
        #expect("it says \"no.\"".asSentence == "it says \"no.\"")
    }

    @Test(arguments: ["sha1-leaf", "md5-leaf", "missing-intermediate", "ed25519", "weak-dh-1024"])
    func everyProfilesFailureReasonEndsAsASentence(_ scenarioName: String) throws {
        let scenario = try #require(LabScenarios.named(scenarioName))
        let server = try scenario.make(LabFixture.pki)
        defer { server.stop() }
        var options = LabFixture.options()
        options.connectTo = server.host
        let target = try ProbeTarget.parse("\(scenario.host):\(server.port)")
        let rows = ClientMatrix(options: options, clients: ClientProfiles.matrix).run(target).clients ?? []
        #expect(rows.count == ClientProfiles.matrix.count)
        let failing = rows.filter { $0.outcome == .fails }
        #expect(!failing.isEmpty, "\(scenarioName) fails no client")
        for row in failing {
            let summary = try #require(row.diagnosis?.summary, "\(row.name) fails without a diagnosis")
            let last = summary.reversed().drop { $0 == "\"" || $0 == ")" }.first
            #expect(last.map { ".!?".contains($0) } == true, "\(scenarioName) \(row.name): \(summary)")
        }
    }
}
