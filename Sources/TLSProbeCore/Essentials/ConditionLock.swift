internal import CTLSProbeShims
#if canImport(Glibc)
import Glibc
#endif

/// A mutex with a condition variable: what `NSCondition` did, on pthreads directly, so that
/// TLSProbeCore needs no more than FoundationEssentials (NSCondition lives in the full Foundation).
public final class ConditionLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    public init() {
        mutex = .allocate(capacity: 1)
        condition = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        // Timed waits measure against CLOCK_MONOTONIC, like `Deadline`: a wall-clock step must not
        // stretch or cut a probe's timeout.
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    public func lock() { pthread_mutex_lock(mutex) }
    public func unlock() { pthread_mutex_unlock(mutex) }
    public func broadcast() { pthread_cond_broadcast(condition) }

    /// Waits for a broadcast (or a spurious wake-up: callers loop on their condition).
    public func wait() { pthread_cond_wait(condition, mutex) }

    /// Waits until `deadline` at the latest; false when it passed.
    @discardableResult
    public func wait(until deadline: Deadline) -> Bool {
        var until = timespec(tv_sec: Int(deadline.nanoseconds / 1_000_000_000), tv_nsec: Int(deadline.nanoseconds % 1_000_000_000))
        return pthread_cond_timedwait(condition, mutex, &until) == 0
    }

    public func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock()
        defer { unlock() }
        return try body()
    }
}

/// Starts a detached thread running `body` (Foundation's `Thread` without Foundation); false when
/// the system would not create one. The name shows in `top -H` and debuggers (Linux keeps 15 bytes).
@discardableResult
public func startDetachedThread(name: String, stackSize: Int? = nil, _ body: @escaping @Sendable () -> Void) -> Bool {
    let context = Unmanaged.passRetained(ThreadBody(name: String(decoding: name.utf8.prefix(15), as: UTF8.self), body)).toOpaque()
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    if let stackSize { pthread_attr_setstacksize(&attributes, stackSize) }
    var thread = pthread_t()
    let status = pthread_create(&thread, &attributes, { context in
        let thread = Unmanaged<ThreadBody>.fromOpaque(context!).takeRetainedValue()
        _ = tlsprobe_set_current_thread_name(thread.name)
        thread.body()
        return nil
    }, context)
    guard status == 0 else {
        Unmanaged<ThreadBody>.fromOpaque(context).release()
        return false
    }
    return true
}

private final class ThreadBody {
    let name: String
    let body: @Sendable () -> Void
    init(name: String, _ body: @escaping @Sendable () -> Void) {
        self.name = name
        self.body = body
    }
}
