import Foundation
import Testing
import TLSProbeCore
@testable import TLSProbeRendering

/// docs/diagnoses.md is generated from the catalogue; this test fails when they drift apart.
/// Regenerate with: TLSPROBE_REGENERATE_DOCS=1 swift test --filter CatalogReference
@Suite struct ExplainCatalogReferenceTests {
    private static let docsURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TLSProbeRenderingTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .appendingPathComponent("docs/diagnoses.md")

    @Test func committedMarkdownMatchesTheCatalogue() throws {
        let generated = CatalogReferenceRenderer.markdown()
        if ProcessInfo.processInfo.environment["TLSPROBE_REGENERATE_DOCS"] == "1" {
            try FileManager.default.createDirectory(at: Self.docsURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try generated.write(to: Self.docsURL, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: Self.docsURL, encoding: .utf8)
        #expect(committed == generated, "docs/diagnoses.md is stale: regenerate it (see this file's header)")
    }

    @Test func markdownHasEveryIDAndFamily() {
        let markdown = CatalogReferenceRenderer.markdown()
        for entry in DiagnosisCatalog.entries { #expect(markdown.contains("### \(entry.id)\n")) }
        for family in DiagnosisCatalog.families { #expect(markdown.contains("## \(family)\n")) }
    }

    @Test func mdocIsAWellFormedTagList() {
        let mdoc = CatalogReferenceRenderer.mdoc()
        let lines = mdoc.split(separator: "\n")
        #expect(lines.first == ".Sh DIAGNOSES")
        #expect(lines.last == ".El")
        #expect(lines.filter { $0.hasPrefix(".It Sy ") }.count == DiagnosisCatalog.entries.count)
        // Only our own requests may start a line with a dot.
        let requests: Set<Substring> = [".Sh", ".Nm", ".Ar", ".Bl", ".It", ".El"]
        #expect(lines.filter { $0.hasPrefix(".") }.allSatisfy { requests.contains($0.prefix(3)) })
    }
}
