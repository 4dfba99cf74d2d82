extension ClientProfile {
    /// A client of the matrix that runs on a PC, phone or browser: its hello and acceptance
    /// rules; the OpenSSL-facing fields are derived from the recipe (they feed the OpenSSL
    /// handshake that fetches the chain for this client's negotiation).
    static func matrixClient(_ name: String, _ summary: String, basis: String, hello: HelloRecipe, accepts: ClientAcceptance,
                             fetchesMissingIssuers: Bool = false, sendsSNI: Bool = true, sources: [ProfileSource]) -> ClientProfile {
        let tls12 = hello.tls12Suites.compactMap { CipherSuiteTable.info($0)?.ianaName }.filter { !$0.hasPrefix("TLS_EMPTY") }
        let versions = hello.versions.compactMap { TLSVersion(wireValue: Int($0)) }
        var profile = ClientProfile(
            name: name, summary: summary, basis: basis, isOpenSSLDefault: false,
            minVersion: versions.min() ?? .tls12, maxVersion: versions.max() ?? .tls12,
            tls12CipherSuites: tls12, tls13CipherSuites: hello.tls13Suites.compactMap { CipherSuiteTable.info($0)?.ianaName },
            groups: hello.groups.compactMap(WireGroup.openSSLName), signatureAlgorithms: hello.signatureSchemes.compactMap(WireSignatureScheme.openSSLName),
            alpn: hello.alpn, sendsSNI: sendsSNI, inputBufferBytes: nil, maxRSABits: nil, minRSABits: accepts.minRSABits,
            certificateCurves: ["P-256", "P-384", "P-521"], certificateHashes: accepts.sha1Signatures == .refused ? ["sha256", "sha384", "sha512"] : ["sha1", "sha256", "sha384", "sha512"],
            supportsEdDSA: false, checksDates: true, defaultBundle: nil, tls13Option: nil)
        profile.fetchesMissingIssuers = fetchesMissingIssuers
        profile.hello = hello
        profile.acceptance = accepts
        profile.sources = sources
        return profile
    }
}

extension WireGroup {
    /// The name `SSL_CTX_set1_groups_list` takes; nil for a group OpenSSL 3 cannot offer.
    static func openSSLName(_ code: UInt16) -> String? {
        switch code {
        case 0x0017: "P-256"
        case 0x0018: "P-384"
        case 0x0019: "P-521"
        case 0x001D: "X25519"
        case 0x001E: "X448"
        case 0x0016: "secp256k1"
        case 0x001A: "brainpoolP256r1"
        case 0x001B: "brainpoolP384r1"
        case 0x001C: "brainpoolP512r1"
        case 0x0100: "ffdhe2048"
        case 0x0101: "ffdhe3072"
        case 0x0102: "ffdhe4096"
        case 0x0103: "ffdhe6144"
        case 0x0104: "ffdhe8192"
        default: nil
        }
    }
}

extension WireSignatureScheme {
    /// The name `SSL_CTX_set1_sigalgs_list` takes; nil for schemes OpenSSL 3 lacks (DSA, MD5).
    static func openSSLName(_ code: UInt16) -> String? {
        switch code {
        case 0x0201: "RSA+SHA1"
        case 0x0203: "ECDSA+SHA1"
        case 0x0301: "RSA+SHA224"
        case 0x0303: "ECDSA+SHA224"
        case 0x0101, 0x0202, 0x0302, 0x0402, 0x0502, 0x0602: nil
        default:
            name(code).hasPrefix("0x") ? nil : name(code)
        }
    }
}
