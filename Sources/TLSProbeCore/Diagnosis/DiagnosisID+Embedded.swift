/// embedded — what a `--client` profile (an ESP32 with ESP-IDF's defaults) would hit that the
/// handshake tlsprobe itself made does not show. Facts: {client} (profile name), {profile}
/// (the release it describes), plus per id:
extension DiagnosisID {
    public static let embeddedTLS13Required = "embedded.tls13_required"  // {server_versions} {offered}
    public static let embeddedNoSharedCipher = "embedded.no_shared_cipher"  // {cipher} {offered}
    public static let embeddedRSAPSSRequired = "embedded.rsa_pss_required"  // {sigalg}
    public static let embeddedEd25519Certificate = "embedded.ed25519_certificate"  // {sigalg}
    public static let embeddedCertificateTooLarge = "embedded.certificate_too_large"  // {bytes} {limit} {code} {effect}
    public static let embeddedRSAKeyTooLarge = "embedded.rsa_key_too_large"  // {subject} {depth} {bits} {max_bits} {chip} {effect}
    public static let embeddedCertAlgorithmUnsupported = "embedded.cert_algorithm_unsupported"  // {subject} {depth} {what} {flags}
    public static let embeddedRootNotInBundle = "embedded.root_not_in_bundle"  // {issuer} {subject} {bundle} {snapshot}
    public static let embeddedCrossSignedChain = "embedded.cross_signed_chain"  // {subject} {issuer} {root} {bundle}
    public static let embeddedSNIRequired = "embedded.sni_required"  // {sni}
    public static let embeddedClockUnchecked = "embedded.clock_unchecked"  // {not_after}
    public static let embeddedChainOutOfOrder = "embedded.chain_out_of_order"  // {subject} {flags} {logged} {code}
    public static let embeddedIPSANUnsupported = "embedded.ip_san_unsupported"  // {host} {version} {flags} {logged} {code}
    public static let embeddedDeviceRejectsChain = "embedded.device_rejects_chain"  // {reason} {code} {flags} {logged}

    /// The embedded family, for `all`.
    static let embeddedAll: [String] = [
        embeddedTLS13Required, embeddedNoSharedCipher, embeddedRSAPSSRequired, embeddedEd25519Certificate,
        embeddedCertificateTooLarge, embeddedRSAKeyTooLarge, embeddedCertAlgorithmUnsupported,
        embeddedRootNotInBundle, embeddedCrossSignedChain, embeddedSNIRequired, embeddedClockUnchecked,
        embeddedChainOutOfOrder, embeddedIPSANUnsupported, embeddedDeviceRejectsChain,
    ]
}
