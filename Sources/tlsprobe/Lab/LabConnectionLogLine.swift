#if canImport(Glibc)
import Glibc
#endif
import TLSProbeCore
import TLSProbeLab

/// The stderr line `lab serve` prints for each client connection: what the client offered is
/// what a firmware developer needs to see (which versions, how many suites, SNI, ALPN).
enum LabConnectionLogLine {
    static func format(scenario: String, record: LabConnectionRecord) -> String {
        var parts = ["\(timestamp()) \(scenario) #\(record.index + 1) from \(record.peer ?? "?")"]
        if let hello = record.clientHello {
            let versions = hello.offeredVersions.compactMap(versionName)
            parts.append("offered \(versions.isEmpty ? "?" : versions.joined(separator: ", "))")
            parts.append("\(hello.cipherSuiteCount) suites")
            parts.append("SNI \(hello.serverName.map(SafeText.escape) ?? "(none)")")
            parts.append("ALPN \(hello.alpn.isEmpty ? "(none)" : hello.alpn.map(SafeText.escape).joined(separator: ","))")
        }
        if record.handshakeCompleted {
            parts.append("→ \(record.negotiatedVersion ?? "?") \(record.negotiatedCipher ?? "")")
        } else if let error = record.handshakeError {
            parts.append("→ failed: \(error)")
        } else if record.clientHello == nil {
            parts.append("connected (this scenario does not speak TLS)")
        }
        return parts.joined(separator: "; ")
    }

    /// GREASE values (0x?A?A) are noise: leave them out.
    static func versionName(_ code: UInt16) -> String? {
        if code & 0x0F0F == 0x0A0A { return nil }
        return switch code {
        case 0x0304: "TLS 1.3"
        case 0x0303: "TLS 1.2"
        case 0x0302: "TLS 1.1"
        case 0x0301: "TLS 1.0"
        case 0x0300: "SSL 3.0"
        default: cFormat("0x%04x", code)
        }
    }

    /// Local wall-clock time, HH:mm:ss.
    private static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return cFormat("%02d:%02d:%02d", parts.tm_hour, parts.tm_min, parts.tm_sec)
    }
}
