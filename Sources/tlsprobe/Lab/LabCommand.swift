import ArgumentParser

/// `tlsprobe lab`: the broken servers tlsprobe tests itself against, for people to look at and to
/// test their own clients (browsers, apps, ESP32 firmware) with.
struct LabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab",
        abstract: "Deliberately broken TLS servers, offline: list them or serve them to test a client.",
        // Kept under 80 columns, description under each command as in `tlsprobe --help`:
        // argument-parser wraps longer lines without a hanging indent, mid-phrase.
        discussion: """
            EXAMPLES:
              tlsprobe lab list
                  each scenario and what tlsprobe says
              tlsprobe lab serve expired wrong-host
                  two servers, on 127.0.0.1:9443 and :9444
              tlsprobe lab serve --all --listen 0.0.0.0
                  every scenario, for a device on the bench
              tlsprobe demo
                  serve and probe every scenario: a self-test
            """,
        subcommands: [LabListCommand.self, LabServeCommand.self]
    )
}
