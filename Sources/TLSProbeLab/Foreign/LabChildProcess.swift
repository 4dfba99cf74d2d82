import Glibc
import TLSProbeCore

/// A child process started with posix_spawn (FoundationEssentials has no `Process`), its
/// stdout and stderr appended to a log file so a chatty child can never block on a full pipe.
///
/// It runs under a small `/bin/sh` watchdog (`LabChildProcess.watchdog`): when this process
/// dies without stopping it (a SIGKILLed test run, a crash), the watchdog notices within a
/// second, kills the child and removes `ownedDirectory` (a foreign server's 0700 key directory).
/// atexit and deinit cannot run after SIGKILL; PR_SET_PDEATHSIG would follow the spawning
/// thread, not the process, and posix_spawn cannot set it.
final class LabChildProcess: @unchecked Sendable {
    /// The watchdog's pid (signals to it reach the child).
    let pid: pid_t
    private var exitStatus: Int32?

    /// `$1` the parent to watch, `$2` a directory to remove if the parent dies first (or ""),
    /// then the command. SIGTERM stops the child and exits with its status.
    static let watchdog = """
        parent=$1; owned=$2; shift 2
        "$@" & child=$!
        trap 'kill -TERM $child 2>/dev/null; (sleep 1; kill -KILL $child 2>/dev/null) & wait $child; exit $?' TERM INT HUP
        while kill -0 "$parent" 2>/dev/null; do
            kill -0 $child 2>/dev/null || { wait $child; exit $?; }
            sleep 1 & wait $!
        done
        kill -TERM $child 2>/dev/null; sleep 1; kill -KILL $child 2>/dev/null
        [ -n "$owned" ] && rm -rf "$owned"
        exit 1
        """

    /// glibc's posix_spawn_file_actions_addclosefrom_np (2.34+), which Swift's Glibc module does
    /// not declare: looked up once. nil on an older libc (then descriptors may leak as before).
    private static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    /// Paths in `arguments` must be absolute: the child runs in the parent's directory.
    /// `ownedDirectory` is removed by the watchdog if this process dies without stopping the child.
    init(executable: String, arguments: [String], logPath: String, environment: [String: String]? = nil, ownedDirectory: String? = nil) throws {
        let arguments = ["-c", Self.watchdog, "tlsprobe-lab-watchdog", String(getpid()), ownedDirectory ?? "", executable] + arguments
        let executable = "/bin/sh"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else of ours: a descriptor another thread has open at this moment (a pipe or
        // Foundation's process-watch socket of a test's child) must not live on in a server,
        // or whoever waits for its end waits as long as the server lives.
        Self.closeFrom?(&actions, 3)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envStrings = environment.map { $0.map { "\($0.key)=\($0.value)" } }
        let envp = envStrings.map { $0.map { strdup($0) } + [nil] }
        defer { envp?.forEach { free($0) } }
        // A test thread may block signals (SIGTERM among them), and a spawned child inherits the
        // mask: start with none blocked, so the watchdog's trap and the server see SIGTERM.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var child: pid_t = 0
        let status: Int32 = envp.map { env in posix_spawn(&child, executable, &actions, &attributes, argv, env) }
            ?? posix_spawn(&child, executable, &actions, &attributes, argv, environ)
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
