import ArgumentParser
import Foundation
import TLSProbeCore
import TLSProbeRendering

struct ClientOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Probe as this client: \(ClientProfiles.all.map(\.name).joined(separator: ", ")); 'list' describes them.", valueName: "profile"),
            completion: .list(ClientProfiles.all.map(\.name) + ["list"]))
    var client: String = ClientProfiles.defaultProfile.name

    @Option(name: .customLong("client-buffer"), help: ArgumentHelp("The device's input buffer in bytes (CONFIG_MBEDTLS_SSL_IN_CONTENT_LEN), instead of the profile's.", valueName: "bytes"))
    var clientBuffer: Int?

    @Option(name: .customLong("client-trust"), help: ArgumentHelp("How the device trusts the server: bundle (its built-in roots) or cacert (the --cacert file embedded). Default: cacert when --cacert/--capath is given, else bundle.", valueName: "bundle|cacert"))
    var clientTrust: ClientTrust?

    @Option(help: ArgumentHelp("The ESP chip an ESP-IDF profile runs on, for its hardware limits: \(ESPChip.all.map(\.name).joined(separator: ", ")).", valueName: "chip"),
            completion: .list(ESPChip.all.map(\.name)))
    var chip: String = ESPChip.defaultChip.name

    var listRequested: Bool { client.lowercased() == "list" }

    func profile() throws -> ClientProfile {
        guard let profile = ClientProfiles.named(client) else {
            throw ValidationError("unknown --client '\(client)'; expected one of \(ClientProfiles.all.map(\.name).joined(separator: ", ")) or list")
        }
        return profile
    }

    func validate() throws {
        if !listRequested { _ = try profile() }
        guard ESPChip.named(chip) != nil else {
            throw ValidationError("unknown --chip '\(chip)'; expected one of \(ESPChip.all.map(\.name).joined(separator: ", "))")
        }
        if let bytes = clientBuffer, !(512...16384).contains(bytes) {
            throw ValidationError("--client-buffer must be between 512 and 16384 bytes (the range mbedTLS allows)")
        }
    }

    func apply(to options: inout ProbeOptions) throws {
        options.clientProfile = try profile()
        options.clientBufferBytes = clientBuffer
        options.clientTrust = clientTrust
        options.chip = ESPChip.named(chip) ?? .defaultChip
    }
}

struct SaveOptions: ParsableArguments {
    @Option(name: .customLong("save-chain"), help: ArgumentHelp("Write the chain as the server sent it (format from the extension: .pem, .der, .h).", valueName: "file"), completion: .file())
    var saveChain: String?

    @Option(name: .customLong("save-root"), help: ArgumentHelp("Write the trust anchor the verified chain ends in, ready to embed in firmware.", valueName: "file"), completion: .file())
    var saveRoot: String?

    @Option(name: .customLong("save-format"), help: ArgumentHelp("File format for --save-chain/--save-root, instead of the extension.", valueName: "pem|der|h"))
    var saveFormat: CertificateFileFormat?

    @Option(name: .customLong("valid-until"), help: ArgumentHelp("Warn when the saved root expires before this date.", valueName: "YYYY-MM-DD"))
    var validUntil: String?

    var isRequested: Bool { saveChain != nil || saveRoot != nil }

    func validate() throws {
        for path in [saveChain, saveRoot].compactMap({ $0 }) where saveFormat == nil && CertificateFileFormat.guess(fromPath: path) == nil {
            throw ValidationError("cannot tell the format of '\(path)' from its extension; use .pem, .der or .h, or --save-format")
        }
        if let text = validUntil, Self.date(text) == nil { throw ValidationError("--valid-until takes a date like 2030-01-31; got '\(text)'") }
    }

    func format(for path: String) -> CertificateFileFormat { saveFormat ?? CertificateFileFormat.guess(fromPath: path) ?? .pem }

    static func date(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text)
    }
}

extension ClientTrust: ExpressibleByArgument {}
extension CertificateFileFormat: ExpressibleByArgument {}
