/// The stages of a probe. The raw values are part of the JSON contract. The order they run in is
/// `StageName.runOrder`, defined once by the pipeline (`ProbePipeline.stageTypes`).
public enum StageName: String, Codable, Sendable {
    case proxy
    case dns
    case tcp
    case clientHello = "client_hello"
    case serverHello = "server_hello"
    case certificate
    case keyExchange = "key_exchange"
    case finished
    case http
}

/// How a stage ended. Raw values are part of the JSON contract.
public enum StageStatus: String, Codable, Sendable {
    case ok, warning, fail, skipped
}
