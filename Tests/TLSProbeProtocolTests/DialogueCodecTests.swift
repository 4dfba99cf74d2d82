import Testing
@testable import TLSProbeCore

/// The protocol state machines on scripted bytes: no sockets, every branch reachable.
@Suite struct DialogueCodecTests {
    /// A channel that replays server chunks and records what the dialogue sent.
    final class ScriptedChannel: ByteChannel {
        var chunks: [[UInt8]]
        var sent: [[UInt8]] = []
        let end: ChannelEvent
        init(_ chunks: [String], end: ChannelEvent = .closed) {
            self.chunks = chunks.map { Array($0.utf8) }
            self.end = end
        }
        init(bytes: [[UInt8]], end: ChannelEvent = .closed) {
            chunks = bytes
            self.end = end
        }
        func send(_ bytes: [UInt8], deadline: Deadline) -> ChannelEvent? { sent.append(bytes); return nil }
        func receive(limit: Int, deadline: Deadline) -> ChannelRead {
            guard !chunks.isEmpty else { return .event(end) }
            var chunk = chunks.removeFirst()
            if chunk.count > limit {
                chunks.insert(Array(chunk[limit...]), at: 0)
                chunk = Array(chunk[..<limit])
            }
            return .data(chunk)
        }
        var sentText: [String] { sent.map { String(decoding: $0, as: UTF8.self) } }
    }

    private func run(_ dialogue: inout some Dialogue, _ channel: ScriptedChannel, limit: Int = DialogueRunner.defaultReplyLimit) -> (DialogueFailure?, DialogueRunner) {
        var runner = DialogueRunner(replyLimit: limit)
        let failure = runner.run(&dialogue, over: channel, deadline: .after(seconds: 5))
        return (failure, runner)
    }

    @Test func smtpUpgrade() {
        let channel = ScriptedChannel(["220 mx.example ESMTP\r\n", "250-mx.example\r\n250-PIPELINING\r\n250-STARTTLS\r\n250 8BITMIME\r\n", "220 2.0.0 Ready\r\n"])
        var dialogue = SMTPDialogue(mode: .startTLS)
        let (failure, runner) = run(&dialogue, channel)
        #expect(failure == nil)
        #expect(channel.sentText == ["EHLO tlsprobe.invalid\r\n", "STARTTLS\r\n"])
        #expect(dialogue.capabilities == ["PIPELINING", "STARTTLS", "8BITMIME"])
        #expect(runner.leftover.isEmpty)
    }

    @Test func smtpReplySplitAcrossReads() {
        let channel = ScriptedChannel(["22", "0 hi\r", "\n250-a\r\n25", "0 STARTTLS\r\n", "220 go\r\n"])
        var dialogue = SMTPDialogue(mode: .startTLS)
        #expect(run(&dialogue, channel).0 == nil)
    }

    @Test func smtpNotOfferedListsWhatWas() {
        var dialogue = SMTPDialogue(mode: .startTLS)
        let (failure, _) = run(&dialogue, ScriptedChannel(["220 hi\r\n", "250-hi\r\n250-SIZE 1000\r\n250 AUTH PLAIN\r\n"]))
        #expect(failure == .notOffered(offered: ["SIZE 1000", "AUTH PLAIN"]))
    }

    @Test func smtp454IsARefusal() {
        var dialogue = SMTPDialogue(mode: .startTLS)
        let (failure, _) = run(&dialogue, ScriptedChannel(["220 hi\r\n", "250-hi\r\n250 STARTTLS\r\n", "454 4.7.0 TLS not available due to temporary reason\r\n"]))
        #expect(failure == .refused(reply: "454 4.7.0 TLS not available due to temporary reason"))
    }

    @Test func imapGreetingOnTheSMTPPortIsNamed() {
        var dialogue = SMTPDialogue(mode: .startTLS)
        let (failure, _) = run(&dialogue, ScriptedChannel(["* OK [CAPABILITY IMAP4rev1] ready\r\n"]))
        guard case .otherProtocol(let detected, _) = failure else { Issue.record("\(String(describing: failure))"); return }
        #expect(detected == "IMAP")
    }

    @Test func dataAfterTheGoAheadIsLeftOver() {
        var dialogue = SMTPDialogue(mode: .startTLS)
        let (failure, runner) = run(&dialogue, ScriptedChannel(["220 hi\r\n", "250-hi\r\n250 STARTTLS\r\n", "220 go ahead\r\n250 injected\r\n"]))
        #expect(failure == nil)
        #expect(String(decoding: runner.leftover, as: UTF8.self) == "250 injected\r\n")
    }

    @Test func endlessReplyHitsTheCap() {
        let flood = String(repeating: "220-spam spam spam spam\r\n", count: 2000)
        var dialogue = SMTPDialogue(mode: .startTLS)
        let (failure, runner) = run(&dialogue, ScriptedChannel([flood]), limit: 4096)
        #expect(failure == .tooLarge(bytes: 4096, limit: 4096))
        #expect(runner.bytesReceived == 4096)
        #expect(runner.log.transcript.count <= DialogueLog.maxLines + 1)
    }

    @Test func silenceIsATimeoutNamingTheGreeting() {
        var dialogue = SMTPDialogue(mode: .startTLS)
        let (failure, _) = run(&dialogue, ScriptedChannel([], end: .timedOut))
        #expect(failure == .timedOut(waitingFor: "the SMTP greeting (220)", bytes: 0))
    }

    @Test func imapUpgradeAndRefusal() {
        let ok = ScriptedChannel(["* OK ready\r\n", "* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\na1 OK done\r\n", "a2 OK Begin TLS\r\n"])
        var dialogue = IMAPDialogue(mode: .startTLS)
        #expect(run(&dialogue, ok).0 == nil)
        #expect(dialogue.capabilities == ["IMAP4REV1", "STARTTLS", "LOGINDISABLED"])
        var refused = IMAPDialogue(mode: .startTLS)
        let (failure, _) = run(&refused, ScriptedChannel(["* OK ready\r\n", "* CAPABILITY IMAP4rev1 STARTTLS\r\na1 OK\r\n", "a2 NO [UNAVAILABLE] TLS broken\r\n"]))
        #expect(failure == .refused(reply: "a2 NO [UNAVAILABLE] TLS broken"))
        var missing = IMAPDialogue(mode: .startTLS)
        #expect(run(&missing, ScriptedChannel(["* OK ready\r\n", "* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\na1 OK\r\n"])).0 == .notOffered(offered: ["IMAP4REV1", "AUTH=PLAIN"]))
    }

    @Test func pop3UpgradeAndRefusal() {
        var dialogue = POP3Dialogue(mode: .startTLS)
        let channel = ScriptedChannel(["+OK POP3 ready\r\n", "+OK\r\nUSER\r\nSTLS\r\n.\r\n", "+OK Begin TLS\r\n"])
        #expect(run(&dialogue, channel).0 == nil)
        #expect(channel.sentText == ["CAPA\r\n", "STLS\r\n"])
        var refused = POP3Dialogue(mode: .startTLS)
        #expect(run(&refused, ScriptedChannel(["+OK hi\r\n", "+OK\r\nSTLS\r\n.\r\n", "-ERR TLS not available\r\n"])).0 == .refused(reply: "-ERR TLS not available"))
    }

    @Test func ftpAuthTLS() {
        var dialogue = FTPDialogue(mode: .startTLS)
        let channel = ScriptedChannel(["220 FTP ready\r\n", "211-Features:\r\n AUTH TLS\r\n PBSZ\r\n211 End\r\n", "234 AUTH TLS OK.\r\n"])
        #expect(run(&dialogue, channel).0 == nil)
        #expect(dialogue.capabilities == ["AUTH TLS", "PBSZ"])
        var missing = FTPDialogue(mode: .startTLS)
        #expect(run(&missing, ScriptedChannel(["220 hi\r\n", "211-Features:\r\n MDTM\r\n211 End\r\n", "500 unknown command\r\n"])).0 == .notOffered(offered: ["MDTM"]))
    }

    @Test func postgresAnswers() {
        var yes = PostgresDialogue(mode: .startTLS)
        let channel = ScriptedChannel(["S"])
        #expect(run(&yes, channel).0 == nil)
        #expect(channel.sent == [PostgresDialogue.sslRequest])
        #expect(PostgresDialogue.sslRequest == [0, 0, 0, 8, 4, 210, 22, 47])  // 80877103
        var no = PostgresDialogue(mode: .startTLS)
        #expect(run(&no, ScriptedChannel(["N"])).0 == .refused(reply: "N"))
        var injected = PostgresDialogue(mode: .startTLS)
        let (failure, runner) = run(&injected, ScriptedChannel(["SE\0\0\0\u{8}hi"]))
        #expect(failure == nil)
        #expect(runner.leftover.count == 7)
        var http = PostgresDialogue(mode: .startTLS)
        let (wrong, _) = run(&http, ScriptedChannel(["HTTP/1.1 400 Bad Request\r\n\r\n"]))
        #expect(wrong == .otherProtocol(detected: "HTTP", preview: "HTTP/1.1 400 Bad Request"))
    }

    @Test func postgresTLSServerIsImplicitTLS() {
        var dialogue = PostgresDialogue(mode: .startTLS)
        let (failure, _) = run(&dialogue, ScriptedChannel(bytes: [[0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x32]]))
        guard case .otherProtocol(let detected, _) = failure else { Issue.record("\(String(describing: failure))"); return }
        #expect(detected.hasPrefix("TLS"))
    }

    @Test func xmppFeatures() {
        let features = "<?xml version='1.0'?><stream:stream from='example.com' id='1' version='1.0' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'><stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism><mechanism>SCRAM-SHA-1</mechanism></mechanisms></stream:features>"
        var dialogue = XMPPDialogue(mode: .startTLS, domain: "example.com")
        let channel = ScriptedChannel([features, "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"])
        #expect(run(&dialogue, channel).0 == nil)
        #expect(dialogue.features == ["starttls", "mechanisms: PLAIN SCRAM-SHA-1"])
        #expect(channel.sentText.last == "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
        var failure = XMPPDialogue(mode: .startTLS, domain: "example.com")
        let (refused, _) = run(&failure, ScriptedChannel([features, "<failure xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"]))
        guard case .refused = refused else { Issue.record("\(String(describing: refused))"); return }
    }

    @Test func ldapStartTLSRequestAndResponses() {
        let request = LDAPDialogue.extendedRequest(oid: LDAPDialogue.startTLSOID)
        #expect(request.prefix(7) == [0x30, 0x1D, 0x02, 0x01, 0x01, 0x77, 0x18])
        #expect(request.count == 31)
        // LDAPMessage { 1, ExtendedResponse { success, "", "" } }
        let success: [UInt8] = [0x30, 0x0C, 0x02, 0x01, 0x01, 0x78, 0x07, 0x0A, 0x01, 0x00, 0x04, 0x00, 0x04, 0x00]
        var ok = LDAPDialogue(mode: .startTLS)
        #expect(run(&ok, ScriptedChannel(bytes: [success])).0 == nil)
        var unsupported = LDAPDialogue(mode: .startTLS)
        let protocolError: [UInt8] = [0x30, 0x0C, 0x02, 0x01, 0x01, 0x78, 0x07, 0x0A, 0x01, 0x02, 0x04, 0x00, 0x04, 0x00]
        #expect(run(&unsupported, ScriptedChannel(bytes: [protocolError])).0 == .notOffered(offered: []))
        var unwilling = LDAPDialogue(mode: .startTLS)
        let refusal: [UInt8] = [0x30, 0x0F, 0x02, 0x01, 0x01, 0x78, 0x0A, 0x0A, 0x01, 0x35, 0x04, 0x00, 0x04, 0x03] + Array("no!".utf8)
        #expect(run(&unwilling, ScriptedChannel(bytes: [refusal])).0 == .refused(reply: "resultCode 53 (unwillingToPerform): no!"))
    }

    @Test func mqttConnectBytes() {
        // MQTT 3.1.1 §3.1: "MQTT", level 4, clean session, keep-alive 60, client id "ab".
        #expect(MQTTCodec.connect(version: .v311, clientID: "ab", user: nil, password: nil)
            == [0x10, 0x0E, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x04, 0x02, 0x00, 0x3C, 0x00, 0x02, 0x61, 0x62])
        let v5 = MQTTCodec.connect(version: .v5, clientID: "ab", user: "u", password: "p")
        #expect(v5[8] == 5)
        #expect(v5[9] == 0xC2)  // user name, password, clean start
        #expect(v5[12] == 0)  // no properties
        #expect(MQTTCodec.remainingLength(321) == [0xC1, 0x02])
        #expect(MQTTCodec.decodeRemainingLength([0xC1, 0x02][...])! == (321, 2))
    }

    @Test func connackMeanings() {
        var v3: [UInt8] = [0x20, 0x02, 0x00, 0x05]
        #expect(MQTTCodec.parseConnack(&v3, version: .v311) == .connack(code: 5, sessionPresent: false, reason: nil))
        #expect(MQTTConnectResult.meaning(code: 5, version: .v311).kind == .credentials)
        #expect(MQTTConnectResult.meaning(code: 4, version: .v311).name == "bad user name or password")
        #expect(MQTTConnectResult.meaning(code: 1, version: .v311).kind == .refused)
        // MQTT 5 CONNACK 0x87 with a Reason String property.
        var v5: [UInt8] = [0x20, 0x0A, 0x00, 0x87, 0x07, 0x1F, 0x00, 0x04] + Array("nope".utf8)
        #expect(MQTTCodec.parseConnack(&v5, version: .v5) == .connack(code: 0x87, sessionPresent: false, reason: "nope"))
        #expect(MQTTConnectResult.meaning(code: 0x87, version: .v5).kind == .credentials)
        #expect(MQTTConnectResult.meaning(code: 0x84, version: .v5).advice.contains("--mqtt-version 3.1.1"))
        #expect(MQTTConnectResult.hex(0) == "0x00")
        var partial: [UInt8] = [0x20, 0x02, 0x00]
        #expect(MQTTCodec.parseConnack(&partial, version: .v311) == .incomplete)
    }

    @Test func mqttBrokerAnsweringHTTPIsNamed() {
        var dialogue = MQTTDialogue(version: .v311, clientID: "t", user: nil, password: nil)
        let (failure, _) = run(&dialogue, ScriptedChannel(["HTTP/1.1 400 Bad Request\r\n\r\n"]))
        #expect(failure == .otherProtocol(detected: "HTTP", preview: "HTTP/1.1 400 Bad Request"))
    }

    @Test func webSocketAcceptMatchesRFC6455() {
        // RFC 6455 §1.3's worked example.
        #expect(WebSocketDialogue.expectedAccept(for: "dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        #expect(WebSocketDialogue.base64(Array("ab".utf8)) == "YWI=")
        #expect(WebSocketDialogue.randomKey().count == 24)
    }

    @Test func transcriptIsBounded() {
        var log = DialogueLog()
        for index in 0..<100 { log.server(String(repeating: "x", count: 500) + "\(index)") }
        #expect(log.transcript.count == DialogueLog.maxLines + 1)
        #expect(log.transcript.allSatisfy { $0.count <= DialogueLog.maxLineLength + 4 })
    }
}

@Suite struct SchemeParsingTests {
    @Test(arguments: [
        ("mqtts://broker.example", AppProtocol.mqtts, 8883), ("smtp://mx.example", .smtp, 25), ("smtp://mx.example:587", .smtp, 587),
        ("smtps://mx.example", .smtps, 465), ("imap://m.example", .imap, 143), ("imaps://m.example", .imaps, 993),
        ("pop3://m.example", .pop3, 110), ("pop3s://m.example", .pop3s, 995), ("ftp://f.example", .ftp, 21),
        ("ftps://f.example", .ftps, 990), ("xmpp://x.example", .xmpp, 5222), ("ldap://d.example", .ldap, 389),
        ("ldaps://d.example", .ldaps, 636), ("postgres://db.example", .postgres, 5432), ("postgresql://db.example", .postgres, 5432),
        ("wss://w.example/socket", .wss, 443), ("https://h.example", .https, 443), ("h.example", .https, 443),
    ])
    func schemeGivesProtocolAndPort(input: String, expected: AppProtocol, port: Int) throws {
        let target = try ProbeTarget.parse(input)
        #expect(target.appProtocol == expected)
        #expect(target.port == port)
    }

    @Test func userIsKeptPasswordIsNot() throws {
        let target = try ProbeTarget.parse("postgres://app%40svc:hunter2@db.example/orders")
        #expect(target.user == "app@svc")
        #expect(target.path == "/orders")
        #expect(target.host == "db.example")
    }

    @Test func plainMQTTIsRejectedWithAHint() {
        #expect(throws: TargetParseError.self) { try ProbeTarget.parse("mqtt://broker.example") }
        do { _ = try ProbeTarget.parse("mqtt://broker.example") } catch { #expect(error.description.contains("mqtts://")) }
    }

    @Test func startTLSNames() {
        #expect(AppProtocol.startTLS(named: "postgresql") == .postgres)
        #expect(AppProtocol.startTLS(named: "SMTP") == .smtp)
        #expect(AppProtocol.startTLS(named: "smtps") == nil)
        #expect(AppProtocol.startTLSNames == ["smtp", "imap", "pop3", "ftp", "xmpp", "ldap", "postgres"])
    }
}
