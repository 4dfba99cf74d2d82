import TLSProbeCore

/// `--format junit`: JUnit XML for GitLab, Jenkins, Azure DevOps and GitHub test-report actions.
/// One test case per target: a target whose run fails (exit code not 0) is a failed test with
/// the decisive diagnosis as the failure message; every test case carries the text report in
/// `system-out`. Tests/TLSProbeCLITests/Resources/junit.xsd is the schema the tests validate against.
public struct JUnitRenderer: ReportFormatRenderer {
    let cases = Collector<(failed: Bool, seconds: Double, xml: String)>()
    let text = TextRenderer(style: TerminalStyle(color: false))

    public init() {}

    public func add(_ report: ProbeReport) -> String? {
        let seconds = report.durationMs / 1000
        var xml = "    <testcase classname=\"tlsprobe\" name=\"\(Self.escape(report.target.input))\" time=\"\(Self.seconds(seconds))\">\n"
        let failed = report.exitCode != 0
        if failed {
            let decisive = report.decisive
            let message = decisive.map { "\($0.id): \($0.summary)" } ?? "exit \(report.exitCode)"
            let type = decisive?.id ?? "exit.\(report.exitCode)"
            let body = decisive.map { "\($0.title) (exit \(report.exitCode), stage \($0.stage.rawValue))\nfix: \($0.fix)" } ?? "exit \(report.exitCode)"
            xml += "      <failure message=\"\(Self.escape(message))\" type=\"\(Self.escape(type))\">\(Self.escape(body))</failure>\n"
        }
        xml += "      <system-out>\(Self.escape(text.render(report)))</system-out>\n"
        xml += "    </testcase>\n"
        cases.append((failed, seconds, xml))
        return nil
    }

    public func finish() -> String? {
        let all = cases.all
        let failures = all.filter(\.failed).count
        let time = Self.seconds(all.reduce(0) { $0 + $1.seconds })
        let counts = "tests=\"\(all.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\" time=\"\(time)\""
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"tlsprobe\" \(counts)>\n"
            + "  <testsuite name=\"tlsprobe\" \(counts)>\n"
            + all.map(\.xml).joined()
            + "  </testsuite>\n</testsuites>\n"
    }

    /// XML 1.0 text and attribute escaping; characters XML cannot carry at all (C0 controls but
    /// tab, newline and return) become U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { out += "\u{FFFD}" }
                else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Seconds with millisecond precision, plain decimal notation.
    static func seconds(_ value: Double) -> String {
        let millis = Int((value * 1000).rounded())
        let fraction = String(millis % 1000)
        return "\(millis / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
