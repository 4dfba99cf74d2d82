import Foundation
import TLSProbeTestSupport
import Testing
@testable import TLSProbeCore
import TLSProbeLab

/// Clients that differ only by trust store. Two hierarchies made at test time (the lab's root A
/// and a root B made here) and three stores: the "system" store holds A (openssl-3.0, go-1.19),
/// "certifi" and "Java cacerts" hold B (requests-2.34, java-17). Against a server under A the
/// first two connect and the others fail, under B the reverse. Each real client is pointed at
/// the same store file: s_client -CAfile, Go with SSL_CERT_FILE (its system pool), requests with
/// verify=, Java with -Djavax.net.ssl.trustStore (a keytool-written JKS).
@Suite struct ClientTrustStoreMatrixTests {
    struct Stores {
        let directory: URL
        let system: String, certifi: String, javaKeystore: String, emptyDirectory: String
        var locations: TrustStoreLocations {
            var locations = TrustStoreLocations()
            locations.systemFile = system
            locations.certifi = certifi
            locations.javaCacerts = javaKeystore
            locations.espIDFBundles = false
            return locations
        }
    }

    static let rootB: Result<(root: LabCertificate, chain: [LabCertificate]), LabError> = {
        do {
            let root = try LabPKI.issue(.authority(commonName: "tlsprobe Store Test Root B", key: .ec(curve: "P-256")), issuer: nil)
            let intermediate = try LabPKI.issue(.authority(commonName: "tlsprobe Store Test Intermediate B", key: .ec(curve: "P-256"), pathLength: 0), issuer: root)
            let leaf = try LabPKI.issue(.server(key: .ec(curve: "P-256")), issuer: intermediate)
            return .success((root, [leaf, intermediate]))
        } catch { return .failure(LabError("\(error)")) }
    }()

    static func makeStores(rootB: LabCertificate) throws -> Stores {
        let directory = try TestDirectory.make("tlsprobe-client-stores")
        let system = directory.appending(path: "system.pem"), certifi = directory.appending(path: "certifi.pem")
        try LabFixture.pki.root.write(certTo: system)
        try rootB.write(certTo: certifi)
        let keystore = directory.appending(path: "cacerts.jks").path
        let keytool = try TestProcess.tool("keytool", ["-importcert", "-noprompt", "-storetype", "JKS", "-storepass", "changeit", "-keystore", keystore,
                                                      "-alias", "root-b", "-file", certifi.path], timeout: 60)
        try #require(keytool.status == 0, "keytool: \(keytool.combined)")
        let empty = directory.appending(path: "empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        return Stores(directory: directory, system: system.path, certifi: certifi.path, javaKeystore: keystore, emptyDirectory: empty.path)
    }

    static let profiles = ["openssl-3.0", "go-1.19", "requests-2.34", "java-17"]

    /// What the real client does when pointed at the store its profile uses.
    static func ask(_ profile: String, stores: Stores, host: String, port: UInt16) throws -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        switch profile {
        case "openssl-3.0":
            let output = try TestProcess.tool("openssl", ["s_client", "-connect", "\(host):\(port)", "-servername", "localhost", "-verify_hostname", "localhost",
                                                          "-verify_return_error", "-CAfile", stores.system], stdin: Data(), timeout: 15)
            return output.status == 0 && output.stdout.contains("Verify return code: 0")
        case "go-1.19":
            let output = try TestProcess.run(URL(fileURLWithPath: try ClientMatrixAccuracyTests.goClient.get()), [host, String(port), "localhost", "-", "4000"],
                                             environment: ["PATH": path, "SSL_CERT_FILE": stores.system, "SSL_CERT_DIR": stores.emptyDirectory], timeout: 15)
            return ClientMatrixAccuracyTests.line(output).connected
        case "requests-2.34":
            let script = """
                import requests, sys
                try:
                    requests.get("https://localhost:%s/" % sys.argv[1], verify=sys.argv[2], timeout=4)
                    print("outcome=connected")
                except requests.exceptions.RequestException as error:
                    print("outcome=failed error=%s" % error)
                """
            return ClientMatrixAccuracyTests.line(try TestProcess.tool("python3", ["-c", script, String(port), stores.certifi], timeout: 20)).connected
        default:
            let javaClasses = try ClientMatrixAccuracyTests.javaClasses.get()
            return ClientMatrixAccuracyTests.line(try TestProcess.tool("java", [
                "-XX:TieredStopAtLevel=1", "-Djavax.net.ssl.trustStore=\(stores.javaKeystore)", "-Djavax.net.ssl.trustStorePassword=changeit",
                "-cp", javaClasses, "JavaTLSClient", host, String(port), "localhost", "-", "4000"], timeout: 30)).connected
        }
    }

    @Test(arguments: ["A", "B"])
    func clientsThatDifferOnlyByTrustStore(_ hierarchy: String) throws {
        let b = try Self.rootB.get()
        let stores = try Self.makeStores(rootB: b.root)
        let chain = hierarchy == "A" ? LabFixture.pki.chain : b.chain
        let server = try ForeignServerPool.server("client-stores-\(hierarchy)") { try ForeignTLSServer.start(.gnutls, ForeignServerSpec(chain: chain)) }
        var options = LabFixture.options()
        options.trust = .system
        options.connectTo = server.host
        var matrix = ClientMatrix(options: options, clients: try Self.profiles.map { try #require(ClientProfiles.matrixClient(named: $0)) })
        matrix.trustLocations = stores.locations
        let rows = matrix.run(try ProbeTarget.parse("localhost:\(server.port)")).clients ?? []
        let trustedBySystem = hierarchy == "A"
        for name in Self.profiles {
            let row = try #require(rows.first { $0.name == name })
            let usesSystem = name == "openssl-3.0" || name == "go-1.19"
            let expected = usesSystem == trustedBySystem
            #expect((row.outcome == .connects) == expected, "\(hierarchy) \(name): \(row.diagnosis.map { "\($0.id) \($0.summary)" } ?? "connects") [\(row.trustStore)]")
            if !expected { #expect(row.diagnosis?.id == DiagnosisID.certUntrustedRoot, "\(name): \(row.diagnosis?.id ?? "-")") }
            #expect(row.trustStore.contains(usesSystem ? stores.system : (name == "java-17" ? stores.javaKeystore : stores.certifi)), "\(name): \(row.trustStore)")
            let real = try Self.ask(name, stores: stores, host: server.host, port: server.port)
            print("TRUSTSTORE \(hierarchy) \(name) real=\(real ? "connects" : "fails") predicted=\(row.outcome.rawValue)")
            #expect(real == (row.outcome == .connects), "\(hierarchy) \(name): the real client \(real ? "connects" : "fails"), the matrix says \(row.outcome.rawValue)")
        }
    }
}
