import CSystem
import Foundation
import Glibc

/// Turns SIGINT, SIGTERM and SIGHUP, and a closed standard output, into a cancellation instead
/// of a sudden death, so that children are killed, temporary files removed and partial results
/// written; and makes sure the run then ends within `grace`, whatever it is doing.
public enum SignalWatcher {
    /// The signals bench handles.
    static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// How long a cancelled run has to end by itself before it is stopped hard: a Lua script
    /// stuck where no hook runs (a finalizer, a long C call such as a pathological
    /// `string.find`) cannot delay the end longer than this.
    public static let grace = 2.0

    /// Blocks the signals bench handles in the calling thread, and so in every thread it starts
    /// later, and returns the thread's mask before. Blocked, a signal waits for `start`'s watcher
    /// instead of being lost or ending the process: even one the process inherited as ignored
    /// (a background job of a shell script has SIGINT ignored) is kept while blocked.
    ///
    /// ```swift
    /// let inherited = SignalWatcher.block()  // first thing in main
    /// ```
    public static func block() -> sigset_t {
        var set = handled
        var old = sigset_t()
        pthread_sigmask(SIG_BLOCK, &set, &old)
        return old
    }

    /// Gives the calling thread back `mask`, as `block` returned it, for a command that watches
    /// no signal: one that came meanwhile then acts as it would have without `block`.
    public static func unblock(restoring mask: sigset_t) {
        var mask = mask
        pthread_sigmask(SIG_SETMASK, &mask, nil)
    }

    /// Blocks the signals (see `block`), then starts one thread that waits for them and (with
    /// `watchingOutput`) watches standard output, when it is a pipe or a socket. The first
    /// signal (or the reader of a standard output pipe going away: SIGPIPE) cancels
    /// `cancellation`; a second signal (unless `secondSignalStops` is false), or `grace`
    /// seconds without the process ending, calls `stop` with the cause, which must end the
    /// process at once. Call it first thing in `main`, after `block`.
    ///
    /// Children get an empty signal mask back from the spawn layer, so they are unaffected.
    public static func start(
        cancelling cancellation: Cancellation, watchingOutput: Bool = true, secondSignalStops: Bool = true,
        stop: @escaping @Sendable (_ signal: Int32, _ late: Bool) -> Never
    ) throws(BenchError) {
        var set = handled
        pthread_sigmask(SIG_BLOCK, &set, nil)
        // A write to a closed pipe is an EPIPE error to handle, never a death without clean-up.
        signal(SIGPIPE, SIG_IGN)
        let descriptor = bench_signalfd(&set)
        let output = watchingOutput && isPipe(1) ? Int32(1) : -1
        let started = OSThread.start(stackSize: 128 * 1024) {
            var watchOutput = output
            var deadline: Double?
            while true {
                var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: watchOutput, events: 0, revents: 0)]
                let wait = MonotonicClock.pollTimeout(until: deadline)
                let ready = poll(&fds, 2, wait)
                if ready < 0 && errno == EINTR { continue }
                if let deadline, MonotonicClock.now() >= deadline { stop(cancellation.signal ?? SIGTERM, true) }
                if fds[0].revents != 0 {
                    let received = bench_read_signal(descriptor)
                    guard received != 0 else { continue }
                    if cancellation.isCancelled {
                        if secondSignalStops { stop(received, false) }
                        continue  // the grace period runs from the first
                    }
                    cancellation.cancel(signal: received)
                    deadline = MonotonicClock.now() + grace
                }
                if fds[1].revents != 0 {
                    watchOutput = -1
                    if !cancellation.isCancelled {
                        cancellation.cancel(signal: SIGPIPE)
                        deadline = MonotonicClock.now() + grace
                    }
                }
            }
        }
        if case .failure(let error) = started { throw .resources("cannot start the signal watcher: \(error)") }
    }

    /// SIGINT, SIGTERM and SIGHUP as a set.
    private static var handled: sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for s in signals { sigaddset(&set, s) }
        return set
    }

    private static func isPipe(_ fd: Int32) -> Bool {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return false }
        return (st.st_mode & S_IFMT) == S_IFIFO || (st.st_mode & S_IFMT) == S_IFSOCK
    }
}
