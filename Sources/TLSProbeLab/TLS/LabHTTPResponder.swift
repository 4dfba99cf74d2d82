import FoundationEssentials

/// Carries out a `LabHTTPBehaviour` on an established TLS session.
enum LabHTTPResponder {
    static func respond(_ behaviour: LabHTTPBehaviour, on session: LabTLSSession) {
        session.readRequestHead()
        switch behaviour {
        case .respond(let status, let headers, let body):
            session.write(Array(response(status: status, headers: headers, body: body).utf8))
            session.closeNotify()
        case .neverRespond:
            session.connection.hold()
        case .closeWithoutResponse:
            session.closeNotify()
        case .nonHTTP(let bytes):
            session.write(bytes)
            session.closeNotify()
        case .trickle(let bytes, let interval):
            for byte in bytes {
                guard session.write([byte]), session.connection.pause(interval) else { return }
            }
            session.closeNotify()
        case .endlessHeaders:
            sendEndlessHeaders(on: session)
        case .largeHeaders(let bytes):
            let lines = (0..<max(1, bytes / 1024)).map { "X-Lab-Filler-\($0): \(String(repeating: "x", count: 1000))\r\n" }
            session.write(Array(("HTTP/1.1 200 OK\r\n" + lines.joined() + "Content-Length: 0\r\nConnection: close\r\n\r\n").utf8))
            session.closeNotify()
        case .hugeBody(let size):
            sendHugeBody(size, on: session)
        case .headerWithoutEnd:
            session.write(Array("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Lab: the blank line never comes\r\n".utf8))
            session.connection.hold()
        case .interimForever(let interval):
            let interim = Array("HTTP/1.1 102 Processing\r\n\r\n".utf8)
            while !session.connection.isStopping, session.write(interim), session.connection.pause(interval) {}
        case .rawReply(let text):
            session.write(Array(text.utf8))
            session.closeNotify()
        }
    }

    static func response(status: Int, headers: [(String, String)], body: String) -> String {
        var lines = ["HTTP/1.1 \(status) \(reasonPhrase(status))"]
        lines += headers.map { "\($0.0): \($0.1)" }
        lines += ["Content-Type: text/plain", "Content-Length: \(body.utf8.count)", "Connection: close"]
        return lines.joined(separator: "\r\n") + "\r\n\r\n" + body
    }

    private static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        default: "Status \(status)"
        }
    }

    /// Header lines in 12 KB batches until the client stops reading or 64 MiB have gone out.
    private static func sendEndlessHeaders(on session: LabTLSSession) {
        guard session.write(Array("HTTP/1.1 200 OK\r\n".utf8)) else { return }
        let filler = String(repeating: "x", count: 100)
        var sent = 0
        var line = 0
        while sent < 64 << 20, !session.connection.isStopping {
            let batch = (0..<100).map { "X-Lab-Filler-\(line + $0): \(filler)\r\n" }.joined()
            line += 100
            guard session.write(Array(batch.utf8)) else { return }
            sent += batch.utf8.count
        }
    }

    private static func sendHugeBody(_ size: Int, on session: LabTLSSession) {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: \(size)\r\nConnection: close\r\n\r\n"
        guard session.write(Array(head.utf8)) else { return }
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 65_536)
        var remaining = size
        while remaining > 0, !session.connection.isStopping {
            guard session.write(Array(chunk.prefix(remaining))) else { return }
            remaining -= min(remaining, chunk.count)
        }
        session.closeNotify()
    }
}
