// Rows for servers that break size and count rules of TLS and HTTP.
extension DiagnosisCatalog {
    /// What a server that bends the size and count rules of TLS and HTTP gets: messages larger than
    /// their kind allows, floods of post-handshake messages, interim HTTP responses without end.
    public struct BoundsRows: DiagnosisRowSet {
        static let shared = BoundsRows()

        /// A ServerHello whose handshake header claims more bytes than a ServerHello can hold: {bytes} {limit}
        public let handshakeMalformedServerHello = DiagnosisEntry(
            id: "handshake.malformed_server_hello", severity: .error, stage: .serverHello, exitStatus: .handshakeAlert,
            title: "Malformed ServerHello (impossible length)",
            summaryTemplate: "The server's ServerHello claims {bytes} bytes; a ServerHello is a few hundred bytes and OpenSSL accepts at most {limit}.",
            facts: ["bytes", "limit"],
            explanation: "The 3-byte length in the ServerHello's handshake header is far beyond what the message can contain (version, random, session id, one cipher suite, extensions). The server, or something rewriting its bytes on the path, is broken: no client can parse this answer.",
            fixServer: "Check the TLS stack and any middlebox in front of it (a TLS-terminating load balancer, an IPS that rewrites records); capture the first server record to see the length field.",
            fixClient: "Nothing on the client can fix it; try another network to rule out a middlebox.",
            openssl: "SSL_R_EXCESSIVE_MESSAGE_SIZE \"excessive message size\" (152), alert illegal_parameter (47) sent",
            alert: "client sends illegal_parameter (47)",
            curl: "35 (CURLE_SSL_CONNECT_ERROR)",
            mbedtls: ["MBEDTLS_ERR_SSL_BAD_HS_SERVER_HELLO -0x7980 (3.x: MBEDTLS_ERR_SSL_DECODE_ERROR -0x7300)"],
            docs: "RFC 8446 §4.1.3, RFC 5246 §7.4.1.3"
        )

        /// Any other handshake message (not Certificate) too large to accept: {message} {bytes} {limit}
        public let handshakeMessageTooLarge = DiagnosisEntry(
            id: "handshake.message_too_large", severity: .error, stage: .serverHello, exitStatus: .handshakeAlert,
            title: "Handshake message too large",
            summaryTemplate: "The server's {message} claims {bytes} bytes, more than a client accepts for that message ({limit}).",
            facts: ["message", "bytes", "limit"],
            explanation: "A handshake message's length field is larger than its kind can plausibly be. Clients cap each message to bound memory; this one was refused before it was read.",
            fixServer: "Check the TLS stack and any middlebox in front of it.",
            openssl: "SSL_R_EXCESSIVE_MESSAGE_SIZE \"excessive message size\" (152)",
            curl: "35 (CURLE_SSL_CONNECT_ERROR)",
            docs: "RFC 8446 §4"
        )

        /// After the handshake the server sent more TLS handshake messages than any real server does:
        /// {count} {messages} ("HelloRequest × 300") {limit}
        public let handshakePostHandshakeFlood = DiagnosisEntry(
            id: "handshake.post_handshake_flood", severity: .error, stage: .http, exitStatus: .httpFailed,
            title: "Flood of post-handshake messages",
            summaryTemplate: "After the handshake the server sent {count} handshake messages ({messages}) and no response; tlsprobe stops reading after {limit}.",
            facts: ["count", "messages", "limit"],
            explanation: "A server sends one or two session tickets after a handshake, perhaps a KeyUpdate or a HelloRequest. Hundreds of them are a broken or hostile server: each costs the client CPU and, in clients that keep them, memory. Small clients (Mbed TLS, ESP-IDF) stall or run out of heap.",
            fixServer: "Check the TLS stack's renegotiation, session-ticket and key-update settings; a loop in the application may be calling SSL_renegotiate / SSL_key_update.",
            fixClient: "Nothing: a client should stop reading, as tlsprobe does.",
            curl: "28 (CURLE_OPERATION_TIMEDOUT) when the flood outlasts the timeout",
            mbedtls: ["MBEDTLS_ERR_SSL_TIMEOUT -0x6800 or MBEDTLS_ERR_SSL_ALLOC_FAILED -0x7F00 on a small heap"],
            docs: "RFC 8446 §4.6, RFC 5246 §7.4.1.1"
        )

        /// Only interim (1xx) HTTP responses, never a final one: {count} {interim} {ending}
        public let httpInterimOnly = DiagnosisEntry(
            id: "http.interim_only", severity: .error, stage: .http, exitStatus: .httpFailed,
            title: "Only interim HTTP responses",
            summaryTemplate: "The server sent only {interim} and no final response: {ending}.",
            facts: ["interim", "ending"],
            explanation: "1xx responses (100 Continue, 102 Processing, 103 Early Hints) are interim: a final response (2xx–5xx) must follow. This server never sent one, so the request was never answered. A client that takes a 1xx as the answer reports success for a request that was not served.",
            fixServer: "Check the application or proxy: it sends an interim response and then stalls, fails or loops.",
            fixClient: "Nothing; raise --timeout if the final response is just slow.",
            curl: "28 (CURLE_OPERATION_TIMEDOUT) or 52 (CURLE_GOT_NOTHING)",
            mbedtls: ["esp_http_client: ESP_ERR_HTTP_FETCH_HEADER 0x7008 or a read timeout"],
            docs: "RFC 9110 §15.2"
        )

        /// A response head that does not end where every common client gives up: {bytes} {limit}
        public let httpHeadUnfinished = DiagnosisEntry(
            id: "http.head_unfinished", severity: .error, stage: .http, exitStatus: .httpFailed,
            title: "Response head without end",
            summaryTemplate: "The server sent {bytes} bytes of response head without ending it; tlsprobe stopped reading at {limit}, where curl gives up too.",
            facts: ["bytes", "limit"],
            explanation: "An HTTP response head ends with an empty line; only then does a client know the status and headers are complete. This one went past the size clients stop at (curl: 300 KB in all; Chrome: 256 KB; Python's http.client: one line over 64 KB or more than 100 headers), so no client gets the response, whatever status line came first.",
            fixServer: "Find what keeps adding header lines (a proxy or application loop repeating Set-Cookie or another header) or a header line that never ends.",
            fixClient: "Nothing: the response never ends.",
            curl: "56 (CURLE_RECV_ERROR) \"Too large response headers\"",
            docs: "RFC 9112 §2.1, RFC 9110 §5"
        )

        /// 101 Switching Protocols to a request that asked for no upgrade: {status_line}
        public let httpUnrequestedSwitch = DiagnosisEntry(
            id: "http.unrequested_switch", severity: .error, stage: .http, exitStatus: .httpFailed,
            title: "Switching Protocols without an Upgrade request",
            summaryTemplate: "The server answered \"{status_line}\" to a request that asked for no protocol upgrade.",
            facts: ["status_line"],
            explanation: "101 Switching Protocols is only an answer to a request with an Upgrade header (RFC 9110 §15.2.2). A plain GET got it: the server (or a proxy) is confused about which protocol this connection speaks.",
            fixServer: "Send 101 only when the request carries Upgrade; check WebSocket or h2c handling in the proxy.",
            curl: "1 (CURLE_UNSUPPORTED_PROTOCOL) or 8 (CURLE_WEIRD_SERVER_REPLY)",
            docs: "RFC 9110 §15.2.2, §7.8"
        )
    }
}