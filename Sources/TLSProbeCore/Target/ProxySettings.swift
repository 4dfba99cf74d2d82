import FoundationEssentials

/// An HTTP proxy to tunnel through with CONNECT ("http://user:pass@host:port").
public struct ProxyEndpoint: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// "user:password", percent-decoded, sent as Proxy-Authorization: Basic.
    public var credentials: String?

    public init(host: String, port: Int, credentials: String? = nil) {
        self.host = host
        self.port = port
        self.credentials = credentials
    }

    /// How the proxy is named in stages and diagnoses; never shows the password.
    public var label: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// curl's rules: no scheme means http://; the port defaults to 1080; only http:// can tunnel here.
    public static func parse(_ text: String) -> Result<ProxyEndpoint, ProxySettingError> {
        var rest = Substring(text.trimmingWhitespace())
        if let schemeEnd = rest.firstRange(of: "://") {
            let scheme = rest[..<schemeEnd.lowerBound].lowercased()
            guard scheme == "http" else { return .failure(.unsupportedScheme(text, scheme)) }
            rest = rest[schemeEnd.upperBound...]
        }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        var credentials: String?
        if let at = rest.lastIndex(of: "@") {
            credentials = String(rest[..<at]).percentDecoded ?? String(rest[..<at])
            rest = rest[rest.index(after: at)...]
        }
        var host = rest
        var port = 1080
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return .failure(.malformed(text)) }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let tail = rest[rest.index(after: close)...]
            if !tail.isEmpty {
                guard tail.hasPrefix(":"), let value = Int(tail.dropFirst()) else { return .failure(.malformed(text)) }
                port = value
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            guard let value = Int(rest[rest.index(after: colon)...]) else { return .failure(.malformed(text)) }
            port = value
        }
        guard !host.isEmpty, (1...65535).contains(port) else { return .failure(.malformed(text)) }
        return .success(ProxyEndpoint(host: String(host), port: port, credentials: credentials))
    }
}

public enum ProxySettingError: Error, CustomStringConvertible, Sendable {
    case malformed(String)
    case unsupportedScheme(String, String)

    public var description: String {
        switch self {
        case .malformed(let text): "cannot read proxy URL '\(text)'; expected http://host:port"
        case .unsupportedScheme(let text, let scheme): "proxy '\(text)': only http:// proxies are supported, not \(scheme)://"
        }
    }
}

/// Which proxy, if any, a probe goes through: --proxy / --noproxy, else https_proxy / HTTPS_PROXY
/// and no_proxy / NO_PROXY, read the way curl reads them.
public struct ProxySettings: Sendable, Equatable {
    public var proxy: ProxyEndpoint?
    /// Where the proxy came from ("--proxy", "HTTPS_PROXY"), for the proxy stage's summary.
    public var source: String?
    public var noProxy: [String] = []

    public init(proxy: ProxyEndpoint? = nil, source: String? = nil, noProxy: [String] = []) {
        self.proxy = proxy
        self.source = source
        self.noProxy = noProxy
    }

    /// `flag == ""` turns the proxy off, as `curl --proxy ""` does.
    public static func resolve(flag: String?, noProxyFlag: String?, environment: [String: String]) -> Result<ProxySettings, ProxySettingError> {
        func value(_ names: String...) -> (String, String)? {
            for name in names { if let text = environment[name], !text.isEmpty { return (text, name) } }
            return nil
        }
        let chosen: (String, String)? = flag.map { ($0, "--proxy") } ?? value("https_proxy", "HTTPS_PROXY")
        let exceptions = noProxyFlag ?? value("no_proxy", "NO_PROXY")?.0 ?? ""
        var settings = ProxySettings(noProxy: exceptions.split(separator: ",").map { String($0).trimmingWhitespace().lowercased() }.filter { !$0.isEmpty })
        guard let (text, source) = chosen, !text.isEmpty else { return .success(settings) }
        switch ProxyEndpoint.parse(text) {
        case .success(let endpoint):
            settings.proxy = endpoint
            settings.source = source
            return .success(settings)
        case .failure(let error):
            return .failure(error)
        }
    }

    /// The proxy for `host`, or nil when there is none or NO_PROXY exempts the host: "*" exempts
    /// all, "example.com" and ".example.com" match the name and every name below it.
    public func route(for host: String) -> ProxyEndpoint? {
        guard let proxy else { return nil }
        let name = host.lowercased().trimmingScalars { "[].".unicodeScalars.contains($0) }
        for entry in noProxy {
            if entry == "*" { return nil }
            let pattern = entry.trimmingScalars { $0 == "[" || $0 == "]" }.drop { $0 == "." }
            if name == pattern || name.hasSuffix("." + pattern) { return nil }
        }
        return proxy
    }
}
