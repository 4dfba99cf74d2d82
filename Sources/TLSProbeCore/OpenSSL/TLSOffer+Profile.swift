extension TLSOffer {
    /// The main probe's offer. The default profile keeps the permissive offer (so a server's
    /// real limits show); any other profile offers exactly what that client offers, so a server
    /// the device cannot talk to fails the way the device would. Security level 0 either way:
    /// the probe must *see* weak things; the profile judges them.
    static func forClient(options: ProbeOptions) -> TLSOffer {
        let profile = options.clientProfile
        if profile.isOpenSSLDefault { return .permissive(options: options) }
        return TLSOffer(
            minVersion: options.tlsMin ?? profile.minVersion,
            maxVersion: options.tlsMax ?? profile.maxVersion,
            cipherList: options.ciphers ?? (profile.opensslCipherNames.joined(separator: ":") + ":@SECLEVEL=0"),
            cipherSuites: options.cipherSuites ?? (profile.tls13CipherSuites.isEmpty ? nil : profile.tls13CipherSuites.joined(separator: ":")),
            groups: options.groups ?? profile.groups.joined(separator: ":"),
            sigalgs: profile.signatureAlgorithms.isEmpty ? nil : profile.signatureAlgorithms.joined(separator: ":"),
            securityLevel: 0)
    }

    /// The profile's offer with one thing changed, for the follow-ups that name what the
    /// device lacks ("accepted once RSA-PSS was offered").
    func adding(sigalgs extra: [String]) -> TLSOffer {
        var copy = self
        copy.sigalgs = ((sigalgs.map { [$0] } ?? []) + extra).joined(separator: ":")
        return copy
    }
}

extension TLSOffer {
    /// The offered TLS 1.2 suites for a one-line summary: a profile's list of 32 names would
    /// swamp it, so long lists are counted instead.
    var suitesLabel: String {
        let names = cipherList.split(separator: ":").filter { !$0.hasPrefix("@") && !$0.hasPrefix("!") }
        guard cipherList.count > 60 else { return cipherList }
        return "\(names.count) (\(names.prefix(2).joined(separator: ", ")), …)"
    }
}
