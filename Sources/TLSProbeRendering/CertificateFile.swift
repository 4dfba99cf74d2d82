import FoundationEssentials
import TLSProbeCore

/// The file formats `--save-chain` / `--save-root` write.
public enum CertificateFileFormat: String, CaseIterable, Sendable {
    case pem, der, h

    /// From the file name's extension (`.crt` and `.cer` are PEM here, as most tools write them).
    public static func guess(fromPath path: String) -> CertificateFileFormat? {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "pem", "crt", "cer": .pem
        case "der": .der
        case "h": .h
        default: nil
        }
    }
}

public enum CertificateFileError: Error, CustomStringConvertible {
    case derHoldsOneCertificate(Int)
    case badPEM(String)

    public var description: String {
        switch self {
        case .derHoldsOneCertificate(let count): "DER holds one certificate, the chain has \(count); use .pem or .h"
        case .badPEM(let subject): "no PEM text for \(subject)"
        }
    }
}

/// Renders certificates as file contents: PEM (with a `#` comment header), DER, or a C header
/// holding the PEM text, ready for `EMBED_TXTFILES` / `cacert_buf`.
public enum CertificateFile {
    public static func render(_ certificates: [CertificateSummary], format: CertificateFileFormat, path: String, purpose: String) throws(CertificateFileError) -> [UInt8] {
        switch format {
        case .pem:
            var text = "# \(purpose), written by tlsprobe \(TLSProbeVersion.current)\n"
            for certificate in certificates {
                text += describe(certificate).map { "# \($0)\n" }.joined() + certificate.pem
                if !certificate.pem.hasSuffix("\n") { text += "\n" }
            }
            return Array(text.utf8)
        case .der:
            guard certificates.count == 1, let certificate = certificates.first else { throw .derHoldsOneCertificate(certificates.count) }
            guard let der = derBytes(certificate.pem) else { throw .badPEM(certificate.subject) }
            return der
        case .h:
            return Array(cHeader(certificates, path: path, purpose: purpose).utf8)
        }
    }

    static func describe(_ certificate: CertificateSummary) -> [String] {
        ["subject: \(certificate.subject)", "issuer:  \(certificate.issuer)",
         "sha256:  \(certificate.sha256)", "expires: \(certificate.notAfter)"]
    }

    static func derBytes(_ pem: String) -> [UInt8]? {
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        return Data(base64Encoded: body).map { Array($0) }
    }

    /// A C identifier from the file name: `server_root_cert.h` → `server_root_cert_pem`.
    public static func variableName(forPath path: String) -> String {
        let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        var name = String(base.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        if name.isEmpty || name.first!.isNumber { name = "_" + name }
        return name + "_pem"
    }

    static func cHeader(_ certificates: [CertificateSummary], path: String, purpose: String) -> String {
        let name = variableName(forPath: path)
        let guardName = name.uppercased() + "_H"
        // Server-supplied names are already escaped; only a comment terminator could break out.
        let comment = certificates.flatMap(describe).map { " * " + $0.replacingEvery("*/", with: "* /") }
        var lines = ["/* \(purpose), written by tlsprobe \(TLSProbeVersion.current)."] + comment + [" */",
            "#ifndef \(guardName)", "#define \(guardName)", "", "#include <stddef.h>", "",
            "static const char \(name)[] ="]
        let pemLines = certificates.flatMap { $0.pem.split(separator: "\n", omittingEmptySubsequences: true) }
        lines += pemLines.map { "    \"\($0)\\n\"" }
        lines[lines.count - 1] += ";"
        lines += ["", "/* Length including the terminating NUL, as mbedtls_x509_crt_parse() and", " * esp_tls_cfg_t.cacert_bytes expect for PEM. */",
                  "static const size_t \(name)_len = sizeof(\(name));", "", "#endif", ""]
        return lines.joined(separator: "\n")
    }
}
