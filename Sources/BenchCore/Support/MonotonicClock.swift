import Glibc

/// Seconds on `CLOCK_MONOTONIC`: nanosecond resolution, never jumps, shared by all processes of the machine.
public enum MonotonicClock {
    /// The current monotonic time in seconds.
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// The timeout `poll` or `epoll_wait` takes to wake at `deadline`: whole milliseconds, rounded
    /// up so that it never wakes early, 0 once passed; -1 (wait for ever) without a deadline.
    static func pollTimeout(until deadline: Double?) -> Int32 {
        deadline.map { Int32(clamping: Int(max(0, ($0 - now()) * 1000).rounded(.up))) } ?? -1
    }
}
