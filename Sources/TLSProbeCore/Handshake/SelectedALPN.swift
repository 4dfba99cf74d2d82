/// The ALPN protocol a server selected, read from the recorded handshake (the ServerHello in
/// TLS ≤ 1.2, EncryptedExtensions in TLS 1.3), even when OpenSSL aborted because of it.
enum SelectedALPN {
    static func inHandshake(_ recorder: HandshakeRecorder) -> String? {
        for message in recorder.messages where message.contentType == 22 && !message.sent {
            switch message.kind {
            case HandshakeType.serverHello:
                if let alpn = ServerAnswerReader.parseServerHello(message.bytes)?.alpn { return alpn }
            case HandshakeType.encryptedExtensions:
                if let alpn = fromEncryptedExtensions(message.bytes) { return alpn }
            default: break
            }
        }
        return nil
    }

    private static func fromEncryptedExtensions(_ message: [UInt8]) -> String? {
        var reader = ByteReader(message)
        guard reader.u8() == HandshakeType.encryptedExtensions, reader.u24() != nil, let length = reader.u16(), var list = reader.slice(Int(length)) else { return nil }
        while let type = list.u16(), let size = list.u16(), var body = list.slice(Int(size)) {
            guard type == WireExtension.alpn else { continue }
            guard body.u16() != nil, let nameLength = body.u8(), let name = body.take(Int(nameLength)) else { return nil }
            return SafeText.escape(bytes: name)
        }
        return nil
    }
}
