internal import COpenSSL
internal import CTLSProbeShims

extension TLSConnection {
    /// For a finite-field DHE key exchange: the prime's size and whether it is a safe prime
    /// ((p−1)/2 also prime, so the group has no small subgroups; CVE-2016-0701). Nil for ECDHE,
    /// RSA key transport or TLS 1.3 (whose ffdhe groups are safe by definition).
    func serverDHPrimeSafety() -> (bits: Int, safe: Bool)? {
        var key: OpaquePointer?
        guard tlsprobe_SSL_get_peer_tmp_key(handle, &key) == 1, let key else { return nil }
        defer { EVP_PKEY_free(key) }
        guard EVP_PKEY_get_base_id(key) == EVP_PKEY_DH else { return nil }
        var prime: OpaquePointer?
        guard EVP_PKEY_get_bn_param(key, "p", &prime) == 1, let prime else { return nil }
        defer { BN_free(prime) }
        guard let half = BN_dup(prime), let context = BN_CTX_new() else { return nil }
        defer {
            BN_free(half)
            BN_CTX_free(context)
        }
        guard BN_sub_word(half, 1) == 1, BN_rshift1(half, half) == 1 else { return nil }
        let bits = Int(BN_num_bits(prime))
        // BN_check_prime: Miller-Rabin with the rounds OpenSSL deems enough for 128-bit security.
        return (bits, BN_check_prime(half, context, nil) == 1)
    }
}
