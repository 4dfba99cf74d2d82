extension ClientProfile {
    /// tlsprobe's own behaviour: offer everything OpenSSL can, judge as a modern OpenSSL client.
    /// The offer fields describe that judge; the probe itself uses `TLSOffer.permissive`.
    public static let openSSL = ClientProfile(
        name: "openssl",
        summary: "a modern OpenSSL 3 client (default): permissive probe, judged as curl/OpenSSL would",
        basis: "OpenSSL 3.0 defaults, security level 2",
        isOpenSSLDefault: true,
        minVersion: .tls12, maxVersion: .tls13,
        tls12CipherSuites: [], tls13CipherSuites: [],
        groups: [], signatureAlgorithms: [],
        alpn: nil,
        sendsSNI: true,
        inputBufferBytes: nil, maxRSABits: nil, minRSABits: 2048,
        certificateCurves: ["P-256", "P-384", "P-521", "X25519", "Ed25519", "Ed448"],
        certificateHashes: ["sha256", "sha384", "sha512"],
        supportsEdDSA: true, checksDates: true, defaultBundle: nil, tls13Option: nil
    )
}
