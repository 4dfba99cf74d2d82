import ArgumentParser
import TLSProbeCore

struct TLSProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tlsprobe",
        abstract: "Walk one HTTPS/TLS connection stage by stage and explain what failed and how to fix it.",
        discussion: HelpText.discussion,
        version: HelpText.version,
        subcommands: [ProbeCommand.self, ScanCommand.self, CheckCommand.self, ExplainCommand.self, ClientsCommand.self, LabCommand.self, DemoCommand.self, DocsCommand.self],
        defaultSubcommand: ProbeCommand.self
    )
}
