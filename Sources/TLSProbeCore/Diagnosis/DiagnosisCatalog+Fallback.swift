extension DiagnosisCatalog {
    /// Used only when the probe emits an id the table lacks (a bug a test catches); the run still
    /// reports something truthful instead of crashing.
    static func fallback(for id: String) -> DiagnosisEntry {
        DiagnosisEntry(
            id: id, severity: .error, stage: .finished, exitStatus: .internalError,
            title: id, summaryTemplate: "\(id): {detail}", facts: ["detail"],
            explanation: "tlsprobe found a problem it has no catalogue entry for.",
            fixServer: "Report this to the tlsprobe developers with the command line you ran."
        )
    }
}
