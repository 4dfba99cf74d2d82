import TLSProbeCore

/// `tlsprobe --client list`: every profile with what it offers.
public enum ClientProfileList {
    public static func render(_ profiles: [ClientProfile]) -> String {
        (profiles.map(describe) + [chips()]).joined(separator: "\n\n") + "\n"
    }

    /// `--chip`: what each ESP target's RSA hardware does with keys above its limit.
    static func chips() -> String {
        var lines = ["chips (--chip, for the esp-idf and arduino-esp32 profiles; default \(ESPChip.defaultChip.name))"]
        for chip in ESPChip.all {
            let rule = switch (chip.rsaHardwareMaxBits, chip.rsaLimitBits) {
            case (nil, _): "no RSA hardware: software, any size"
            case (let bits?, nil): "RSA hardware to \(bits) bits, larger keys in software"
            case (let bits?, _): "RSA hardware to \(bits) bits, no software fallback: larger RSA keys fail"
            }
            lines.append("  \(chip.name.padding(9))\(rule)  [\(chip.source)]")
        }
        return lines.joined(separator: "\n")
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
        if let mbedTLS = profile.mbedTLS {
            lines.append("  mbedtls:    \(mbedTLS.version), \(mbedTLS.codes.rawValue).x error codes; fragmented handshake messages \(mbedTLS.reassemblesHandshakeMessages ? "reassembled" : "fail (-0x7080)"); iPAddress SANs \(mbedTLS.matchesIPAddressSANs ? "matched" : "never match"); verify flags after a failure \(mbedTLS.flagsAfterFailure == .always ? "logged" : "not logged (0)")")
        }
        let sources = profile.sources + (profile.mbedTLS?.sources ?? [])
        if !sources.isEmpty {
            lines.append("  sources:")
            lines += sources.map { "    - \($0.fact)  [\($0.source)]" }
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
