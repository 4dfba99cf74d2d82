/// One STARTTLS upgrade over an open socket: the protocol's plaintext dialogue (greeting,
/// capabilities, the upgrade request and its go-ahead) run to its end. The probe's starttls
/// stage judges the result; the capability scan runs it before each of its connections.
struct StartTLSUpgrade {
    var runner = DialogueRunner()
    var failure: DialogueFailure?
    var capabilities: [String]?
    var greeting: String?

    /// Runs the dialogue of `appProtocol` (XMPP names `domain` in its stream header). Nil for a
    /// protocol without one.
    static func run(_ appProtocol: AppProtocol, domain: String, over socket: TCPSocket, deadline: Deadline) -> StartTLSUpgrade? {
        var upgrade = StartTLSUpgrade()
        let channel = PlainChannel(socket: socket)
        switch appProtocol {
        case .smtp:
            var dialogue = SMTPDialogue(mode: .startTLS)
            upgrade.failure = upgrade.runner.run(&dialogue, over: channel, deadline: deadline)
            upgrade.capabilities = dialogue.capabilities
            upgrade.greeting = dialogue.greeting
        case .imap:
            var dialogue = IMAPDialogue(mode: .startTLS)
            upgrade.failure = upgrade.runner.run(&dialogue, over: channel, deadline: deadline)
            upgrade.capabilities = dialogue.capabilities
            upgrade.greeting = dialogue.greeting
        case .pop3:
            var dialogue = POP3Dialogue(mode: .startTLS)
            upgrade.failure = upgrade.runner.run(&dialogue, over: channel, deadline: deadline)
            upgrade.capabilities = dialogue.capabilitiesAnswered ? dialogue.capabilities : nil
            upgrade.greeting = dialogue.greeting
        case .ftp:
            var dialogue = FTPDialogue(mode: .startTLS)
            upgrade.failure = upgrade.runner.run(&dialogue, over: channel, deadline: deadline)
            upgrade.capabilities = dialogue.capabilitiesAnswered ? dialogue.capabilities : nil
            upgrade.greeting = dialogue.greeting
        case .xmpp:
            var dialogue = XMPPDialogue(mode: .startTLS, domain: domain)
            upgrade.failure = upgrade.runner.run(&dialogue, over: channel, deadline: deadline)
            upgrade.capabilities = dialogue.features
        case .ldap:
            var dialogue = LDAPDialogue(mode: .startTLS)
            upgrade.failure = upgrade.runner.run(&dialogue, over: channel, deadline: deadline)
        case .postgres:
            var dialogue = PostgresDialogue(mode: .startTLS)
            upgrade.failure = upgrade.runner.run(&dialogue, over: channel, deadline: deadline)
        default:
            return nil
        }
        return upgrade
    }
}
