import Foundation
import Testing

/// The committed completions and man page must match the binary. On failure run
/// scripts/update-docs.sh and commit the result.
@Suite struct GeneratedFilesTests {
    @Test(arguments: [("bash", "completions/tlsprobe.bash"), ("zsh", "completions/_tlsprobe"), ("fish", "completions/tlsprobe.fish")])
    func completionScriptIsCurrent(shell: String, path: String) throws {
        let result = try BuiltBinary.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        // The root must complete like probe: the patch is in (an argument-parser upgrade can drop it).
        #expect(result.stdout.contains("tlsprobe HOST means tlsprobe probe HOST"))
        #expect(result.stdout.contains("cacert") && result.stdout.contains("dns.no_such_name"))
        #expect(try BuiltBinary.committed(path) == result.stdout, "\(path) is stale: run scripts/update-docs.sh")
    }

    /// The plugin is too slow to run here, so the man page is checked in parts: the hand-written
    /// sections byte for byte, and every option the parser knows by name.
    @Test func manPageSectionsAreCurrent() throws {
        let page = try BuiltBinary.committed("man/tlsprobe.1")
        let sections = try BuiltBinary.run(["_docs", "man-sections"])
        #expect(sections.status == 0)
        let blocks = sections.stdout.components(separatedBy: "\u{0}\n").filter { !$0.isEmpty }
        #expect(blocks.count == 2)
        for block in blocks { #expect(page.contains(block), "man/tlsprobe.1 is stale: run scripts/update-docs.sh") }
        #expect(page.contains(".Dd "))
        let dump = try BuiltBinary.run(["probe", "--experimental-dump-help"])
        let names = Set(dump.stdout.matches(of: /"name" : "([a-z0-9-]+)"/).map { String($0.1) }).subtracting(["target", "help", "version", "experimental-dump-help"])
        #expect(names.count > 20)
        for name in names.sorted() {
            // ".It Fl -timeout Ar seconds", ".It Fl 4", ".It Fl k , -insecure"
            let forms = name.count == 1 ? ["Fl \(name)\n", "Fl \(name) "] : ["Fl -\(name)\n", "Fl -\(name) ", ", -\(name)\n"]
            #expect(forms.contains { page.contains($0) }, "man/tlsprobe.1 lacks option \(name): run scripts/update-docs.sh")
        }
    }

    @Test func manPageLintsClean() throws {
        let page = BuiltBinary.repository.appending(path: "man/tlsprobe.1").path
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/mandoc") {
            let lint = try BuiltBinary.run(executable: URL(fileURLWithPath: "/usr/bin/mandoc"), ["-T", "lint", "-W", "warning", page])
            #expect(lint.status == 0, "mandoc -T lint: \(lint.stdout)\(lint.stderr)")
        } else {
            let lint = try BuiltBinary.run(executable: URL(fileURLWithPath: "/usr/bin/groff"), ["-ww", "-z", "-mandoc", page])
            #expect(lint.status == 0 && lint.stderr.isEmpty, "groff -ww: \(lint.stderr)")
        }
    }
}
