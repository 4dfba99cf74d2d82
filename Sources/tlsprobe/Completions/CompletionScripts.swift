import FoundationEssentials
import ArgumentParser

/// `tlsprobe --generate-completion-script SHELL`: argument-parser's script, patched so that the
/// root completes like `probe` (its default subcommand): argument-parser offers only the
/// subcommand names there, yet `tlsprobe --format <TAB>` is what people type.
/// Each patch replaces an exact anchor in the generated script; when an argument-parser upgrade
/// changes the anchor, the patch is missing and CompletionScriptTests fails.
enum CompletionScripts {
    /// Marks a patched script (tests look for it).
    static let marker = "tlsprobe HOST means tlsprobe probe HOST"

    /// The shell named after `--generate-completion-script` (as `X` or `=X`), if that is the request.
    static func requestedShell(_ arguments: [String]) -> CompletionShell? {
        guard let first = arguments.first else { return nil }
        if first == "--generate-completion-script", arguments.count == 2 { return CompletionShell(rawValue: arguments[1]) }
        if first.hasPrefix("--generate-completion-script="), arguments.count == 1 {
            return CompletionShell(rawValue: String(first.dropFirst("--generate-completion-script=".count)))
        }
        return nil
    }

    static var subcommandNames: [String] {
        TLSProbeCommand.configuration.subcommands.filter { $0.configuration.shouldDisplay }.compactMap { $0.configuration.commandName } + ["help"]
    }

    static func script(for shell: CompletionShell) -> String {
        let generated = TLSProbeCommand.completionScript(for: shell)
        switch shell {
        case .bash: return patchBash(generated)
        case .zsh: return patchZsh(generated)
        case .fish: return patchFish(generated)
        default: return generated
        }
    }

    private static func patchBash(_ script: String) -> String {
        let names = subcommandNames.joined(separator: " ")
        let anchor = """
                *)
                    # Offer subcommand completions
                    COMPREPLY+=($(compgen -W '\(names)' -- "${cur}"))
                    ;;
            """
        let replacement = """
                *)
                    # \(marker): complete the words as probe's, and the subcommand names first.
                    unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")
                    COMPREPLY=()
                    _tlsprobe_probe
                    [[ "${COMP_CWORD}" -eq 1 && "${cur}" != -* ]] && COMPREPLY+=($(compgen -W '\(names)' -- "${cur}"))
                    ;;
            """
        return script.replacingFirst(anchor, with: replacement)
    }

    private static func patchZsh(_ script: String) -> String {
        let anchor = """
                _arguments -w -s -S : "${arg_specs[@]}" && ret=0
                case "${state}" in
                command)
            """
        let names = subcommandNames.joined(separator: "|")
        let replacement = """
                # \(marker): unless the first word names a subcommand, complete as probe.
                if [[ "${words[2]}" != (\(names)) ]] && { (( CURRENT > 2 )) || [[ "${words[CURRENT]}" == -* ]] }; then
                    _tlsprobe_probe
                    return
                fi
                _arguments -w -s -S : "${arg_specs[@]}" && ret=0
                case "${state}" in
                command)
            """
        return script.replacingFirst(anchor, with: replacement)
    }

    private static func patchFish(_ script: String) -> String {
        let anchor = """
                case 'tlsprobe'
                    __tlsprobe_parse_subcommand 0 'version' 'h/help'
            """
        let names = subcommandNames.map { "'\($0)'" }.joined(separator: " ")
        let replacement = """
                case 'tlsprobe'
                    # \(marker): a finished first word that is no subcommand, or an option being
                    # typed as the first word, means probe (the tokens end before the current one).
                    if test (count $unparsed_tokens) -ge 2
                        if not contains -- $unparsed_tokens[2] \(names)
                            set unparsed_tokens $unparsed_tokens[1] probe $unparsed_tokens[2..]
                        end
                    else if string match -q -- '-*' (commandline -ct)
                        set unparsed_tokens $unparsed_tokens[1] probe
                    end
                    __tlsprobe_parse_subcommand 0 'version' 'h/help'
            """
        return script.replacingFirst(anchor, with: replacement)
    }
}

private extension String {
    func replacingFirst(_ anchor: String, with replacement: String) -> String {
        guard let range = firstRange(of: anchor) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
