internal import COpenSSL

enum LabDHParameters {
    /// DH domain parameters for a named group OpenSSL 3 knows ("ffdhe2048", "modp_2048", and the
    /// RFC 5114 "dh_1024_160"), as an EVP_PKEY the caller owns.
    static func named(_ group: String) throws -> OpaquePointer {
        guard let context = EVP_PKEY_CTX_new_from_name(nil, "DH", nil) else {
            throw LabError.openSSL("EVP_PKEY_CTX_new_from_name(DH)")
        }
        defer { EVP_PKEY_CTX_free(context) }
        var parameters: OpaquePointer?
        guard EVP_PKEY_paramgen_init(context) == 1,
              EVP_PKEY_CTX_set_group_name(context, group) == 1,
              EVP_PKEY_paramgen(context, &parameters) == 1,
              let parameters
        else { throw LabError.openSSL("DH group \(group)") }
        return parameters
    }
}
