import ArgumentParser
import FoundationEssentials
import TLSProbeCore

/// --proxy / --noproxy, with curl's names and meaning; the environment fills in what they leave out.
struct ProxyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Tunnel through this HTTP proxy with CONNECT (default: $https_proxy / $HTTPS_PROXY; \"\" for none).", valueName: "url"))
    var proxy: String?

    @Option(help: ArgumentHelp("Hosts to reach without the proxy, comma-separated; * for all (default: $no_proxy / $NO_PROXY).", valueName: "list"))
    var noproxy: String?

    func resolved(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ProxySettings {
        switch ProxySettings.resolve(flag: proxy, noProxyFlag: noproxy, environment: environment) {
        case .success(let settings): return settings
        case .failure(let error): throw ValidationError(error.description)
        }
    }
}
