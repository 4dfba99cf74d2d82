internal import COpenSSL

/// One SSL_SESSION taken from a finished handshake, to offer for resumption on the next
/// connection (the capability scan's resumption checks). `deinit` frees it.
final class TLSSessionHandle {
    fileprivate let session: OpaquePointer

    fileprivate init(_ session: OpaquePointer) { self.session = session }

    deinit { SSL_SESSION_free(session) }

    /// Whether OpenSSL would offer this session again (it has a session id or a ticket).
    var isResumable: Bool { SSL_SESSION_is_resumable(session) == 1 }
    /// Whether the server sent a ticket (TLS ≤ 1.2 session_ticket or a TLS 1.3 NewSessionTicket).
    var hasTicket: Bool { SSL_SESSION_has_ticket(session) == 1 }
}

extension TLSConnection {
    /// The session as it stands (after the handshake; for TLS 1.3, after NewSessionTicket).
    func currentSession() -> TLSSessionHandle? {
        SSL_get1_session(handle).map(TLSSessionHandle.init)
    }

    /// Offers `session` for resumption in this connection's ClientHello (before the handshake).
    func offerResumption(of session: TLSSessionHandle) {
        _ = SSL_set_session(handle, session.session)
    }

    /// Asks for session-id resumption only: no session_ticket extension (SSL_OP_NO_TICKET, a
    /// macro Swift cannot import: SSL_OP_BIT(14)).
    func refuseTickets() {
        _ = SSL_set_options(handle, UInt64(1) << 14)
    }
}
