import ArgumentParser

/// Reads a plain probe command line (`tlsprobe [options] TARGET…`) into the `ProbeCommand`
/// argument-parser would build, without argument-parser's run-time reflection over ~70 options
/// in 10 groups, which cost ~25M instructions on every run: more than the probe itself
/// (bench/PROFILE.md). argument-parser stays the definition (help, man page, completions, every
/// error message): this parser only takes the lines it is sure of and answers nil for anything
/// else (an unknown word, a repeated option, a value that looks like an option or does not
/// convert, `--`, grouped short flags, a failed validate()), so argument-parser parses those and
/// reports their errors as before. `PlainProbeParserTests` proves both give the same command on a
/// corpus of command lines and that the rows here match argument-parser's declarations.
enum PlainProbeParser {
    static func parse(_ arguments: [String]) -> ProbeCommand? {
        var command = ProbeCommand()
        command.targets = []
        for slot in ProbeCommand.plainGroups { slot.setDefaults(&command) }
        var seen: Set<String> = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let word = arguments[index]
            index += 1
            guard word.hasPrefix("-") else {
                // A target. An empty word is left to argument-parser.
                guard !word.isEmpty else { return nil }
                command.targets.append(word)
                continue
            }
            var name = word
            var attached: String?
            if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
                name = String(word[..<equals])
                attached = String(word[word.index(after: equals)...])
            }
            guard let option = optionsByName[name], seen.insert(option.names[0]).inserted else { return nil }
            let text: String
            switch option.value {
            case .none:
                guard attached == nil else { return nil }
                text = ""
            case .next, .unconditional:
                if let attached {
                    text = attached
                } else {
                    guard index < arguments.endIndex else { return nil }
                    text = arguments[index]
                    index += 1
                }
                // argument-parser takes "-" (standard input) as a value, other dashed words as options.
                if option.value == .next && text.hasPrefix("-") && text != "-" { return nil }
            }
            guard option.store(&command, text) else { return nil }
        }
        do {
            // argument-parser's order: each group as it is decoded, then the command.
            for slot in ProbeCommand.plainGroups { try slot.validate(&command) }
            try command.validate()
        } catch {
            return nil
        }
        return command
    }

    static let optionsByName: [String: PlainOption<ProbeCommand>] = {
        var table: [String: PlainOption<ProbeCommand>] = [:]
        for option in ProbeCommand.plainGroups.flatMap(\.options) {
            for name in option.names {
                precondition(table.updateValue(option, forKey: name) == nil, "\(name) is declared twice")
            }
        }
        return table
    }()
}
