import Foundation
import Testing
import TLSProbeLab

/// Shared, generated once: key generation is the slow part of these tests.
let sharedPKI: LabPKIBundle = try! LabPKI.standard()

/// A directory holding the shared PKI as PEM files, for openssl and curl.
let sharedPKIDirectory: URL = {
    let directory = try! Tool.temporaryDirectory()
    try! sharedPKI.write(to: directory)
    return directory
}()

func sClient(_ port: UInt16, _ extra: [String] = [], host: String = "127.0.0.1") throws -> ToolResult {
    try Tool.openssl([
        "s_client", "-connect", "\(host):\(port)", "-brief",
        "-CAfile", sharedPKIDirectory.appending(path: "root.pem").path,
        "-verify_hostname", "localhost", "-verify_return_error",
    ] + extra)
}

@Suite struct LabTLSServerTests {
    @Test func healthyServerIsVerifiedAndRecordsTheClientHello() throws {
        let server = try LabTLSServer(LabTLSServerConfig(chain: sharedPKI.chain))
        defer { server.stop() }
        let result = try sClient(server.port, ["-servername", "localhost", "-alpn", "h2,http/1.1"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("Verification: OK"))
        #expect(server.connectionCount == 1)
        let record = try #require(server.connections.first)
        #expect(record.handshakeCompleted)
        #expect(record.negotiatedVersion == "TLSv1.3")
        #expect(record.clientHello?.serverName == "localhost")
        #expect(record.clientHello?.alpn == ["h2", "http/1.1"])
        #expect(record.clientHello?.offeredVersions.contains(0x0304) == true)
        #expect(record.requestHead == nil, "s_client with stdin from /dev/null sends no request")
    }

    @Test func curlGetsTheConfiguredResponse() throws {
        var config = LabTLSServerConfig(chain: sharedPKI.chain)
        config.http = .respond(status: 503, headers: [("X-Lab", "yes")], body: "down\n")
        let server = try LabTLSServer(config)
        defer { server.stop() }
        let result = try Tool.run("curl", [
            "-sS", "-i", "--max-time", "10", "--cacert", sharedPKIDirectory.appending(path: "root.pem").path,
            "https://localhost:\(server.port)/path",
        ])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix("HTTP/1.1 503 Service Unavailable"))
        #expect(result.output.contains("X-Lab: yes"))
        #expect(server.connections.first?.requestHead?.hasPrefix("GET /path HTTP/1.1\r\n") == true)
    }

    @Test func dhGroupSizeIsWhatTheClientSees() throws {
        let server = try LabTLSServer(LabTLSServerConfig(
            chain: sharedPKI.chain, maxVersion: .tls1_2, cipherList: "DHE-RSA-AES128-GCM-SHA256", dhGroup: "dh_1024_160"))
        defer { server.stop() }
        let result = try sClient(server.port, ["-cipher", "DHE-RSA-AES128-GCM-SHA256@SECLEVEL=0"])
        #expect(result.output.contains("Server Temp Key: DH, 1024 bits"), "\(result.output)")
    }

    @Test func sniRequiredSendsUnrecognizedName() throws {
        let server = try LabTLSServer(LabTLSServerConfig(chain: sharedPKI.chain, sni: .requireSNI()))
        defer { server.stop() }
        let result = try sClient(server.port, ["-noservername"])
        #expect(result.status != 0)
        #expect(result.output.contains("unrecognized name"), "\(result.output)")
        #expect(try sClient(server.port, ["-servername", "localhost"]).status == 0)
    }

    @Test func stopIsPromptWhileAClientHoldsTheConnection() throws {
        var config = LabTLSServerConfig(chain: sharedPKI.chain)
        config.http = .neverRespond
        let server = try LabTLSServer(config)
        let client = Process()
        client.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        client.arguments = ["sh", "-c", "sleep 30 | openssl s_client -connect 127.0.0.1:\(server.port) -quiet"]
        client.standardOutput = FileHandle.nullDevice
        client.standardError = FileHandle.nullDevice
        try client.run()
        defer { client.terminate() }
        let deadline = Date().addingTimeInterval(5)
        while server.connections.first?.handshakeCompleted != true, Date() < deadline { usleep(20_000) }
        let started = Date()
        server.stop()
        #expect(Date().timeIntervalSince(started) < 1)
    }
}
