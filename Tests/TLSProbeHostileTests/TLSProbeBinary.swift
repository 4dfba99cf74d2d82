import Foundation
import TLSProbeTestSupport

/// Runs the built `tlsprobe` executable. SwiftPM puts it in the same directory as the test
/// bundle (…/debug/tlsprobePackageTests.xctest), and this test target depends on it, so it is
/// always built first. /proc/self/exe is used because argv[0] may be relative or a helper's.
enum TLSProbeBinary {
    static var url: URL { BuiltExecutable.tlsprobe }

    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// Runs tlsprobe with `arguments`, feeding `stdin` (empty: /dev/null), and waits for it.
    static func run(_ arguments: [String], stdin: [UInt8] = []) throws -> Result {
        let result = try TestProcess.run(url, arguments, stdin: Data(stdin))
        return Result(status: result.status, stdout: [UInt8](result.stdoutData), stderr: [UInt8](result.stderrData))
    }
}
