import CSystem
import Foundation
import Glibc
import Synchronization

/// What one run of bench must undo however it ends: the temporary files and directories it
/// made, and every process it started, with their descendants.
///
/// - Every process of the run carries `BENCH_RUN=<token>` in its environment: bench sets it in
///   its own, so children inherit it at no cost, and so do their descendants, daemons included.
/// - bench is a child subreaper, so a descendant whose parent died (a daemon's first fork) becomes
///   bench's child; `sweep()` kills such adopted processes at the end of each batch.
/// - A guardian process (bench in its hidden `guard` mode, with no marker of its own) reads the
///   temporaries from a pipe; if bench dies without saying it is done (SIGKILL), it kills every
///   process of the run and removes the temporaries.
/// - `stopNow` is the hard stop of a second signal: it kills every process of the run, removes
///   every temporary, and exits, holding the lock so that no new temporary can appear meanwhile.
public final class Cleanup: Sendable {
    /// The environment variable that marks the processes of a run.
    public static let markerName = "BENCH_RUN"
    /// `BENCH_RUN=<token>`, as it appears in `/proc/PID/environ`.
    public let marker: ByteString
    private let state = Mutex(State())

    private struct State {
        var temporaries = Set<ByteString>()
        var guardian: Int32 = -1
        /// When the last sweep ended, and how long it took: what `sweepIfDue` spaces sweeps by.
        var lastSweep = (ended: -Double.infinity, took: 0.0)
    }

    /// Marks this process (and so every process it starts from now on) with a fresh token and
    /// makes it a child subreaper. Call it first thing in `main`, before any other thread exists:
    /// this is bench's only change to its own environment, which every start afterwards borrows
    /// from without copying (`Spawn.prepare`), from any thread.
    public init() {
        let token = "\(getpid())-\(UInt64(MonotonicClock.now() * 1e9))"
        setenv(Self.markerName, token, 1)
        marker = ByteString("\(Self.markerName)=\(token)")
        _ = bench_become_subreaper()
    }

    /// Starts the guardian: `command` (bench's own `guard` mode) with a pipe on its standard
    /// input, in a session of its own so that a terminal's Ctrl-C leaves it to its work. It
    /// prints nothing, and holds none of bench's output streams, so a pipe reading bench's output
    /// ends when bench does.
    public func startGuardian(_ command: [ByteString]) {
        var fds: [Int32] = [-1, -1]
        guard bench_pipe(&fds) == 0 else { return }
        let devnull = bench_open_read("/dev/null")
        let started = Spawn.start(
            argv: command + [marker], environment: [ByteString(Self.markerName): "guardian"],
            stdin: fds[0], stdout: devnull, stderr: devnull, newSession: true)
        close(fds[0])
        if devnull >= 0 { close(devnull) }
        guard case .success = started else { close(fds[1]); return }
        state.withLock { $0.guardian = fds[1] }
    }

    /// Makes a temporary file or directory with `make` and registers `path(made)`, both under the
    /// lock, so that a hard stop either sees it registered or stops before it exists.
    public func creating<T>(_ make: () throws(BenchError) -> T, path: (T) -> ByteString) throws(BenchError) -> T {
        try state.withLock { (state: inout State) throws(BenchError) -> T in
            let made = try make()
            let p = path(made)
            state.temporaries.insert(p)
            Self.tell(state.guardian, "+", p)
            return made
        }
    }

    /// Forgets a temporary that no longer exists (a file renamed into place, a directory removed).
    public func forget(_ path: ByteString) {
        state.withLock {
            $0.temporaries.remove(path)
            Self.tell($0.guardian, "-", path)
        }
    }

    /// Kills what this run's jobs left running in sessions of their own (daemons), adopted by
    /// bench as their subreaper. Call it when no batch is running.
    public func sweep() {
        let started = MonotonicClock.now()
        ProcessTable.reapAdopted(marker: marker)
        let ended = MonotonicClock.now()
        state.withLock { $0.lastSweep = (ended, ended - started) }
    }

    /// Sweeps (see `sweep`) if the last sweep ended at least `sweepInterval` seconds ago, and
    /// at least 20 times its own length ago: between the batches of a measurement, where a
    /// sweep after every one would be the runner's largest cost (it reads every process's
    /// `/proc` entry, 1.5 ms here for 120 processes), and where the gap it makes between two
    /// runs measurably slows the next one (see docs/beside-hyperfine.md). The run must still
    /// end with a `sweep`.
    public func sweepIfDue() {
        let last = state.withLock { $0.lastSweep }
        if MonotonicClock.now() - last.ended >= max(Self.sweepInterval, 20 * last.took) { sweep() }
    }

    /// The least time between two sweeps of `sweepIfDue`, in seconds: how long a daemon a
    /// job left may go on running beside the runs that follow.
    public static let sweepInterval = 0.1

    /// Tells the guardian the run ended in order: it exits without killing anything.
    public func finish() {
        state.withLock {
            Self.tell($0.guardian, "done", "")
            if $0.guardian >= 0 { close($0.guardian) }
            $0.guardian = -1
        }
    }

    /// The hard stop: kills every process of the run, removes every temporary, then ends the
    /// process with `status`. Never returns; takes the lock for good.
    ///
    /// Another thread of bench may still be writing into a temporary directory (a scenario's
    /// sources, say) and nothing stops it but the exit, so the temporaries are removed again
    /// until they are gone, for at most `removalGrace` seconds. Whatever still stands then is
    /// left to the guardian, which is not told the run is done: it removes it once this process
    /// has ended and no thread of it can write any more.
    public func stopNow(status: Int32) -> Never {
        state.withLock { state in
            Self.killEverything(marker)
            if Self.remove(state.temporaries, within: Self.removalGrace) { Self.tell(state.guardian, "done", "") }
            _exit(status)
        }
    }

    /// How long a hard stop, or the guardian, goes on removing temporaries that something
    /// still writes into.
    static let removalGrace = 1.0

    /// Removes every path in `paths`, again every 10 ms while any of them still stands, for at
    /// most `seconds`; says whether all are gone. A removed directory stays gone: a writer's
    /// next file in it fails, as nothing recreates the directory itself.
    static func remove(_ paths: Set<ByteString>, within seconds: Double) -> Bool {
        let deadline = MonotonicClock.now() + seconds
        while true {
            let standing = paths.filter { !FileTree.remove($0).isEmpty }
            if standing.isEmpty { return true }
            if MonotonicClock.now() >= deadline { return false }
            usleep(10_000)
        }
    }

    /// Kills every process carrying `marker`, again until none is left (a dying shell may start
    /// one more child), for at most two seconds.
    static func killEverything(_ marker: ByteString) {
        let deadline = MonotonicClock.now() + 2
        while ProcessTable.killMarked(marker) > 0 && MonotonicClock.now() < deadline { usleep(10_000) }
    }

    /// One record to the guardian: a word, then a path, NUL-terminated (paths hold no NUL).
    private static func tell(_ fd: Int32, _ word: String, _ path: ByteString) {
        guard fd >= 0 else { return }
        _ = writeAll(fd, Array(word.utf8) + path.bytes + [0])
    }
}
