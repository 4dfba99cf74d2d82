import ArgumentParser
import Foundation
import Testing
import TLSProbeCore
import TLSProbeRendering
@testable import tlsprobe

/// --save-chain / --save-root write files the tools that consume them accept: `openssl verify`
/// for the PEM root, the C compiler for the header.
@Suite struct SaveCertificateTests {
    static func saver(_ arguments: [String]) throws -> ChainSaver {
        ChainSaver(options: try SaveOptions.parse(arguments))
    }

    @Test(arguments: ["healthy-rsa", "cross-signed-top"])
    func savedRootVerifiesTheServedChain(_ scenario: String) throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = try CLILab.probe(scenario)
        try Self.saver(["--save-root", directory.appending(path: "saved.pem").path,
                        "--save-chain", directory.appending(path: "chain.pem").path]).save(report)
        // The leaf alone, and everything after it as untrusted intermediates.
        try report.certificates[0].pem.write(to: directory.appending(path: "leaf.pem"), atomically: true, encoding: .utf8)
        let saved = try String(contentsOf: directory.appending(path: "saved.pem"), encoding: .utf8)
        #expect(saved.contains("# subject: CN=tlsprobe Lab Root CA"))
        #expect(saved.contains("# sha256:  \(try #require(report.verification.anchor).sha256)"))
        let verify = try CLI.tool("openssl", ["verify", "-CAfile", "saved.pem", "-untrusted", "chain.pem", "leaf.pem"], in: directory)
        #expect(verify.status == 0, "\(verify.output)")
        #expect(verify.output.contains("leaf.pem: OK"))
    }

    @Test func headerCompiles() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = try CLILab.probe("healthy-ecdsa")
        try Self.saver(["--save-root", directory.appending(path: "server-root-cert.h").path]).save(report)
        let header = try String(contentsOf: directory.appending(path: "server-root-cert.h"), encoding: .utf8)
        #expect(header.contains("static const char server_root_cert_pem[] ="))
        // Uses both symbols so -Werror also proves they are what mbedtls_x509_crt_parse() takes.
        let source = """
            #include <string.h>
            #include "server-root-cert.h"
            int pem_is_whole(void) {
                return server_root_cert_pem_len == strlen(server_root_cert_pem) + 1
                    && strstr(server_root_cert_pem, "-----BEGIN CERTIFICATE-----\\n") == server_root_cert_pem;
            }
            """
        try source.write(to: directory.appending(path: "use.c"), atomically: true, encoding: .utf8)
        let compile = try CLI.tool("cc", ["-std=c99", "-Wall", "-Wextra", "-Werror", "-c", "use.c", "-o", "use.o"], in: directory)
        #expect(compile.status == 0, "\(compile.output)")
    }

    @Test func derIsOneCertificate() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = try CLILab.probe("healthy-rsa")
        try Self.saver(["--save-root", directory.appending(path: "root.der").path]).save(report)
        let parsed = try CLI.tool("openssl", ["x509", "-inform", "DER", "-in", "root.der", "-noout", "-fingerprint", "-sha256"], in: directory)
        #expect(parsed.status == 0)
        #expect(parsed.output.contains(try #require(report.verification.anchor).sha256))
    }

    @Test func unwritablePathExits66() throws {
        let report = try CLILab.probe("healthy-rsa")
        #expect(throws: ExitCode(66)) {
            try Self.saver(["--save-root", "/nonexistent-dir/root.pem"]).save(report)
        }
    }

    @Test func formatComesFromExtensionUnlessOverridden() throws {
        #expect(try SaveOptions.parse(["--save-root", "x.h"]).format(for: "x.h") == .h)
        #expect(try SaveOptions.parse(["--save-root", "x.h", "--save-format", "pem"]).format(for: "x.h") == .pem)
        #expect(throws: (any Error).self) { try SaveOptions.parse(["--save-root", "x.bin"]) }
    }

    /// --valid-until reads dates without Foundation's DateFormatter (not linked: issue 17); it
    /// accepts and rejects what that formatter did, at the same instant.
    @Test func validUntilDatesMatchDateFormatter() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        for text in ["2030-01-31", "2030-1-5", " 2030-01-31", "2030-02-30", "2030-02-28", "2028-02-29", "2029-02-29",
                     "2030-13-01", "2030-00-10", "2030-01-00", "2030-01-32", "2030-01-31x", "20300131", "12345-01-31",
                     "2030/01/31", "", "-", "2030--31", "1970-01-01", "2030.01.31", "2030 01 31", "2030:01:31",
                     "2030-01/31", "2030_01_31", "2030--01-31", "2030-01-31 ", "\t2030-01-31", "2030-001-05", "+2030-01-31",
                     "-2030-01-31", "2030a01a31", "2030,01,31", "0-01-01", "2030 -01-31", "2030- 01-31", "2030-01-031",
                     "002030-01-31", "2030-01-3１", "２030-01-31", "2030-01-", "2030-01-31-", "2030-01-31 x"] {
            #expect(SaveOptions.date(text) == formatter.date(from: text), "\(text.debugDescription)")
        }
    }
}

