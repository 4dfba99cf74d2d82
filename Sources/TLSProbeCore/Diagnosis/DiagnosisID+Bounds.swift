/// What a server that bends the size and count rules of TLS and HTTP gets: messages larger than
/// their kind allows, floods of post-handshake messages, interim HTTP responses without end.
extension DiagnosisID {
    /// A ServerHello whose handshake header claims more bytes than a ServerHello can hold: {bytes} {limit}
    public static let handshakeMalformedServerHello = "handshake.malformed_server_hello"
    /// Any other handshake message (not Certificate) too large to accept: {message} {bytes} {limit}
    public static let handshakeMessageTooLarge = "handshake.message_too_large"
    /// After the handshake the server sent more TLS handshake messages than any real server does:
    /// {count} {messages} ("HelloRequest × 300") {limit}
    public static let handshakePostHandshakeFlood = "handshake.post_handshake_flood"
    /// Only interim (1xx) HTTP responses, never a final one: {count} {interim} {ending}
    public static let httpInterimOnly = "http.interim_only"
    /// 101 Switching Protocols to a request that asked for no upgrade: {status_line}
    public static let httpUnrequestedSwitch = "http.unrequested_switch"

    static let boundsAll: [String] = [
        handshakeMalformedServerHello, handshakeMessageTooLarge, handshakePostHandshakeFlood,
        httpInterimOnly, httpUnrequestedSwitch,
    ]
}
