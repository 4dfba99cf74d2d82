import Foundation
import Testing
import TLSProbeTestSupport
@testable import TLSProbeCore
import TLSProbeLab

/// The trust-store catalogue on real files made at test time: a system store (SSL_CERT_FILE),
/// --cacert, certifi found in a virtual environment, Java cacerts written by the JDK's own
/// keytool (JKS and PKCS#12), and ESP-IDF's bundles; cross-signed chains whose stores build
/// different paths.
@Suite struct TrustStoreTests {
    static let pki = LabPKIFixture.pki

    static func summaries(_ chain: [LabCertificate]) -> [CertificateSummary] {
        chain.enumerated().map { index, certificate in ParsedCertificate.fromPEM((try? certificate.pem) ?? "")!.summary(depth: index) }
    }

    /// A directory laid out as the runtimes install their stores, trusting `root` everywhere but
    /// in the system store (the foreign root) and --cacert (the foreign root too).
    final class Machine {
        let directory: URL
        let environment: [String: String]
        let venvCertifi: String
        let javaCacerts: String

        init(trusting root: LabCertificate, javaStoreType: String) throws {
            directory = try TestDirectory.make("tlsprobe-trust")
            let foreign = directory.appending(path: "foreign.pem")
            try LabCertificate.writeBundle([TrustStoreTests.pki.foreignRoot], to: foreign)
            let rootFile = directory.appending(path: "root.pem")
            try LabCertificate.writeBundle([root], to: rootFile)
            let certifi = directory.appending(path: "venv/lib/python3.11/site-packages/certifi")
            try FileManager.default.createDirectory(at: certifi, withIntermediateDirectories: true)
            venvCertifi = certifi.appending(path: "cacert.pem").path
            try FileManager.default.copyItem(atPath: rootFile.path, toPath: venvCertifi)
            let security = directory.appending(path: "jdk/lib/security")
            try FileManager.default.createDirectory(at: security, withIntermediateDirectories: true)
            javaCacerts = security.appending(path: "cacerts").path
            let keytool = try TestProcess.tool("keytool", ["-importcert", "-noprompt", "-alias", "labroot", "-file", rootFile.path,
                                                           "-keystore", javaCacerts, "-storepass", "changeit", "-storetype", javaStoreType], timeout: 60)
            guard keytool.status == 0 else { throw TrustTestError.tool("keytool: \(keytool.combined)") }
            environment = ["SSL_CERT_FILE": foreign.path, "VIRTUAL_ENV": directory.appending(path: "venv").path,
                           "JAVA_HOME": directory.appending(path: "jdk").path, "HOME": directory.path, "PATH": ""]
        }

        deinit { TestDirectory.remove(directory) }

        var foreignPath: String { directory.appending(path: "foreign.pem").path }
    }

    enum TrustTestError: Error { case tool(String) }

    @Test(arguments: ["JKS", "PKCS12"])
    func everyStoreJudgesTheChain(_ javaStoreType: String) throws {
        let machine = try Machine(trusting: Self.pki.root, javaStoreType: javaStoreType)
        let locations = TrustStoreLocations.discover(cacert: machine.foreignPath, environment: machine.environment)
        #expect(locations.systemFile == machine.foreignPath)
        #expect(locations.certifi == machine.venvCertifi)
        #expect(locations.javaCacerts == machine.javaCacerts)
        let catalogue = TrustStoreCatalogue.load(locations)
        #expect(catalogue.stores.map(\.kind) == [.system, .cacert, .espIDFFull, .espIDFCommon, .certifi, .java])
        #expect(catalogue.store(.java)?.roots == 1, "\(catalogue.store(.java)?.unavailable ?? "")")

        let comparison = catalogue.compare(Self.summaries([Self.pki.leaf, Self.pki.intermediate]))
        let rootName = Self.pki.root.subjectDescription
        for kind in [TrustStoreKind.certifi, .java] {
            let trust = try #require(comparison.verdict(kind)?.asSent, "\(kind)")
            #expect(trust.trusted && trust.anchored, "\(kind): \(trust)")
            #expect(trust.path.count == 3 && trust.anchorSHA256 == Self.summaries([Self.pki.root])[0].sha256)
        }
        for kind in [TrustStoreKind.system, .cacert, .espIDFFull, .espIDFCommon] {
            let trust = try #require(comparison.verdict(kind)?.asSent, "\(kind)")
            #expect(!trust.trusted && !trust.anchored, "\(kind)")
            #expect(trust.reason == "root \"tlsprobe Lab Root CA\" is not in it", "\(kind): \(trust.reason ?? "nil") (\(rootName))")
        }
        #expect(!comparison.pathsDiffer)
    }

    @Test func leafWithoutItsIntermediateNamesTheMissingIssuer() throws {
        let machine = try Machine(trusting: Self.pki.root, javaStoreType: "JKS")
        let catalogue = TrustStoreCatalogue.load(.discover(cacert: nil, environment: machine.environment))
        let trust = try #require(catalogue.store(.certifi)?.evaluate(Self.summaries([Self.pki.leaf])))
        #expect(!trust.anchored)
        #expect(trust.reason == "\"tlsprobe Lab Intermediate CA\", the issuer of \"localhost\", was not sent and is not in it", "\(trust.reason ?? "nil")")
    }

    /// The expired-cross-sign outage (Let's Encrypt, 30 September 2021): the chain sent ends with
    /// the new root cross-signed by an old, expired one. A store that holds the new root builds
    /// the short path and trusts it; a store with only the old root builds the long path and fails.
    @Test func crossSignedChainBuildsDifferentPathsPerStore() throws {
        var oldSpec = LabCertificateSpec.authority(commonName: "tlsprobe Old Root")
        oldSpec.notBeforeOffset = -800 * LabTime.day
        oldSpec.notAfterOffset = -5 * LabTime.day
        let oldRoot = try LabPKI.issue(oldSpec, issuer: nil)
        let newRoot = try LabPKI.issue(.authority(commonName: "tlsprobe New Root"), issuer: nil)
        let crossSigned = try LabPKI.issue(.authority(commonName: "tlsprobe New Root"), issuer: oldRoot, reusing: newRoot.key)
        let intermediate = try LabPKI.issue(.authority(commonName: "tlsprobe Cross Intermediate", pathLength: 0), issuer: newRoot)
        let leaf = try LabPKI.issue(.server(), issuer: intermediate)

        let directory = try TestDirectory.make("tlsprobe-cross")
        defer { TestDirectory.remove(directory) }
        let oldFile = directory.appending(path: "old.pem"), newFile = directory.appending(path: "new.pem")
        try LabCertificate.writeBundle([oldRoot], to: oldFile)
        try LabCertificate.writeBundle([newRoot], to: newFile)
        var locations = TrustStoreLocations()
        locations.systemFile = newFile.path
        locations.cacert = oldFile.path
        locations.espIDFBundles = false
        let catalogue = TrustStoreCatalogue.load(locations)
        let comparison = catalogue.compare(Self.summaries([leaf, intermediate, crossSigned]))

        let system = try #require(comparison.verdict(.system)?.asSent)
        #expect(system.trusted, "\(system)")
        #expect(system.path.count == 3, "trusted first: the store's root replaces the cross-signed copy: \(system.path)")
        let old = try #require(comparison.verdict(.cacert)?.asSent)
        #expect(old.anchored && !old.trusted)
        #expect(old.path.count == 4 && old.path.last == Self.summaries([oldRoot])[0].subject, "\(old.path)")
        #expect(old.reason == "\"tlsprobe Old Root\": certificate has expired", "\(old.reason ?? "nil")")
        #expect(comparison.pathsDiffer)
        let note = try #require(comparison.pathNote)
        #expect(note.contains("system builds \"localhost\" → \"tlsprobe Cross Intermediate\" → \"tlsprobe New Root\";"), "\(note)")
        #expect(note.contains("--cacert builds \"localhost\" → \"tlsprobe Cross Intermediate\" → \"tlsprobe New Root\" → \"tlsprobe Old Root\" (\"tlsprobe Old Root\": certificate has expired)"), "\(note)")
        // Unavailable stores say why instead of passing in silence.
        #expect(comparison.verdict(.certifi)?.unavailable != nil && comparison.verdict(.certifi)?.asSent == nil)
    }

    /// ESP-IDF's rule: the issuer of the last certificate sent must be a bundle root. The common
    /// bundle is the full one filtered by cmn_crt_authorities.csv.
    @Test func espBundlesFollowTheDeviceRule() throws {
        let full = ESPCertificateBundle.v5_5_4, common = ESPCertificateBundle.v5_5_4_common
        let titles = Set(full.roots.map(\.name))
        #expect(ESPCertificateBundle.commonAuthorityTitles.allSatisfy(titles.contains), "\(ESPCertificateBundle.commonAuthorityTitles.filter { !titles.contains($0) })")
        #expect(common.roots.count == ESPCertificateBundle.commonAuthorityTitles.count && common.roots.count < full.roots.count)
        #expect(common.roots.contains { $0.name == "ISRG Root X2" } && !common.roots.contains { $0.name == "Baltimore CyberTrust Root" })

        // A lab CA that takes the exact name of a bundle root: the name matches, and where the
        // real root is at hand (the system store) its key does not verify the signature.
        let system = try CertificateFileReader.certificates(at: "/etc/ssl/certs/ca-certificates.crt")  // ca-certificates (scripts/test.sh)
        let isrg = try #require(system.stack.summaries(now: Date()).first { $0.commonName == "ISRG Root X1" }, "ca-certificates has ISRG Root X1")
        var spec = LabCertificateSpec.authority(commonName: "ISRG Root X1")
        spec.extraSubject = [(field: "C", value: "US"), (field: "O", value: "Internet Security Research Group")]
        let impostor = try LabPKI.issue(spec, issuer: nil)
        let intermediate = try LabPKI.issue(.authority(commonName: "tlsprobe Impostor Intermediate"), issuer: impostor)
        let chain = Self.summaries([try LabPKI.issue(.server(), issuer: intermediate), intermediate])
        guard chain[1].issuerHash == isrg.subjectHash else {
            Issue.record("the lab name \(chain[1].issuer) does not encode as \(isrg.subject)")
            return
        }
        var locations = TrustStoreLocations()
        locations.systemFile = "/etc/ssl/certs/ca-certificates.crt"
        let catalogue = TrustStoreCatalogue.load(locations)
        for kind in [TrustStoreKind.espIDFFull, .espIDFCommon] {
            let trust = try #require(catalogue.store(kind)?.evaluate(chain))
            #expect(!trust.trusted && !trust.anchored)
            #expect(trust.reason?.contains("the signature of bundle root \"ISRG Root X1\" does not verify") == true, "\(trust.reason ?? "nil")")
        }
        // Without the root's certificate, the name alone decides, as EmbeddedJudge's bundle check.
        let nameOnly = TrustChains.bundleVerdict(chain, bundle: common, now: Date())
        #expect(nameOnly.anchored && nameOnly.trusted && nameOnly.anchor == "CN=ISRG Root X1")
    }

    /// Files that are not stores make the store unavailable, with the reason.
    @Test func unreadableStoresAreUnavailableNotTrusting() throws {
        let directory = try TestDirectory.make("tlsprobe-trust-bad")
        defer { TestDirectory.remove(directory) }
        let junk = directory.appending(path: "cacerts")
        try Data("not a keystore".utf8).write(to: junk)
        var locations = TrustStoreLocations()
        locations.systemFile = directory.appending(path: "missing.pem").path
        locations.cacert = junk.path
        locations.javaCacerts = junk.path
        locations.espIDFBundles = false
        let catalogue = TrustStoreCatalogue.load(locations)
        for kind in [TrustStoreKind.system, .cacert, .java] {
            let store = try #require(catalogue.store(kind))
            #expect(!store.isAvailable && store.unavailable != nil, "\(kind)")
            #expect(store.evaluate(Self.summaries([Self.pki.leaf, Self.pki.intermediate])) == nil)
        }
        #expect(catalogue.store(.java)?.unavailable?.contains("neither a JKS keystore nor PKCS#12") == true)
        // A JKS cut short.
        #expect(throws: JavaKeyStoreFile.ReadError.self) { try JavaKeyStoreFile.certificates(in: [0xFE, 0xED, 0xFE, 0xED, 0, 0, 0, 2, 0, 0, 0, 5, 0, 0, 0, 2]) }
    }
}
