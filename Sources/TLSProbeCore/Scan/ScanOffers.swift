/// The ClientHellos a capability scan sends. Each asks about one thing, with everything else
/// as wide as it can be (every group, every signature scheme), so only the thing asked about
/// decides the answer. No status_request or ALPN in the raw offers: servers that drop hellos
/// carrying them exist, and would make every suite look refused.
enum ScanOffers {
    /// TLS_EMPTY_RENEGOTIATION_INFO_SCSV and TLS_FALLBACK_SCSV: never "accepted" suites.
    static let signallingSuites: Set<UInt16> = [0x00FF, 0x5600]
    static let fallbackSCSV: UInt16 = 0x5600

    /// The groups every offer lists: every named group there is, the common ones first.
    static let allGroups: [UInt16] = [WireGroup.x25519, WireGroup.p256, WireGroup.p384, WireGroup.p521, WireGroup.x448]
        + WireGroup.all.filter { ![WireGroup.x25519, WireGroup.p256, WireGroup.p384, WireGroup.p521, WireGroup.x448].contains($0) }
    /// Elliptic curves a TLS 1.2 ECDHE key exchange can use (not the ffdhe groups, not hybrids,
    /// not the brainpool code points RFC 8734 defines for TLS 1.3 only).
    static let ellipticCurves: [UInt16] = allGroups.filter { $0 < 0x0100 && !(0x001F...0x0021).contains($0) }

    /// Signature schemes, modern first.
    static let allSignatureSchemes: [UInt16] = [0x0403, 0x0503, 0x0603, 0x0807, 0x0808, 0x0804, 0x0805, 0x0806, 0x0809, 0x080A, 0x080B,
                                                0x0401, 0x0501, 0x0601]
        + WireSignatureScheme.all.filter { ![0x0403, 0x0503, 0x0603, 0x0807, 0x0808, 0x0804, 0x0805, 0x0806, 0x0809, 0x080A, 0x080B, 0x0401, 0x0501, 0x0601].contains($0) }

    /// An offer of `version` alone with these suites.
    static func hello(_ version: ScanVersion, suites: [UInt16], serverName: String?, groups: [UInt16] = allGroups,
                      signatureSchemes: [UInt16] = allSignatureSchemes, extra: [HelloExtension] = []) -> ClientHelloSpec {
        if version.isTLS13 {
            var spec = ClientHelloSpec.tls13Offer(suites: suites, groups: groups, keyShares: keyShares(for: groups), serverName: serverName,
                                                  signatureSchemes: signatureSchemes)
            spec.extensions += extra
            return spec
        }
        var extensions: [HelloExtension] = []
        if let serverName { extensions.append(.serverName(serverName)) }
        extensions += [.ecPointFormats([0]), .supportedGroups(groups), .renegotiationInfo, .extendedMasterSecret, .sessionTicket, .encryptThenMAC]
        // signature_algorithms exists from TLS 1.2 on; older servers may choke on it.
        if version >= .tls12 { extensions.append(.signatureAlgorithms(signatureSchemes)) }
        extensions += extra
        var spec = ClientHelloSpec(legacyVersion: version.code, cipherSuites: suites, extensions: extensions, sessionID: [])
        if version == .ssl3 { spec.recordVersion = WireVersion.ssl30 }
        return spec
    }

    /// Real shares for x25519 and P-256 when offered (what browsers send); any other group the
    /// server wants it asks for with a HelloRetryRequest, which names the suite just as well.
    static func keyShares(for groups: [UInt16]) -> [UInt16] {
        groups.filter { $0 == WireGroup.x25519 || $0 == WireGroup.p256 }
    }

    /// TLS 1.2 suites whose ephemeral (EC)DH the server signs with a key of the scheme's kind
    /// (RSA, ECDSA/EdDSA, DSA): offered with that one scheme, the scheme decides the answer.
    static func signedKeyExchangeSuites(for scheme: UInt16) -> [UInt16] {
        let markers: [String]
        switch schemeKeyKind(scheme) {
        case .rsa: markers = ["_ECDHE_RSA_", "_DHE_RSA_"]
        case .ecdsa: markers = ["_ECDHE_ECDSA_"]
        case .dsa: markers = ["_DHE_DSS_"]
        }
        return CipherSuiteTable.all.filter { info in !info.isTLS13 && markers.contains { info.ianaName.contains($0) } }.map(\.code)
    }

    enum KeyKind { case rsa, ecdsa, dsa }

    static func schemeKeyKind(_ scheme: UInt16) -> KeyKind {
        switch scheme {
        case 0x0804...0x0806, 0x0809...0x080B: .rsa
        case 0x0807, 0x0808, 0x081A...0x081C: .ecdsa
        default:
            switch scheme & 0xFF {
            case 0x01: .rsa
            case 0x02: .dsa
            default: .ecdsa
            }
        }
    }

    /// TLS 1.2 suites with an ECDHE key exchange: offered alone, the curve decides the answer.
    static let ecdheSuites: [UInt16] = CipherSuiteTable.all.filter { !$0.isTLS13 && $0.ianaName.contains("_ECDHE_") }.map(\.code)

    static let cbcSuites: [UInt16] = CipherSuiteTable.all.filter { !$0.isTLS13 && $0.isCBC }.map(\.code)
}
