import Foundation
import Testing
import TLSProbeTestSupport
import TLSProbeCore
import TLSProbeLab

/// `tlsprobe check FILE…` from the command line: the chain forms servers and CAs hand out
/// (fullchain PEM, split files, DER, PKCS#7 made by `openssl crl2pkcs7`), --key, --name, exit
/// codes 0/30–34/66, JSON that validates, and the trust stores in text.
@Suite(.serialized) struct CheckCommandTests {
    static let pki = CLIFixture.pki
    static let directory = CLIFixture.directory

    static func file(_ name: String, _ certificates: [LabCertificate]) throws -> String {
        let url = directory.appending(path: "check-\(UUID().uuidString.prefix(8))-\(name)")
        try LabCertificate.writeBundle(certificates, to: url)
        return url.path
    }

    static func check(_ arguments: [String]) throws -> CLIFixture.Result {
        try CLIFixture.tlsprobe(["check", "--cacert", CLIFixture.rootPath, "--color", "never"] + arguments)
    }

    @Test func fullchainPEMPassesWithItsKeyAndName() throws {
        let chain = try Self.file("fullchain.pem", [Self.pki.leaf, Self.pki.intermediate])
        let key = Self.directory.appending(path: "leaf.key").path
        let run = try Self.check([chain, "--key", key, "--name", "localhost"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains(" ok   certificate   2 sent, chain to \"tlsprobe Lab Root CA\""), "\(run.stdout)")
        #expect(run.stdout.contains("trusted by: system ✗, --cacert ✓"), "\(run.stdout)")
        #expect(run.stdout.contains("OK    every stage passed"), "\(run.stdout)")
    }

    @Test func derAndPKCS7AndSplitFilesGiveTheSameChain() throws {
        let leafDER = Self.directory.appending(path: "check-leaf.der").path
        try Data(try Self.pki.leaf.der).write(to: URL(fileURLWithPath: leafDER))
        let intermediate = try Self.file("intermediate.pem", [Self.pki.intermediate])
        let pem = try Self.file("both.pem", [Self.pki.leaf, Self.pki.intermediate])
        let p7b = Self.directory.appending(path: "check-chain.p7b").path
        let made = try TestProcess.tool("openssl", ["crl2pkcs7", "-nocrl", "-certfile", pem, "-outform", "DER", "-out", p7b])
        try #require(made.status == 0, "\(made.combined)")
        let p7bPEM = Self.directory.appending(path: "check-chain.p7c").path
        _ = try TestProcess.tool("openssl", ["crl2pkcs7", "-nocrl", "-certfile", pem, "-out", p7bPEM])
        var fingerprints: [[String]] = []
        for arguments in [[leafDER, intermediate], [p7b], [p7bPEM], [pem]] {
            let run = try Self.check(arguments + ["--name", "localhost", "--json", "--no-trust-stores"])
            #expect(run.status == 0, "\(arguments): \(run.stdout)\(run.stderr)")
            let document = try CLIFixture.json(run.stdout)
            fingerprints.append(((document["certificates"] as? [[String: Any]]) ?? []).compactMap { $0["sha256"] as? String })
            let formats = ((document["check"] as? [String: Any])?["files"] as? [[String: Any]])?.compactMap { $0["format"] as? String }
            #expect(formats?.isEmpty == false)
        }
        #expect(fingerprints.allSatisfy { $0.count == 2 && $0 == fingerprints[0] }, "\(fingerprints)")
    }

    @Test func aKeyThatIsNotTheLeafsFails() throws {
        let chain = try Self.file("fullchain.pem", [Self.pki.leaf, Self.pki.intermediate])
        let otherKey = Self.directory.appending(path: "client.key").path
        let run = try Self.check([chain, "--key", otherKey])
        #expect(run.status == 34, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("cert.key_mismatch"), "\(run.stdout)")
        let json = try Self.check([chain, "--key", otherKey, "--json"])
        let key = ((try CLIFixture.json(json.stdout))["check"] as? [String: Any])?["key"] as? [String: Any]
        #expect(key?["matches_leaf"] as? Bool == false)
    }

    @Test func certificateFaultsKeepTheirExitCodes() throws {
        let wrongName = try Self.check([try Self.file("c.pem", [Self.pki.leaf, Self.pki.intermediate]), "--name", "other.example"])
        #expect(wrongName.status == 31, "\(wrongName.stdout)")
        let leafOnly = try Self.check([try Self.file("leaf.pem", [Self.pki.leaf])])
        #expect(leafOnly.status == 33 && leafOnly.stdout.contains("chain.missing_intermediate"), "\(leafOnly.stdout)")
        let selfSigned = try Self.check([try Self.file("self.pem", [try LabPKI.issue(.server(), issuer: nil)])])
        #expect(selfSigned.status == 30, "\(selfSigned.stdout)")
        // --at: a year on, the 90-day lab leaf has expired.
        let later = try Self.check([try Self.file("c2.pem", [Self.pki.leaf, Self.pki.intermediate]), "--at", ISO8601DateFormatter().string(from: Date().addingTimeInterval(365 * 86_400))])
        #expect(later.status == 32 && later.stdout.contains("cert.expired"), "\(later.stdout)")
    }

    @Test func unreadableInputIsExit66() throws {
        let missing = try Self.check([Self.directory.appending(path: "no-such.pem").path])
        #expect(missing.status == 66 && missing.stderr.contains("No such file or directory"), "\(missing.stderr)")
        let junk = try CLIFixture.write("hello, not a certificate\n", name: "junk.pem")
        let notACertificate = try Self.check([junk])
        #expect(notACertificate.status == 66 && notACertificate.stderr.contains("no certificate in"), "\(notACertificate.stderr)")
        let chain = try Self.file("fullchain.pem", [Self.pki.leaf, Self.pki.intermediate])
        let badKey = try Self.check([chain, "--key", junk])
        #expect(badKey.status == 66, "\(badKey.stderr)")
        let noFile = try CLIFixture.tlsprobe(["check"])
        #expect(noFile.status == 64, "\(noFile.stderr)")
    }

    @Test func jsonValidatesAgainstTheSchema() throws {
        let chain = try Self.file("fullchain.pem", [Self.pki.leaf, Self.pki.intermediate, Self.pki.root])
        let run = try Self.check([chain, "--name", "localhost", "--json", "--key", Self.directory.appending(path: "leaf.key").path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let document = try CLIFixture.json(run.stdout)
        #expect((document["diagnoses"] as? [[String: Any]])?.contains { $0["id"] as? String == "chain.root_included" } == true)
        #expect(document["trust_stores"] != nil)
        let file = try CLIFixture.write(run.stdout, name: "check.json")
        let validation = try CLIFixture.python("validate-json.py", [SchemaValidationTests.schema, file])
        #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
    }

    /// As an ESP-IDF device with its bundle: the lab root is not in it.
    @Test func asADeviceTheBundleDecides() throws {
        let chain = try Self.file("fullchain.pem", [Self.pki.leaf, Self.pki.intermediate])
        let run = try CLIFixture.tlsprobe(["check", chain, "--client", "esp-idf", "--client-trust", "bundle", "--cacert", CLIFixture.rootPath, "--color", "never"])
        #expect(run.stdout.contains("embedded.root_not_in_bundle"), "\(run.stdout)")
        #expect(run.status != 0)
    }
}
