extension ClientProfile {
    /// The recipe the matrix replays: the profile's own, or one built from its OpenSSL-facing
    /// fields (the Mbed TLS profiles, whose offer `ClientProfile+ESPIDF*.swift` describes).
    var matrixHello: HelloRecipe {
        if let hello { return hello }
        let versions = TLSVersion.allCases.filter { $0 >= minVersion && $0 <= maxVersion }.reversed().map { UInt16($0.wireValue) }
        let suites = (tls13CipherSuites + tls12CipherSuites).compactMap(CipherSuiteTable.code(named:)) + [0x00FF]
        let groups = self.groups.compactMap(WireGroup.code(openSSLName:))
        let schemes = signatureAlgorithms.compactMap(WireSignatureScheme.code(openSSLName:))
        var extensions: [UInt16] = [WireExtension.serverName, WireExtension.signatureAlgorithms, WireExtension.supportedGroups,
                                    WireExtension.ecPointFormats, WireExtension.extendedMasterSecret]
        if maxVersion == .tls13 { extensions += [WireExtension.supportedVersions, WireExtension.pskKeyExchangeModes, WireExtension.keyShare] }
        return HelloRecipe(versions: versions, suites: suites, groups: groups, keyShares: Array(groups.prefix(maxVersion == .tls13 ? 1 : 0)),
                           signatureSchemes: schemes, extensions: extensions, alpn: alpn ?? [])
    }
}

extension HelloRecipe {
    /// The ClientHello this client sends to `serverName` (nil: no SNI), with fresh random,
    /// session id and key shares. `keyShares` overrides the recipe's (a HelloRetryRequest's group).
    func spec(serverName: String?, keyShares override: [UInt16]? = nil) -> ClientHelloSpec {
        let tls13 = offersTLS13
        var built: [HelloExtension] = []
        for type in extensions {
            switch type {
            case WireExtension.serverName: if let serverName { built.append(.serverName(serverName)) }
            case WireExtension.statusRequest: built.append(.statusRequest)
            case WireExtension.supportedGroups: built.append(.supportedGroups(groups))
            case WireExtension.ecPointFormats: built.append(.ecPointFormats(pointFormats))
            case WireExtension.signatureAlgorithms: built.append(.signatureAlgorithms(signatureSchemes))
            case WireExtension.alpn: if !alpn.isEmpty { built.append(.alpn(alpn)) }
            case WireExtension.signedCertificateTimestamp: built.append(.signedCertificateTimestamp)
            case WireExtension.encryptThenMAC: built.append(.encryptThenMAC)
            case WireExtension.extendedMasterSecret: built.append(.extendedMasterSecret)
            case WireExtension.sessionTicket: built.append(.sessionTicket)
            case WireExtension.renegotiationInfo: built.append(.renegotiationInfo)
            case WireExtension.supportedVersions: built.append(.supportedVersions(versions))
            case WireExtension.pskKeyExchangeModes: built.append(.pskKeyExchangeModes(pskModes))
            case WireExtension.keyShare: built.append(.keyShare((override ?? keyShares).compactMap(KeyShareEntry.generate)))
            case WireExtension.padding: break
            default: built.append(.raw(type: type, body: rawBodies[type] ?? []))
            }
        }
        let highest = versions.max() ?? WireVersion.tls12
        var spec = ClientHelloSpec(legacyVersion: min(highest, WireVersion.tls12), cipherSuites: suites, extensions: built,
                                   sessionID: tls13 ? nil : [])
        if padsTo512 {
            let size = ClientHelloEncoder.handshakeMessage(spec).count
            if size >= 256 && size < 512 { spec = spec.padded(toAtLeast: 512) }
        }
        return spec
    }
}

extension WireGroup {
    static func code(openSSLName name: String) -> UInt16? {
        let wanted = name.lowercased()
        let aliases: [String: UInt16] = ["x25519": 0x001D, "x448": 0x001E, "p-256": 0x0017, "prime256v1": 0x0017, "secp256r1": 0x0017,
                                         "p-384": 0x0018, "secp384r1": 0x0018, "p-521": 0x0019, "secp521r1": 0x0019, "p-224": 0x0015,
                                         "secp224r1": 0x0015, "p-192": 0x0013, "secp192r1": 0x0013, "secp256k1": 0x0016, "secp224k1": 0x0014,
                                         "secp192k1": 0x0012, "brainpoolp256r1": 0x001A, "brainpoolp384r1": 0x001B, "brainpoolp512r1": 0x001C]
        if let code = aliases[wanted] { return code }
        return all.first { self.name($0).lowercased() == wanted }
    }
}

extension WireSignatureScheme {
    /// From `SSL_CTX_set1_sigalgs_list` syntax: a scheme name or "ECDSA+SHA256"-style pair.
    static func code(openSSLName name: String) -> UInt16? {
        if let code = all.first(where: { self.name($0) == name }) { return code }
        let parts = name.uppercased().split(separator: "+")
        guard parts.count == 2 else { return nil }
        let hashes: [String: UInt16] = ["SHA1": 0x02, "SHA224": 0x03, "SHA256": 0x04, "SHA384": 0x05, "SHA512": 0x06]
        let keys: [String: UInt16] = ["RSA": 0x01, "DSA": 0x02, "ECDSA": 0x03]
        guard let hash = hashes[String(parts[1])], let key = keys[String(parts[0])] else { return nil }
        return hash << 8 | key
    }
}
