/// Diagnosis ids of the starttls and app stages (STARTTLS, MQTT, WebSocket, mail, PostgreSQL).
/// A contract like every id: add, never rename.
public enum ProtocolDiagnosisID {
    // starttls — facts: {protocol} ("SMTP") {command} ("EHLO + STARTTLS") {scheme} {implicit}
    // (where the service speaks TLS at once) and per id below.
    public static let startTLSNotOffered = "starttls.not_offered"  // {offered}
    public static let startTLSRefused = "starttls.refused"  // {reply}
    public static let postgresNoSSL = "starttls.postgres_no_ssl"  // PostgreSQL answered 'N'
    public static let startTLSImplicitTLS = "starttls.implicit_tls"  // {preview}
    public static let startTLSWrongProtocol = "starttls.wrong_protocol"  // {detected} {preview}
    public static let startTLSUnexpectedReply = "starttls.unexpected_reply"  // {reply} {expected}
    public static let startTLSNoGreeting = "starttls.no_greeting"  // {seconds}
    public static let startTLSTimeout = "starttls.timeout"  // {waiting_for} {seconds} {bytes}
    public static let startTLSClosed = "starttls.closed"  // {waiting_for} {how} {bytes}
    public static let startTLSReplyTooLarge = "starttls.reply_too_large"  // {bytes} {limit}
    public static let startTLSInjection = "starttls.injection"  // {bytes} {preview}

    // app — facts: {protocol} and per id below.
    public static let appTimeout = "app.timeout"  // {waiting_for} {seconds} {bytes}
    public static let appClosed = "app.closed"  // {waiting_for} {how} {bytes}
    public static let appReplyTooLarge = "app.reply_too_large"  // {bytes} {limit}
    public static let appWrongProtocol = "app.wrong_protocol"  // {detected} {preview}
    public static let appUnexpectedReply = "app.unexpected_reply"  // {reply} {expected}
    public static let appStartTLSStillOffered = "app.starttls_still_offered"  // {keyword}
    public static let postgresRejected = "app.postgres_rejected"  // {code} (SQLSTATE) {message} {user} {database}

    // mqtt — facts: {code} {meaning} {version} ("MQTT 3.1.1") {advice} {reason} (MQTT 5 Reason String)
    public static let mqttNotAuthorized = "mqtt.not_authorized"
    public static let mqttRefused = "mqtt.refused"
    public static let mqttEmbeddedClient = "mqtt.embedded_client"  // info: {client} {sni} {alpn}

    // ws — facts: {status} {status_line} {location} {accept} {wanted} {chosen}
    public static let webSocketNotUpgraded = "ws.not_upgraded"
    public static let webSocketBadAccept = "ws.bad_accept"
    public static let webSocketNoSubprotocol = "ws.no_subprotocol"

    public static let all: [String] = [
        startTLSNotOffered, startTLSRefused, postgresNoSSL, startTLSImplicitTLS, startTLSWrongProtocol,
        startTLSUnexpectedReply, startTLSNoGreeting, startTLSTimeout, startTLSClosed, startTLSReplyTooLarge,
        startTLSInjection,
        appTimeout, appClosed, appReplyTooLarge, appWrongProtocol, appUnexpectedReply, appStartTLSStillOffered,
        postgresRejected,
        mqttNotAuthorized, mqttRefused, mqttEmbeddedClient,
        webSocketNotUpgraded, webSocketBadAccept, webSocketNoSubprotocol,
    ]
}
