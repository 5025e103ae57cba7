import Foundation
import Glibc

/// Turns SIGINT, SIGTERM and SIGHUP into a cancellation instead of a sudden death, so that
/// children are killed, temporary directories removed and partial results written.
public enum SignalWatcher {
    /// The signals bench handles.
    static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// Blocks the signals in the calling thread, and so in every thread it starts later, then
    /// starts one thread that waits for them: the first cancels `cancellation`, any later one
    /// calls `again` (which should end the process at once). Call it first thing in `main`.
    ///
    /// Children get an empty signal mask back from the spawn layer, so they are unaffected.
    public static func start(cancelling cancellation: Cancellation, again: @escaping @Sendable (Int32) -> Never) {
        var set = sigset_t()
        sigemptyset(&set)
        for s in signals { sigaddset(&set, s) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
        let watched = set
        let thread = Thread {
            var set = watched
            while true {
                var received: Int32 = 0
                guard sigwait(&set, &received) == 0 else { continue }
                if cancellation.isCancelled { again(received) }
                cancellation.cancel(signal: received)
            }
        }
        thread.name = "bench-signals"
        thread.stackSize = 64 * 1024
        thread.start()
    }
}
