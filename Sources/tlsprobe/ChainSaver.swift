import ArgumentParser
import FoundationEssentials
import TLSProbeCore
import TLSProbeRendering

/// Writes --save-chain / --save-root after a probe. Notes and warnings go to stderr so that
/// stdout stays the report (text or JSON). An unwritable path ends the run with exit 66.
struct ChainSaver {
    let options: SaveOptions
    let errors = LineOutput.standardError

    func save(_ report: ProbeReport) throws {
        if let path = options.saveChain {
            guard !report.certificates.isEmpty else { return note("no certificate received; \(path) not written") }
            if let completion = report.aiaCompletion, let repaired = completion.fullChain {
                // The server left out an intermediate that AIA supplied: the operator's fix is this file.
                try write(repaired, to: path, purpose: "full chain for \(report.target.host):\(report.target.port) (leaf, then intermediates; repaired through AIA)")
                let fetched = completion.fetchedCertificates.map(describe).joined(separator: ", ")
                note("saved the repaired chain (leaf + \(repaired.count - 1) intermediate\(repaired.count == 2 ? "" : "s"), no root) to \(path); downloaded through AIA: \(fetched)")
            } else {
                try write(report.certificates, to: path, purpose: "certificate chain sent by \(report.target.host):\(report.target.port)")
                note("saved the chain as sent (\(report.certificates.count) certificates) to \(path)")
                if let completion = report.aiaCompletion, completion.status != .notNeeded {
                    warn("the chain as sent is incomplete and could not be repaired (\(completion.reason ?? completion.status.rawValue)); \(path) is not a working chain file")
                }
            }
        }
        if let path = options.saveRoot {
            guard let root = rootToSave(report) else { return note("no certificate received; \(path) not written") }
            try write([root], to: path, purpose: "trust anchor for \(report.target.host):\(report.target.port)")
            note("saved \(describe(root)) to \(path)")
            checkExpiry(root)
        }
    }

    /// The anchor the verified chain ends in; otherwise the top certificate sent, with a warning,
    /// because a device that pins a leaf or an intermediate breaks at the next renewal.
    private func rootToSave(_ report: ProbeReport) -> CertificateSummary? {
        if let anchor = report.verification.anchor {
            if !anchor.selfSigned { warn("the trust anchor \(describe(anchor)) is not self-signed (a partial chain in the trust store); the device must be given the same certificate") }
            return anchor
        }
        guard let top = report.certificates.last else { return nil }
        let kind = top.selfSigned ? "a self-signed certificate this machine does not trust" : (top.depth == 0 ? "the leaf" : "an intermediate")
        warn("the chain did not verify to a trust anchor, so the 'root' saved is \(kind): \(describe(top)); a device that pins a leaf or intermediate breaks when the server renews it")
        return top
    }

    private func checkExpiry(_ root: CertificateSummary) {
        guard let text = options.validUntil, let date = SaveOptions.date(text), root.notAfterEpoch > 0 else { return }
        if root.notAfterEpoch < date.timeIntervalSince1970 {
            warn("the saved root expires \(root.notAfter), before --valid-until \(text): devices shipped with it stop connecting then")
        }
    }

    private func write(_ certificates: [CertificateSummary], to path: String, purpose: String) throws {
        let bytes: [UInt8]
        do {
            bytes = try CertificateFile.render(certificates, format: options.format(for: path), path: path, purpose: purpose)
        } catch {
            errors.line("tlsprobe: \(path): \(error.description)")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            let reason = FileErrorText.reason(error)
            errors.line("tlsprobe: cannot write \(path): \(reason)")
            throw ExitCode(ExitStatus.inputFile.rawValue)
        }
    }

    private func describe(_ certificate: CertificateSummary) -> String {
        "\"\(certificate.commonName ?? certificate.subject)\" (sha256 \(certificate.sha256), expires \(certificate.notAfter))"
    }

    private func note(_ text: String) { errors.line("tlsprobe: \(text)") }
    private func warn(_ text: String) { errors.line("tlsprobe: warning: \(text)") }
}
