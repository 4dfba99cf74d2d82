import FoundationEssentials

/// Errors found before any network traffic: they map to exit 64 / 66.
public enum ProbeSetupError: Error, CustomStringConvertible, Sendable {
    case usage(String)
    case inputFile(String)

    public var description: String {
        switch self {
        case .usage(let text), .inputFile(let text): text
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .usage: .usage
        case .inputFile: .inputFile
        }
    }
}

/// Runs probes. Built once per run: it loads the trust store and the client identity once and
/// shares one SSL_CTX across every probe (and every thread) of the run.
public final class ProbeEngine: Sendable {
    public let options: ProbeOptions
    let context: TLSClientContext
    /// CA Issuers downloads shared by every probe of the run.
    let aiaDownloads = AIADownloadCache()
    /// The stores --trust-stores compares, loaded once for the whole run (nil without it).
    public let trustCatalogue: TrustStoreCatalogue?
    public var trustStoreLabel: String { context.trustLabel }

    public init(options: ProbeOptions) throws(ProbeSetupError) {
        self.options = options
        do {
            context = try TLSClientContext(offer: .forClient(options: options), options: options)
        } catch let error as TLSContextError {
            switch error {
            case .unreadable: throw .inputFile(error.description)
            case .openSSL(let text): throw .usage(text)
            }
        } catch {
            throw .usage(String(describing: error))
        }
        trustCatalogue = options.compareTrustStores ? TrustStoreCatalogue.discover(cacert: options.trust.caFile) : nil
    }

    /// Probes one target synchronously on the calling thread. `observer` sees each stage as it
    /// completes (on this thread), for live output. Never throws: every failure is in the report.
    public func probe(_ target: ProbeTarget, observer: (@Sendable (StageReport) -> Void)? = nil) -> ProbeReport {
        ProbePipeline.run(ProbeContext(engine: self, target: target, observer: observer))
    }

    /// A context for a follow-up probe with a different offer (made on demand, failures only).
    func makeContext(offer: TLSOffer) -> TLSClientContext? {
        try? TLSClientContext(offer: offer, options: options)
    }
}

extension ProbeEngine {
    /// The target as the report will name it, before probing (for a text header).
    public func previewTarget(_ target: ProbeTarget) -> TargetInfo {
        TargetInfo(input: target.input, host: target.host, port: target.port, path: target.path, sni: nil)
    }
}
