import CSystem
import Foundation
import Glibc
import Synchronization

/// The switch that stops a run early: once cancelled, every running child is killed with its
/// process group, no new job starts, and the Lua side raises "interrupted".
///
/// Its descriptor (an eventfd) becomes readable for good when cancelled and is never read, so
/// every wait in bench (`poll`, epoll, the Lua hook) includes it and wakes at once.
public final class Cancellation: Sendable {
    /// Readable once cancelled; `-1` if the kernel gave no eventfd (then only `isCancelled` tells).
    public let descriptor: Int32
    private let cause = Atomic<Int32>(0)

    /// Creates a switch that is not cancelled.
    public init() { descriptor = bench_eventfd() }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Cancels the run, recording `signal` (SIGINT, SIGTERM, ...) as the cause; later calls
    /// change nothing. Safe from any thread.
    public func cancel(signal: Int32) {
        guard cause.compareExchange(expected: 0, desired: max(signal, 1), ordering: .acquiringAndReleasing).exchanged else { return }
        var one: UInt64 = 1
        _ = write(descriptor, &one, 8)
    }

    /// True once `cancel` was called.
    public var isCancelled: Bool { cause.load(ordering: .acquiring) != 0 }

    /// The signal that cancelled the run, if it was cancelled.
    public var signal: Int32? {
        let s = cause.load(ordering: .acquiring)
        return s == 0 ? nil : s
    }

    /// Waits `seconds` on the calling thread, or less if `cancellation` is cancelled meanwhile
    /// (within 10 ms of it where the kernel gave no eventfd).
    static func wait(_ seconds: Double, unless cancellation: Cancellation?) {
        let deadline = MonotonicClock.now() + seconds
        // poll skips a negative descriptor: without one it only sleeps, so then it looks again
        // every 10 ms, unless there is no cancellation to look at.
        var watched = pollfd(fd: cancellation?.descriptor ?? -1, events: Int16(POLLIN), revents: 0)
        let blind = cancellation != nil && watched.fd < 0
        while cancellation?.isCancelled != true {
            let timeout = MonotonicClock.pollTimeout(until: deadline)
            if timeout == 0 { return }
            _ = poll(&watched, 1, blind ? min(timeout, 10) : timeout)
        }
    }

    /// The exit status a run ended this way reports, as shells do: 128 + the signal (130 for SIGINT, 143 for SIGTERM).
    public var exitStatus: Int32? { signal.map { 128 + $0 } }
}
