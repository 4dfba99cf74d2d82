import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab

/// Probes through the lab CONNECT proxy in front of a healthy lab server: the proxy is its own
/// stage, the target's name goes to the proxy (never resolved here), and each proxy failure has
/// its own diagnosis and exit 41.
@Suite struct ProxyProbeTests {
    static let healthy = LabScenarios.named("healthy-ecdsa")!

    /// Probes `healthy` (by name, port of the real server) through a proxy in `mode`.
    private func probeThroughProxy(_ makeMode: (UInt16) -> LabProxyMode, proxyURL: ((LabConnectProxy) -> String)? = nil) throws -> (ProbeReport, LabConnectProxy) {
        let server = try Self.healthy.make(LabFixture.pki)
        defer { server.stop() }
        let proxy = try LabConnectProxy(makeMode(server.port))
        defer { proxy.stop() }
        let url = proxyURL?(proxy) ?? proxy.url
        let engine = try ProbeEngine(options: LabFixture.options { $0.proxy = ProxySettings(proxy: try! ProxyEndpoint.parse(url).get(), source: "--proxy") })
        let report = engine.probe(try ProbeTarget.parse("\(Self.healthy.host):\(server.port)"))
        return (report, proxy)
    }

    @Test func tunnelCarriesTheHandshake() throws {
        let (report, proxy) = try probeThroughProxy { .tunnel(upstreamPort: $0) }
        #expect(report.outcome == .ok, "\(report.diagnoses.map(\.id))")
        #expect(report.stages.map(\.name) == [.dns, .tcp, .proxy, .clientHello, .serverHello, .certificate, .keyExchange, .finished, .http])
        #expect(report.stage(.proxy)?.status == .ok)
        #expect(report.stage(.proxy)?.details.proxy?.status == 200)
        #expect(report.stage(.dns)?.status == .skipped)
        let port = report.target.port
        let head = try #require(proxy.requests.first)
        #expect(head.hasPrefix("CONNECT \(Self.healthy.host):\(port) HTTP/1.1\r\n"))
        #expect(head.contains("\r\nHost: \(Self.healthy.host):\(port)\r\n"))
        #expect(!head.lowercased().contains("proxy-authorization"))
    }

    @Test func authRequiredIs407() throws {
        let (report, _) = try probeThroughProxy { .authRequired(credentials: "lab:secret", upstreamPort: $0) }
        #expect(report.diagnoses.first?.id == DiagnosisID.proxyAuthRequired)
        #expect(report.exitCode == ExitStatus.proxyFailed.rawValue)
        #expect(report.failedStage == .proxy)
        #expect(report.stage(.clientHello)?.status == .skipped)
        #expect(report.diagnoses.first?.summary.contains("407") == true)
    }

    @Test func credentialsInTheURLAreSent() throws {
        let (report, proxy) = try probeThroughProxy({ .authRequired(credentials: "lab:s3cret", upstreamPort: $0) }, proxyURL: { "http://lab:s3cret@127.0.0.1:\($0.port)" })
        #expect(report.outcome == .ok, "\(report.diagnoses.map(\.id))")
        #expect(proxy.requests.first?.contains("Proxy-Authorization: Basic \(Data("lab:s3cret".utf8).base64EncodedString())\r\n") == true)
        // The password never shows in the report.
        #expect(!JSONEncoderText.of(report).contains("s3cret"))
    }

    @Test(arguments: [
        (LabProxyMode.denied, DiagnosisID.proxyDenied, "403"),
        (LabProxyMode.badGateway, DiagnosisID.proxyFailed, "502"),
        (LabProxyMode.close, DiagnosisID.proxyFailed, "closed"),
        (LabProxyMode.notHTTP, DiagnosisID.proxyFailed, "SSH-2.0"),
    ])
    func proxyFailures(mode: LabProxyMode, expected: String, evidence: String) throws {
        let (report, _) = try probeThroughProxy { _ in mode }
        #expect(report.diagnoses.map(\.id) == [expected])
        #expect(report.exitCode == 41)
        #expect(report.failedStage == .proxy)
        #expect(report.diagnoses.first?.summary.contains(evidence) == true, "\(report.diagnoses.first?.summary ?? "")")
        #expect(report.stage(.proxy)?.summary.hasPrefix("CONNECT \(Self.healthy.host):\(report.target.port) → ") == true)
    }

    @Test func refusedProxyIsProxyRefused() throws {
        let port = try LabPorts.closedPort()
        let engine = try ProbeEngine(options: LabFixture.options { $0.proxy = ProxySettings(proxy: ProxyEndpoint(host: "127.0.0.1", port: Int(port))) })
        let report = engine.probe(try ProbeTarget.parse("localhost:443"))
        #expect(report.diagnoses.map(\.id) == [DiagnosisID.proxyRefused])
        #expect(report.exitCode == 41)
        #expect(report.failedStage == .tcp)
        #expect(report.stages.map(\.name).contains(.proxy))
        #expect(report.stage(.proxy)?.status == .skipped)
    }

    @Test func noProxyBypassesTheProxy() throws {
        let server = try Self.healthy.make(LabFixture.pki)
        defer { server.stop() }
        // A proxy that would refuse everything: the probe must not use it.
        let proxy = try LabConnectProxy(.denied)
        defer { proxy.stop() }
        let settings = try ProxySettings.resolve(flag: nil, noProxyFlag: nil, environment: ["HTTPS_PROXY": proxy.url, "NO_PROXY": "example.org, \(Self.healthy.host)"]).get()
        let engine = try ProbeEngine(options: LabFixture.options { $0.proxy = settings; $0.connectTo = server.host })
        let report = engine.probe(try ProbeTarget.parse("\(Self.healthy.host):\(server.port)"))
        #expect(report.outcome == .ok)
        #expect(!report.stages.map(\.name).contains(.proxy))
        #expect(proxy.connectionCount == 0)
    }
}

@Suite struct ProxySettingsTests {
    @Test func parsesCurlStyleURLs() throws {
        #expect(try ProxyEndpoint.parse("http://proxy.test:3128").get() == ProxyEndpoint(host: "proxy.test", port: 3128))
        #expect(try ProxyEndpoint.parse("proxy.test").get() == ProxyEndpoint(host: "proxy.test", port: 1080))
        #expect(try ProxyEndpoint.parse("http://u%40x:p@[::1]:8080/").get() == ProxyEndpoint(host: "::1", port: 8080, credentials: "u@x:p"))
        #expect(throws: ProxySettingError.self) { try ProxyEndpoint.parse("socks5://proxy.test:1080").get() }
        #expect(throws: ProxySettingError.self) { try ProxyEndpoint.parse("http://proxy.test:99999").get() }
    }

    @Test func environmentPrecedence() throws {
        let env = ["HTTPS_PROXY": "http://upper:1", "https_proxy": "http://lower:2", "NO_PROXY": "a.test"]
        #expect(try ProxySettings.resolve(flag: nil, noProxyFlag: nil, environment: env).get().proxy?.host == "lower")
        #expect(try ProxySettings.resolve(flag: "http://flag:3", noProxyFlag: nil, environment: env).get().proxy?.host == "flag")
        #expect(try ProxySettings.resolve(flag: "", noProxyFlag: nil, environment: env).get().proxy == nil)
        #expect(try ProxySettings.resolve(flag: nil, noProxyFlag: "", environment: env).get().noProxy == [])
    }

    @Test func noProxyMatchesLikeCurl() {
        let settings = ProxySettings(proxy: ProxyEndpoint(host: "p", port: 1), noProxy: ["example.com", ".internal.test", "192.0.2.7"])
        #expect(settings.route(for: "example.com") == nil)
        #expect(settings.route(for: "www.EXAMPLE.com") == nil)
        #expect(settings.route(for: "api.internal.test") == nil)
        #expect(settings.route(for: "192.0.2.7") == nil)
        #expect(settings.route(for: "notexample.com") != nil)
        #expect(settings.route(for: "example.org") != nil)
        #expect(ProxySettings(proxy: ProxyEndpoint(host: "p", port: 1), noProxy: ["*"]).route(for: "anything") == nil)
    }
}

enum JSONEncoderText {
    static func of(_ report: ProbeReport) -> String {
        (try? JSONEncoder().encode(report)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
