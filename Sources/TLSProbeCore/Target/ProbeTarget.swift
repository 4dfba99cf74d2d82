/// A target as the user typed it, parsed: `host`, `host:port`, `[v6]:port`, `v4:port`,
/// `https://host[:port][/path]`, or another scheme from `AppProtocol` (`mqtts://`, `smtp://`, …)
/// with its own default port. Default port 443.
public struct ProbeTarget: Sendable, Equatable {
    public let input: String
    /// The protocol the scheme names (https when there is none).
    public var appProtocol: AppProtocol = .https
    /// The user name in the URL (`mqtts://user@host`, `postgres://user@host/db`), never a password.
    public var user: String?
    /// ASCII host (IDNA-converted), without brackets.
    public let host: String
    public let port: Int
    public let path: String
    /// Per-target overrides from a targets file line.
    public var connectTo: String?
    public var sni: String?

    public var isIPLiteral: Bool { SocketAddress.isNumericHost(host) }

    public init(host: String, port: Int = 443, path: String = "/") {
        self.input = host
        self.host = host
        self.port = port
        self.path = path
    }

    init(input: String, host: String, port: Int, path: String) {
        self.input = input
        self.host = host
        self.port = port
        self.path = path
    }
}

public struct TargetParseError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

extension ProbeTarget {
    /// The target syntax, in the same words in every message and in the help.
    public static let forms = "host, host:port, [ipv6]:port or scheme://host[:port][/path] (schemes: \(AppProtocol.allCases.map(\.scheme).joined(separator: ", ")); https is the default)"
    public static let expectedForms = "expected " + forms

    public static func parse(_ raw: String) throws(TargetParseError) -> ProbeTarget {
        let text = raw.trimmingSpaces
        guard !text.isEmpty else { throw TargetParseError(description: "empty target; \(expectedForms)") }
        guard text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else {
            throw TargetParseError(description: "target '\(SafeText.escape(text))' contains spaces or control characters; \(expectedForms)")
        }
        var rest = Substring(text)
        var path = "/"
        var appProtocol = AppProtocol.https
        var user: String?
        if let schemeEnd = rest.firstRange(of: "://") {
            let scheme = rest[..<schemeEnd.lowerBound].lowercased()
            guard let known = AppProtocol.scheme(scheme) else {
                let hint = unsupportedSchemeHint(scheme)
                throw TargetParseError(description: "unsupported scheme '\(SafeText.escape(String(scheme)))://'\(hint); \(expectedForms)")
            }
            appProtocol = known
            rest = rest[schemeEnd.upperBound...]
            if let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
                let tail = rest[slash...]
                path = tail.first == "/" ? String(tail.prefix { $0 != "#" }) : "/" + tail.prefix { $0 != "#" }
                rest = rest[..<slash]
            }
            if let at = rest.lastIndex(of: "@") {
                // user[:password]@: the user is kept (MQTT, PostgreSQL); a password never is.
                let name = rest[..<at].prefix { $0 != ":" }
                if !name.isEmpty { user = percentDecoded(String(name)) }
                rest = rest[rest.index(after: at)...]
            }
            guard !rest.isEmpty else { throw TargetParseError(description: "'\(SafeText.escape(text))' has no host; \(expectedForms)") }
        }
        let (hostPart, portPart) = try splitHostPort(rest, original: text)
        let port: Int
        if let portPart {
            guard let value = Int(portPart), (1...65535).contains(value), portPart.allSatisfy(\.isASCII) else {
                throw TargetParseError(description: "invalid port '\(SafeText.escape(String(portPart)))' in '\(SafeText.escape(text))': expected a number from 1 to 65535")
            }
            port = value
        } else {
            port = appProtocol.defaultPort
        }
        let host = try normalizeHost(String(hostPart), original: text)
        var target = ProbeTarget(input: raw, host: host, port: port, path: path)
        target.appProtocol = appProtocol
        target.user = user
        return target
    }

    private static func unsupportedSchemeHint(_ scheme: String) -> String {
        switch scheme {
        case "http": " (tlsprobe probes TLS; plain http:// has nothing to check)"
        case "mqtt", "tcp": " (plain MQTT has no TLS; mqtts:// probes port 8883)"
        case "ws": " (plain WebSocket has no TLS; wss:// probes it over TLS)"
        default: ""
        }
    }

    /// %XX escapes in a URL's user part ("user%40example.com").
    static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%"), let high = utf8.index(index, offsetBy: 1, limitedBy: utf8.endIndex), high < utf8.endIndex,
               let low = utf8.index(high, offsetBy: 1, limitedBy: utf8.endIndex), low < utf8.endIndex,
               let value = UInt8(String(decoding: [utf8[high], utf8[low]], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index = utf8.index(after: low)
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func splitHostPort(_ text: Substring, original: String) throws(TargetParseError) -> (Substring, Substring?) {
        if text.first == "[" {
            guard let close = text.firstIndex(of: "]") else {
                throw TargetParseError(description: "'\(SafeText.escape(original))' has '[' without ']'; \(expectedForms)")
            }
            let host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if after.isEmpty { return (host, nil) }
            guard after.first == ":" else {
                throw TargetParseError(description: "unexpected '\(SafeText.escape(String(after)))' after ']' in '\(SafeText.escape(original))'; \(expectedForms)")
            }
            let port = after.dropFirst()
            guard !port.isEmpty else { throw TargetParseError(description: "'\(SafeText.escape(original))' ends with ':' but no port; \(expectedForms)") }
            return (host, port)
        }
        let colons = text.filter { $0 == ":" }.count
        if colons > 1 { return (text, nil) }  // a bare IPv6 literal
        if colons == 1, let colon = text.firstIndex(of: ":") {
            let port = text[text.index(after: colon)...]
            guard !port.isEmpty else { throw TargetParseError(description: "'\(SafeText.escape(original))' ends with ':' but no port; \(expectedForms)") }
            return (text[..<colon], port)
        }
        return (text, nil)
    }

    /// Validates a host name or IP literal and converts an internationalised name to its ASCII form.
    static func normalizeHost(_ host: String, original: String) throws(TargetParseError) -> String {
        guard !host.isEmpty else { throw TargetParseError(description: "'\(SafeText.escape(original))' has no host; \(expectedForms)") }
        if SocketAddress.isNumericHost(host) { return host }
        if host.contains(":") {
            throw TargetParseError(description: "'\(SafeText.escape(host))' is not a valid IPv6 address; \(expectedForms)")
        }
        var name = host.hasSuffix(".") ? String(host.dropLast()) : host
        guard let ascii = IDNA.toASCII(name) else {
            throw TargetParseError(description: "'\(SafeText.escape(host))' is not a valid host name")
        }
        name = ascii
        for label in name.split(separator: ".", omittingEmptySubsequences: false) {
            guard !label.isEmpty else { throw TargetParseError(description: "'\(SafeText.escape(host))' has an empty label (two dots in a row)") }
            guard label.utf8.count <= 63 else {
                throw TargetParseError(description: "label '\(label.prefix(20))…' is \(label.utf8.count) characters long; DNS allows at most 63 per label")
            }
            guard label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "*") }) else {
                throw TargetParseError(description: "'\(SafeText.escape(host))' contains characters not allowed in a host name")
            }
        }
        guard name.utf8.count <= 253 else {
            throw TargetParseError(description: "host name is \(name.utf8.count) characters long; DNS allows at most 253")
        }
        return name
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\r" || first == "\n" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" || last == "\n" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
