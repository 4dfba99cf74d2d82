import TLSProbeCore
internal import COpenSSL
internal import CTLSProbeShims

/// The `SSL_CTX` of one lab server (the core's `SSLContextHandle`, which frees it), configured
/// once from a `LabTLSServerConfig`; and the client-hello callback that records each hello and
/// applies the SNI policy. `@unchecked Sendable`: the context (and the ALPN answer buffer) is
/// configured in `init` and only read afterwards, and the log the callback writes to is itself
/// thread-safe.
final class LabTLSContext: @unchecked Sendable {
    let handle: SSLContextHandle
    let log: LabConnectionLog
    private let sni: LabSNIPolicy
    /// `LabTLSServerConfig.alpnAnswer`, length-prefixed as the select callback hands it out;
    /// owned here, so it lives as long as the context that points at it.
    fileprivate let alpnAnswer: UnsafeMutableBufferPointer<UInt8>?

    /// The SSL_CTX, borrowed for OpenSSL calls.
    var pointer: OpaquePointer { handle.pointer }

    init(_ config: LabTLSServerConfig, log: LabConnectionLog) throws {
        guard let leaf = config.chain.first else { throw LabError("a TLS server needs at least a leaf certificate") }
        guard let handle = SSLContextHandle(.server) else { throw LabError.openSSL("SSL_CTX_new") }
        self.handle = handle
        self.log = log
        self.sni = config.sni
        alpnAnswer = config.alpnAnswer.map { name in
            let bytes = Array(name.utf8.prefix(255))
            let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count + 1)
            _ = buffer.initialize(from: [UInt8(bytes.count)] + bytes)
            return buffer
        }
        if alpnAnswer != nil { SSL_CTX_set_alpn_select_cb(handle.pointer, alpnAnswerCallback, Unmanaged.passUnretained(self).toOpaque()) }
        try configureProtocol(config)
        try configureCertificates(config.chain, leaf: leaf, key: config.key ?? leaf.key)
        try configureClientAuth(config.clientAuth)
        // Unretained: the callback runs for an SSL of a LabTLSSession, which keeps this object alive.
        SSL_CTX_set_client_hello_cb(pointer, clientHelloCallback, Unmanaged.passUnretained(self).toOpaque())
    }

    // The SSL_CTX is freed by its handle, after this: no session (each keeps this object alive)
    // is left to call back into the buffer.
    deinit { alpnAnswer?.deallocate() }

    private func configureProtocol(_ config: LabTLSServerConfig) throws {
        if let version = config.minVersion, !handle.setMinVersion(version.rawValue) {
            throw LabError.openSSL("minimum version \(version)")
        }
        if let version = config.maxVersion, !handle.setMaxVersion(version.rawValue) {
            throw LabError.openSSL("maximum version \(version)")
        }
        if let list = config.cipherList, !handle.setCipherList(list) {
            throw LabError.openSSL("cipher list \"\(list)\"")
        }
        if let suites = config.cipherSuites, !handle.setCipherSuites(suites) {
            throw LabError.openSSL("TLS 1.3 cipher suites \"\(suites)\"")
        }
        // Security level 0 after the cipher string (which may carry its own @SECLEVEL): the lab
        // must be able to serve TLS 1.0, SHA-1 signatures, 512-bit RSA and 1024-bit DH.
        handle.setSecurityLevel(0)
        // SSL_OP_CIPHER_SERVER_PREFERENCE is SSL_OP_BIT(22), a macro Swift does not import.
        if config.serverPreference { _ = SSL_CTX_set_options(handle.pointer, UInt64(1) << 22) }
        if let groups = config.groups, !handle.setGroups(groups) {
            throw LabError.openSSL("groups \"\(groups)\"")
        }
        if let sigalgs = config.sigalgs, !handle.setSignatureAlgorithms(sigalgs) {
            throw LabError.openSSL("signature algorithms \"\(sigalgs)\"")
        }
        if let group = config.dhGroup {
            let parameters = try LabDHParameters.named(group)
            guard SSL_CTX_set0_tmp_dh_pkey(pointer, parameters) == 1 else {
                EVP_PKEY_free(parameters)
                throw LabError.openSSL("SSL_CTX_set0_tmp_dh_pkey(\(group))")
            }
        }
    }

    /// Installs the leaf and exactly the listed extra certificates, with automatic chain building
    /// off, so misordered, incomplete or bloated chains reach the client unchanged.
    private func configureCertificates(_ chain: [LabCertificate], leaf: LabCertificate, key: LabKey) throws {
        _ = tlsprobe_SSL_CTX_set_mode(pointer, Int(SSL_MODE_NO_AUTO_CHAIN))
        guard SSL_CTX_use_certificate(pointer, leaf.pointer) == 1 else {
            throw LabError.openSSL("SSL_CTX_use_certificate(\(leaf.subjectDescription))")
        }
        guard SSL_CTX_use_PrivateKey(pointer, key.pointer) == 1, SSL_CTX_check_private_key(pointer) == 1 else {
            throw LabError.openSSL("the key does not fit \(leaf.subjectDescription)")
        }
        for certificate in chain.dropFirst() where tlsprobe_SSL_CTX_add1_chain_cert(pointer, certificate.pointer) != 1 {
            throw LabError.openSSL("SSL_CTX_add1_chain_cert(\(certificate.subjectDescription))")
        }
    }

    private func configureClientAuth(_ clientAuth: LabClientAuth) throws {
        switch clientAuth {
        case .none:
            break
        case .request:
            // Accept whatever the client sends: the point is only that it was asked.
            SSL_CTX_set_verify(pointer, SSL_VERIFY_PEER, { _, _ in 1 })
        case .require(let authorities):
            let store = SSL_CTX_get_cert_store(pointer)
            for authority in authorities {
                guard X509_STORE_add_cert(store, authority.pointer) == 1,
                      SSL_CTX_add_client_CA(pointer, authority.pointer) == 1
                else { throw LabError.openSSL("client CA \(authority.subjectDescription)") }
            }
            SSL_CTX_set_verify(pointer, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nil)
        }
    }

    /// The alert to refuse this ClientHello with, or nil to go on.
    fileprivate func sniRejection(_ hello: LabClientHello) -> Int32? {
        switch sni {
        case .ignore:
            return nil
        case .requireSNI(let alert):
            return hello.serverName == nil ? Int32(alert) : nil
        case .knownNames(let names):
            guard let name = hello.serverName?.lowercased() else { return nil }
            return names.contains { $0.lowercased() == name } ? nil : Int32(SSL_AD_UNRECOGNIZED_NAME)
        }
    }
}

/// Selects `alpnAnswer` whatever the client offered.
private func alpnAnswerCallback(
    ssl: OpaquePointer?, out: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, outLength: UnsafeMutablePointer<UInt8>?,
    offered: UnsafePointer<UInt8>?, offeredLength: UInt32, argument: UnsafeMutableRawPointer?
) -> Int32 {
    guard let argument, let answer = Unmanaged<LabTLSContext>.fromOpaque(argument).takeUnretainedValue().alpnAnswer, let base = answer.baseAddress else {
        return SSL_TLSEXT_ERR_NOACK
    }
    out?.pointee = UnsafePointer(base + 1)
    outLength?.pointee = base.pointee
    return SSL_TLSEXT_ERR_OK
}

/// Records the ClientHello and applies the SNI policy. Returning failure with `*alert` set makes
/// OpenSSL send that fatal alert.
private func clientHelloCallback(
    ssl: OpaquePointer?, alert: UnsafeMutablePointer<Int32>?, argument: UnsafeMutableRawPointer?
) -> Int32 {
    guard let ssl, let argument else { return SSL_CLIENT_HELLO_ERROR }
    let context = Unmanaged<LabTLSContext>.fromOpaque(argument).takeUnretainedValue()
    let hello = LabClientHelloReader.read(ssl)
    if let session = LabTLSSession.from(ssl) {
        context.log.update(session.recordIndex) { $0.clientHello = hello }
    }
    if let rejection = context.sniRejection(hello) {
        alert?.pointee = rejection
        return SSL_CLIENT_HELLO_ERROR
    }
    return SSL_CLIENT_HELLO_SUCCESS
}
