import TLSProbeCore

/// `tlsprobe --client list`: every profile with what it offers.
public enum ClientProfileList {
    public static func render(_ profiles: [ClientProfile]) -> String {
        profiles.map(describe).joined(separator: "\n\n") + "\n"
    }

    static func describe(_ profile: ClientProfile) -> String {
        var lines = ["\(profile.name)\(profile.isOpenSSLDefault ? " (default)" : "")  \(profile.summary)", "  basis:      \(profile.basis)"]
        guard !profile.isOpenSSLDefault else {
            lines.append("  offer:      every version and suite OpenSSL can (security level 0); verdict of a modern OpenSSL client")
            return lines.joined(separator: "\n")
        }
        let versions = profile.minVersion == profile.maxVersion ? profile.minVersion.label : "\(profile.minVersion.label)–\(profile.maxVersion.rawValue)"
        lines.append("  versions:   \(versions)" + (profile.tls13Option.map { " (TLS 1.3 with \($0.setting))" } ?? ""))
        lines.append("  suites:     \(profile.tls12CipherSuites.count) TLS 1.2 suites, \(profile.opensslCipherNames.count) of them sendable by OpenSSL")
        lines.append("  groups:     \(profile.groups.joined(separator: ", "))")
        lines.append("  sigalgs:    \(profile.signatureAlgorithms.joined(separator: ", "))")
        lines.append("  SNI:        \(profile.sendsSNI ? "sent" : "not sent")")
        if let buffer = profile.inputBufferBytes { lines.append("  buffer:     \(buffer) bytes per incoming handshake message (--client-buffer)") }
        if let bits = profile.maxRSABits { lines.append("  RSA:        \(profile.minRSABits)–\(bits) bits") }
        lines.append("  dates:      \(profile.checksDates ? "checked" : "not checked by default")")
        if let name = profile.defaultBundle, let bundle = ESPCertificateBundle.named(name) {
            lines.append("  trust:      \(bundle.name): \(bundle.roots.count) roots, Mozilla \(bundle.snapshot)")
        }
        return lines.joined(separator: "\n")
    }
}

extension TextRenderer {
    /// Under the header when probing as another client: whose eyes the verdict uses.
    public func clientLine(_ profile: ClientProfile) -> String {
        style.paint("as --client \(profile.name): \(profile.basis)", .dim)
    }
}
