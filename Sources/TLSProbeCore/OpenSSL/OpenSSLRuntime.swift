#if canImport(Glibc)
import Glibc
#endif
internal import COpenSSL
internal import CTLSProbeShims

/// Process-wide setup done once, before the first socket is written to.
enum OpenSSLRuntime {
    /// The ex_data slot where each SSL* keeps an unretained pointer to its Swift `HandshakeRecorder`.
    static let recorderIndex: Int32 = {
        // A peer that resets while we write must be a diagnosis, not a signal that kills us.
        ProcessSignals.ignoreSIGPIPE()
        return tlsprobe_SSL_get_ex_new_index()
    }()

    static func prepare() { _ = recorderIndex }
}
