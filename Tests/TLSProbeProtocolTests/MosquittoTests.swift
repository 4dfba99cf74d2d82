import Foundation
import Testing
import TLSProbeCore

/// mqtts:// and wss:// against a real mosquitto started once for the suite: one listener each
/// for anonymous access, a required password, a required client certificate, and MQTT over
/// WebSockets over TLS.
@Suite struct MosquittoTests {
    struct Broker {
        let anonymous: Int, password: Int, clientCertificate: Int, webSockets: Int, strictClientID: Int
        let service: ServiceProcess
    }

    static let broker: Result<Broker, ServiceError> = {
        do {
            let executable = try Command.locate(["/usr/sbin/mosquitto", "/usr/bin/mosquitto"])
            let dir = try ProtocolFixture.scratch("mosquitto")
            let ports = (0..<5).map { _ in ProtocolFixture.freePort() }
            let passwords = dir.appending(path: "passwd")
            try "alice:wonderland\n".write(to: passwords, atomically: true, encoding: .utf8)
            try Command.run(try Command.locate(["/usr/bin/mosquitto_passwd"]), ["-U", passwords.path])
            let tls = "certfile \(ProtocolFixture.path("chain.pem"))\nkeyfile \(ProtocolFixture.path("leaf.key"))\n"
            // `user root` keeps a broker started by root from switching to the mosquitto user,
            // which could not read the keys in our private directory; ignored when not root.
            let config = """
                user root
                per_listener_settings true
                listener \(ports[0]) 127.0.0.1
                \(tls)allow_anonymous true
                listener \(ports[1]) 127.0.0.1
                \(tls)allow_anonymous false
                password_file \(passwords.path)
                listener \(ports[2]) 127.0.0.1
                \(tls)require_certificate true
                cafile \(ProtocolFixture.path("client-ca.pem"))
                allow_anonymous true
                listener \(ports[3]) 127.0.0.1
                protocol websockets
                \(tls)allow_anonymous true
                listener \(ports[4]) 127.0.0.1
                \(tls)allow_anonymous true
                allow_zero_length_clientid false

                """
            let configURL = dir.appending(path: "mosquitto.conf")
            try config.write(to: configURL, atomically: true, encoding: .utf8)
            let service = ServiceRegistry.keep(try ServiceProcess("mosquitto", executable: executable, arguments: ["-c", configURL.path], log: dir.appending(path: "mosquitto.log")))
            try service.waitForPorts(ports)
            return .success(Broker(anonymous: ports[0], password: ports[1], clientCertificate: ports[2], webSockets: ports[3], strictClientID: ports[4], service: service))
        } catch let error as ServiceError {
            return .failure(error)
        } catch {
            return .failure(ServiceError(description: "\(error)"))
        }
    }()

    @Test func anonymousBrokerAcceptsTheConnect() throws {
        let broker = try Self.broker.get()
        let report = try ProtocolFixture.probe("mqtts://localhost:\(broker.anonymous)")
        #expect(report.outcome == .ok, "\(report.diagnosisIDs)")
        #expect(report.target.appProtocol == "mqtts")
        #expect(report.stages.map(\.name) == [.dns, .tcp, .clientHello, .serverHello, .certificate, .keyExchange, .finished, .app])
        let app = try #require(report.stage(.app))
        #expect(app.status == .ok)
        #expect(app.details.app?.replyCode == 0)
        #expect(app.summary.contains("CONNACK 0 (Connection Accepted)"), "\(app.summary)")
        #expect(app.details.app?.transcript?.first?.hasPrefix("C: CONNECT MQTT 3.1.1") == true)
        // No ALPN by default for MQTT: mosquitto needs none, and a device sends none.
        #expect(report.stage(.clientHello)?.details.clientHello?.alpnOffered == nil || report.stage(.clientHello)?.details.clientHello?.alpnOffered == [])
    }

    @Test(arguments: [MQTTVersion.v311, .v5])
    func passwordBrokerWantsCredentialsButTLSIsFine(version: MQTTVersion) throws {
        let broker = try Self.broker.get()
        let report = try ProtocolFixture.probe("mqtts://localhost:\(broker.password)") { $0.mqtt.version = version }
        #expect(report.outcome == .warning)
        #expect(report.exitCode == 0)
        #expect(report.stageStatus(.finished) == .ok)
        let diagnosis = try #require(report.diagnoses.first { $0.id == ProtocolDiagnosisID.mqttNotAuthorized })
        #expect(diagnosis.summary.hasPrefix("TLS is fine"))
        #expect(report.stage(.app)?.details.app?.replyCode == (version == .v311 ? 5 : 0x87))
    }

    @Test func rightPasswordIsAccepted() throws {
        let broker = try Self.broker.get()
        let report = try ProtocolFixture.probe("mqtts://alice@localhost:\(broker.password)") { $0.mqtt.password = "wonderland" }
        #expect(report.outcome == .ok, "\(report.diagnosisIDs)")
        #expect(report.stage(.app)?.details.app?.replyCode == 0)
        #expect(report.stage(.app)?.details.app?.transcript?.first?.contains("password (not shown)") == true)
        let transcript = (report.stage(.app)?.details.app?.transcript ?? []).joined(separator: "\n")
        #expect(!transcript.contains("wonderland"))
    }

    @Test func wrongPasswordWithMQTT5() throws {
        let broker = try Self.broker.get()
        let report = try ProtocolFixture.probe("mqtts://localhost:\(broker.password)") {
            $0.mqtt = MQTTSettings()
            $0.mqtt.version = .v5
            $0.mqtt.user = "alice"
            $0.mqtt.password = "queen of hearts"
        }
        #expect(report.diagnosisIDs.contains(ProtocolDiagnosisID.mqttNotAuthorized))
        #expect(report.exitCode == 0)
    }

    @Test func emptyClientIDIsRefusedNotACredentialsProblem() throws {
        let broker = try Self.broker.get()
        let report = try ProtocolFixture.probe("mqtts://localhost:\(broker.strictClientID)") { $0.mqtt.clientID = "" }
        #expect(report.diagnosisIDs.first == ProtocolDiagnosisID.mqttRefused, "\(report.diagnosisIDs)")
        #expect(report.exitCode == ExitStatus.applicationFailed.rawValue)
        #expect(report.stage(.app)?.details.app?.replyCode == 2)
        #expect(report.diagnoses.first?.summary.contains("identifier rejected") == true)
        #expect(report.stageStatus(.finished) == .ok)
    }

    @Test func clientCertificateRequiredIsTheHandshakesFault() throws {
        let broker = try Self.broker.get()
        let report = try ProtocolFixture.probe("mqtts://localhost:\(broker.clientCertificate)")
        #expect(report.outcome == .fail)
        #expect(report.diagnosisIDs.contains(DiagnosisID.alertClientCertRequired), "\(report.diagnosisIDs)")
        #expect(report.exitCode == ExitStatus.handshakeAlert.rawValue)
        #expect(report.stageStatus(.app) == .skipped)
    }

    @Test func clientCertificateIsAccepted() throws {
        let broker = try Self.broker.get()
        let report = try ProtocolFixture.probe("mqtts://localhost:\(broker.clientCertificate)") {
            $0.clientCertificatePath = ProtocolFixture.path("client.pem")
            $0.clientKeyPath = ProtocolFixture.path("client.key")
        }
        #expect(report.outcome == .ok, "\(report.diagnosisIDs)")
        #expect(report.stage(.app)?.details.app?.replyCode == 0)
    }

    @Test func webSocketUpgradeOverTLS() throws {
        let broker = try Self.broker.get()
        let report = try ProtocolFixture.probe("wss://localhost:\(broker.webSockets)/mqtt") { $0.webSocketProtocol = "mqtt" }
        #expect(report.outcome == .ok, "\(report.diagnosisIDs)")
        let app = try #require(report.stage(.app))
        #expect(app.details.app?.status == 101)
        #expect(app.summary.contains("101"), "\(app.summary)")
        #expect(app.summary.contains("subprotocol mqtt"), "\(app.summary)")
        #expect(report.stage(.clientHello)?.details.clientHello?.alpnOffered == ["http/1.1"])
    }

    @Test func webSocketOnAPlainMQTTPortIsAnotherProtocol() throws {
        let broker = try Self.broker.get()
        let report = try ProtocolFixture.probe("wss://localhost:\(broker.anonymous)/") { $0.timeout = 3 }
        #expect(report.outcome == .fail)
        #expect(report.failedStage == .app)
        #expect(report.exitCode == ExitStatus.applicationFailed.rawValue)
        #expect(report.diagnosisIDs.first == ProtocolDiagnosisID.appClosed, "\(report.diagnosisIDs)")
    }

    @Test func noAppStopsAfterTheHandshake() throws {
        let broker = try Self.broker.get()
        let report = try ProtocolFixture.probe("mqtts://localhost:\(broker.password)") { $0.runHTTP = false }
        #expect(report.outcome == .ok, "\(report.diagnosisIDs)")
        #expect(report.stage(.app)?.status == .skipped)
        #expect(report.stage(.app)?.details.skipReason == "--no-app")
    }

    @Test func espIDFViewNamesSNIAndALPN() throws {
        let broker = try Self.broker.get()
        let report = try ProtocolFixture.probe("mqtts://localhost:\(broker.anonymous)") {
            $0.clientProfile = ClientProfiles.named("esp-idf")!
            $0.alpn = $0.clientProfile.alpn ?? []
        }
        let view = try #require(report.diagnoses.first { $0.id == ProtocolDiagnosisID.mqttEmbeddedClient })
        #expect(view.summary.contains("SNI localhost"), "\(view.summary)")
        #expect(view.summary.contains("no ALPN"), "\(view.summary)")
        #expect(report.stage(.clientHello)?.details.clientHello?.offeredVersions == ["TLS 1.2"])
        #expect(report.stage(.app)?.details.app?.replyCode == 0)
    }
}
