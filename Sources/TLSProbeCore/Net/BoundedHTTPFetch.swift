import FoundationEssentials

/// One bounded HTTP/1.0 exchange with a CA's server — an OCSP responder, a CRL distribution point,
/// a CA Issuers URL: at most `limit` body bytes, never past `deadline`, over plain TCP or (for
/// https:// URLs, when a TLS context is given) TLS verified against that context's trust store.
/// Redirects are followed only when asked, only within the same scheme, and at most `maxRedirects`.
enum BoundedHTTPFetch {
    enum Failure: Error, CustomStringConvertible, Equatable {
        case unsupportedURL(String)
        case resolve(String)
        case connect(String)
        case tls(String)
        case timedOut
        case tooLarge(Int)
        case badResponse(String)
        case tooManyRedirects(Int)
        case redirectLoop(String)
        case redirectToOtherScheme(String)

        var description: String {
            switch self {
            case .unsupportedURL(let url): "not a URL tlsprobe fetches (\(url))"
            case .resolve(let detail): detail
            case .connect(let detail): "cannot connect (\(detail))"
            case .tls(let detail): "the TLS connection failed (\(detail))"
            case .timedOut: "no answer in time"
            case .tooLarge(let limit): "the answer is larger than \(limit / 1024) KB"
            case .badResponse(let detail): detail
            case .tooManyRedirects(let count): "more than \(count) redirects"
            case .redirectLoop(let url): "a redirect loop (back to \(url))"
            case .redirectToOtherScheme(let url): "redirected to another scheme (\(url)), which is not followed"
            }
        }
    }

    struct URLParts: Equatable {
        var scheme: String
        var host: String
        var port: Int
        var path: String

        var isHTTPS: Bool { scheme == "https" }
        var text: String {
            let shownHost = host.contains(":") ? "[\(host)]" : host
            let defaultPort = isHTTPS ? 443 : 80
            return "\(scheme)://\(shownHost)\(port == defaultPort ? "" : ":\(port)")\(path)"
        }
    }

    struct Answer {
        var head: HTTPResponseHead
        var body: [UInt8]
    }

    /// "http://ocsp.example.com:8080/a/b" → scheme, host, port, path; nil for anything but
    /// http:// and https://.
    static func parse(_ url: String) -> URLParts? {
        let lowered = url.lowercased()
        let scheme: String
        if lowered.hasPrefix("http://") { scheme = "http" } else if lowered.hasPrefix("https://") { scheme = "https" } else { return nil }
        let rest = url.dropFirst(scheme.count + 3)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var path = String(rest.dropFirst(authority.count))
        if let hash = path.firstIndex(of: "#") { path = String(path[..<hash]) }
        // user:password@ in a certificate's URL is never sent anywhere.
        guard !authority.contains("@"), !path.contains(where: { $0 == " " || $0.asciiValue.map { $0 < 0x21 || $0 == 0x7F } ?? false }) else { return nil }
        var host = Substring(authority)
        var port = scheme == "https" ? 443 : 80
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            let after = host[host.index(after: close)...]
            if after.hasPrefix(":") { guard let number = Int(after.dropFirst()) else { return nil }; port = number }
            else if !after.isEmpty { return nil }
            host = host[host.index(after: host.startIndex)..<close]
        } else if let colon = host.lastIndex(of: ":") {
            guard let number = Int(host[host.index(after: colon)...]) else { return nil }
            port = number
            host = host[..<colon]
        }
        guard !host.isEmpty, (1...65535).contains(port) else { return nil }
        return URLParts(scheme: scheme, host: String(host), port: port, path: path.isEmpty ? "/" : path)
    }

    /// A Location header against the URL it came from: absolute, scheme-relative or path-absolute.
    static func resolve(location: String, against base: URLParts) -> URLParts? {
        if location.hasPrefix("//") { return parse("\(base.scheme):\(location)") }
        if location.hasPrefix("/") {
            var next = base
            next.path = location
            return parse(next.text)
        }
        if let parts = parse(location) { return parts }
        guard !location.contains(":") else { return nil }  // another scheme: ftp:, ldap:, data:
        var next = base
        let directory = base.path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        next.path = directory + "/" + location
        return parse(next.text)
    }

    /// GET `url`, following up to `maxRedirects` same-scheme redirects. `visited` lists every URL
    /// after the first, in order (for reports). Only a 200 answer is a success.
    static func get(_ url: String, limit: Int, deadline: Deadline, tls: TLSClientContext?, maxRedirects: Int,
                    visited: inout [String]) -> Result<Answer, Failure> {
        guard var parts = parse(url) else { return .failure(.unsupportedURL(url)) }
        var seen: Set<String> = [parts.text]
        while true {
            let answer: Answer
            switch exchange(parts, post: nil, contentType: "", limit: limit, deadline: deadline, tls: tls) {
            case .failure(let failure): return .failure(failure)
            case .success(let got): answer = got
            }
            guard [301, 302, 303, 307, 308].contains(answer.head.status) else {
                guard answer.head.status == 200 else { return .failure(.badResponse("the server answered \"\(answer.head.statusLine)\"")) }
                return .success(answer)
            }
            guard let location = answer.head.value("location"), let next = resolve(location: location, against: parts) else {
                return .failure(.badResponse("a redirect (\(answer.head.status)) without a usable Location"))
            }
            visited.append(next.text)
            guard next.scheme == parts.scheme else { return .failure(.redirectToOtherScheme(next.text)) }
            guard seen.insert(next.text).inserted else { return .failure(.redirectLoop(next.text)) }
            guard visited.count <= maxRedirects else { return .failure(.tooManyRedirects(maxRedirects)) }
            parts = next
        }
    }

    /// One request (GET when `body` is nil, else POST `body`) and its response, whatever its status.
    static func exchange(_ parts: URLParts, post body: [UInt8]?, contentType: String, limit: Int, deadline: Deadline,
                         tls: TLSClientContext?) -> Result<Answer, Failure> {
        if parts.isHTTPS && tls == nil { return .failure(.unsupportedURL(parts.text)) }
        let addresses: [SocketAddress]
        switch Resolver.resolve(host: parts.host, port: parts.port, family: .any, deadline: deadline) {
        case .success(let found): addresses = found
        case .failure(.timedOut): return .failure(.timedOut)
        // (.timedOut is answered above, so the timeout text is never used here.)
        case .failure(let failure): return .failure(.resolve(failure.explanation(host: parts.host, family: .any, timeoutSeconds: "")))
        }
        var lastFailure = Failure.connect("no address")
        for address in addresses {
            switch TCPSocket.connect(to: address, deadline: deadline) {
            case .failure(.timedOut): lastFailure = .timedOut
            case .failure(.refused): lastFailure = .connect("connection refused")
            case .failure(let failure): lastFailure = .connect(String(describing: failure))
            case .success(let socket):
                defer { socket.close() }
                let channel: Channel
                if parts.isHTTPS, let tls {
                    switch Channel.secure(socket, context: tls, host: parts.host, deadline: deadline) {
                    case .failure(let failure): return .failure(failure)
                    case .success(let secure): channel = secure
                    }
                } else {
                    channel = .plain(socket)
                }
                return talk(over: channel, parts: parts, post: body, contentType: contentType, limit: limit, deadline: deadline)
            }
        }
        return .failure(lastFailure)
    }

    private static func talk(over channel: Channel, parts: URLParts, post body: [UInt8]?, contentType: String, limit: Int, deadline: Deadline) -> Result<Answer, Failure> {
        let host = parts.host.contains(":") ? "[\(parts.host)]" : parts.host
        let defaultPort = parts.isHTTPS ? 443 : 80
        var head = "\(body == nil ? "GET" : "POST") \(parts.path) HTTP/1.0\r\nHost: \(host)\(parts.port == defaultPort ? "" : ":\(parts.port)")\r\n"
        head += "User-Agent: tlsprobe/\(TLSProbeVersion.current)\r\nConnection: close\r\n"
        if let body { head += "Content-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n" }
        head += "\r\n"
        if let failure = channel.send(Array(head.utf8) + (body ?? []), deadline: deadline) { return .failure(failure) }
        var received: [UInt8] = []
        while true {
            switch channel.receive(deadline: deadline) {
            case .data(let bytes):
                received += bytes
                if received.count > limit + HTTPResponseParser.largeHeadBytes { return .failure(.tooLarge(limit)) }
                if case .complete(let head, let headBytes) = HTTPResponseParser.parse(received) {
                    let length = head.value("content-length").flatMap { Int($0) }
                    // A declared length over the cap is refused before its body is read.
                    if let length, length > limit { return .failure(.tooLarge(limit)) }
                    if received.count - headBytes > limit { return .failure(.tooLarge(limit)) }
                    if let length, received.count >= headBytes + length { return finish(received) }
                }
            case .closed: return finish(received)
            case .failed(let failure): return .failure(failure)
            }
        }
    }

    private static func finish(_ received: [UInt8]) -> Result<Answer, Failure> {
        switch HTTPResponseParser.parse(received) {
        case .complete(let head, let headBytes):
            var body = Array(received[headBytes...])
            if let length = head.value("content-length").flatMap({ Int($0) }) {
                guard body.count >= length else { return .failure(.badResponse("the connection closed after \(body.count) of \(length) bytes")) }
                body = Array(body.prefix(length))
            }
            return .success(Answer(head: head, body: body))
        case .incomplete: return .failure(.badResponse(received.isEmpty ? "the server closed without answering" : "the connection closed inside the HTTP head"))
        case .notHTTP(let preview): return .failure(.badResponse("not an HTTP answer: \"\(preview)\""))
        }
    }

    /// The bytes' way: the socket itself, or TLS over it.
    private enum Channel {
        case plain(TCPSocket)
        case secure(TCPSocket, TLSConnection)

        enum Received {
            case data([UInt8])
            case closed
            case failed(Failure)
        }

        static func secure(_ socket: TCPSocket, context: TLSClientContext, host: String, deadline: Deadline) -> Result<Channel, Failure> {
            let connection: TLSConnection
            do {
                connection = try TLSConnection(context: context, serverName: SocketAddress.isNumericHost(host) ? nil : host, verifyName: host,
                                               alpn: ["http/1.1"], start: .now, requestOCSPStaple: false)
            } catch {
                return .failure(.tls(String(describing: error)))
            }
            switch connection.handshake(over: socket, deadline: deadline) {
            case .completed: break
            case .transport(.timedOut): return .failure(.timedOut)
            case .transport(let event): return .failure(.tls("the connection ended during the handshake (\(event))"))
            case .tlsError(let errors): return .failure(.tls(errors.last?.reason ?? "handshake failed"))
            }
            // Verified as a browser would: a certificate fault ends the fetch, however permissive the probe.
            if let error = connection.recorder.verifyErrors.first {
                return .failure(.tls("the certificate of \(host) does not verify: \(error.message)"))
            }
            return .success(.secure(socket, connection))
        }

        func send(_ bytes: [UInt8], deadline: Deadline) -> Failure? {
            switch self {
            case .plain(let socket):
                switch socket.sendAll(bytes, deadline: deadline) {
                case .success: return nil
                case .failure(.timedOut): return .timedOut
                case .failure: return .connect("the connection failed while sending")
                }
            case .secure(let socket, let connection):
                switch connection.write(bytes, over: socket, deadline: deadline) {
                case .completed: return nil
                case .transport(.timedOut): return .timedOut
                default: return .connect("the connection failed while sending")
                }
            }
        }

        func receive(deadline: Deadline) -> Received {
            switch self {
            case .plain(let socket):
                switch socket.receive(deadline: deadline) {
                case .data(let bytes): return .data(bytes)
                case .closed: return .closed
                case .timedOut: return .failed(.timedOut)
                case .reset: return .failed(.connect("connection reset"))
                case .failed(let code): return .failed(.connect(systemErrorText(code)))
                }
            case .secure(let socket, let connection):
                switch connection.read(over: socket, deadline: deadline) {
                case .data(let bytes): return .data(bytes)
                case .closeNotify, .satisfied: return .closed
                // Many HTTPS servers close without close_notify after "Connection: close";
                // the length check above still decides whether the body is whole.
                case .transport(.closed): return .closed
                case .transport(.timedOut): return .failed(.timedOut)
                case .transport(let event): return .failed(.connect("\(event)"))
                case .tlsError(let errors): return errors.isEmpty ? .closed : .failed(.tls(errors.last?.reason ?? "read failed"))
                }
            }
        }
    }
}
