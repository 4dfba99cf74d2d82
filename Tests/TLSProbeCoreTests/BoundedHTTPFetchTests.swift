import Testing
@testable import TLSProbeCore

/// URL parsing and redirect resolution of the bounded fetcher (CA Issuers, OCSP, CRL URLs come
/// from certificates: anything may be in them). The exchanges themselves are tested against
/// loopback servers in TLSProbeHostileTests (AIACompletionTests, RevocationCheckTests).
@Suite struct BoundedHTTPFetchTests {
    @Test func parsesHTTPAndHTTPSWithTheirDefaultPorts() {
        #expect(BoundedHTTPFetch.parse("http://ca.example.com/int.der") == .init(scheme: "http", host: "ca.example.com", port: 80, path: "/int.der"))
        #expect(BoundedHTTPFetch.parse("HTTPS://ca.example.com") == .init(scheme: "https", host: "ca.example.com", port: 443, path: "/"))
        #expect(BoundedHTTPFetch.parse("http://[::1]:8080/a?b=c#frag") == .init(scheme: "http", host: "::1", port: 8080, path: "/a?b=c"))
        #expect(BoundedHTTPFetch.parse("http://127.0.0.1:9/x")?.text == "http://127.0.0.1:9/x")
    }

    @Test(arguments: ["ldap://ldap.example.com/cn=CA", "ftp://x/y", "http://", "http://user:pw@ca.example.com/x",
                      "http://ca.example.com:0/x", "http://ca.example.com:99999/x", "http://ca.example.com:abc/x",
                      "http://[::1/x", "http://[::1]junk/x", "http://ca.example.com/a b", "http://ca.example.com/\u{1b}[31m"])
    func refusesWhatItDoesNotFetch(url: String) {
        #expect(BoundedHTTPFetch.parse(url) == nil)
    }

    @Test func resolvesRedirectLocations() throws {
        let base = try #require(BoundedHTTPFetch.parse("http://ca.example.com:8080/certs/int.der"))
        #expect(BoundedHTTPFetch.resolve(location: "/other.der", against: base)?.text == "http://ca.example.com:8080/other.der")
        #expect(BoundedHTTPFetch.resolve(location: "next.der", against: base)?.text == "http://ca.example.com:8080/certs/next.der")
        #expect(BoundedHTTPFetch.resolve(location: "//cdn.example.net/int.der", against: base)?.text == "http://cdn.example.net/int.der")
        #expect(BoundedHTTPFetch.resolve(location: "https://ca.example.com/int.der", against: base)?.scheme == "https")
        #expect(BoundedHTTPFetch.resolve(location: "ldap://ldap.example.com/", against: base) == nil)
        #expect(BoundedHTTPFetch.resolve(location: "data:application/pkix-cert;base64,AAAA", against: base) == nil)
    }
}
