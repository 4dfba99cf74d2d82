/// Where one fact in a profile comes from: a release's file (and tag), never our reasoning alone.
public struct ProfileSource: Sendable, Equatable {
    /// What the source says, in our words ("TLS 1.0 and 1.1 on by default").
    public let fact: String
    /// Repository file and tag, e.g. "espressif/esp-idf v4.4.8 components/mbedtls/Kconfig (MBEDTLS_SSL_PROTO_TLS1)".
    public let source: String

    public init(_ fact: String, _ source: String) {
        self.fact = fact
        self.source = source
    }
}

/// What an Mbed TLS release does once the ClientHello is out: the rules `MbedTLSDeviceModel`
/// follows to predict the device's return code and verify flags. One value per profile (data);
/// the model holds no version checks of its own.
public struct MbedTLSBehaviour: Sendable {
    /// The Mbed TLS release the ESP-IDF release ships, e.g. "2.28.8".
    public var version: String
    /// Which numbering the error codes follow.
    public var codes: MbedTLSCodeGeneration
    /// Whether a handshake message spread over several records is reassembled (Mbed TLS ≥ 3.6.3).
    /// Without it any fragmented handshake message fails with MBEDTLS_ERR_SSL_FEATURE_UNAVAILABLE.
    public var reassemblesHandshakeMessages: Bool
    /// Bytes the input buffer holds beyond CONFIG_MBEDTLS_SSL_IN_CONTENT_LEN (IV + MAC + padding
    /// room, MBEDTLS_SSL_PAYLOAD_OVERHEAD): a reassembled message may use them.
    public var inputBufferOverhead: Int
    /// Whether an IP address is matched against iPAddress subjectAltNames (Mbed TLS 3.x).
    public var matchesIPAddressSANs: Bool
    /// Smallest finite-field DH group accepted in a DHE key exchange; nil when DHE is gone (4.x).
    public var minDHBits: Int?
    /// What esp-tls stores and logs about the verify flags after a failed handshake.
    public var flagsAfterFailure: VerifyFlagsLogging
    /// The facts above, each with its source.
    public var sources: [ProfileSource]
}

/// The error-code numbering of an Mbed TLS major version (see reference/mbedtls-esp32.md §1.2).
public enum MbedTLSCodeGeneration: String, Sendable {
    /// 2.x: high-level + low-level codes added together; BAD_HS_* codes.
    case v2
    /// 3.x: combined codes; generic SSL codes (e.g. -0x7100 BAD_INPUT_DATA).
    case v3
    /// 4.x with TF-PSA-Crypto: no combined codes; several SSL codes are PSA codes (-0x0087, -0x008D, -0x008A).
    case v4
}

/// esp-tls after `mbedtls_ssl_handshake` failed, when a CA (or the bundle) was configured.
public enum VerifyFlagsLogging: String, Sendable {
    /// v4.4: always calls mbedtls_ssl_get_verify_result, logs "Failed to verify peer certificate!"
    /// and stores the flags (or logs "Certificate verified." when they are 0, even for an alert).
    case always
    /// v5.x/v6.x: only when mbedtls_ssl_get_peer_cert() returns a certificate, which it does not
    /// after a failed first handshake (ssl->session is still NULL): the stored flags stay 0.
    case onlyWithPeerCertificate
}

/// The chip the firmware runs on: what its bignum (RSA) accelerator can do.
public struct ESPChip: Sendable, Equatable {
    public let name: String
    /// SOC_RSA_MAX_BIT_LEN; nil for a chip without an RSA/MPI peripheral (software only).
    public let rsaHardwareMaxBits: Int?
    /// CONFIG_MBEDTLS_LARGE_KEY_SOFTWARE_MPI's default: larger operands go to software.
    public let softwareFallbackByDefault: Bool
    public let source: String

    /// RSA operations on keys above this size fail (MBEDTLS_ERR_MPI_NOT_ACCEPTABLE); nil = any size works.
    public var rsaLimitBits: Int? { softwareFallbackByDefault ? nil : rsaHardwareMaxBits }

    public static let all: [ESPChip] = {
        let kconfig = "components/mbedtls/Kconfig v5.5.4 MBEDTLS_LARGE_KEY_SOFTWARE_MPI: default y if SOC_RSA_MAX_BIT_LEN <= 3072"
        func chip(_ name: String, _ bits: Int?) -> ESPChip {
            let caps = "espressif/esp-idf v5.5.4 components/soc/\(name)/include/soc/soc_caps.h"
            return ESPChip(name: name, rsaHardwareMaxBits: bits, softwareFallbackByDefault: bits.map { $0 <= 3072 } ?? true,
                           source: bits.map { "\(caps) SOC_RSA_MAX_BIT_LEN = \($0); \(kconfig)" } ?? "\(caps): no SOC_MPI_SUPPORTED, software bignum only")
        }
        return [chip("esp32", 4096), chip("esp32s2", 4096), chip("esp32s3", 4096), chip("esp32p4", 4096),
                chip("esp32c3", 3072), chip("esp32c5", 3072), chip("esp32c6", 3072), chip("esp32h2", 3072),
                chip("esp32c2", nil)]
    }()

    public static let defaultChip = all[0]

    public static func named(_ name: String) -> ESPChip? {
        let wanted = String(name.lowercased().filter { $0 != "-" })
        return all.first { $0.name == wanted }
    }
}
