import Foundation
import TLSProbeLab

/// A TLS server from another code base, started for one suite and stopped with it:
/// `openssl s_server` (port 0: it prints "ACCEPT [::]:PORT") or `gnutls-serv` (given a free port,
/// polled until it accepts). Every wait is bounded; `stop()` terminates and reaps the process.
final class ExternalTLSServer: LabServer, @unchecked Sendable {
    let host = "127.0.0.1"
    let port: UInt16
    /// Not counted: the process accepts on its own.
    let connectionCount = 0
    private let process: Process

    private init(process: Process, port: UInt16) {
        self.process = process
        self.port = port
    }

    deinit { stop() }

    /// SIGKILL, not terminate(): a child spawned from a test thread inherits its blocked-signal
    /// mask, SIGTERM included, so s_server would never see the SIGTERM and live on.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// `openssl s_server -www` serving `chain` (leaf first) and `key`, stapling `statusFile` if given.
    static func openssl(certificate: String, key: String, chain: String?, statusFile: String?, extra: [String] = []) throws -> ExternalTLSServer {
        var arguments = ["s_server", "-accept", "0", "-www", "-cert", certificate, "-key", key]
        if let chain { arguments += ["-cert_chain", chain] }
        if let statusFile { arguments += ["-status_file", statusFile] }
        return try launch(["openssl"] + arguments + extra, name: "openssl s_server")
    }

    /// `openssl ocsp` as a loopback OCSP responder answering from `index` (openssl ca format),
    /// signing as `signer`/`key` for certificates issued by `ca`.
    static func ocspResponder(index: String, ca: String, signer: String, key: String, port: UInt16 = 0) throws -> ExternalTLSServer {
        try launch(["openssl", "ocsp", "-index", index, "-port", String(port), "-CA", ca, "-rsigner", signer, "-rkey", key, "-ndays", "1"], name: "openssl ocsp")
    }

    /// Answers every POST with the bytes of `file` (an OCSP response recorded earlier).
    static func replayingPOST(file: String, port: UInt16) throws -> ExternalTLSServer {
        let script = """
            import http.server, sys
            body = open(sys.argv[1], 'rb').read()
            class H(http.server.BaseHTTPRequestHandler):
                def do_POST(self):
                    self.rfile.read(int(self.headers.get('Content-Length', 0)))
                    self.send_response(200); self.send_header('Content-Type', 'application/ocsp-response')
                    self.send_header('Content-Length', str(len(body))); self.end_headers(); self.wfile.write(body)
            s = http.server.HTTPServer(('127.0.0.1', int(sys.argv[2])), H)
            print('Serving HTTP on 127.0.0.1 port %d' % s.server_address[1], flush=True)
            s.serve_forever()
            """
        return try launch(["python3", "-u", "-c", script, file, String(port)], name: "python3 OCSP replay")
    }

    /// A loopback HTTP server for the files in `directory` (a CRL distribution point).
    static func httpFiles(_ directory: String, port: UInt16 = 0) throws -> ExternalTLSServer {
        try launch(["python3", "-u", "-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", directory], name: "python3 http.server")
    }

    /// Starts `arguments` and reads the port it prints: "ACCEPT [::]:PORT …" (OpenSSL) or
    /// "Serving HTTP on 127.0.0.1 port PORT" (Python), within 10 s.
    private static func launch(_ arguments: [String], name: String) throws -> ExternalTLSServer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let found = PortBox()
        let reader = Thread {
            var buffer = Data()
            // availableData returns what is there; read(upToCount:) would wait for the full count.
            while case let chunk = pipe.fileHandleForReading.availableData, !chunk.isEmpty {
                buffer += chunk
                if let port = Self.announcedPort(String(decoding: buffer, as: UTF8.self)) {
                    found.set(port)
                    break
                }
            }
            // Keep draining so the server never blocks on a full pipe.
            while !pipe.fileHandleForReading.availableData.isEmpty {}
        }
        reader.start()
        guard let port = found.wait(seconds: 10) else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw ExternalServerError.didNotStart(name)
        }
        return ExternalTLSServer(process: process, port: port)
    }

    static func announcedPort(_ text: String) -> UInt16? {
        for line in text.split(separator: "\n") {
            if line.hasPrefix("ACCEPT"), let colon = line.lastIndex(of: ":") {
                return UInt16(line[line.index(after: colon)...].prefix { $0.isNumber })
            }
            if line.hasPrefix("Serving HTTP"), let range = line.range(of: " port ") {
                return UInt16(line[range.upperBound...].prefix { $0.isNumber })
            }
        }
        return nil
    }

    /// `gnutls-serv --http` (GnuTLS, a second TLS implementation) stapling `ocspResponse` if given.
    static func gnutls(chain: String, key: String, ocspResponse: String?) throws -> ExternalTLSServer {
        let port = try freePort()
        var arguments = ["gnutls-serv", "--http", "--port", String(port), "--x509certfile", chain, "--x509keyfile", key]
        if let ocspResponse { arguments += ["--ocsp-response", ocspResponse, "--ignore-ocsp-response-errors"] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if canConnect(port) { return ExternalTLSServer(process: process, port: port) }
            guard process.isRunning else { break }
            usleep(50_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        throw ExternalServerError.didNotStart("gnutls-serv")
    }

    /// A port the OS just handed out on 127.0.0.1 (bound, then released) for servers that
    /// cannot be told port 0.
    static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ExternalServerError.didNotStart("socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw ExternalServerError.didNotStart("bind") }
        return UInt16(bigEndian: address.sin_port)
    }

    private static func canConnect(_ port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}

enum ExternalServerError: Error { case didNotStart(String) }

/// A port number handed from the reader thread to the starter, with a bounded wait.
private final class PortBox: @unchecked Sendable {
    private let condition = NSCondition()
    private var port: UInt16?
    func set(_ value: UInt16) { condition.withLock { port = value; condition.broadcast() } }
    func wait(seconds: TimeInterval) -> UInt16? {
        condition.withLock {
            let deadline = Date().addingTimeInterval(seconds)
            while port == nil, condition.wait(until: deadline) {}
            return port
        }
    }
}
