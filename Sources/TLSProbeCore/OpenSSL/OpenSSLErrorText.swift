internal import COpenSSL

/// Asks the linked OpenSSL for its own wording, so `explain` prints exactly what OpenSSL tools print.
enum OpenSSLErrorText {
    struct PackedError: Equatable {
        let library: Int
        let reason: Int
        let libraryText: String?
        let reasonText: String?
        /// True when the code carries ERR_SYSTEM_FLAG: then the reason is an errno value.
        let isSystemError: Bool
    }

    /// Decodes a packed error code such as 0x0A000086 ("error:0A000086:SSL routines::certificate verify failed").
    static func decode(_ code: UInt32) -> PackedError {
        loadStrings()
        let packed = UInt(code)
        // ERR_SYSTEM_FLAG is `(unsigned int)INT_MAX + 1`, a cast macro Swift cannot import.
        let isSystem = (packed & 0x8000_0000) != 0
        return PackedError(
            library: Int(ERR_GET_LIB(packed)),
            reason: Int(ERR_GET_REASON(packed)),
            libraryText: ERR_lib_error_string(packed).map { String(cString: $0) },
            reasonText: ERR_reason_error_string(packed).map { String(cString: $0) },
            isSystemError: isSystem)
    }

    /// The text `openssl verify` prints for a verify code, or nil for an unknown code
    /// (OpenSSL answers those with a generic "error number N" that says nothing).
    static func verifyText(_ code: Int) -> String? {
        guard let small = Int32(exactly: code), OpenSSLVerifyCodes.names[code] != nil || code == 0 else { return nil }
        return String(cString: X509_verify_cert_error_string(Int(small)))
    }

    /// OpenSSL 3 loads error strings on first use of libssl; doing it explicitly keeps `explain`
    /// independent of whether a connection was made before.
    private static func loadStrings() {
        _ = OPENSSL_init_ssl(UInt64(OPENSSL_INIT_LOAD_SSL_STRINGS) | UInt64(OPENSSL_INIT_LOAD_CRYPTO_STRINGS), nil)
    }
}
