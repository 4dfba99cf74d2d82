import ArgumentParser

/// Which parser a command line goes to. Most runs are a plain probe (`tlsprobe HOST …`); for
/// those, `ProbeCommand.parseAsRoot` gives the same command as the root's parser without its
/// extra passes: the root reflects over the default subcommand's whole option set once more just
/// to learn whether it takes pass-through arguments, and checks each subcommand's name
/// (bench/PROFILE.md: ~3.6 M instructions for 60 options in groups, bench/argparse-cost).
enum CommandRouting {
    /// `tlsprobe --version` alone is answered without a parser: the text is the one
    /// argument-parser prints for the root's `version`.
    static func isVersionRequest(_ arguments: [String]) -> Bool { arguments == ["--version"] }

    /// True when nothing on the command line is for the root: no subcommand name, no built-in
    /// root flag. Anything else keeps the root's parser, and so exactly its behaviour.
    static func isPlainProbe(_ arguments: [String]) -> Bool {
        !arguments.contains { rootWords.contains($0) || $0.hasPrefix("--experimental") || $0.hasPrefix("--generate-") }
    }

    /// Where a usage error points: `tlsprobe scan --help` when the line starts with a subcommand
    /// (its options are not in the root's help), else `tlsprobe --help`.
    static func helpCommand(for arguments: [String]) -> String {
        guard let first = arguments.first, subcommandNames.contains(first) else { return "tlsprobe --help" }
        return "tlsprobe \(first) --help"
    }

    private static let subcommandNames: Set<String> = Set(TLSProbeCommand.configuration.subcommands.compactMap { $0.configuration.commandName })

    private static let rootWords: Set<String> = subcommandNames.union(["help", "--help", "-h", "--version"])
}
