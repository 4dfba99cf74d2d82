import Foundation
import Testing
@testable import TLSProbeCore
import TLSProbeLab

/// `--at`: the chain verified as of another time, checked against `openssl verify -attime` and
/// Go's crypto/x509 (VerifyOptions.CurrentTime) for the same instant.
@Suite("Validation time (--at)", .serialized)
struct ValidationTimeTests: ChainSuite {
    let fixture: ChainFixture
    init() throws { fixture = try ChainFixture("Time") }

    private func notAfter() throws -> Date {
        let report = try lab.probe(sending: [leaf, intermediate], trusting: [root])
        #expect(report.exitCode == 0)
        return try #require(report.certificates.first.flatMap { RFC3339.parse($0.notAfter) })
    }

    @Test func afterNotAfterIsExpired() throws {
        let at = try notAfter().addingTimeInterval(3600)
        let epoch = String(Int(at.timeIntervalSince1970))
        let oracle = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [intermediate], trust: [root], ["-attime", epoch])
        #expect(oracle.status != 0 && oracle.output.contains("certificate has expired"), "\(oracle.output)")
        let go = try GoVerifier.verify(lab, leaf: leaf, intermediates: [intermediate], roots: [root], at: RFC3339.string(at))
        #expect(go.status == 1 && go.output.contains("expired"), "\(go.output)")
        let report = try lab.probe(sending: [leaf, intermediate], trusting: [root]) { $0.at = at }
        #expect(report.diagnoses.first?.id == DiagnosisID.certExpired, "\(report.diagnoses.map(\.id))")
        #expect(report.exitCode == ExitStatus.certificateExpired.rawValue)
    }

    @Test func beforeNotBeforeIsNotYetValid() throws {
        let at = Date().addingTimeInterval(-10 * 86_400)
        let oracle = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [intermediate], trust: [root], ["-attime", String(Int(at.timeIntervalSince1970))])
        #expect(oracle.status != 0 && oracle.output.contains("not yet valid"), "\(oracle.output)")
        let report = try lab.probe(sending: [leaf, intermediate], trusting: [root]) { $0.at = at }
        let diagnosis = try #require(report.diagnoses.first { $0.id == DiagnosisID.certNotYetValid }, "\(report.diagnoses.map(\.id))")
        #expect(diagnosis.summary.contains(RFC3339.readable(at)), "\(diagnosis.summary)")
        // The time is the one asked for, not this machine's clock.
        #expect(diagnosis.summary.contains("the time given with --at is") && !diagnosis.summary.contains("machine's clock"), "\(diagnosis.summary)")
    }

    @Test func exactlyAtNotAfterSaysRFC5280AndOpenSSLDisagree() throws {
        let at = try notAfter()
        let openssl = try ExternalVerifier.openssl(lab, leaf: leaf, untrusted: [intermediate], trust: [root], ["-attime", String(Int(at.timeIntervalSince1970))])
        #expect(openssl.status != 0 && openssl.output.contains("certificate has expired"), "OpenSSL: notAfter exclusive: \(openssl.output)")
        let go = try GoVerifier.verify(lab, leaf: leaf, intermediates: [intermediate], roots: [root], at: RFC3339.string(at))
        #expect(go.status == 0, "Go follows RFC 5280 (inclusive): \(go.output)")
        let report = try lab.probe(sending: [leaf, intermediate], trusting: [root]) { $0.at = at }
        #expect(report.diagnoses.contains { $0.id == DiagnosisID.certExpired })
        let boundary = try #require(report.diagnoses.first { $0.id == DiagnosisID.certNotAfterBoundary }, "\(report.diagnoses.map(\.id))")
        #expect(boundary.summary.contains("RFC 5280 makes notAfter inclusive") && boundary.summary.contains("OpenSSL treats notAfter as exclusive"))
    }

    @Test func rfc3339Parsing() {
        #expect(RFC3339.parse("2027-01-31T12:00:00Z")?.timeIntervalSince1970 == 1_801_396_800)
        #expect(RFC3339.parse("2027-01-31T13:00:00+01:00")?.timeIntervalSince1970 == 1_801_396_800)
        #expect(RFC3339.parse("2027-01-31t12:00:00.250z")?.timeIntervalSince1970 == 1_801_396_800)
        #expect(RFC3339.parse("2027-01-31")?.timeIntervalSince1970 == 1_801_353_600)
        for bad in ["", "yesterday", "2027-02-30T00:00:00Z", "2027-01-31T12:00Z", "2027-01-31T25:00:00Z", "2027-01-31T12:00:00", "1801396800"] {
            #expect(RFC3339.parse(bad) == nil, "\(bad)")
        }
    }
}
