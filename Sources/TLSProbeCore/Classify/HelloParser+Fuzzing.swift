/// A public door to the internal hello parsers for the fuzz harness (`tlsprobe-fuzz hello`),
/// which links TLSProbeCore like any client and cannot use @testable in a release build.
public enum HelloParserFuzzing {
    /// Parses `bytes` as both a ClientHello and a ServerHello message; returns the text fields
    /// the report would show, so the harness can check they are terminal-safe.
    public static func parse(_ bytes: [UInt8]) -> [String] {
        var texts: [String] = []
        if let client = HelloParser.clientHello(bytes) {
            texts += [client.serverName ?? ""] + client.alpn + client.versions
        }
        if let server = HelloParser.serverHello(bytes) {
            texts += [server.version, server.keyShareGroup ?? ""]
        }
        return texts
    }
}
