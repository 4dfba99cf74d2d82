import Foundation
import Testing
import TLSProbeCore
import TLSProbeLab
import TLSProbeTestSupport

/// The operator's fix, end to end (#19's "done when"): a GnuTLS server (not OpenSSL, not ours)
/// sends its leaf alone; curl and `openssl s_client -verify_return_error` fail on it; tlsprobe says
/// browsers connect and these clients fail, and writes `--save-chain fullchain.pem`; nginx serving
/// that file makes the same curl and s_client verify.
@Suite("AIA repaired chain in nginx", .serialized)
struct AIARepairedChainTests {
    static var root: String { HostileFixture.rootPath }

    static func sClient(_ port: UInt16) throws -> TestProcess.Output {
        try TestProcess.tool("openssl", ["s_client", "-connect", "127.0.0.1:\(port)", "-servername", "localhost", "-verify_return_error",
                                         "-verify_hostname", "localhost", "-CAfile", root, "-brief"], stdin: Data(), timeout: 20)
    }

    static func curl(_ port: UInt16) throws -> TestProcess.Output {
        try TestProcess.tool("curl", ["-sS", "-o", "/dev/null", "--max-time", "10", "--cacert", root,
                                      "--resolve", "localhost:\(port):127.0.0.1", "https://localhost:\(port)/"], timeout: 20)
    }

    /// nginx (master_process off, everything in `directory`) serving `chain` and `key` on a free port.
    static func nginx(chain: String, key: String, in directory: URL) throws -> (RunningProcess, UInt16) {
        let port = try ExternalTLSServer.freePort()
        let config = """
        daemon off; master_process off; pid \(directory.path)/nginx.pid; error_log \(directory.path)/error.log;
        events { worker_connections 16; }
        http {
            access_log off;
            client_body_temp_path \(directory.path)/body; proxy_temp_path \(directory.path)/proxy;
            fastcgi_temp_path \(directory.path)/fastcgi; uwsgi_temp_path \(directory.path)/uwsgi; scgi_temp_path \(directory.path)/scgi;
            server {
                listen 127.0.0.1:\(port) ssl;
                server_name localhost;
                ssl_certificate \(chain);
                ssl_certificate_key \(key);
                location / { return 200 "repaired\\n"; }
            }
        }
        """
        let configURL = directory.appending(path: "nginx.conf")
        try config.write(to: configURL, atomically: true, encoding: .utf8)
        let nginx = FileManager.default.isExecutableFile(atPath: "/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx"
        let process = try RunningProcess(URL(fileURLWithPath: "/usr/bin/env"), [nginx, "-p", directory.path, "-e", "\(directory.path)/error.log", "-c", configURL.path])
        let limit = Date().addingTimeInterval(10)
        while Date() < limit {
            if accepts(port) { return (process, port) }
            usleep(50_000)
        }
        process.kill()
        let log = (try? String(contentsOf: directory.appending(path: "error.log"), encoding: .utf8)) ?? ""
        throw ExternalServerError.didNotStart("nginx: \(log)")
    }

    static func accepts(_ port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    @Test func theSavedFullChainMakesCurlAndOpenSSLVerifyInNginx() throws {
        let leaf = try AIACompletionTests.world.leaf("/intermediate.der")
        let gnutls = try ForeignTLSServer.start(.gnutls, ForeignServerSpec(chain: [leaf]))
        defer { gnutls.stop() }
        let directory = HostileFixture.directory.appending(path: "aia-nginx-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        // The failure the issue is about: real clients that do not fetch reject the leaf-only server.
        let refusedByOpenSSL = try Self.sClient(gnutls.port)
        #expect(refusedByOpenSSL.status != 0, "s_client accepted a leaf-only chain: \(refusedByOpenSSL.combined)")
        let refusedByCurl = try Self.curl(gnutls.port)
        #expect(refusedByCurl.status == 60, "curl: \(refusedByCurl.status) \(refusedByCurl.stderr)")

        let fullchain = directory.appending(path: "fullchain.pem").path
        let json = directory.appending(path: "report.json").path
        let probe = try TLSProbeBinary.run(["localhost:\(gnutls.port)", "--connect-to", "127.0.0.1", "--cacert", Self.root, "--save-chain", fullchain])
        #expect(probe.status == ProbeExit.incompleteChain.rawValue, "\(probe.stdoutText)\n\(probe.stderrText)")
        #expect(probe.stdoutText.contains("browsers connect") && probe.stdoutText.contains("aia fetch"), "\(probe.stdoutText)")
        #expect(probe.stderrText.contains("saved the repaired chain (leaf + 1 intermediate, no root)"), "\(probe.stderrText)")

        // The same report as JSON validates against the schema (aia_completion included).
        let jsonRun = try TLSProbeBinary.run(["localhost:\(gnutls.port)", "--connect-to", "127.0.0.1", "--cacert", Self.root, "--json"])
        try Data(jsonRun.stdout).write(to: URL(fileURLWithPath: json))
        let document = try JSONSerialization.jsonObject(with: Data(jsonRun.stdout)) as? [String: Any]
        let stages = document?["stages"] as? [[String: Any]] ?? []
        let completion = (stages.first { $0["name"] as? String == "certificate" }?["details"] as? [String: Any])?["aia_completion"] as? [String: Any]
        #expect(completion?["status"] as? String == "completed", "\(String(describing: completion))")
        let schema = BuiltExecutable.repository.appending(path: "docs/tlsprobe.schema.json").path
        let validation = try TestProcess.tool("python3", [BuiltExecutable.repository.appending(path: "scripts/validate-json.py").path, schema, json])
        #expect(validation.status == 0, "\(validation.combined)")

        // The file: leaf first, then the intermediate, no root.
        let saved = try String(contentsOfFile: fullchain, encoding: .utf8)
        #expect(saved.components(separatedBy: "-----BEGIN CERTIFICATE-----").count - 1 == 2, "\(saved)")
        let subjects = saved.split(separator: "\n").filter { $0.hasPrefix("# subject:") }
        #expect(subjects.count == 2 && subjects[0].contains("localhost") && subjects[1].contains("Intermediate"), "\(subjects)")

        // The fix: nginx with that file, and the same clients verify.
        let key = directory.appending(path: "leaf.key")
        try leaf.keyPEM.write(to: key, atomically: true, encoding: .utf8)
        let (nginx, port) = try Self.nginx(chain: fullchain, key: key.path, in: directory)
        defer { nginx.kill() }
        let openssl = try Self.sClient(port)
        #expect(openssl.status == 0 && openssl.combined.contains("Verification: OK"), "s_client: \(openssl.combined)")
        let curl = try Self.curl(port)
        #expect(curl.status == 0, "curl: \(curl.status) \(curl.stderr)")
        // And tlsprobe itself now finds nothing to complete.
        let after = try TLSProbeBinary.run(["localhost:\(port)", "--connect-to", "127.0.0.1", "--cacert", Self.root, "--no-http"])
        #expect(after.status == 0, "\(after.stdoutText)")
        #expect(!after.stdoutText.contains("aia fetch"))
    }
}
