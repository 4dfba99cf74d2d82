/// Reads an HTTP/1.x response head from a byte stream, past any interim (1xx) responses, to the
/// final one (RFC 9110 §15.2: a client must be able to parse and skip 1xx responses, and a server
/// may send several before the final answer). Pure, bounded state: fuzzed with the head parser.
public struct HTTPResponseReader: Sendable {
    /// How many interim responses are read before the server is judged to never answer: far more
    /// than any real server sends (100 Continue, 102 Processing, 103 Early Hints: one or two each).
    public static let maxInterimResponses = 32
    /// Interim status lines kept for the report (the count is always exact).
    public static let shownInterimResponses = 5

    public enum Outcome: Equatable, Sendable {
        /// The final response head; `headBytes` counts that head only.
        case final(HTTPResponseHead, headBytes: Int)
        /// More bytes are needed.
        case incomplete
        case notHTTP(preview: String)
        /// The head being read passed `HTTPResponseParser.maxHeadBytes` without ending.
        case headTooLarge(bytes: Int)
        /// More than `maxInterimResponses` interim responses and still no final one.
        case tooManyInterim
        /// 101 Switching Protocols although the request asked for no upgrade (RFC 9110 §15.2.2).
        case unrequestedSwitch(HTTPResponseHead)
    }

    /// True when the request carried an Upgrade header: only then is 101 an answer.
    public let upgradeRequested: Bool
    public private(set) var interimCount = 0
    public private(set) var interimStatusLines: [String] = []
    /// Bytes of the head being read (interim heads already read are dropped).
    public private(set) var pending: [UInt8] = []

    public init(upgradeRequested: Bool = false) {
        self.upgradeRequested = upgradeRequested
    }

    public mutating func feed(_ bytes: [UInt8]) -> Outcome {
        pending += bytes
        while true {
            switch HTTPResponseParser.parse(pending) {
            case .notHTTP(let preview):
                return .notHTTP(preview: preview)
            case .incomplete:
                return pending.count >= HTTPResponseParser.maxHeadBytes ? .headTooLarge(bytes: pending.count) : .incomplete
            case .complete(let head, let headBytes):
                guard (100..<200).contains(head.status) else { return .final(head, headBytes: headBytes) }
                if head.status == 101 {
                    return upgradeRequested ? .final(head, headBytes: headBytes) : .unrequestedSwitch(head)
                }
                interimCount += 1
                if interimStatusLines.count < Self.shownInterimResponses { interimStatusLines.append(head.statusLine) }
                tally(head.statusLine)
                if interimCount > Self.maxInterimResponses { return .tooManyInterim }
                pending.removeFirst(headBytes)
            }
        }
    }

    /// "100 Continue", "2 interim responses (100 Continue, 103 Early Hints)" or
    /// "33 interim responses (102 Processing × 33)", for summaries.
    public var interimLabel: String {
        if interimCount == 1, let only = interimTally.first { return only.status }
        var list = interimTally.map { $0.count > 1 ? "\($0.status) × \($0.count)" : $0.status }.joined(separator: ", ")
        if interimTally.reduce(0, { $0 + $1.count }) < interimCount { list += ", …" }
        return "\(interimCount) interim responses (\(list))"
    }

    /// Consecutive runs of one interim status ("102 Processing", count), the first few runs only.
    private var interimTally: [(status: String, count: Int)] = []

    private mutating func tally(_ statusLine: String) {
        let status = String(statusLine.split(separator: " ", maxSplits: 1).dropFirst().first ?? Substring(statusLine))
        if let last = interimTally.last, last.status == status {
            interimTally[interimTally.count - 1].count += 1
        } else if interimTally.count < Self.shownInterimResponses {
            interimTally.append((status, 1))
        }
    }
}
