/// A protocol exchange as a small state machine over bytes: the runner feeds it what the peer
/// sent, it answers with what to send next, when it has what it needs, or why it cannot go on.
/// Dialogues never touch a socket, so each one is tested on scripted bytes; the runner owns the
/// I/O, the deadline and the size caps.
protocol Dialogue {
    /// What the dialogue waits for right now, for timeout and close messages ("the greeting").
    var waitingFor: String { get }
    /// Consumes complete replies from the front of `buffer` and decides the next step.
    mutating func step(_ buffer: inout [UInt8], log: inout DialogueLog) -> DialogueStep
}

enum DialogueStep: Equatable {
    /// Nothing complete yet: read more.
    case needMore
    /// Send these bytes (`shown` is the line the transcript records), then step again.
    case send([UInt8], shown: String)
    /// Done: the upgrade was accepted, or the application exchange has its answer.
    case done
    case failed(DialogueFailure)
}

/// Why a dialogue stopped. The pipeline turns each case into a diagnosis of its stage.
enum DialogueFailure: Equatable {
    /// The server does not offer the upgrade; `offered` is what it did list.
    case notOffered(offered: [String])
    /// The server answered the upgrade request with a refusal.
    case refused(reply: String)
    /// The server speaks something else: `detected` names it ("IMAP", "TLS", "HTTP").
    case otherProtocol(detected: String, preview: String)
    /// A well-formed reply that makes no sense here (`expected` says what should have come).
    case unexpected(reply: String, expected: String)
    case timedOut(waitingFor: String, bytes: Int)
    case closed(waitingFor: String, reset: Bool, bytes: Int)
    /// One reply grew past the cap without ending.
    case tooLarge(bytes: Int, limit: Int)
    /// Plaintext arrived after the go-ahead, before any TLS.
    case injected(bytes: Int, preview: String)
    case transport(String)
}

/// What crossed the wire, for the stage's details: "C: EHLO tlsprobe", "S: 250-STARTTLS".
/// Bounded: a server cannot grow it past `maxLines` lines of `maxLineLength` characters.
struct DialogueLog {
    static let maxLines = 40
    static let maxLineLength = 160
    private(set) var lines: [String] = []
    private(set) var omitted = 0

    mutating func client(_ line: String) { append("C: " + line) }
    mutating func server(_ line: String) { append("S: " + line) }

    private mutating func append(_ line: String) {
        guard lines.count < Self.maxLines else { omitted += 1; return }
        lines.append(line.count > Self.maxLineLength ? String(line.prefix(Self.maxLineLength)) + "…" : line)
    }

    var transcript: [String] { omitted > 0 ? lines + ["(\(omitted) more lines)"] : lines }
}

/// A byte stream to a peer: the plain socket before TLS, the TLS connection after it.
protocol ByteChannel {
    func send(_ bytes: [UInt8], deadline: Deadline) -> ChannelEvent?
    func receive(limit: Int, deadline: Deadline) -> ChannelRead
}

enum ChannelEvent: Equatable {
    case closed, reset, timedOut
    case failed(String)
}

enum ChannelRead {
    case data([UInt8])
    case event(ChannelEvent)
}

struct PlainChannel: ByteChannel {
    let socket: TCPSocket

    func send(_ bytes: [UInt8], deadline: Deadline) -> ChannelEvent? {
        switch socket.sendAll(bytes, deadline: deadline) {
        case .success: nil
        case .failure(.reset): .reset
        case .failure(.closed): .closed
        case .failure(.timedOut): .timedOut
        case .failure(.failed(let code)): .failed(systemErrorText(code))
        }
    }

    func receive(limit: Int, deadline: Deadline) -> ChannelRead {
        switch socket.receive(limit: limit, deadline: deadline) {
        case .data(let bytes): .data(bytes)
        case .closed: .event(.closed)
        case .reset: .event(.reset)
        case .timedOut: .event(.timedOut)
        case .failed(let code): .event(.failed(systemErrorText(code)))
        }
    }
}

struct TLSChannel: ByteChannel {
    let connection: TLSConnection
    let socket: TCPSocket

    func send(_ bytes: [UInt8], deadline: Deadline) -> ChannelEvent? {
        switch connection.write(bytes, over: socket, deadline: deadline) {
        case .completed: nil
        case .transport(let event): Self.event(event)
        case .tlsError(let errors): .failed(errors.first.map { String(describing: $0) } ?? "TLS error")
        }
    }

    func receive(limit: Int, deadline: Deadline) -> ChannelRead {
        switch connection.read(over: socket, deadline: deadline, limit: limit) {
        case .data(let bytes): .data(bytes)
        case .satisfied: .data([])
        case .closeNotify: .event(.closed)
        case .transport(let event): .event(Self.event(event))
        case .tlsError(let errors): .event(errors.isEmpty ? .closed : .failed(errors.first.map { String(describing: $0) } ?? "TLS error"))
        }
    }

    private static func event(_ event: TransportEvent) -> ChannelEvent {
        switch event {
        case .closed: .closed
        case .reset: .reset
        case .timedOut: .timedOut
        case .failed(let code): .failed(systemErrorText(code))
        }
    }
}

/// Drives a dialogue over a channel until it is done or fails, within the deadline and with
/// at most `replyLimit` bytes buffered for one reply: no server can hold the probe or its memory.
struct DialogueRunner {
    /// 16 KiB: far above any real greeting or capability list (RFC 5321 lines are ≤ 512 octets),
    /// far below what would hurt.
    static let defaultReplyLimit = 16 * 1024

    var replyLimit = defaultReplyLimit
    var log = DialogueLog()
    /// Bytes read past the end of the dialogue (for STARTTLS: data after the go-ahead).
    private(set) var leftover: [UInt8] = []
    private(set) var bytesReceived = 0

    mutating func run(_ dialogue: inout some Dialogue, over channel: some ByteChannel, deadline: Deadline) -> DialogueFailure? {
        var buffer: [UInt8] = []
        while true {
            switch dialogue.step(&buffer, log: &log) {
            case .done:
                leftover = buffer
                return nil
            case .failed(let failure):
                return failure
            case .send(let bytes, let shown):
                log.client(shown)
                if let event = channel.send(bytes, deadline: deadline) {
                    return Self.failure(event, waitingFor: "our \(shown.prefix { $0 != " " }) to be sent", bytes: bytesReceived)
                }
            case .needMore:
                if buffer.count >= replyLimit { return .tooLarge(bytes: buffer.count, limit: replyLimit) }
                switch channel.receive(limit: replyLimit - buffer.count, deadline: deadline) {
                case .data(let bytes):
                    buffer += bytes
                    bytesReceived += bytes.count
                case .event(let event):
                    if !buffer.isEmpty { log.server(SafeText.escape(bytes: buffer.prefix(120)) + " (incomplete)") }
                    return Self.failure(event, waitingFor: dialogue.waitingFor, bytes: bytesReceived)
                }
            }
        }
    }

    private static func failure(_ event: ChannelEvent, waitingFor: String, bytes: Int) -> DialogueFailure {
        switch event {
        case .timedOut: .timedOut(waitingFor: waitingFor, bytes: bytes)
        case .closed: .closed(waitingFor: waitingFor, reset: false, bytes: bytes)
        case .reset: .closed(waitingFor: waitingFor, reset: true, bytes: bytes)
        case .failed(let text): .transport(text)
        }
    }
}

/// Helpers the text dialogues share.
enum DialogueText {
    static func bytes(_ line: String) -> [UInt8] { Array((line + "\r\n").utf8) }

    /// Removes and returns one CRLF- (or LF-) terminated line from the front of `buffer`.
    static func takeLine(_ buffer: inout [UInt8]) -> String? {
        guard let newline = buffer.firstIndex(of: 0x0A) else { return nil }
        var end = newline
        if end > 0 && buffer[end - 1] == 0x0D { end -= 1 }
        let line = SafeText.escape(bytes: buffer[0..<end])
        buffer.removeSubrange(0...newline)
        return line
    }

    /// What a reply that is not the expected protocol is, for `otherProtocol`.
    static func identify(_ bytes: [UInt8]) -> (name: String, preview: String) {
        switch PeerBytesClassifier.classify(bytes) {
        case .tls: return ("TLS (this port expects TLS at once: implicit TLS)", SafeText.hex(Array(bytes.prefix(8))))
        case .plainHTTP(let line): return ("HTTP", line)
        case .banner(let name, let line): return (name, line)
        case .garbage(let hex, _): return ("an unknown binary protocol", hex)
        case .nothing: return ("nothing", "")
        }
    }
}
