extension DiagnosisID {
    /// Every constant above, for tests and the catalogue's completeness check. The per-alert ids
    /// (`alert(named:)`) are not listed here: the catalogue derives them from `TLSAlert.registry`.
    public static let all: [String] = [
        dnsNoSuchName, dnsNoAddressForFamily, dnsResolverFailure, dnsTimeout,
        tcpRefused, tcpTimeout, tcpUnreachable, tcpError,
        proxyRefused, proxyAuthRequired, proxyDenied, proxyFailed,
        handshakeTimeout, handshakeReset, handshakeAbruptClose, handshakeSNIRequired, handshakeFailed,
        handshakeUnexpectedMessage,
        alertClientCertRequired, alertUnrecognizedName, alertUnknown,
        protoTLS10Only, protoTLS11Only, protoNoCommonVersion, protoBelowExpectedVersion, protoUnexpectedALPN,
        cipherNoShared, cipherWeak, cipher3DES, cipherNormalClientDiffers,
        keyWeakDH, keyWeakRSA, keyWeakEC, keyNoForwardSecrecy, keyNoSharedGroup,
        sigSHA1, sigMD5, sigHandshakeSHA1,
        notTLSPlainHTTP, notTLSBanner, notTLSGarbage,
        certExpired, certNotYetValid, certExpiresSoon, certSelfSigned, certUntrustedRoot,
        certHostnameMismatch, certCNOnly, certWrongPurpose, certTooLarge, certMalformed,
        certBadSignature, certVerifyError, certRevoked,
        chainMissingIntermediate, chainIntermediateExpired, chainWrongOrder, chainExtraCerts,
        chainRootIncluded, chainTooDeep,
        httpStatus5xx, httpStatus4xx, httpRedirect, httpRedirectDowngrade, httpUnexpectedStatus,
        httpNoHSTS, httpHSTSShort, httpTimeout, httpClosed, httpNotHTTP, httpHeadersTooLarge, httpReset,
        httpClientCertRequired, handshakeClientCertRequested,
        internalError,
    ] + ProtocolDiagnosisID.all + embeddedAll + boundsAll + wireAll + revocationAll + chainRulesAll
}
