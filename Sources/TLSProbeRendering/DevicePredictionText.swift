import TLSProbeCore

extension TextRenderer {
    /// The `--client` device's own result, as the firmware developer will see it on the serial
    /// console: outcome and code, why, the flags and where to read them, the log lines.
    public func deviceBlock(_ device: DevicePrediction) -> String {
        let chip = device.chip == "-" ? "" : " on \(device.chip)"
        let head = "device   \(device.client)\(chip), Mbed TLS \(device.mbedTLSVersion): "
        let result: String = switch device.outcome {
        case .connected: style.paint("connects", .green)
        case .failed:
            style.paint("fails", .red) + ", mbedtls_ssl_handshake returned \(device.returnCode ?? "(code not modelled)")"
                + (device.alternativeCodes.isEmpty ? "" : " (or \(device.alternativeCodes.joined(separator: ", ")))")
                + (device.verifyFlags == "0x00000000" ? "" : ", verify flags \(device.verifyFlags)")
        case .tcpFailed: style.paint("fails", .red) + " to connect (TCP)"
        case .timeout: style.paint("times out", .red)
        }
        var lines = [head + result, "  why      " + device.reason]
        if let hint = device.flagsHint { lines.append("  flags    logged as \(device.loggedFlags): " + hint) }
        if verbose || device.outcome != .connected {
            lines += device.logLines.map { "  log      " + style.paint($0, .dim) }
        }
        return lines.joined(separator: "\n")
    }
}
