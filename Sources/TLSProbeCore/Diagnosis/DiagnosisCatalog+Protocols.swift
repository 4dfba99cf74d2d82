// starttls rows (the plaintext dialogue before TLS) and app / mqtt / ws rows (the exchange in the
// target's own protocol after Finished).
extension DiagnosisCatalog {
    private static let curlSSLRequired = "64 (CURLE_USE_SSL_FAILED) with --ssl-reqd; without it curl carries on in plaintext"

    public struct ProtocolRows: DiagnosisRowSet {
        static let shared = ProtocolRows()

        // starttls — facts: {protocol} ("SMTP") {command} ("EHLO + STARTTLS") {scheme} {implicit}
        // (where the service speaks TLS at once) and per id below.
        public let startTLSNotOffered = DiagnosisEntry(
            id: "starttls.not_offered", severity: .error, stage: .starttls, exitStatus: .startTLSNotAvailable,
            title: "STARTTLS not offered",
            summaryTemplate: "The {protocol} server does not offer the upgrade to TLS ({command}); it offered: {offered}.",
            facts: ["protocol", "command", "offered"],
            explanation: "The capability list the server sent in plaintext has no STARTTLS (STLS for POP3, AUTH TLS for FTP, the xmpp-tls feature for XMPP). Either TLS is not configured for this listener, or something in the path strips the capability (some firewalls' 'SMTP fixup' replace STARTTLS with XXXXXXXX), which is a downgrade attack as much as a misconfiguration.",
            fixServer: "Configure a certificate and enable STARTTLS on this listener (Postfix: smtpd_tls_security_level = may and smtpd_tls_cert_file/key_file; Dovecot: ssl = yes; vsftpd: ssl_enable=YES). If it is configured, look for a middlebox that rewrites the capability list.",
            fixClient: "Clients that require TLS fail here (curl --ssl-reqd, libcurl CURLUSESSL_ALL); ones that merely prefer TLS silently continue in plaintext. Use the implicit-TLS port if the server has one (smtps 465, imaps 993, pop3s 995, ftps 990, ldaps 636).",
            curl: curlSSLRequired,
            docs: "RFC 3207 (SMTP), RFC 2595 (IMAP/POP3), RFC 4217 (FTP), RFC 6120 §5 (XMPP), RFC 4511 §4.14 (LDAP)"
        )

        public let startTLSRefused = DiagnosisEntry(
            id: "starttls.refused", severity: .error, stage: .starttls, exitStatus: .startTLSNotAvailable,
            title: "STARTTLS refused",
            summaryTemplate: "The {protocol} server refused the upgrade to TLS: \"{reply}\".",
            facts: ["protocol", "reply"],
            explanation: "The server answered the upgrade request with a refusal (SMTP 454 'TLS not available due to temporary reason', IMAP NO/BAD, POP3 -ERR, an LDAP error result). Usually its certificate or key failed to load, or TLS is offered but disabled for this client.",
            fixServer: "Check the server's log at start-up and at this connection for TLS errors (certificate or key not readable, wrong permissions, mismatched key).",
            fixClient: "Nothing on the client side makes a refusing server upgrade; try the implicit-TLS port if the server has one (smtps 465, imaps 993, pop3s 995, ftps 990, ldaps 636).",
            curl: curlSSLRequired,
            docs: "RFC 3207 §4, RFC 2595 §3.1, RFC 4511 §4.14.2"
        )

        /// PostgreSQL answered 'N'
        public let postgresNoSSL = DiagnosisEntry(
            id: "starttls.postgres_no_ssl", severity: .error, stage: .starttls, exitStatus: .startTLSNotAvailable,
            title: "PostgreSQL server has TLS off",
            summaryTemplate: "The PostgreSQL server answered 'N' to SSLRequest: it does not accept TLS connections (ssl = off).",
            facts: [],
            explanation: "With sslmode=require, verify-ca or verify-full libpq fails with 'server does not support SSL, but SSL was required'. With the default sslmode=prefer (and allow) it silently connects without encryption, password exchange included.",
            fixServer: "Set ssl = on with ssl_cert_file and ssl_key_file in postgresql.conf (the key readable only by the server's user), reload, and use hostssl lines in pg_hba.conf to refuse plaintext.",
            fixClient: "Use sslmode=verify-full so a server without TLS is refused instead of used in plaintext.",
            docs: "PostgreSQL docs: 'SSL Session Encryption' (protocol flow), 'libpq SSL Support' (sslmode)"
        )

        public let startTLSImplicitTLS = DiagnosisEntry(
            id: "starttls.implicit_tls", severity: .error, stage: .starttls, exitStatus: .startTLSFailed,
            title: "Port speaks TLS at once",
            summaryTemplate: "This port speaks TLS at once (implicit TLS), not the {protocol} plaintext dialogue: {evidence}. Use {implicit}.",
            facts: ["protocol", "evidence", "implicit"],
            explanation: "The port terminates TLS immediately (as 465, 993, 995, 990 and 636 do); a STARTTLS client waits for a plaintext greeting that never comes, or sends plaintext that the TLS server rejects.",
            fixServer: "Nothing, if implicit TLS is meant here.",
            fixClient: "Use the implicit-TLS scheme for this port (smtps://, imaps://, pop3s://, ftps://, ldaps://), without --starttls.",
            docs: "RFC 8314 (implicit TLS for mail)"
        )

        public let startTLSWrongProtocol = DiagnosisEntry(
            id: "starttls.wrong_protocol", severity: .error, stage: .starttls, exitStatus: .startTLSFailed,
            title: "Server speaks another protocol",
            summaryTemplate: "Expected {protocol}, but the server speaks {detected}: \"{preview}\".",
            facts: ["protocol", "detected", "preview"],
            explanation: "The first reply does not fit the protocol's syntax at all: the port belongs to another service, or the scheme or --starttls names the wrong protocol.",
            fixServer: "Check which service listens on this port.",
            fixClient: "Use the scheme (or --starttls) of the protocol the server speaks, or the port of the service you meant.",
            docs: "RFC 5321 §4.2, RFC 9051 §7.1, RFC 1939 §3"
        )

        public let startTLSUnexpectedReply = DiagnosisEntry(
            id: "starttls.unexpected_reply", severity: .error, stage: .starttls, exitStatus: .startTLSFailed,
            title: "Unexpected reply before TLS",
            summaryTemplate: "During the {protocol} upgrade we expected {expected}, but got \"{reply}\".",
            facts: ["protocol", "expected", "reply"],
            explanation: "The server speaks the protocol but answered a step of the upgrade in a way that does not lead to TLS: a greeting with an error code, EHLO rejected, an error response to SSLRequest.",
            fixServer: "Read the reply: it usually says why (a 554 greeting names a policy block; '500 EHLO' means a server that only knows HELO, which has no STARTTLS).",
            fixClient: "Check that the target is the service you meant.",
            curl: "8 (CURLE_WEIRD_SERVER_REPLY)",
            docs: "RFC 5321 §4.2, RFC 3207"
        )

        public let startTLSNoGreeting = DiagnosisEntry(
            id: "starttls.no_greeting", severity: .error, stage: .starttls, exitStatus: .startTLSFailed,
            title: "No greeting",
            summaryTemplate: "The TCP connection is up but no {protocol} greeting arrived within {seconds} s.",
            facts: ["protocol", "seconds"],
            explanation: "Mail and FTP servers speak first. Silence means the service is stuck or overloaded, a greeting delay (Postfix postscreen, anti-spam tarpits) is longer than the deadline, the port is an implicit-TLS port waiting for our ClientHello, or a firewall passes the SYN but nothing after it.",
            fixServer: "Check the service's process and logs; check greeting delays against clients' timeouts (RFC 5321 §4.5.3.2 lets clients wait 5 minutes for the greeting, many wait far less).",
            fixClient: "Raise --timeout if a greeting delay is expected; if the port may be an implicit-TLS port (it then waits silently for a ClientHello), probe it with smtps://, imaps://, pop3s://, ftps:// or ldaps://.",
            curl: "28 (CURLE_OPERATION_TIMEDOUT)",
            docs: "RFC 5321 §4.5.3.2"
        )

        public let startTLSTimeout = DiagnosisEntry(
            id: "starttls.timeout", severity: .error, stage: .starttls, exitStatus: .startTLSFailed,
            title: "No answer during the upgrade",
            summaryTemplate: "No answer within {seconds} s while waiting for {waiting_for} ({bytes} bytes received so far).",
            facts: ["seconds", "waiting_for", "bytes"],
            explanation: "The server stopped answering in the middle of the plaintext dialogue, or (PostgreSQL, LDAP, XMPP, where the client speaks first) never answered our first message: the port may belong to a service that waits for something else.",
            fixServer: "Check the service's logs for this connection.",
            fixClient: "Check the scheme and port; raise --timeout for a slow server.",
            curl: "28 (CURLE_OPERATION_TIMEDOUT)"
        )

        public let startTLSClosed = DiagnosisEntry(
            id: "starttls.closed", severity: .error, stage: .starttls, exitStatus: .startTLSFailed,
            title: "Connection closed before TLS",
            summaryTemplate: "The server {how} the connection while we waited for {waiting_for} ({bytes} bytes received).",
            facts: ["how", "waiting_for", "bytes"],
            explanation: "The server (or a firewall, or fail2ban-style blocking) ended the connection during the plaintext dialogue: a connection limit, a client-address block, or a service that crashed.",
            fixServer: "Check the service's and the firewall's logs for this client address.",
            fixClient: "Check whether your address is blocked or rate-limited.",
            curl: "56 (CURLE_RECV_ERROR) or 8 (CURLE_WEIRD_SERVER_REPLY)"
        )

        public let startTLSReplyTooLarge = DiagnosisEntry(
            id: "starttls.reply_too_large", severity: .error, stage: .starttls, exitStatus: .startTLSFailed,
            title: "Reply too large",
            summaryTemplate: "The {protocol} server's reply grew past {limit} without ending ({bytes} bytes); tlsprobe stopped reading.",
            facts: ["protocol", "limit", "bytes"],
            explanation: "Greetings and capability lists are a few hundred bytes (RFC 5321 limits a reply line to 512 octets). A reply this large without an end is a misbehaving server, another protocol streaming data, or an attempt to exhaust a client's memory.",
            fixServer: "Check which service listens on this port and what it sends.",
            fixClient: "Check the scheme and port."
        )

        public let startTLSInjection = DiagnosisEntry(
            id: "starttls.injection", severity: .error, stage: .starttls, exitStatus: .startTLSFailed,
            title: "Data after the go-ahead",
            summaryTemplate: "{bytes} bytes of plaintext arrived after the server's go-ahead and before TLS: \"{preview}\".",
            facts: ["bytes", "preview"],
            explanation: "After the go-ahead (SMTP 220, IMAP OK, POP3 +OK, PostgreSQL 'S') the next byte must be the server's TLS record. Plaintext there is either a broken server or a man in the middle injecting responses; a client that keeps its buffer would treat them as if they came over TLS (the STARTTLS response-injection class: CVE-2021-23222 in libpq, the 2021 'NO STARTTLS' findings in mail clients).",
            fixServer: "Update the server software; check the path for a middlebox that writes into the stream.",
            fixClient: "Use a client that discards buffered plaintext at the upgrade, or implicit TLS where the server offers it.",
            docs: "RFC 3207 §4.2, RFC 2595 §3.1, CVE-2021-23222"
        )

        // app — facts: {protocol} and per id below.
        public let appTimeout = DiagnosisEntry(
            id: "app.timeout", severity: .error, stage: .app, exitStatus: .applicationFailed,
            title: "No application answer in time",
            summaryTemplate: "TLS is up, but no {protocol} answer arrived within {seconds} s while waiting for {waiting_for} ({bytes} bytes received).",
            facts: ["protocol", "seconds", "waiting_for", "bytes"],
            explanation: "The handshake worked; the service behind TLS did not answer: it is stuck, it speaks another protocol that waits for something else, or a TLS-terminating proxy cannot reach it.",
            fixServer: "Check the service behind TLS and the proxy's upstream connection.",
            fixClient: "Raise --timeout for a slow service; check the scheme.",
            curl: "28 (CURLE_OPERATION_TIMEDOUT)",
            mbedtls: ["esp-mqtt: MQTT_EVENT_ERROR with error_type MQTT_ERROR_TYPE_TCP_TRANSPORT after network_timeout_ms (10 s by default)"]
        )

        public let appClosed = DiagnosisEntry(
            id: "app.closed", severity: .error, stage: .app, exitStatus: .applicationFailed,
            title: "Connection closed after TLS",
            summaryTemplate: "TLS is up, but the server {how} the connection while we waited for {waiting_for} ({bytes} bytes received).",
            facts: ["how", "waiting_for", "bytes"],
            explanation: "The service accepted TLS and then ended the connection without an answer in its protocol: it rejects the request (a broker that does not speak this MQTT version may just close), it crashed, or a proxy lost its upstream.",
            fixServer: "Check the service's log for this connection.",
            fixClient: "For MQTT, try the other --mqtt-version; otherwise check the scheme and port.",
            curl: "52 (CURLE_GOT_NOTHING) or 56 (CURLE_RECV_ERROR)",
            mbedtls: ["MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY -0x7880 or MBEDTLS_ERR_SSL_CONN_EOF -0x7280 on the first read"]
        )

        public let appReplyTooLarge = DiagnosisEntry(
            id: "app.reply_too_large", severity: .error, stage: .app, exitStatus: .applicationFailed,
            title: "Application reply too large",
            summaryTemplate: "The {protocol} server's reply grew past {limit} without ending ({bytes} bytes); tlsprobe stopped reading.",
            facts: ["protocol", "limit", "bytes"],
            explanation: "Replies to these first requests are small; an endless one is a misbehaving service or another protocol streaming data.",
            fixServer: "Check which service sits behind TLS on this port.",
            fixClient: "Check the scheme and port."
        )

        public let appWrongProtocol = DiagnosisEntry(
            id: "app.wrong_protocol", severity: .error, stage: .app, exitStatus: .applicationFailed,
            title: "Another protocol behind TLS",
            summaryTemplate: "TLS is up, but behind it the server speaks {detected}, not {protocol}: \"{preview}\".",
            facts: ["detected", "protocol", "preview"],
            explanation: "TLS terminates into a different service than the scheme names (an HTTPS server on the MQTT port, a web server answering the mail port).",
            fixServer: "Check the TLS terminator's backend for this port.",
            fixClient: "Use the scheme of the protocol the server speaks (https:// for HTTP), or --no-app to check only TLS.",
            curl: "8 (CURLE_WEIRD_SERVER_REPLY)"
        )

        public let appUnexpectedReply = DiagnosisEntry(
            id: "app.unexpected_reply", severity: .error, stage: .app, exitStatus: .applicationFailed,
            title: "Unexpected application reply",
            summaryTemplate: "TLS is up; we expected {expected} from the {protocol} server, but got \"{reply}\".",
            facts: ["expected", "protocol", "reply"],
            explanation: "The service behind TLS speaks the protocol but refused or garbled the first exchange (an SMTP 554 greeting, EHLO rejected, a malformed CONNACK).",
            fixServer: "Read the reply: it usually says why; check the service's log.",
            fixClient: "Check that the target is the service you meant.",
            curl: "8 (CURLE_WEIRD_SERVER_REPLY)"
        )

        public let appStartTLSStillOffered = DiagnosisEntry(
            id: "app.starttls_still_offered", severity: .warning, stage: .app, exitStatus: .success,
            title: "STARTTLS still offered after TLS",
            summaryTemplate: "After the upgrade the {protocol} server still lists {keyword} in its capabilities.",
            facts: ["protocol", "keyword"],
            explanation: "RFC 3207 and RFC 2595 say a server must not offer the upgrade again once TLS is active; offering it suggests the server does not know the connection is protected, and it may apply plaintext policy (refusing AUTH).",
            fixServer: "Update or fix the server (or the proxy that terminates TLS in front of it).",
            docs: "RFC 3207 §4.2, RFC 2595 §3.1"
        )

        /// {code} (SQLSTATE) {message} {user} {database}
        public let postgresRejected = DiagnosisEntry(
            id: "app.postgres_rejected", severity: .warning, stage: .app, exitStatus: .success,
            title: "PostgreSQL refused the session (TLS is fine)",
            summaryTemplate: "TLS is fine; PostgreSQL refused user \"{user}\" on database \"{database}\": {message} (SQLSTATE {code}).",
            facts: ["user", "database", "message", "code"],
            explanation: "The server accepted TLS and answered the StartupMessage with an error: pg_hba.conf has no entry for this user, database and address with TLS (28000), the database does not exist (3D000), or the server is starting up or full. tlsprobe sends no password, so an authentication request would have been the healthy answer.",
            fixServer: "Add a hostssl line for this user and database to pg_hba.conf, or create the database.",
            fixClient: "Name a real user and database in the URL: postgres://user@host/database.",
            docs: "PostgreSQL docs: 'The pg_hba.conf File', 'Error Codes'"
        )

        // mqtt — facts: {code} {meaning} {version} ("MQTT 3.1.1") {advice} {reason} (MQTT 5 Reason String)
        public let mqttNotAuthorized = DiagnosisEntry(
            id: "mqtt.not_authorized", severity: .warning, stage: .app, exitStatus: .success,
            title: "MQTT broker wants credentials (TLS is fine)",
            summaryTemplate: "TLS is fine; the broker refused the {version} CONNECT with {code} \"{meaning}\": {advice}.",
            facts: ["version", "code", "meaning", "advice"],
            explanation: "CONNACK return code 4/5 (MQTT 3.1.1) or reason code 0x86/0x87/0x8C (MQTT 5) comes after a complete TLS handshake: the broker verified nothing wrong with TLS, it wants a user name and password, a different identity, or an authorised client certificate. A device with this error has a working TLS setup.",
            fixServer: "Nothing for TLS; for access, check the broker's password file / ACLs (mosquitto: password_file, allow_anonymous, use_identity_as_username).",
            fixClient: "Set the credentials (esp-mqtt: credentials.username and credentials.authentication.password, or a client certificate in credentials.authentication.certificate/key); with tlsprobe: --mqtt-user/--mqtt-password or --cert/--key.",
            mbedtls: ["esp-mqtt: MQTT_EVENT_ERROR with error_type MQTT_ERROR_TYPE_CONNECTION_REFUSED and connect_return_code MQTT_CONNECTION_REFUSE_BAD_USERNAME (4) or MQTT_CONNECTION_REFUSE_NOT_AUTHORIZED (5); no mbedTLS error"],
            docs: "MQTT 3.1.1 §3.2.2.3, MQTT 5.0 §3.2.2.2"
        )

        public let mqttRefused = DiagnosisEntry(
            id: "mqtt.refused", severity: .error, stage: .app, exitStatus: .applicationFailed,
            title: "MQTT broker refused the connection",
            summaryTemplate: "The broker refused the {version} CONNECT with {code} \"{meaning}\": {advice}.",
            facts: ["version", "code", "meaning", "advice"],
            explanation: "TLS worked; the CONNACK carries a refusal that is not about credentials: the protocol version, the client identifier, the broker's load, a ban, or a redirect.",
            fixServer: "Check the broker's log for this client; for version refusals enable the version (mosquitto speaks 3.1, 3.1.1 and 5).",
            fixClient: "Follow the advice in the summary (esp-mqtt: session.protocol_ver selects MQTT_PROTOCOL_V_3_1_1 or MQTT_PROTOCOL_V_5).",
            mbedtls: ["esp-mqtt: MQTT_EVENT_ERROR with error_type MQTT_ERROR_TYPE_CONNECTION_REFUSED and the code in connect_return_code"],
            docs: "MQTT 3.1.1 §3.2.2.3, MQTT 5.0 §3.2.2.2"
        )

        /// info: {client} {sni} {alpn}
        public let mqttEmbeddedClient = DiagnosisEntry(
            id: "mqtt.embedded_client", severity: .info, stage: .clientHello, exitStatus: .success,
            title: "What esp-mqtt sends",
            summaryTemplate: "As {client}, esp-mqtt (over esp-tls) sends SNI {sni} and {alpn}; this probe offered the same.",
            facts: ["client", "sni", "alpn"],
            explanation: "esp-tls sets SNI from broker.address.hostname (broker.verification.common_name replaces it; skip_cert_common_name_check sends none) and sends ALPN only when broker.verification.alpn_protos is set. Brokers that route on ALPN (AWS IoT Core on port 443 wants x-amzn-mqtt-ca) reject a device without it with alert no_application_protocol, and brokers behind SNI-routing load balancers need the right name.",
            fixServer: "Nothing, if the handshake below succeeds.",
            fixClient: "Set broker.verification.alpn_protos (a NULL-terminated list) when the broker needs ALPN, and leave common_name unset unless the certificate names a different host; probe with --alpn to see what a given list gets.",
            mbedtls: ["MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE -0x7780 when the broker rejects the ALPN or SNI (alert no_application_protocol (120) or unrecognized_name (112))"],
            docs: "ESP-IDF esp-mqtt: esp_mqtt_client_config_t.broker.verification; RFC 7301; RFC 6066 §3"
        )

        // ws — facts: {status} {status_line} {location} {accept} {wanted} {chosen}
        public let webSocketNotUpgraded = DiagnosisEntry(
            id: "ws.not_upgraded", severity: .error, stage: .app, exitStatus: .applicationFailed,
            title: "WebSocket upgrade not accepted",
            summaryTemplate: "TLS is fine, but the WebSocket upgrade was answered \"{status_line}\" instead of 101 Switching Protocols.",
            facts: ["status_line"],
            explanation: "The HTTP server behind TLS did not switch protocols: the path has no WebSocket endpoint (404), it wants authentication (401/403), it redirects (301/302), or a proxy in front drops the Upgrade and Connection headers (nginx needs proxy_set_header Upgrade $http_upgrade and Connection \"upgrade\").",
            fixServer: "Route the path to the WebSocket endpoint and pass the Upgrade headers through every proxy.",
            fixClient: "Check the path in the URL (MQTT over WebSockets is often /mqtt) and --ws-protocol.",
            mbedtls: ["esp_websocket_client / esp-mqtt over wss: the transport's WebSocket handshake fails (\"Sec-WebSocket-Accept not found\" in the log)"],
            docs: "RFC 6455 §4.1, §4.2.2"
        )

        public let webSocketBadAccept = DiagnosisEntry(
            id: "ws.bad_accept", severity: .error, stage: .app, exitStatus: .applicationFailed,
            title: "Wrong Sec-WebSocket-Accept",
            summaryTemplate: "The server answered 101 but its Sec-WebSocket-Accept ({accept}) does not match our key.",
            facts: ["accept"],
            explanation: "RFC 6455 requires the client to fail the connection when the accept value is not base64(SHA-1(key + GUID)): the server (or a caching proxy replaying an old answer) is broken.",
            fixServer: "Fix the WebSocket implementation or the proxy that rewrites or caches the answer.",
            docs: "RFC 6455 §4.1, §4.2.2"
        )

        public let webSocketNoSubprotocol = DiagnosisEntry(
            id: "ws.no_subprotocol", severity: .warning, stage: .app, exitStatus: .success,
            title: "WebSocket subprotocol not selected",
            summaryTemplate: "We asked for the WebSocket subprotocol {wanted}; the server selected {chosen}.",
            facts: ["wanted", "chosen"],
            explanation: "Clients that require their subprotocol (MQTT over WebSockets requires 'mqtt') close the connection when the server does not echo it.",
            fixServer: "Enable the subprotocol on the endpoint.",
            fixClient: "Ask for the subprotocol the server offers with --ws-protocol.",
            docs: "RFC 6455 §4.2.2, MQTT 5.0 §6"
        )
    }
}