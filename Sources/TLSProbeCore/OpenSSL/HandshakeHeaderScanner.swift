/// Follows the server's byte stream through the record layer while it is plaintext, noting the
/// type and claimed length of each handshake message header: what OpenSSL's message callback
/// cannot show for a message it refused to read (e.g. a ServerHello claiming 2^24−1 bytes).
/// Stops at the first ChangeCipherSpec or encrypted record, or once `maxHeaders` are noted.
/// Bounded: it never holds more than one 5-byte record header and one 4-byte message header.
struct HandshakeHeaderScanner {
    struct Header: Equatable {
        let type: UInt8
        let claimedLength: Int
    }

    static let maxHeaders = 16

    private(set) var headers: [Header] = []
    private var finished = false
    private var recordHeader: [UInt8] = []
    /// Payload bytes left in the current record.
    private var recordRemaining = 0
    private var recordIsHandshake = false
    private var messageHeader: [UInt8] = []
    /// Body bytes left in the current handshake message.
    private var messageRemaining = 0

    mutating func scan(_ bytes: [UInt8]) {
        var index = 0
        while index < bytes.count && !finished {
            if recordRemaining == 0 {
                recordHeader.append(bytes[index])
                index += 1
                guard recordHeader.count == 5 else { continue }
                let contentType = recordHeader[0]
                recordRemaining = Int(recordHeader[3]) << 8 | Int(recordHeader[4])
                recordHeader.removeAll(keepingCapacity: true)
                // 21 alerts stay plaintext before encryption; 20 and 23 mean encryption follows.
                guard contentType == 22 || contentType == 21 else { finished = true; break }
                recordIsHandshake = contentType == 22
                continue
            }
            let take = min(recordRemaining, bytes.count - index)
            if recordIsHandshake { consumeHandshake(bytes[index..<(index + take)]) }
            recordRemaining -= take
            index += take
        }
    }

    private mutating func consumeHandshake(_ payload: ArraySlice<UInt8>) {
        var index = payload.startIndex
        while index < payload.endIndex && !finished {
            if messageRemaining > 0 {
                let take = min(messageRemaining, payload.endIndex - index)
                messageRemaining -= take
                index += take
                continue
            }
            messageHeader.append(payload[index])
            index += 1
            guard messageHeader.count == 4 else { continue }
            let length = Int(messageHeader[1]) << 16 | Int(messageHeader[2]) << 8 | Int(messageHeader[3])
            headers.append(Header(type: messageHeader[0], claimedLength: length))
            messageHeader.removeAll(keepingCapacity: true)
            messageRemaining = length
            if headers.count >= Self.maxHeaders { finished = true }
        }
    }
}
