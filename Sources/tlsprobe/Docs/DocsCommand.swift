import ArgumentParser
import FoundationEssentials
import TLSProbeCore
import TLSProbeRendering

/// `tlsprobe _docs …` (hidden): the generated documentation, for scripts/update-docs.sh and the
/// tests that check the committed files. Lives in the binary because the tables come from it.
struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_docs",
        abstract: "Print generated documentation (for scripts/update-docs.sh).",
        shouldDisplay: false
    )

    enum Artifact: String, ExpressibleByArgument, CaseIterable {
        /// The final man page; needs --generated, the GenerateManual plugin's page.
        case manPage = "man-page"
        /// The hand-written sections as the page carries them, each block ended by a NUL line
        /// (GeneratedFilesTests compares them).
        case manSections = "man-sections"
        case diagnosesMdoc = "diagnoses-mdoc"
        case exitCodes = "exit-codes"
        /// One line per target scheme: its port, how TLS starts, what the app stage does.
        case schemes
        case manualDate = "manual-date"
    }

    @Argument(help: ArgumentHelp("What to print.", valueName: "artifact"))
    var artifact: Artifact

    @Option(help: ArgumentHelp("The page GenerateManual wrote.", valueName: "file"), completion: .file())
    var generated: String?

    func run() throws {
        let out = LineOutput.standardOutput
        switch artifact {
        case .manPage:
            guard let path = generated else { throw ValidationError("man-page needs --generated FILE") }
            let text: String
            do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
                LineOutput.standardError.line("tlsprobe: cannot read \(path): \(FileErrorText.reason(error))")
                throw ExitCode(ExitStatus.inputFile.rawValue)
            }
            do { out.write(try ManPageAssembler.assemble(generated: text)) } catch {
                LineOutput.standardError.line("tlsprobe: \(path): \(error.description)")
                throw ExitCode(ExitStatus.inputFile.rawValue)
            }
        case .manSections:
            // Two blocks: the generated option list goes between them in the page.
            for block in [ManPageSections.synopsis + ManPageSections.description, ManPageSections.trailing] {
                out.write(ManPageAssembler.asciiOnly(block.map(ManPageAssembler.unhyphenatedOptions).joined(separator: "\n") + "\n"))
                out.write("\u{0}\n")
            }
        case .diagnosesMdoc:
            out.write(CatalogReferenceRenderer.mdoc())
        case .exitCodes:
            for status in ExitStatus.allCases { out.line("\(status.rawValue)\t\(status.meaning)") }
        case .schemes:
            for appProtocol in AppProtocol.allCases { out.line(appProtocol.helpLine) }
        case .manualDate:
            out.line(TLSProbeVersion.manualDate)
        }
    }
}
