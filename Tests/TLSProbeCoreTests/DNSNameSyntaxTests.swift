import Testing
@testable import TLSProbeCore

/// StrictChainJudge checks ASCII SAN names byte by byte (a 3,000-name leaf made the Character
/// path ~80M instructions); both paths must give the same answer.
@Suite struct DNSNameSyntaxTests {
    @Test func asciiPathMatchesTheCharacterPath() {
        let label63 = String(repeating: "a", count: 63)
        let names = [
            "", ".", "..", "example.com", "www.example.com", "*.example.com", "a.*.example.com", "*", "**.example.com",
            "w*w.example.com", "*.", ".example.com", "example.com.", "a..b", "under_score.example", "hy-phen.example",
            "UPPER.Example.COM", "0-9.example", label63 + ".example", label63 + "a.example", "sp ace.example",
            "tab\t.example", "cr\r\nlf.example", "semi;colon", "a/b", "ex%41mple", "xn--bcher-kva.example", "*.*.example",
        ]
        for name in names {
            #expect(StrictChainJudge.dnsNameProblem(name) == StrictChainJudge.dnsNameProblemByCharacters(name), "\(name.debugDescription)")
            #expect(StrictChainJudge.asciiDNSNameProblem(Array(name.utf8)) == StrictChainJudge.dnsNameProblemByCharacters(name), "\(name.debugDescription)")
        }
        // Non-ASCII names keep the Character path.
        #expect(StrictChainJudge.dnsNameProblem("bücher.example") == "characters outside letters, digits and hyphens")
    }
}
