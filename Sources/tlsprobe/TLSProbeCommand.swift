import ArgumentParser
import TLSProbeCore

@main
struct TLSProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tlsprobe", version: TLSProbeVersion.current)
    func run() async throws {}
}
