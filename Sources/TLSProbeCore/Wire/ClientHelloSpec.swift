/// Exactly what a ClientHello built by tlsprobe itself carries: any cipher suite, group,
/// signature scheme or version code point, extensions in the order given. Encoded by
/// `ClientHelloEncoder`, sent by `RawHello`. Unlike an OpenSSL offer it can name suites OpenSSL
/// lacks, drop one extension of a real hello, or replay a captured client's hello.
public struct ClientHelloSpec: Sendable, Equatable {
    /// The record layer version (0x0301 is what every modern client sends for compatibility).
    public var recordVersion: UInt16 = WireVersion.tls10
    /// legacy_version: the highest version for TLS ≤ 1.2; 0x0303 when supported_versions says more.
    public var legacyVersion: UInt16 = WireVersion.tls12
    public var random: [UInt8]
    public var sessionID: [UInt8]
    public var cipherSuites: [UInt16]
    public var compressionMethods: [UInt8] = [0]
    public var extensions: [HelloExtension]

    public init(legacyVersion: UInt16 = WireVersion.tls12, cipherSuites: [UInt16], extensions: [HelloExtension],
                random: [UInt8]? = nil, sessionID: [UInt8]? = nil) {
        self.legacyVersion = legacyVersion
        self.cipherSuites = cipherSuites
        self.extensions = extensions
        self.random = random ?? WireRandom.bytes(32)
        // A 32-byte legacy session id is TLS 1.3's middlebox-compatibility mode (RFC 8446 D.4).
        self.sessionID = sessionID ?? WireRandom.bytes(32)
    }

    /// The versions offered: supported_versions when present, else legacy_version alone.
    public var offeredVersions: [UInt16] {
        for case .supportedVersions(let versions) in extensions { return versions }
        return [legacyVersion]
    }

    public var offeredGroups: [UInt16] {
        for case .supportedGroups(let groups) in extensions { return groups }
        return []
    }

    public var offeredALPN: [String] {
        for case .alpn(let protocols) in extensions { return protocols }
        return []
    }

    public var extensionTypes: [UInt16] { extensions.map(\.type) }

    public func has(_ type: UInt16) -> Bool { extensions.contains { $0.type == type } }

    /// A copy without the extensions of these types.
    public func removing(_ types: Set<UInt16>) -> ClientHelloSpec {
        var copy = self
        copy.extensions.removeAll { types.contains($0.type) }
        return copy
    }

    /// A copy with `body` replacing the extension of the same type (appended when absent).
    public func replacing(_ replacement: HelloExtension) -> ClientHelloSpec {
        var copy = self
        if let index = copy.extensions.firstIndex(where: { $0.type == replacement.type }) {
            copy.extensions[index] = replacement
        } else {
            copy.extensions.append(replacement)
        }
        return copy
    }

    /// A copy padded (RFC 7685) so the handshake message is at least `length` bytes, the way
    /// clients step over load balancers that drop ClientHellos of 256–511 bytes.
    public func padded(toAtLeast length: Int) -> ClientHelloSpec {
        var copy = removing([WireExtension.padding])
        let current = ClientHelloEncoder.handshakeMessage(copy).count
        guard current < length else { return copy }
        // The padding extension's own 4-byte header counts too.
        copy.extensions.append(.padding(max(0, length - current - 4)))
        return copy
    }
}

/// One ClientHello extension. The typed cases build their body; `.raw` carries any other
/// extension (or a captured one) byte for byte.
public enum HelloExtension: Sendable, Equatable {
    case serverName(String)
    case supportedGroups([UInt16])
    case signatureAlgorithms([UInt16])
    case alpn([String])
    /// status_request for an OCSP staple (RFC 6066 §8), no responder ids or extensions.
    case statusRequest
    case extendedMasterSecret
    /// An empty session_ticket: "I can take a ticket".
    case sessionTicket
    case encryptThenMAC
    case ecPointFormats([UInt8])
    /// Empty renegotiation_info: secure renegotiation on an initial handshake.
    case renegotiationInfo
    case supportedVersions([UInt16])
    case pskKeyExchangeModes([UInt8])
    /// key_share entries; an empty list asks for a HelloRetryRequest.
    case keyShare([KeyShareEntry])
    case signedCertificateTimestamp
    /// `count` zero bytes (RFC 7685).
    case padding(Int)
    case raw(type: UInt16, body: [UInt8])

    public var type: UInt16 {
        switch self {
        case .serverName: WireExtension.serverName
        case .supportedGroups: WireExtension.supportedGroups
        case .signatureAlgorithms: WireExtension.signatureAlgorithms
        case .alpn: WireExtension.alpn
        case .statusRequest: WireExtension.statusRequest
        case .extendedMasterSecret: WireExtension.extendedMasterSecret
        case .sessionTicket: WireExtension.sessionTicket
        case .encryptThenMAC: WireExtension.encryptThenMAC
        case .ecPointFormats: WireExtension.ecPointFormats
        case .renegotiationInfo: WireExtension.renegotiationInfo
        case .supportedVersions: WireExtension.supportedVersions
        case .pskKeyExchangeModes: WireExtension.pskKeyExchangeModes
        case .keyShare: WireExtension.keyShare
        case .signedCertificateTimestamp: WireExtension.signedCertificateTimestamp
        case .padding: WireExtension.padding
        case .raw(let type, _): type
        }
    }
}

/// One key_share entry: the group and the public key bytes.
public struct KeyShareEntry: Sendable, Equatable {
    public var group: UInt16
    public var keyExchange: [UInt8]

    public init(group: UInt16, keyExchange: [UInt8]) {
        self.group = group
        self.keyExchange = keyExchange
    }

    /// A fresh, real public key for `group` (X25519, X448, P-256, P-384, P-521), made by
    /// OpenSSL; nil for a group we cannot generate. The private half is thrown away: the raw
    /// component reads only the ServerHello and never derives a secret.
    public static func generate(_ group: UInt16) -> KeyShareEntry? {
        EphemeralKeyShare.publicKey(group: group).map { KeyShareEntry(group: group, keyExchange: $0) }
    }
}
