import Foundation
import Testing
import TLSProbeLab

/// The on-disk lab PKI: reused while valid, regenerated when not, and its root.h is real C that
/// holds exactly root.pem.
@Suite struct LabPKIDirectoryTests {
    @Test func reusesAValidDirectoryAndRegeneratesAnExpiringOne() throws {
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try LabPKIDirectory.prepare(at: directory)
        #expect(!first.reused)
        let second = try LabPKIDirectory.prepare(at: directory)
        #expect(second.reused)
        #expect(try second.bundle.root.pem == first.bundle.root.pem)
        #expect(try second.bundle.intermediate.key.pem == first.bundle.intermediate.key.pem)
        // The lab root is valid for ten years: asking for twenty must regenerate.
        let third = try LabPKIDirectory.prepare(at: directory, minimumValidity: 20 * 365 * LabTime.day)
        #expect(!third.reused)
        #expect(third.regenerationReason?.contains("root.pem expires") == true, "\(third.regenerationReason ?? "")")
        #expect(try third.bundle.root.pem != first.bundle.root.pem)
    }

    @Test func regeneratesWhenAFileIsDamaged() throws {
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try LabPKIDirectory.prepare(at: directory)
        try "not a key".write(to: directory.appending(path: "intermediate.key"), atomically: true, encoding: .utf8)
        let again = try LabPKIDirectory.prepare(at: directory)
        #expect(!again.reused)
        #expect(again.regenerationReason?.contains("intermediate.pem/intermediate.key") == true, "\(again.regenerationReason ?? "")")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/cc"), "needs a C compiler at /usr/bin/cc (apt-get install gcc; scripts/test.sh installs it)"))
    func rootHeaderCompilesAndHoldsTheRootPEM() throws {
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pki = try LabPKIDirectory.prepare(at: directory)
        let program = """
            #include <stdio.h>
            #include "root.h"
            int main(void) {
                fwrite(tlsprobe_lab_root_pem, 1, TLSPROBE_LAB_ROOT_PEM_LEN - 1, stdout);
                return tlsprobe_lab_root_pem[TLSPROBE_LAB_ROOT_PEM_LEN - 1] == '\\0' ? 0 : 1;
            }
            """
        try program.write(to: directory.appending(path: "main.c"), atomically: true, encoding: .utf8)
        let binary = directory.appending(path: "main").path
        let compiled = try Tool.run("cc", ["-std=c99", "-Wall", "-Wextra", "-Werror", "-I", directory.path,
                                           "-o", binary, directory.appending(path: "main.c").path])
        #expect(compiled.status == 0, "\(compiled.output)")
        let printed = try Tool.run(binary, [])
        #expect(printed.status == 0)
        #expect(printed.output == (try pki.bundle.root.pem))
    }
}
