import FoundationEssentials

/// One bounded plain-HTTP exchange with a CA's OCSP responder or CRL distribution point
/// (both are http:// by design, RFC 5280 §4.2.1.13 / RFC 6960 App. A): at most `limit` bytes,
/// never past `deadline`. Nothing else goes over it.
enum RevocationFetch {
    enum Failure: Error, CustomStringConvertible {
        case unsupportedURL(String)
        case resolve(String)
        case connect(String)
        case timedOut
        case tooLarge(Int)
        case badResponse(String)

        var description: String {
            switch self {
            case .unsupportedURL(let url): "not an http:// URL (\(url))"
            case .resolve(let detail): "cannot resolve the host (\(detail))"
            case .connect(let detail): "cannot connect (\(detail))"
            case .timedOut: "no answer in time"
            case .tooLarge(let limit): "the answer is larger than \(limit / 1024) KB"
            case .badResponse(let detail): detail
            }
        }
    }

    struct URLParts: Equatable {
        var host: String
        var port: Int
        var path: String
    }

    /// "http://ocsp.example.com:8080/a/b" → host, port, path; nil for anything but http://.
    static func parse(_ url: String) -> URLParts? {
        guard url.lowercased().hasPrefix("http://") else { return nil }
        let rest = url.dropFirst(7)
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        let path = rest.dropFirst(authority.count)
        var host = Substring(authority)
        var port = 80
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            let after = host[host.index(after: close)...]
            if after.hasPrefix(":") { guard let number = Int(after.dropFirst()) else { return nil }; port = number }
            host = host[host.index(after: host.startIndex)..<close]
        } else if let colon = host.lastIndex(of: ":") {
            guard let number = Int(host[host.index(after: colon)...]) else { return nil }
            port = number
            host = host[..<colon]
        }
        guard !host.isEmpty, (1...65535).contains(port) else { return nil }
        return URLParts(host: String(host), port: port, path: path.isEmpty ? "/" : String(path))
    }

    /// GET (body nil) or POST `body`; returns the 200 response's body.
    static func exchange(_ url: String, post body: [UInt8]? = nil, contentType: String = "application/ocsp-request",
                         limit: Int, deadline: Deadline) -> Result<[UInt8], Failure> {
        guard let parts = parse(url) else { return .failure(.unsupportedURL(url)) }
        let addresses: [SocketAddress]
        switch Resolver.resolve(host: parts.host, port: parts.port, family: .any, deadline: deadline) {
        case .success(let found): addresses = found
        case .failure(.timedOut): return .failure(.timedOut)
        case .failure(let failure): return .failure(.resolve(String(describing: failure)))
        }
        var lastFailure = Failure.connect("no address")
        for address in addresses {
            switch TCPSocket.connect(to: address, deadline: deadline) {
            case .failure(.timedOut):
                lastFailure = .timedOut
            case .failure(.refused):
                lastFailure = .connect("connection refused")
            case .failure(let failure):
                lastFailure = .connect(String(describing: failure))
            case .success(let socket):
                defer { socket.close() }
                return talk(over: socket, parts: parts, post: body, contentType: contentType, limit: limit, deadline: deadline)
            }
        }
        return .failure(lastFailure)
    }

    private static func talk(over socket: TCPSocket, parts: URLParts, post body: [UInt8]?, contentType: String, limit: Int, deadline: Deadline) -> Result<[UInt8], Failure> {
        let host = parts.host.contains(":") ? "[\(parts.host)]" : parts.host
        var head = "\(body == nil ? "GET" : "POST") \(parts.path) HTTP/1.0\r\nHost: \(host)\(parts.port == 80 ? "" : ":\(parts.port)")\r\n"
        head += "User-Agent: tlsprobe/\(TLSProbeVersion.current)\r\nConnection: close\r\n"
        if let body { head += "Content-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n" }
        head += "\r\n"
        guard case .success = socket.sendAll(Array(head.utf8) + (body ?? []), deadline: deadline) else { return .failure(.connect("the connection failed while sending")) }
        var received: [UInt8] = []
        while true {
            switch socket.receive(deadline: deadline) {
            case .data(let bytes):
                received += bytes
                if received.count > limit + HTTPResponseParser.maxHeadBytes { return .failure(.tooLarge(limit)) }
                if case .complete(let head, let headBytes) = HTTPResponseParser.parse(received),
                   let length = head.value("content-length").flatMap({ Int($0) }), received.count >= headBytes + length {
                    return finish(received)
                }
            case .closed: return finish(received)
            case .timedOut: return .failure(.timedOut)
            case .reset: return .failure(.connect("connection reset"))
            case .failed(let code): return .failure(.connect(systemErrorText(code)))
            }
        }
    }

    private static func finish(_ received: [UInt8]) -> Result<[UInt8], Failure> {
        switch HTTPResponseParser.parse(received) {
        case .complete(let head, let headBytes):
            guard head.status == 200 else { return .failure(.badResponse("the server answered \"\(head.statusLine)\"")) }
            var body = Array(received[headBytes...])
            if let length = head.value("content-length").flatMap({ Int($0) }), length < body.count { body = Array(body.prefix(length)) }
            return .success(body)
        case .incomplete: return .failure(.badResponse("the connection closed inside the HTTP head"))
        case .notHTTP(let preview): return .failure(.badResponse("not an HTTP answer: \"\(preview)\""))
        }
    }
}
