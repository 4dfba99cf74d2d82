/// Ready-made offers, and reading a captured ClientHello back into a spec.
extension ClientHelloSpec {
    /// What `openssl s_client` (OpenSSL 3.0, Debian 12 defaults) sends, extension for extension,
    /// as captured on this machine: 31 suites, x25519 key share, no ALPN, no status_request,
    /// no padding. The intolerance retry's "plain offer", and a baseline for client profiles.
    public static func openSSL3Default(serverName: String?) -> ClientHelloSpec {
        var extensions: [HelloExtension] = []
        if let serverName { extensions.append(.serverName(serverName)) }
        extensions += [
            .ecPointFormats([0, 1, 2]),
            .supportedGroups([0x001D, 0x0017, 0x001E, 0x0019, 0x0018, 0x0100, 0x0101, 0x0102, 0x0103, 0x0104]),
            .sessionTicket, .encryptThenMAC, .extendedMasterSecret,
            .signatureAlgorithms([0x0403, 0x0503, 0x0603, 0x0807, 0x0808, 0x0809, 0x080A, 0x080B, 0x0804, 0x0805, 0x0806,
                                  0x0401, 0x0501, 0x0601, 0x0303, 0x0301, 0x0302, 0x0402, 0x0502, 0x0602]),
            .supportedVersions([WireVersion.tls13, WireVersion.tls12, WireVersion.tls11, WireVersion.tls10]),
            .pskKeyExchangeModes([1]),
            .keyShare([KeyShareEntry.generate(WireGroup.x25519)].compactMap { $0 }),
        ]
        return ClientHelloSpec(cipherSuites: openSSL3DefaultSuites, extensions: extensions)
    }

    static let openSSL3DefaultSuites: [UInt16] = [
        0x1302, 0x1303, 0x1301, 0xC02C, 0xC030, 0x009F, 0xCCA9, 0xCCA8, 0xCCAA, 0xC02B, 0xC02F, 0x009E, 0xC024, 0xC028,
        0x006B, 0xC023, 0xC027, 0x0067, 0xC00A, 0xC014, 0x0039, 0xC009, 0xC013, 0x0033, 0x009D, 0x009C, 0x003D, 0x003C,
        0x0035, 0x002F, 0x00FF,
    ]

    /// A TLS 1.2-style offer of exactly these suites (any code points), with the extensions a
    /// TLS 1.2 server needs to pick an ECDHE or DHE suite; for "which of these would you take".
    public static func tls12Offer(suites: [UInt16], serverName: String?, groups: [UInt16] = [0x001D, 0x0017, 0x0018, 0x0019, 0x0100, 0x0101],
                                  signatureSchemes: [UInt16] = WireSignatureScheme.all, version: UInt16 = WireVersion.tls12) -> ClientHelloSpec {
        var extensions: [HelloExtension] = []
        if let serverName { extensions.append(.serverName(serverName)) }
        extensions += [.ecPointFormats([0]), .supportedGroups(groups), .renegotiationInfo, .extendedMasterSecret]
        if version >= WireVersion.tls12 { extensions.append(.signatureAlgorithms(signatureSchemes)) }
        return ClientHelloSpec(legacyVersion: version, cipherSuites: suites, extensions: extensions, sessionID: [])
    }

    /// A TLS 1.3-only offer: the given suites, groups (with real shares for those we can make,
    /// or none at all when `emptyKeyShare`: the server must answer with a HelloRetryRequest).
    public static func tls13Offer(suites: [UInt16] = CipherSuiteTable.tls13, groups: [UInt16] = [0x001D, 0x0017, 0x0018],
                                  keyShares: [UInt16]? = nil, serverName: String?,
                                  signatureSchemes: [UInt16] = [0x0403, 0x0503, 0x0603, 0x0807, 0x0808, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601]) -> ClientHelloSpec {
        var extensions: [HelloExtension] = []
        if let serverName { extensions.append(.serverName(serverName)) }
        let shares = (keyShares ?? Array(groups.prefix(1))).compactMap(KeyShareEntry.generate)
        extensions += [
            .supportedGroups(groups), .signatureAlgorithms(signatureSchemes),
            .supportedVersions([WireVersion.tls13]), .pskKeyExchangeModes([1]), .keyShare(shares),
        ]
        return ClientHelloSpec(cipherSuites: suites, extensions: extensions)
    }

    /// Reads a ClientHello handshake message (header included), e.g. the one OpenSSL sent,
    /// back into a spec. Known extensions become typed cases, the rest `.raw`, so dropping one
    /// extension and re-encoding gives the same bytes as the original minus that extension.
    public init?(parsing message: [UInt8]) {
        var reader = ByteReader(message)
        guard reader.u8() == 1, let length = reader.u24(), length == message.count - 4,
              let legacyVersion = reader.u16(), let random = reader.take(32),
              let sessionLength = reader.u8(), let sessionID = reader.take(Int(sessionLength)),
              let suitesLength = reader.u16(), suitesLength % 2 == 0, var suiteReader = reader.slice(Int(suitesLength)),
              let compressionLength = reader.u8(), let compression = reader.take(Int(compressionLength))
        else { return nil }
        var suites: [UInt16] = []
        while let suite = suiteReader.u16() { suites.append(suite) }
        var extensions: [HelloExtension] = []
        if reader.remaining > 0 {
            guard let extensionsLength = reader.u16(), var list = reader.slice(Int(extensionsLength)) else { return nil }
            while list.remaining > 0 {
                guard let type = list.u16(), let size = list.u16(), let body = list.take(Int(size)) else { return nil }
                extensions.append(HelloExtension.decode(type: type, body: body))
            }
        }
        self.init(legacyVersion: legacyVersion, cipherSuites: suites, extensions: extensions, random: random, sessionID: sessionID)
        compressionMethods = compression
    }
}

extension HelloExtension {
    /// The typed case for a body we understand exactly (re-encoding gives the same bytes); `.raw` otherwise.
    static func decode(type: UInt16, body: [UInt8]) -> HelloExtension {
        var reader = ByteReader(body)
        let typed: HelloExtension?
        func list16() -> [UInt16]? {
            guard let length = reader.u16(), length % 2 == 0, Int(length) == reader.remaining else { return nil }
            var values: [UInt16] = []
            while let value = reader.u16() { values.append(value) }
            return values
        }
        switch type {
        case WireExtension.serverName:
            if reader.u16() != nil, reader.u8() == 0, let length = reader.u16(), let name = reader.take(Int(length)), reader.remaining == 0,
               let text = String(validating: name, as: UTF8.self) { typed = .serverName(text) } else { typed = nil }
        case WireExtension.supportedGroups: typed = list16().map { .supportedGroups($0) }
        case WireExtension.signatureAlgorithms: typed = list16().map { .signatureAlgorithms($0) }
        case WireExtension.statusRequest: typed = body == [1, 0, 0, 0, 0] ? .statusRequest : nil
        case WireExtension.extendedMasterSecret: typed = body.isEmpty ? .extendedMasterSecret : nil
        case WireExtension.sessionTicket: typed = body.isEmpty ? .sessionTicket : nil
        case WireExtension.encryptThenMAC: typed = body.isEmpty ? .encryptThenMAC : nil
        case WireExtension.signedCertificateTimestamp: typed = body.isEmpty ? .signedCertificateTimestamp : nil
        case WireExtension.renegotiationInfo: typed = body == [0] ? .renegotiationInfo : nil
        case WireExtension.padding: typed = body.allSatisfy { $0 == 0 } ? .padding(body.count) : nil
        case WireExtension.ecPointFormats:
            if let length = reader.u8(), let formats = reader.take(Int(length)), reader.remaining == 0 { typed = .ecPointFormats(formats) } else { typed = nil }
        case WireExtension.pskKeyExchangeModes:
            if let length = reader.u8(), let modes = reader.take(Int(length)), reader.remaining == 0 { typed = .pskKeyExchangeModes(modes) } else { typed = nil }
        case WireExtension.supportedVersions:
            if let length = reader.u8(), length % 2 == 0, Int(length) == reader.remaining {
                var versions: [UInt16] = []
                while let version = reader.u16() { versions.append(version) }
                typed = .supportedVersions(versions)
            } else { typed = nil }
        case WireExtension.alpn:
            if let length = reader.u16(), Int(length) == reader.remaining {
                var names: [String] = []
                var ok = true
                while reader.remaining > 0 {
                    guard let size = reader.u8(), size > 0, let name = reader.take(Int(size)), let text = String(validating: name, as: UTF8.self) else { ok = false; break }
                    names.append(text)
                }
                typed = ok ? .alpn(names) : nil
            } else { typed = nil }
        case WireExtension.keyShare:
            if let length = reader.u16(), Int(length) == reader.remaining {
                var entries: [KeyShareEntry] = []
                var ok = true
                while reader.remaining > 0 {
                    guard let group = reader.u16(), let size = reader.u16(), let key = reader.take(Int(size)) else { ok = false; break }
                    entries.append(KeyShareEntry(group: group, keyExchange: key))
                }
                typed = ok ? .keyShare(entries) : nil
            } else { typed = nil }
        default: typed = nil
        }
        return typed ?? .raw(type: type, body: body)
    }
}
