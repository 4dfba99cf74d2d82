/// The lines an ESP-IDF device prints for a predicted outcome, as the sources print them
/// (timestamps left out). esp-tls: components/esp-tls/esp_tls_mbedtls.c and esp_tls.c;
/// tcp_transport: components/tcp_transport/transport_ssl.c; esp_http_client:
/// components/esp_http_client/esp_http_client.c (esp_http_client_perform); esp-mqtt: the
/// MQTT_EVENT_ERROR handler of ESP-IDF's MQTT examples (examples/protocols/mqtt/*), which prints
/// the esp-tls error handle. ESP-IDF v4.4.8 and v5.5.4 / v6.0.2.
struct DeviceLogLines {
    let behaviour: MbedTLSBehaviour
    var framework: DeviceFramework = .espTLS

    private var transportTag: String { behaviour.codes == .v2 ? "TRANSPORT_BASE" : "transport_base" }

    func lines(_ prediction: DevicePrediction, alert: UInt8?, refused: Bool = false) -> [String] {
        if framework == .arduino { return arduinoLines(prediction, refused: refused) }
        switch prediction.outcome {
        case .connected:
            return []
        case .tcpFailed:
            return [
                refused ? "E esp-tls: [sock=54] delayed connect error: Connection refused" : "E esp-tls: [sock=54] select() timeout",
                "E esp-tls: Failed to open new connection",
                "E \(transportTag): Failed to open a new connection",
                "E HTTP_CLIENT: Connection failed, sock < 0",
                "I MQTT_EXAMPLE: Last error code reported from esp-tls: 0x\(refused ? "8004" : "8006")",
            ]
        case .timeout:
            return [
                "W esp-tls: Failed to open new connection in specified timeout",
                "E \(transportTag): Failed to open a new connection",
                "E HTTP_CLIENT: Connection failed, sock < 0",
                "I MQTT_EXAMPLE: Last error code reported from esp-tls: 0x8006",
            ]
        case .failed:
            var lines: [String] = []
            let code = prediction.returnCode ?? "-0x????"
            lines.append("E esp-tls-mbedtls: mbedtls_ssl_handshake returned \(code)")
            if behaviour.flagsAfterFailure == .always {
                lines.append(prediction.loggedFlags == "0x00000000" ? "I esp-tls-mbedtls: Certificate verified." : "I esp-tls-mbedtls: Failed to verify peer certificate!")
            }
            lines += [
                "E esp-tls: Failed to open new connection",
                "E \(transportTag): Failed to open a new connection",
                "E HTTP_CLIENT: Connection failed, sock < 0",
                "I MQTT_EXAMPLE: Last error code reported from esp-tls: 0x801a",
                "I MQTT_EXAMPLE: Last tls stack error number: 0x\(code.hasPrefix("-0x") ? String(code.dropFirst(3)).lowercased() : code)",
            ]
            if let alert, prediction.returnCode == "-0x7780" {
                lines.append("(with CONFIG_MBEDTLS_DEBUG: \"is a fatal alert message (msg \(alert))\")")
            }
            return lines
        }
    }

    /// ssl_client.cpp: handle_error logs the decimal code and mbedtls_strerror's text; the
    /// sketch sees connect() return 0 and lastError() the same code.
    private func arduinoLines(_ prediction: DevicePrediction, refused: Bool) -> [String] {
        switch prediction.outcome {
        case .connected: return []
        case .tcpFailed: return [refused ? "[E][ssl_client.cpp:LINE] start_ssl_client(): socket error on fd 48, errno: 111, \"Connection refused\"" : "[I][ssl_client.cpp:LINE] start_ssl_client(): select returned due to timeout 30000 ms for fd 48", "connect() returns 0"]
        case .timeout: return ["handshake gives up after setHandshakeTimeout (120 s by default)", "connect() returns 0"]
        case .failed:
            guard let code = prediction.returnCode, let value = Int(code.dropFirst(3), radix: 16) else { return ["connect() returns 0"] }
            return ["[E][ssl_client.cpp:LINE] _handle_error(): [ssl_starttls_handshake():LINE]: (-\(value)) <mbedtls_strerror text for \(code)>",
                    "connect() returns 0; lastError(buf, size) returns -\(value)"]
        }
    }
}
