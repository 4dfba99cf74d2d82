/// Diagnoses read with the raw ClientHello component (Wire/): what a server does with offers
/// OpenSSL would not make, and flags on handshakes that work.
extension DiagnosisID {
    /// warning: the server rejects our ClientHello but accepts a plain one; the probe continued
    /// over the plain offer. {feature} (what it rejects) {evidence} {clients} (who else sends it) {retry}
    public static let handshakeIntolerance = "handshake.intolerance"
    /// warning: a CBC-mode suite was negotiated. {cipher} {aead_choice} (what the server picks
    /// when offered only AEAD suites)
    public static let cipherCBC = "cipher.cbc"
    /// warning: the DHE prime p is not a safe prime ((p−1)/2 not prime). {bits}
    public static let keyDHSmallSubgroup = "key.dh_small_subgroup"
    /// The server signs with no signature algorithm we offered. {server_sigalgs} {offered}
    public static let sigNoShared = "sig.no_shared"

    static let wireAll: [String] = [handshakeIntolerance, cipherCBC, keyDHSmallSubgroup, sigNoShared]
}
