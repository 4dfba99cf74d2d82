import ArgumentParser
import TLSProbeCore

/// `tlsprobe --help`. argument-parser would print only the subcommand list for a root command
/// with a default subcommand, yet `tlsprobe HOST` is what people run: so the root help is the
/// probe's help, most-used option groups first, followed by the subcommands.
enum RootHelp {
    /// `tlsprobe --help`, `tlsprobe -h`, `tlsprobe help` (and nothing else).
    static func isRequested(_ arguments: [String]) -> Bool {
        arguments.count == 1 && ["--help", "-h", "help"].contains(arguments[0])
    }

    /// Option groups in the order people reach for them; groups not named here keep their place after these.
    static let groupOrder = ["ARGUMENTS", "OUTPUT", "VERIFICATION", "CONNECTION", "PROXY", "TLS", "HTTP"]

    static func text(columns: Int? = nil) -> String {
        let probeHelp = TLSProbeCommand.helpMessage(for: ProbeCommand.self, columns: columns)
        let sections = HelpSections(probeHelp)
        var out = [HelpText.wrap(TLSProbeCommand.configuration.abstract, width: 79, firstPrefix: "OVERVIEW: ", hangingIndent: 2), ""]
        out.append("USAGE: tlsprobe [<options>] <target> ...")
        out.append("       tlsprobe <subcommand> [<arguments>]")
        out.append("")
        out.append(HelpText.examples)
        out.append("")
        for section in sections.ordered(first: groupOrder) { out += [section, ""] }
        out.append(HelpText.exitCodeTable)
        out.append("")
        out.append("SUBCOMMANDS:")
        for command in TLSProbeCommand.configuration.subcommands where command.configuration.shouldDisplay {
            let name = command.configuration.commandName ?? "\(command)"
            let label = command == ProbeCommand.self ? "\(name) (default)" : name
            out.append(HelpText.wrap(command.configuration.abstract, width: 79, firstPrefix: "  " + label.padded(toLength: 22), hangingIndent: 24))
        }
        out.append("")
        out.append("  See 'tlsprobe help <subcommand>' for a subcommand, 'man tlsprobe' for all.")
        return out.joined(separator: "\n")
    }
}

/// The titled blocks of an argument-parser help text ("CONNECTION:\n  --connect-to …").
struct HelpSections {
    private(set) var blocks: [(title: String, text: String)] = []

    init(_ help: String) {
        for block in help.splitting(by: "\n\n") {
            let trimmed = block.trimmingScalars { "\n\u{0B}\u{0C}\r\u{85}\u{2028}\u{2029}".unicodeScalars.contains($0) }
            guard let colon = trimmed.firstIndex(of: ":") else { continue }
            let title = String(trimmed[..<colon])
            // Titled blocks are upper-case words followed by a newline ("TLS:"), unlike OVERVIEW/USAGE lines.
            guard title == title.uppercased(), trimmed[colon...].hasPrefix(":\n"), title != "EXAMPLES", title != "EXIT STATUS" else { continue }
            blocks.append((title, trimmed))
        }
    }

    func ordered(first order: [String]) -> [String] {
        let leading = order.compactMap { name in blocks.first { $0.title == name }?.text }
        let rest = blocks.filter { !order.contains($0.title) }.map(\.text)
        return leading + rest
    }
}
