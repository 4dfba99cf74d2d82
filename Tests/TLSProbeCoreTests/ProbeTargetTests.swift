import Testing
@testable import TLSProbeCore

@Suite struct ProbeTargetTests {
    @Test(arguments: [
        ("example.com", "example.com", 443, "/"),
        ("example.com:8443", "example.com", 8443, "/"),
        ("https://example.com", "example.com", 443, "/"),
        ("https://example.com:444/health?x=1#frag", "example.com", 444, "/health?x=1"),
        ("https://user@example.com/a", "example.com", 443, "/a"),
        ("[::1]:8443", "::1", 8443, "/"),
        ("[2001:db8::1]", "2001:db8::1", 443, "/"),
        ("2001:db8::1", "2001:db8::1", 443, "/"),
        ("192.0.2.10:8443", "192.0.2.10", 8443, "/"),
        ("EXAMPLE.com.", "example.com", 443, "/"),
        ("bücher.example", "xn--bcher-kva.example", 443, "/"),
        ("https://münchen.de/", "xn--mnchen-3ya.de", 443, "/"),
    ])
    func parsesEveryDocumentedForm(input: String, host: String, port: Int, path: String) throws {
        let target = try ProbeTarget.parse(input)
        #expect(target.host == host)
        #expect(target.port == port)
        #expect(target.path == path)
    }

    @Test(arguments: [
        ("host:99999", "invalid port"),
        ("host:", "no port"),
        ("host:0", "invalid port"),
        ("[::1", "without ']'"),
        ("https://", "no host"),
        ("http://example.com", "unsupported scheme"),
        ("gopher://example.com", "unsupported scheme"),
        ("", "empty target"),
        ("exa mple.com", "spaces or control characters"),
        ("a..b", "empty label"),
        (String(repeating: "a", count: 300) + ".com", "at most 63"),
        ("[::1]x", "unexpected"),
        ("exa$mple.com", "not allowed"),
        (String(repeating: "abcdefgh.", count: 30) + "com", "at most 253"),
        ("fe80::zz", "not a valid IPv6"),
    ])
    func rejectsBadTargetsWithAReason(input: String, fragment: String) {
        #expect {
            _ = try ProbeTarget.parse(input)
        } throws: { error in
            String(describing: error).contains(fragment)
        }
    }

    @Test func punycodeMatchesRFC3492Samples() {
        #expect(Punycode.encode("bücher") == "bcher-kva")
        #expect(Punycode.encode("münchen") == "mnchen-3ya")
        #expect(Punycode.encode("日本語") == "wgv71a119e")
    }
}
