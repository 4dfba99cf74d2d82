import Foundation
import TLSProbeCore

/// Text shared by --help, --version and the man page (generated from the same parser).
enum HelpText {
    static var version: String {
        """
        tlsprobe \(TLSProbeVersion.current)
        OpenSSL built with: \(OpenSSLVersion.built)
        OpenSSL running:    \(OpenSSLVersion.runtime)
        trust store:        \(trustStoreDescription)
        """
    }

    static var trustStoreDescription: String {
        if let file = ProcessEnvironmentValue.get("SSL_CERT_FILE") { return "\(file) (SSL_CERT_FILE)" }
        if let directory = ProcessEnvironmentValue.get("SSL_CERT_DIR") { return "\(directory) (SSL_CERT_DIR)" }
        return "\(OpenSSLVersion.defaultCertificateDirectory) (hashed directory, looked up lazily)"
    }

    static let examples = """
        EXAMPLES:
          tlsprobe example.com                      probe https://example.com/ stage by stage
          tlsprobe --cacert root.pem --connect-to 127.0.0.1 api.internal.test:8443
          tlsprobe --json example.com | jq '.certificates[0].days_left'
          tlsprobe -q --fail-days 14 example.com    CI: exit 32 when a certificate expires within 14 days
          tlsprobe explain -0x2700                  what an ESP32's mbedTLS error means
        """

    static var exitCodeTable: String {
        // Built on every run (the command's configuration holds it), so pad in plain Swift:
        // NSString's padding(toLength:) cost ~1.2M instructions here (callgrind, bench/run).
        let rows = ExitStatus.allCases.map { status in
            let code = String(status.rawValue)
            return "  \(code)\(String(repeating: " ", count: max(0, 4 - code.count)))\(status.meaning)"
        }
        return "EXIT STATUS:\n" + rows.joined(separator: "\n")
    }

    static var discussion: String { examples + "\n\n" + exitCodeTable }
}

enum ProcessEnvironmentValue {
    static func get(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}
