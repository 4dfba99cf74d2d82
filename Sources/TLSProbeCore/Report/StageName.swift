/// The stages of a probe. The raw values are part of the JSON contract. The order they run in is
/// `StageName.runOrder`, defined once by the pipeline (`ProbePipeline.stageTypes`).
public enum StageName: String, Codable, Sendable {
    case proxy
    case dns
    case tcp
    /// The plaintext dialogue before TLS (STARTTLS protocols only).
    case starttls
    case clientHello = "client_hello"
    case serverHello = "server_hello"
    case certificate
    /// Only with --revocation: the CA's OCSP responder / CRL asked about each certificate.
    case revocation
    case keyExchange = "key_exchange"
    case finished
    case http
    /// The application exchange after Finished for protocols other than HTTPS (MQTT CONNACK,
    /// WebSocket 101, SMTP EHLO, …).
    case app
}

/// How a stage ended. Raw values are part of the JSON contract.
public enum StageStatus: String, Codable, Sendable {
    case ok, warning, fail, skipped
}
