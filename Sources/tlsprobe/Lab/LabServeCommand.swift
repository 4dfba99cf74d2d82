import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import TLSProbeCore
import TLSProbeLab
import TLSProbeRendering

/// `tlsprobe lab serve`: start scenarios for a client to connect to, until Ctrl-C.
struct LabServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve lab scenarios until Ctrl-C, logging what each client offers.",
        discussion: """
            Certificates are generated into --dir on first use and reused while valid for a day.
            Give your client root.pem (or root.h for firmware) as its trust anchor;
            the servers' certificates name localhost, 127.0.0.1 and ::1.
            """
    )

    @Argument(help: ArgumentHelp("Scenarios to serve (see 'tlsprobe lab list').", valueName: "scenario"))
    var scenarios: [String] = []

    @Flag(help: "Serve every scenario, slow ones included.")
    var all = false

    @Option(help: ArgumentHelp("Where the lab PKI lives.", valueName: "dir"), completion: .directory)
    var dir = "tlsprobe-lab"

    @Option(help: ArgumentHelp("Address to listen on; anything but loopback exposes deliberately broken TLS.", valueName: "address"))
    var listen = "127.0.0.1"

    @Option(name: .customLong("port-base"), parsing: .unconditional, help: ArgumentHelp("Port of the first scenario; the others follow. 0 = any free ports.", valueName: "port"))
    var portBase = 9443

    func validate() throws {
        if all && !scenarios.isEmpty { throw ValidationError("give scenario names or --all, not both") }
        if !all && scenarios.isEmpty { throw ValidationError("no scenario given; name some (see 'tlsprobe lab list') or use --all") }
        if let unknown = scenarios.first(where: { LabScenarios.named($0) == nil }) {
            throw ValidationError("no scenario named '\(SafeText.escape(unknown))' (see 'tlsprobe lab list')")
        }
        if Set(scenarios).count != scenarios.count { throw ValidationError("a scenario is named twice") }
        let count = all ? LabScenarios.all.count : scenarios.count
        if portBase != 0 && !(1...65535).contains(portBase + count - 1) || portBase < 0 {
            throw ValidationError("--port-base \(portBase) leaves no room for \(count) ports below 65536")
        }
        do { _ = try LabListenAddress(numeric: listen, port: 0) } catch { throw ValidationError("--listen: \(error)") }
    }

    var selected: [LabScenario] { all ? LabScenarios.all : scenarios.compactMap(LabScenarios.named) }

    func run() throws {
        // Before any thread exists, so every server thread inherits the mask and the signals can
        // only arrive through sigwait() below.
        LabSignals.block()
        let listenAddress = try LabListenAddress(numeric: listen, port: 0)
        let err = LineOutput.standardError
        if !listenAddress.isLoopback {
            err.line("tlsprobe lab: WARNING: listening on \(listenAddress.host): every device that can reach this machine can connect to servers that serve deliberately broken TLS. Use it on a test bench only.")
        }
        let directory = URL(fileURLWithPath: dir)
        let shownDirectory = dir.hasPrefix("/") || dir.hasPrefix(".") ? dir : "./" + dir
        let prepared: LabPKIDirectory.Prepared
        do {
            prepared = try LabPKIDirectory.prepare(at: directory)
        } catch {
            err.line("tlsprobe lab: cannot prepare the lab PKI in \(shownDirectory): \(error)")
            throw ExitCode(ExitStatus.inputFile.rawValue)
        }
        if prepared.reused {
            err.line("tlsprobe lab: reusing the PKI in \(shownDirectory)")
        } else {
            err.line("tlsprobe lab: generated a new PKI in \(shownDirectory)\(prepared.regenerationReason.map { " (the old one: \($0))" } ?? "")")
        }
        let lab = try LabServeSession.start(selected, pki: prepared.bundle, listen: listenAddress, portBase: portBase)
        let out = LineOutput.standardOutput
        out.write(LabTables.served(lab.rows(listen: listenAddress)))
        out.line("trust this root on your client: \(shownDirectory)/root.pem (also as C header: \(LabPKIDirectory.headerFile))")
        if lab.asksForClientCertificates {
            out.line("client certificate for client-cert-required-*: \(shownDirectory)/client.pem with \(shownDirectory)/client.key")
        }
        let unresolvable = Set(selected.map(\.host).filter { $0 != "localhost" && !LabServeSession.isAddressLiteral($0) })
        if listenAddress.isLoopback, !unresolvable.isEmpty {
            out.line("\(unresolvable.sorted().joined(separator: ", ")) must reach \(listenAddress.host): curl --resolve NAME:PORT:\(listenAddress.host), tlsprobe --connect-to \(listenAddress.host)")
        }
        if listenAddress.isWildcard {
            out.line("HOST = this machine's address; the certificates name localhost, so have the client check that name.")
        }
        for (name, url) in lab.caIssuersURLs {
            let reach = listenAddress.isWildcard ? " (names loopback, so only this machine can download it: --listen with this machine's address puts that in the URL)" : ""
            out.line("\(name): the leaf's CA Issuers URL is \(url)\(reach)")
        }
        out.line("serving \(Plural.count(lab.servers.count, "scenario")); Ctrl-C stops")
        let signal = LabSignals.wait()
        err.line("tlsprobe lab: \(signal == SIGTERM ? "SIGTERM" : "SIGINT"): stopping")
        lab.stop()
        err.line("tlsprobe lab: stopped")
    }
}
