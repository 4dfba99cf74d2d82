/// Codes that are often confused with another one, keyed by mbedTLS value. Three come from a
/// widely copied ESP32 tutorial that labels them wrongly; the others are everyday mix-ups.
enum CommonMixUps {
    static let byValue: [Int: [String]] = [
        -0x4F00: ["MBEDTLS_ERR_SSL_CONN_EOF -0x7280 (the server closed the connection). Some tutorials label -0x4F00 as a connection EOF; it is an elliptic-curve buffer error and says nothing about the connection."],
        -0x7100: ["MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY -0x7880 (the peer closed the session cleanly). Some tutorials label -0x7100 as close-notify; it is bad input data, in 3.6 typically a message larger than the input buffer."],
        -0x3F00: ["MBEDTLS_ERR_SSL_HANDSHAKE_FAILURE -0x6E00 (3.x: negotiation failed) and MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE -0x7780 (the server sent an alert). Some tutorials label -0x3F00 as a handshake failure; it is a key-type mismatch in the PK module."],
        -0x7280: ["MBEDTLS_ERR_ECP_BUFFER_TOO_SMALL -0x4F00, which some tutorials wrongly call a connection EOF.",
                  "MBEDTLS_ERR_NET_CONN_RESET -0x0050: a reset (RST) rather than a close (FIN)."],
        -0x7880: ["MBEDTLS_ERR_SSL_BAD_INPUT_DATA -0x7100, which some tutorials wrongly call close-notify."],
        -0x6E00: ["MBEDTLS_ERR_PK_TYPE_MISMATCH -0x3F00, which some tutorials wrongly call a handshake failure.",
                  "MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE -0x7780: there the SERVER refused; with -0x6E00 the device refused the server's choice.",
                  "In mbedTLS 2.x the same value was MBEDTLS_ERR_SSL_BAD_HS_NEW_SESSION_TICKET."],
        -0x7780: ["MBEDTLS_ERR_SSL_HANDSHAKE_FAILURE -0x6E00: the device itself rejected the server's choice; with -0x7780 the server rejected the device."],
        -0x2700: ["MBEDTLS_ERR_X509_FATAL_ERROR -0x3000: with ESP-IDF's certificate bundle a missing root shows up as -0x3000, not -0x2700."],
        -0x3000: ["MBEDTLS_ERR_X509_CERT_VERIFY_FAILED -0x2700: -0x3000 with flags 0xFFFFFFFF is the bundle's \"no matching root\", not a broken certificate."],
        -0x7200: ["MBEDTLS_ERR_SSL_CONN_EOF -0x7280: -0x7200 means bytes arrived that are not TLS, -0x7280 that nothing arrived."],
        -0x0050: ["MBEDTLS_ERR_SSL_CONN_EOF -0x7280: a close (FIN) rather than a reset (RST)."],
        -0x6900: ["A real failure. WANT_READ only means \"call again\"; a handshake that loops on it until timeout is ESP_ERR_ESP_TLS_CONNECTION_TIMEOUT 0x8006."],
    ]
}
