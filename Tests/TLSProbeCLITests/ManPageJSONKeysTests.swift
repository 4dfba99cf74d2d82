import Foundation
import Testing

/// The man page's JSON OUTPUT lists every top-level key the schema defines: it read them from a
/// plain probe's report, so `scan` (tlsprobe scan's versions, suites, dh_parameters …), `clients`,
/// `check`, `device`, `revocation` and `trust_stores` were missing.
@Suite struct ManPageJSONKeysTests {
    @Test func everySchemaTopLevelKeyIsInTheManPage() throws {
        let schema = try JSONSerialization.jsonObject(with: Data(try BuiltBinary.committed("docs/tlsprobe.schema.json").utf8)) as? [String: Any]
        let report = (schema?["$defs"] as? [String: Any])?["ProbeReport"] as? [String: Any]
        let keys = try #require((report?["properties"] as? [String: Any])?.keys.sorted())
        #expect(keys.contains("scan") && keys.count > 20)
        let page = try BuiltBinary.committed("man/tlsprobe.1")
        let section = try #require(page.components(separatedBy: ".Sh JSON OUTPUT").last?.components(separatedBy: ".Sh SEE ALSO").first)
        for key in keys {
            #expect(section.contains(".It Li \(key)\n"), "man/tlsprobe.1 JSON OUTPUT lacks \(key)")
        }
        #expect(!section.contains("See the schema."), "a key without its own line of text")
    }
}
