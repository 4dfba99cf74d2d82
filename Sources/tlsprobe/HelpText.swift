import TLSProbeCore
#if canImport(Glibc)
import Glibc
#endif

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

    /// The same choice TLSClientContext makes for `.system`: SSL_CERT_FILE and SSL_CERT_DIR both
    /// count when set; otherwise OpenSSL's default directory (or file when there is no directory).
    static var trustStoreDescription: String {
        var parts: [String] = []
        if let file = ProcessEnvironmentValue.get("SSL_CERT_FILE") { parts.append("\(file) (SSL_CERT_FILE)") }
        if let directory = ProcessEnvironmentValue.get("SSL_CERT_DIR") { parts.append("\(directory) (SSL_CERT_DIR)") }
        if !parts.isEmpty { return parts.joined(separator: " + ") }
        let directory = OpenSSLVersion.defaultCertificateDirectory
        if access(directory, R_OK) == 0 { return "\(directory) (hashed directory, looked up lazily)" }
        return "\(OpenSSLVersion.defaultCertificateFile) (bundle)"
    }

    /// Examples lead with the options people use most. Kept under 80 columns: argument-parser
    /// wraps longer lines without a hanging indent.
    static let examples = """
        EXAMPLES:
          tlsprobe example.com
              probe https://example.com/ stage by stage
          tlsprobe --cacert root.pem --connect-to 127.0.0.1 api.internal.test:8443
              trust a private root; connect to an address of your choosing
          tlsprobe --json example.com | jq '.certificates[0].days_left'
              machine-readable report for scripts
          tlsprobe -q --fail-days 14 example.com
              CI: exit 32 when a certificate expires within 14 days
          tlsprobe --proxy http://proxy.internal:3128 example.com
              go through an HTTP CONNECT proxy (or set HTTPS_PROXY)
          tlsprobe explain -0x2700
              what an ESP32's mbedTLS error means
        """

    static var exitCodeTable: String {
        // Built on every run (the command's configuration holds it), so pad in plain Swift:
        // NSString's padding(toLength:) cost ~1.2M instructions here (callgrind, bench/run).
        "EXIT STATUS:\n" + ExitStatus.allCases.map { status in
            let code = String(status.rawValue)
            let padded = code + String(repeating: " ", count: max(0, 4 - code.count))
            return wrap(status.meaning, width: 79, firstPrefix: "  \(padded)", hangingIndent: 6)
        }.joined(separator: "\n")
    }

    /// argument-parser copies the discussion verbatim into the man page it generates; there the
    /// hand-written EXAMPLES and EXIT STATUS sections (see ManPageSections) replace it.
    /// Every run builds the commands' configurations (routing reads the subcommand names), but
    /// only a help request prints a discussion: other runs skip wrapping the exit-code table
    /// (~1.2M instructions a probe, bench/PROFILE.md).
    static var discussion: String {
        helpCanBeShown ? examples + "\n\n" + exitCodeTable : ""
    }

    /// True when argument-parser may print a command's help on this run: `-h`, `--help` or
    /// `help` anywhere on the command line (not for `--experimental-dump-help`, the man page).
    static let helpCanBeShown: Bool = {
        let arguments = CommandLine.arguments.dropFirst()
        return !arguments.contains("--experimental-dump-help") && arguments.contains { $0 == "-h" || $0.contains("help") }
    }()

    /// Greedy word wrap with a hanging indent, for tables inside help text. It runs for every
    /// exit status on every start-up (the table is part of the command's configuration), so
    /// printable ASCII, where a byte is a character, takes a byte path: 2.6M → 0.2M instructions
    /// (callgrind; bench/PROFILE.md). Other text goes by Characters, with the same result.
    static func wrap(_ text: String, width: Int, firstPrefix: String, hangingIndent: Int) -> String {
        let printableASCII = { (byte: UInt8) in byte >= 0x20 && byte < 0x7F }
        guard text.utf8.allSatisfy(printableASCII), firstPrefix.utf8.allSatisfy(printableASCII) else {
            return wrapCharacters(text, width: width, firstPrefix: firstPrefix, hangingIndent: hangingIndent)
        }
        var out = Array(firstPrefix.utf8)
        out.reserveCapacity(out.count + text.utf8.count + 32)
        var length = out.count
        var lineHasWord = false
        for word in text.utf8.split(separator: UInt8(ascii: " ")) {
            if lineHasWord && length + 1 + word.count > width {
                out.append(UInt8(ascii: "\n"))
                out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: hangingIndent))
                length = hangingIndent
            } else if lineHasWord {
                out.append(UInt8(ascii: " "))
                length += 1
            }
            out.append(contentsOf: word)
            length += word.count
            lineHasWord = true
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func wrapCharacters(_ text: String, width: Int, firstPrefix: String, hangingIndent: Int) -> String {
        var lines: [String] = []
        var current = firstPrefix
        var currentHasWord = false
        for word in text.split(separator: " ") {
            if currentHasWord && current.count + 1 + word.count > width {
                lines.append(current)
                current = String(repeating: " ", count: hangingIndent) + word
            } else {
                current += (currentHasWord ? " " : "") + word
            }
            currentHasWord = true
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}

enum ProcessEnvironmentValue {
    static func get(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}
