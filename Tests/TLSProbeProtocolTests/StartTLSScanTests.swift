import Foundation
import Testing
import TLSProbeCore
import TLSProbeTestSupport

/// `tlsprobe scan` of STARTTLS services: every connection of the scan does the protocol's
/// upgrade dialogue first. Against the suites' real servers (aiosmtpd, Dovecot IMAP and POP3,
/// PostgreSQL), each compared with sslscan's --starttls-* scan of the same port (testssl.sh -t
/// smtp for aiosmtpd, which sslscan cannot upgrade).
@Suite(.serialized) struct StartTLSScanTests {
    static func scan(_ url: String, _ adjust: (inout ProbeOptions) -> Void = { _ in }) throws -> ProbeReport {
        let engine = try ProbeEngine(options: ProtocolFixture.options { $0.timeout = 60; $0.runHTTP = false; adjust(&$0) })
        return engine.scan(try ProbeTarget.parse(url))
    }

    static func expectEqualToSSLScan(_ report: ProbeReport, port: Int, option: String) throws {
        let scan = try #require(report.scan)
        #expect(scan.notes.isEmpty, "\(scan.notes)")
        // Not every server has TLS 1.2: this Dovecot answers only TLS 1.3 (sslscan sees the same).
        #expect(!scan.acceptedVersions.isEmpty, "\(scan.versions.map { "\($0.key): \($0.answer)" })")
        try #require(SSLScanOracle.isAvailable, "sslscan is not installed (scripts/test.sh installs it)")
        let theirs = try SSLScanOracle.run(port: UInt16(port), options: [option])
        #expect(scan.versions.reduce(into: [String: Bool]()) { $0[$1.key] = $1.accepted } == theirs.versions)
        for version in scan.acceptedVersions {
            let ours = Set(scan.suites(version).compactMap { UInt16($0.code.dropFirst(2), radix: 16) })
            #expect(ours == Set(theirs.suites[version.key] ?? []), "\(version.key)")
        }
    }

    /// sslscan 2.0.7 does not get through aiosmtpd's EHLO ("did not appear to support STARTTLS"):
    /// testssl.sh -t smtp instead, versions and the order of every suite per version.
    @Test func smtpSubmissionIsScannedThroughSTARTTLS() throws {
        let port = try MailServerTests.smtp.get().submission
        let report = try Self.scan("smtp://localhost:\(port)")
        let scan = try #require(report.scan)
        #expect(scan.notes.isEmpty && scan.acceptedVersions.contains(.tls12), "\(scan.notes)")
        try #require(TestSSLOracle.isAvailable, "testssl.sh is not installed (scripts/test.sh installs it)")
        let theirs = try TestSSLOracle.run(port: UInt16(port), directory: try ProtocolFixture.scratch("scan-smtp-testssl"), options: ["-t", "smtp"])
        #expect(scan.versions.reduce(into: [String: Bool]()) { $0[$1.key] = $1.accepted } == theirs.versions)
        for version in scan.acceptedVersions {
            #expect(scan.suites(version).compactMap { UInt16($0.code.dropFirst(2), radix: 16) } == theirs.suites[version.key], "\(version.key)")
        }
    }

    /// The brief's form: --starttls on a bare host:port.
    @Test func starttlsOptionOnAHostPort() throws {
        let port = try MailServerTests.smtp.get().submission
        let report = try Self.scan("localhost:\(port)") { $0.startTLSOverride = .smtp }
        let scan = try #require(report.scan)
        #expect(scan.acceptedVersions.contains(.tls12) && scan.notes.isEmpty, "\(scan.notes)")
        #expect(report.stage(.starttls)?.status == .ok)
    }

    @Test func imapAndPOP3AreScannedThroughSTARTTLS() throws {
        let ports = try MailServerTests.dovecot.get()
        try Self.expectEqualToSSLScan(try Self.scan("imap://localhost:\(ports.imap)"), port: ports.imap, option: "--starttls-imap")
        try Self.expectEqualToSSLScan(try Self.scan("pop3://localhost:\(ports.pop3)"), port: ports.pop3, option: "--starttls-pop3")
    }

    @Test func postgresIsScannedThroughSSLRequest() throws {
        let port = try PostgresTests.servers.get().sslOn
        try Self.expectEqualToSSLScan(try Self.scan("postgres://localhost:\(port)"), port: port, option: "--starttls-psql")
    }

    @Test func aServerWithoutSTARTTLSIsNotScanned() throws {
        let report = try Self.scan("smtp://localhost:\(try MailServerTests.smtp.get().plain)")
        #expect(report.diagnosisIDs.first == ProtocolDiagnosisID.startTLSNotOffered)
        let scan = try #require(report.scan)
        #expect(scan.versions.isEmpty && scan.connections == 0)
        #expect(scan.notes.first?.contains("STARTTLS upgrade failed") == true)
    }
}
