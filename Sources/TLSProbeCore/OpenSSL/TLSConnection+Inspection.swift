import FoundationEssentials
internal import COpenSSL
internal import CTLSProbeShims

/// What OpenSSL knows about the session after (or during) the handshake.
struct NegotiatedSession {
    var version: String?
    var cipher: String?
    var cipherIANA: String?
    var cipherKeyExchangeIsRSA = false
    var group: String?
    var dhBits: Int?
    var forwardSecrecy: Bool?
    var signatureAlgorithm: String?
    var alpn: String?
    var resumed = false
    var ocspStapled = false
}

extension TLSConnection {
    func negotiatedSession() -> NegotiatedSession {
        var session = NegotiatedSession()
        session.version = String(cString: SSL_get_version(handle))
        if let cipher = SSL_get_current_cipher(handle) {
            session.cipher = String(cString: SSL_CIPHER_get_name(cipher))
            session.cipherIANA = SSL_CIPHER_standard_name(cipher).map { String(cString: $0) }
            let kx = SSL_CIPHER_get_kx_nid(cipher)
            session.cipherKeyExchangeIsRSA = kx == NID_kx_rsa
        }
        var key: OpaquePointer?
        if tlsprobe_SSL_get_peer_tmp_key(handle, &key) == 1, let key {
            defer { EVP_PKEY_free(key) }
            let bits = Int(EVP_PKEY_get_bits(key))
            switch EVP_PKEY_get_base_id(key) {
            case EVP_PKEY_DH:
                session.group = "DHE \(bits) bits"
                session.dhBits = bits
            case EVP_PKEY_EC: session.group = X509Certificate.curveName(key) ?? "EC \(bits) bits"
            case EVP_PKEY_X25519: session.group = "x25519"
            case EVP_PKEY_X448: session.group = "x448"
            default: session.group = "\(bits)-bit key exchange"
            }
            session.forwardSecrecy = true
        } else if session.cipherKeyExchangeIsRSA {
            session.group = "RSA key transport"
            session.forwardSecrecy = false
        }
        let groupNID = tlsprobe_SSL_get_negotiated_group(handle)
        if groupNID > 0, let name = OBJ_nid2sn(groupNID) {
            let friendly = GroupNames.friendly(String(cString: name))
            if friendly.hasPrefix("ffdhe") { session.group = friendly }
            else if session.group == nil { session.group = friendly }
        }
        session.signatureAlgorithm = peerSignatureAlgorithm()
        var alpnPointer: UnsafePointer<UInt8>?
        var alpnLength: UInt32 = 0
        SSL_get0_alpn_selected(handle, &alpnPointer, &alpnLength)
        if let alpnPointer, alpnLength > 0 {
            session.alpn = SafeText.escape(bytes: UnsafeBufferPointer(start: alpnPointer, count: Int(alpnLength)))
        }
        session.resumed = SSL_session_reused(handle) == 1
        var ocsp: UnsafePointer<UInt8>?
        session.ocspStapled = tlsprobe_SSL_get_tlsext_status_ocsp_resp(handle, &ocsp) > 0
        OpenSSLErrorQueue.clear()
        return session
    }

    /// TLS SignatureScheme name of the server's handshake signature ("rsa_pss_rsae_sha256").
    private func peerSignatureAlgorithm() -> String? {
        var typeNID: Int32 = 0
        var hashNID: Int32 = 0
        guard SSL_get_peer_signature_type_nid(handle, &typeNID) == 1 else { return nil }
        _ = tlsprobe_SSL_get_peer_signature_nid(handle, &hashNID)
        let hash = hashNID > 0 ? (OBJ_nid2sn(hashNID).map { String(cString: $0).lowercased().replacingEvery("-", with: "") } ?? "") : ""
        switch typeNID {
        case EVP_PKEY_RSA_PSS: return "rsa_pss_rsae_\(hash)"
        case EVP_PKEY_RSA: return "rsa_pkcs1_\(hash)"
        case EVP_PKEY_EC:
            let curve: String
            switch hash {
            case "sha256": curve = "secp256r1_"
            case "sha384": curve = "secp384r1_"
            case "sha512": curve = "secp521r1_"
            default: curve = ""
            }
            return "ecdsa_\(curve)\(hash)"
        case EVP_PKEY_ED25519: return "ed25519"
        case EVP_PKEY_ED448: return "ed448"
        default: return OBJ_nid2sn(typeNID).map { String(cString: $0) + (hash.isEmpty ? "" : "+\(hash)") }
        }
    }

    /// The CA names the server listed in its CertificateRequest.
    func acceptableClientCANames() -> [String] {
        guard let names = SSL_get_client_CA_list(handle) else { return [] }
        let count = tlsprobe_sk_X509_NAME_num(names)
        return (0..<count).compactMap { tlsprobe_sk_X509_NAME_value(names, $0).map { X509Certificate.nameText($0) } }
    }

    var sentClientCertificate: Bool { SSL_get_certificate(handle) != nil }
}

extension TLSConnection {
    /// OpenSSL's name for a cipher suite code point ("ECDHE-RSA-AES128-GCM-SHA256").
    func cipherName(suite: UInt16) -> String {
        let bytes: [UInt8] = [UInt8(suite >> 8), UInt8(suite & 0xFF)]
        guard let cipher = SSL_CIPHER_find(handle, bytes) else { return cFormat("0x%04X", suite) }
        return String(cString: SSL_CIPHER_get_name(cipher))
    }

    /// Why a cipher suite is unacceptable to a modern client, or nil when it is fine.
    func weakness(ofCipherNamed name: String) -> String? {
        let upper = name.uppercased()
        if upper.contains("NULL") { return upper.hasPrefix("ADH") || upper.hasPrefix("AECDH") ? "anonymous (no authentication)" : "NULL (no encryption)" }
        if upper.hasPrefix("ADH") || upper.hasPrefix("AECDH") || upper.contains("ANON") { return "anonymous (no authentication)" }
        if upper.contains("EXP") { return "EXPORT-grade" }
        if upper.contains("RC4") { return "RC4" }
        if upper.contains("DES") && !upper.contains("3DES") && !upper.contains("DES-CBC3") { return "single DES" }
        return nil
    }
}
