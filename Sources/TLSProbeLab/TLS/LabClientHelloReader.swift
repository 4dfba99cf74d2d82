internal import COpenSSL
internal import CTLSProbeShims
import TLSProbeCore

/// Reads the ClientHello inside OpenSSL's client-hello callback, where the raw extensions are
/// still available (`SSL_client_hello_get0_*`), before the server has chosen anything.
enum LabClientHelloReader {
    private static let serverNameExtension: UInt32 = 0
    private static let groupsExtension: UInt32 = 10
    private static let alpnExtension: UInt32 = 16
    private static let supportedVersionsExtension: UInt32 = 43

    static func read(_ ssl: OpaquePointer) -> LabClientHello {
        var cipherBytes: UnsafePointer<UInt8>?
        let cipherLength = SSL_client_hello_get0_ciphers(ssl, &cipherBytes)
        let versions = extensionData(ssl, supportedVersionsExtension).map { uint16List($0.dropFirst(1)) }
        return LabClientHello(
            serverName: extensionData(ssl, serverNameExtension).flatMap(hostName),
            alpn: extensionData(ssl, alpnExtension).map(protocolNames) ?? [],
            offeredVersions: versions ?? [UInt16(truncatingIfNeeded: SSL_client_hello_get0_legacy_version(ssl))],
            // The same count as the probe's client_hello line: signalling values are not suites.
            cipherSuiteCount: cipherBytes.map { CipherSuiteValues.count(in: UnsafeBufferPointer(start: $0, count: cipherLength)) } ?? 0,
            groups: extensionData(ssl, groupsExtension).map { uint16List($0.dropFirst(2)) } ?? [],
            extensionTypes: extensionTypes(ssl))
    }

    private static func extensionData(_ ssl: OpaquePointer, _ type: UInt32) -> [UInt8]? {
        var data: UnsafePointer<UInt8>?
        var length = 0
        guard SSL_client_hello_get0_ext(ssl, type, &data, &length) == 1, let data else { return nil }
        return Array(UnsafeBufferPointer(start: data, count: length))
    }

    private static func extensionTypes(_ ssl: OpaquePointer) -> [Int] {
        var types: UnsafeMutablePointer<Int32>?
        var count = 0
        guard SSL_client_hello_get1_extensions_present(ssl, &types, &count) == 1, let types else { return [] }
        defer { tlsprobe_OPENSSL_free(types) }
        return UnsafeBufferPointer(start: types, count: count).map(Int.init)
    }

    private static func uint16List(_ bytes: ArraySlice<UInt8>) -> [UInt16] {
        let bytes = Array(bytes)
        return stride(from: 0, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
    }

    /// server_name: list length (2), then entries of type (1), length (2), name. Type 0 = host_name.
    private static func hostName(_ bytes: [UInt8]) -> String? {
        var offset = 2
        while offset + 3 <= bytes.count {
            let type = bytes[offset]
            let length = Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2])
            let end = offset + 3 + length
            guard end <= bytes.count else { return nil }
            if type == 0 { return String(decoding: bytes[(offset + 3)..<end], as: UTF8.self) }
            offset = end
        }
        return nil
    }

    /// ALPN: list length (2), then length-prefixed (1) protocol names.
    private static func protocolNames(_ bytes: [UInt8]) -> [String] {
        var names: [String] = []
        var offset = 2
        while offset < bytes.count {
            let end = offset + 1 + Int(bytes[offset])
            guard end <= bytes.count else { break }
            names.append(String(decoding: bytes[(offset + 1)..<end], as: UTF8.self))
            offset = end
        }
        return names
    }
}
