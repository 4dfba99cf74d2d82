/// Builds man/tlsprobe.1 from the page argument-parser's GenerateManual plugin writes (NAME,
/// the option list, AUTHORS, all generated from the parser) and the hand-written sections.
/// Pure text in, text out: the same inputs always give the same bytes.
enum ManPageAssembler {
    enum Failure: Error, CustomStringConvertible {
        case missingSection(String)
        var description: String { "the generated page has no \(self.section) section; is it GenerateManual output?" }
        private var section: String { switch self { case .missingSection(let name): name } }
    }

    static func assemble(generated: String) throws(Failure) -> String {
        var lines = generated.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        lines = dropParagraphsBeforeListItems(lines)

        guard let synopsis = lines.firstIndex(of: ".Sh SYNOPSIS") else { throw .missingSection("SYNOPSIS") }
        guard let description = lines.firstIndex(of: ".Sh DESCRIPTION") else { throw .missingSection("DESCRIPTION") }
        guard let exitStatus = lines.firstIndex(where: { $0 == ".Sh \"EXIT STATUS\"" || $0 == ".Sh EXIT STATUS" }) else { throw .missingSection("EXIT STATUS") }
        let authors = lines.firstIndex(of: ".Sh AUTHORS") ?? lines.count

        var page = Array(lines[..<synopsis])
        page += ManPageSections.synopsis
        page += ManPageSections.description
        page += Array(lines[(description + 1)..<exitStatus])
        page += ManPageSections.trailing
        page += Array(lines[authors...])
        page = page.map { $0.hasPrefix(".Nd ") ? withoutTrailingPeriod($0) : $0 }
        page = page.map(unhyphenatedOptions)
        return asciiOnly(page.joined(separator: "\n") + "\n")
    }

    /// groff hyphenates long words in filled text, which splits option names across lines
    /// ("--connect-time- out"): `\%` before a word forbids that. Macro lines are left alone
    /// (`.Fl` already keeps its argument whole).
    static func unhyphenatedOptions(_ line: String) -> String {
        guard !line.hasPrefix("."), !line.hasPrefix("'"), line.contains("-") else { return line }
        // `\%` must open the word: inside one ("[\%--sni") it marks a hyphenation point instead.
        let words = line.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let rest = word.drop { "([`\"'".contains($0) }
            guard rest.first == "-", let second = rest.dropFirst().first, second == "-" || second.isLetter || second.isNumber else { return String(word) }
            return "\\%" + word
        }
        return words.joined(separator: " ")
    }

    /// mandoc -T lint: a one-line description ends without punctuation.
    static func withoutTrailingPeriod(_ line: String) -> String {
        if line.hasSuffix(".\"") { return String(line.dropLast(2)) + "\"" }
        if line.hasSuffix(".") { return String(line.dropLast()) }
        return line
    }

    /// roff input should be ASCII (groff without preconv rejects UTF-8): "→" becomes \[u2192].
    static func asciiOnly(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII { out.unicodeScalars.append(scalar) }
            else { out += "\\[u" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + "]" }
        }
        return out
    }

    /// The generator leaves a `.Pp` after an option whose help has no discussion; before `.It`
    /// or `.El` it is an empty paragraph that mandoc -T lint warns about.
    static func dropParagraphsBeforeListItems(_ lines: [String]) -> [String] {
        lines.enumerated().filter { index, line in
            guard line == ".Pp", index + 1 < lines.count else { return true }
            return !(lines[index + 1].hasPrefix(".It") || lines[index + 1] == ".El")
        }.map(\.element)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
