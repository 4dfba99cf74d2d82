import Glibc
import TLSProbeCore

/// A child process started with posix_spawn (FoundationEssentials has no `Process`), its
/// stdout and stderr appended to a log file so a chatty child can never block on a full pipe.
final class LabChildProcess: @unchecked Sendable {
    let pid: pid_t
    private var exitStatus: Int32?

    /// Paths in `arguments` must be absolute: the child runs in the parent's directory.
    init(executable: String, arguments: [String], logPath: String, environment: [String: String]? = nil) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envStrings = environment.map { $0.map { "\($0.key)=\($0.value)" } }
        let envp = envStrings.map { $0.map { strdup($0) } + [nil] }
        defer { envp?.forEach { free($0) } }
        var child: pid_t = 0
        let status: Int32 = envp.map { env in posix_spawn(&child, executable, &actions, nil, argv, env) }
            ?? posix_spawn(&child, executable, &actions, nil, argv, environ)
        guard status == 0 else { throw LabError("posix_spawn \(executable): \(String(cString: strerror(status)))") }
        pid = child
    }

    deinit { terminate() }

    /// True while the child has not exited (reaps it once it has).
    var isRunning: Bool {
        if exitStatus != nil { return false }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid || result < 0 {
            exitStatus = status
            return false
        }
        return true
    }

    var terminationStatus: Int32 { exitStatus.map { ($0 >> 8) & 0xFF } ?? -1 }

    /// Waits for the child to exit on its own.
    func waitUntilExit() {
        guard exitStatus == nil else { return }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        exitStatus = status
    }

    /// SIGTERM, then SIGKILL after `grace` seconds; reaps the child.
    func terminate(grace: Double = 2) {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        let limit = Deadline.after(seconds: grace)
        while isRunning && !limit.hasPassed { usleep(20_000) }
        if isRunning {
            kill(pid, SIGKILL)
            waitUntilExit()
        }
    }
}
