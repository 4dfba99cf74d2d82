internal import COpenSSL
internal import CTLSProbeShims

/// One `SSL_CTX`, freed in `deinit`. The probe's `TLSClientContext` and the lab's servers
/// (`LabTLSContext`) each configure one: the object is this class whichever side uses it.
///
/// `@unchecked Sendable`: a context is configured before it is shared and only read afterwards;
/// OpenSSL allows creating `SSL` objects from one `SSL_CTX` on several threads.
package final class SSLContextHandle: @unchecked Sendable {
    package enum Side { case client, server }

    package let pointer: OpaquePointer

    /// nil when OpenSSL cannot make one (its reason stays on the error queue).
    package init?(_ side: Side) {
        guard let context = SSL_CTX_new(side == .client ? TLS_client_method() : TLS_server_method()) else { return nil }
        pointer = context
    }

    deinit { SSL_CTX_free(pointer) }

    // The setters both sides use, in OpenSSL's terms; each returns OpenSSL's verdict and leaves
    // the wording of a refusal to the caller.

    /// The lowest and highest TLS version, as wire values (0x0303 is TLS 1.2).
    package func setMinVersion(_ version: Int32) -> Bool { tlsprobe_SSL_CTX_set_min_proto_version(pointer, version) == 1 }
    package func setMaxVersion(_ version: Int32) -> Bool { tlsprobe_SSL_CTX_set_max_proto_version(pointer, version) == 1 }

    /// TLS ≤ 1.2 suites (an OpenSSL cipher string).
    package func setCipherList(_ list: String) -> Bool { SSL_CTX_set_cipher_list(pointer, list) == 1 }
    /// TLS 1.3 suites.
    package func setCipherSuites(_ suites: String) -> Bool { SSL_CTX_set_ciphersuites(pointer, suites) == 1 }
    package func setGroups(_ groups: String) -> Bool { tlsprobe_SSL_CTX_set1_groups_list(pointer, groups) == 1 }
    package func setSignatureAlgorithms(_ list: String) -> Bool { tlsprobe_SSL_CTX_set1_sigalgs_list(pointer, list) == 1 }
    package func setSecurityLevel(_ level: Int32) { SSL_CTX_set_security_level(pointer, level) }
}

/// One `SSL` (a connection), freed in `deinit` with the BIOs it was given. It keeps its
/// context alive: OpenSSL requires the `SSL_CTX` to outlive every `SSL` made from it.
package final class SSLHandle {
    package let pointer: OpaquePointer
    package let context: SSLContextHandle

    /// nil when OpenSSL cannot make one (its reason stays on the error queue).
    package init?(_ context: SSLContextHandle) {
        guard let ssl = SSL_new(context.pointer) else { return nil }
        pointer = ssl
        self.context = context
    }

    deinit { SSL_free(pointer) }
}
