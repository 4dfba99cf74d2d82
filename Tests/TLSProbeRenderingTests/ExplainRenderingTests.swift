import Foundation
import Testing
import TLSProbeCore
@testable import TLSProbeRendering

@Suite struct ExplainRenderingTests {
    @Test func textShowsEverySectionInOrder() throws {
        let text = ExplainTextRenderer.render(Explainer.explain("-0x4F00"))
        let order = ["MBEDTLS_ERR_ECP_BUFFER_TOO_SMALL", "Often mistaken for:", "MBEDTLS_ERR_SSL_CONN_EOF -0x7280", "Run `tlsprobe HOST`"]
        var position = text.startIndex
        for marker in order {
            let found = try #require(text[position...].range(of: marker), "missing or out of order: \(marker)")
            position = found.upperBound
        }
    }

    @Test func compositeShowsItsParts() {
        let text = ExplainTextRenderer.render(Explainer.explain("-0x3000 + -0x0034"))
        #expect(text.contains("Parts:"))
        #expect(text.contains("\n  MBEDTLS_ERR_X509_FATAL_ERROR (-0x3000, -12288)"))
        #expect(text.contains("\n  MBEDTLS_ERR_CTR_DRBG_ENTROPY_SOURCE_FAILED (-0x0034, -52)"))
    }

    @Test func unknownShowsSuggestions() {
        let text = ExplainTextRenderer.render(Explainer.explain("cert.expird"))
        #expect(text.contains("Did you mean:"))
        #expect(text.contains("- cert.expired"))
    }

    @Test(arguments: ["-0x2700", "alert:40", "cert.expired", "flags=0x4008", "error:0A000086", "curl:60"])
    func linesFitTheWidth(input: String) {
        let text = ExplainTextRenderer.render(Explainer.explain(input), width: 100)
        // Only single words longer than the width (constants, URLs) may overflow.
        let tooLong = text.split(separator: "\n").filter { $0.count > 100 && $0.contains(" ") && $0.split(separator: " ").count > 3 }
        #expect(tooLong.isEmpty, "\(tooLong)")
    }

    @Test func wrapKeepsLongWordsWhole() {
        let lines = ExplainTextRenderer.wrap("a MBEDTLS_ERR_SSL_CERTIFICATE_VERIFICATION_WITHOUT_HOSTNAME b", width: 40, indent: "")
        #expect(lines == ["a", "MBEDTLS_ERR_SSL_CERTIFICATE_VERIFICATION_WITHOUT_HOSTNAME", "b"])
    }

    @Test func listShowsIdSeverityExitTitle() {
        let text = ExplainListRenderer.render(DiagnosisCatalog.entries(inFamily: "chain"))
        let lines = text.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ID") == true)
        #expect(lines.contains { $0.hasPrefix("chain.missing_intermediate") && $0.contains("error") && $0.contains("33") && $0.hasSuffix("Intermediate certificate missing") })
        #expect(lines.count == DiagnosisCatalog.entries(inFamily: "chain").count + 1)
    }
}
