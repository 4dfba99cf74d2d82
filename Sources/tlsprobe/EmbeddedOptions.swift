import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import TLSProbeCore
import TLSProbeRendering

struct ClientOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Probe as this client: \(ClientProfiles.all.map(\.name).joined(separator: ", ")); 'list' describes them.", valueName: "profile"),
            completion: .list(ClientProfiles.all.map(\.name) + ["list"]))
    var client: String = ClientProfiles.defaultProfile.name

    @Option(name: .customLong("client-buffer"), parsing: .unconditional, help: ArgumentHelp("The device's input buffer in bytes (CONFIG_MBEDTLS_SSL_IN_CONTENT_LEN), instead of the profile's.", valueName: "bytes"))
    var clientBuffer: Int?

    @Option(name: .customLong("client-trust"), help: ArgumentHelp("How the device trusts the server: bundle (its built-in roots), cacert (the --cacert file embedded) or insecure (setInsecure(), no verification). Default: cacert when --cacert/--capath is given, else bundle.", valueName: "bundle|cacert|insecure"))
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
            throw ValidationError(RangeMessage.text("--client-buffer", "from 512 to 16384 bytes (the range mbedTLS allows)", got: bytes))
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
    @Option(name: .customLong("save-chain"), help: ArgumentHelp("Write the chain as the server sent it (format from the extension: .pem, .der, .h); when the server leaves out an intermediate that its CA Issuers URL supplies, the repaired chain instead: leaf first, then the intermediates, no root, ready for nginx, Apache or HAProxy.", valueName: "file"), completion: .file())
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

    /// Midnight UTC of a calendar date "yyyy-MM-dd", read as leniently as the DateFormatter this
    /// replaced (spaces around the date and its separators, "/", "." or "," for "-", unpadded or
    /// zero-padded fields: " 2030/1/05 "), but never an impossible date (2030-02-30), a year 0 or
    /// other text. SaveCertificateTests compares it with DateFormatter.
    static func date(_ text: String) -> Date? {
        // Digit runs are the fields; between two of them whitespace and at most one of "-/.,";
        // before the first and after the last, whitespace only.
        var fields: [Int] = []
        var current: Int?
        var gapMarks = 0
        for character in text {
            if character.isNumber, let digit = character.wholeNumberValue {
                if current == nil {
                    guard fields.isEmpty ? gapMarks == 0 : gapMarks <= 1 else { return nil }
                    current = 0
                }
                current = current! * 10 + digit
                if current! > 1_000_000 { return nil }
            } else if character.isWhitespace || "-/.,".contains(character) {
                if let value = current {
                    fields.append(value)
                    current = nil
                    gapMarks = 0
                }
                if !character.isWhitespace { gapMarks += 1 }
            } else {
                return nil
            }
        }
        if let value = current { fields.append(value) } else if gapMarks > 0 { return nil }
        guard fields.count == 3, fields[0] >= 1, (1...12).contains(fields[1]), (1...31).contains(fields[2]) else { return nil }
        var parts = tm()
        parts.tm_year = Int32(fields[0] - 1900)
        parts.tm_mon = Int32(fields[1] - 1)
        parts.tm_mday = Int32(fields[2])
        let seconds = timegm(&parts)
        // timegm normalises 2030-02-30 to March 2nd: a date that changed was not a real one.
        guard parts.tm_mday == Int32(fields[2]), parts.tm_mon == Int32(fields[1] - 1) else { return nil }
        return Date(timeIntervalSince1970: Double(seconds))
    }
}

extension ClientTrust: ExpressibleByArgument {}
extension CertificateFileFormat: ExpressibleByArgument {}
