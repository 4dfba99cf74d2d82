import FoundationEssentials
import Synchronization
import TLSProbeCore

/// A one-line progress bar on standard error for fleet runs on a terminal:
/// done/total, failures so far, rate and ETA. Redrawn in place, at most ten times a second.
public final class ProgressBar: Sendable {
    private struct State {
        var done = 0
        var failures = 0
        var lastDraw = 0.0
        var visible = false
    }

    private let output: LineOutput
    private let total: Int?
    private let start = Date()
    private let state = Mutex(State())
    static let barWidth = 24

    public init(total: Int?, output: LineOutput = .standardError) {
        self.total = total
        self.output = output
    }

    /// A bar goes to standard error only when it is a terminal and the user did not ask for quiet.
    public static func wanted(quiet: Bool) -> Bool {
        !quiet && TerminalStyle.isTerminal(2)
    }

    public func update(done: Int, failures: Int) {
        state.withLock { state in
            state.done = done
            state.failures = failures
            let now = Date().timeIntervalSince(start)
            guard now - state.lastDraw >= 0.1 || done == total else { return }
            state.lastDraw = now
            draw(&state, elapsed: now)
        }
    }

    /// Erases the bar before something else is printed on the same terminal.
    public func clear() {
        state.withLock { state in
            if state.visible { output.write("\r\u{1B}[K") }
            state.visible = false
        }
    }

    /// Draws the bar again (after `clear()`).
    public func redraw() {
        state.withLock { state in draw(&state, elapsed: Date().timeIntervalSince(start)) }
    }

    /// Leaves the final state on its own line.
    public func finish() {
        state.withLock { state in
            draw(&state, elapsed: Date().timeIntervalSince(start))
            output.write("\n")
            state.visible = false
        }
    }

    private func draw(_ state: inout State, elapsed: Double) {
        output.write("\r\u{1B}[K" + Self.line(done: state.done, total: total, failures: state.failures, elapsed: elapsed))
        state.visible = true
    }

    /// The bar's text, e.g. "[#########---------------]  412/1000  37 failed  28.4/s  ETA 21s".
    public static func line(done: Int, total: Int?, failures: Int, elapsed: Double) -> String {
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let rateText = cFormat("%.1f/s", rate)
        guard let total, total > 0 else { return "\(done) probed  \(failures) failed  \(rateText)" }
        let filled = min(barWidth, done * barWidth / total)
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled) + "]"
        let eta = rate > 0 ? "ETA \(duration(Double(total - done) / rate))" : "ETA -"
        return "\(bar) \(done)/\(total)  \(failures) failed  \(rateText)  \(eta)"
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        return whole >= 60 ? "\(whole / 60)m\(cFormat("%02d", whole % 60))s" : "\(whole)s"
    }
}
