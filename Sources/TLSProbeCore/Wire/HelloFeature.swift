/// One thing in a ClientHello that servers and middleboxes are known to choke on (SSL Labs'
/// extension, version and long-handshake intolerance). Each knows how to take itself out of a
/// hello, and who else sends it, because that tells the user which other clients fail.
public enum HelloFeature: String, CaseIterable, Sendable {
    case statusRequest = "status_request"
    case alpn = "ALPN"
    case sessionTicket = "session_ticket"
    case extendedMasterSecret = "extended_master_secret"
    case tls13 = "TLS 1.3 in supported_versions"
    case helloSize = "a ClientHello of 256–511 bytes"
    case suiteCount = "the number of cipher suites"
    case unusualGroups = "unusual groups"
    case legacySignatureSchemes = "SHA-1/MD5 signature algorithms"
    case padding = "the padding extension"
    case serverName = "SNI"

    /// What the feature is, in words.
    public var label: String {
        switch self {
        case .statusRequest: "status_request (the OCSP stapling request)"
        case .alpn: "the ALPN extension"
        case .sessionTicket: "the session_ticket extension"
        case .extendedMasterSecret: "extended_master_secret (RFC 7627)"
        case .tls13: "TLS 1.3 in supported_versions (version intolerance)"
        case .helloSize: "a ClientHello of 256–511 bytes (the F5/long-handshake intolerance)"
        case .suiteCount: "a long cipher suite list"
        case .unusualGroups: "groups beyond x25519/P-256/P-384 (ffdhe, x448, P-521 …)"
        case .legacySignatureSchemes: "SHA-1/MD5 signature algorithms"
        case .padding: "the padding extension (RFC 7685)"
        case .serverName: "the server_name (SNI) extension"
        }
    }

    /// Which real clients send it (so who else fails against this server).
    public var clientsSending: String {
        switch self {
        case .statusRequest:
            "browsers (Chrome, Firefox, Safari), Go, Java, GnuTLS, Botan and .NET request OCSP staples, so they fail too; curl, Python, openssl s_client (without -status) and ESP-IDF do not, so they connect"
        case .alpn:
            "browsers, curl, Go's net/http, Java 11+ HttpClient, gRPC and Python's urllib3 2 send ALPN and fail; openssl s_client without -alpn and ESP-IDF's default esp_http_client do not"
        case .sessionTicket:
            "OpenSSL-based clients (curl, Python, Node), browsers and GnuTLS send session_ticket and fail; Java's default client does not"
        case .extendedMasterSecret:
            "almost every current client sends extended_master_secret (OpenSSL ≥ 1.1.0, browsers, Java 8u161+, GnuTLS, Mbed TLS 2.28 by default): most clients fail"
        case .tls13:
            "every current client offers TLS 1.3 (browsers, OpenSSL 1.1.1+ so curl and Python, Go, Java 11+): most clients fail; Java 8 and ESP-IDF's default TLS 1.2-only build connect"
        case .helloSize:
            "OpenSSL 3's default ClientHello (about 310 bytes with SNI) falls in this range, so curl and Python fail; browsers pad their hello to 512 bytes for exactly this reason"
        case .suiteCount:
            "clients with long suite lists (OpenSSL with ALL, Java 8, older Android) fail; browsers (about 16 suites) connect"
        case .unusualGroups:
            "OpenSSL 3 (curl, Python: ffdhe2048–8192, x448, P-521) and GnuTLS offer these groups and fail; browsers and Go offer only x25519/P-256/P-384"
        case .legacySignatureSchemes:
            "clients that still list SHA-1 schemes (OpenSSL-based curl and Python, Java 8, Windows 7) fail; current browsers do not list them"
        case .padding:
            "Chrome, Firefox and other BoringSSL/NSS clients add the padding extension and fail; OpenSSL, Go and Java do not send it"
        case .serverName:
            "every client that connects by name sends SNI and fails; only connections to a bare IP address omit it"
        }
    }

    /// The hello without this feature, or nil when the hello does not have it.
    public func removed(from spec: ClientHelloSpec) -> ClientHelloSpec? {
        switch self {
        case .statusRequest: return removing(WireExtension.statusRequest, from: spec)
        case .alpn: return removing(WireExtension.alpn, from: spec)
        case .sessionTicket: return removing(WireExtension.sessionTicket, from: spec)
        case .extendedMasterSecret: return removing(WireExtension.extendedMasterSecret, from: spec)
        case .padding: return removing(WireExtension.padding, from: spec)
        case .serverName: return removing(WireExtension.serverName, from: spec)
        case .tls13:
            guard spec.offeredVersions.contains(WireVersion.tls13) else { return nil }
            var copy = spec.removing([WireExtension.supportedVersions, WireExtension.keyShare, WireExtension.pskKeyExchangeModes,
                                      WireExtension.preSharedKey, WireExtension.cookie, 42])
            copy.cipherSuites.removeAll { $0 >> 8 == 0x13 }
            copy.legacyVersion = min(copy.legacyVersion, WireVersion.tls12)
            return copy
        case .helloSize:
            let size = ClientHelloEncoder.handshakeMessage(spec).count
            guard (256...511).contains(size) else { return nil }
            return spec.padded(toAtLeast: 512)
        case .suiteCount:
            let plain = Set(ClientHelloSpec.openSSL3DefaultSuites)
            guard spec.cipherSuites.count > plain.count else { return nil }
            var copy = spec
            let kept = spec.cipherSuites.filter { plain.contains($0) }
            copy.cipherSuites = kept.count >= 4 ? kept : ClientHelloSpec.openSSL3DefaultSuites
            return copy
        case .unusualGroups:
            let groups = spec.offeredGroups
            guard groups.contains(where: { !WireGroup.common.contains($0) }) else { return nil }
            var copy = spec.replacing(.supportedGroups(groups.filter { WireGroup.common.contains($0) }))
            for case .keyShare(let entries) in spec.extensions {
                copy = copy.replacing(.keyShare(entries.filter { WireGroup.common.contains($0.group) }))
            }
            return copy
        case .legacySignatureSchemes:
            for case .signatureAlgorithms(let schemes) in spec.extensions where schemes.contains(where: WireSignatureScheme.isLegacyHash) {
                return spec.replacing(.signatureAlgorithms(schemes.filter { !WireSignatureScheme.isLegacyHash($0) }))
            }
            return nil
        }
    }

    private func removing(_ type: UInt16, from spec: ClientHelloSpec) -> ClientHelloSpec? {
        spec.has(type) ? spec.removing([type]) : nil
    }
}
