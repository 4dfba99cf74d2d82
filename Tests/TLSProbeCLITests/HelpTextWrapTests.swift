import Testing
import TLSProbeCore
@testable import tlsprobe

/// HelpText.wrap takes a byte path for printable ASCII (it runs on every start-up); it must give
/// what the Character path gives.
@Suite struct HelpTextWrapTests {
    @Test func bytePathMatchesCharacterPath() {
        let texts = ExitStatus.allCases.map(\.meaning) + [
            "", "one", "  leading and  double  spaces ", String(repeating: "longword ", count: 30),
            "averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongword then short",
        ]
        for text in texts {
            for (width, prefix, indent) in [(79, "  64  ", 6), (20, "OVERVIEW: ", 2), (5, "", 0), (79, "  probe (default)       ", 24)] {
                #expect(HelpText.wrap(text, width: width, firstPrefix: prefix, hangingIndent: indent)
                    == HelpText.wrapCharacters(text, width: width, firstPrefix: prefix, hangingIndent: indent), "\(text) \(width)")
            }
        }
        #expect(HelpText.wrap("café au lait", width: 8, firstPrefix: "", hangingIndent: 2) == "café au\n  lait")
    }
}
