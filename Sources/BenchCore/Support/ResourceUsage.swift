import Glibc

/// What this bench process has used so far: CPU time of all its threads and its peak resident
/// set (children and `processes` workers not included).
public struct ResourceUsage: Sendable, Equatable {
    /// User CPU seconds.
    public var user: Double
    /// System CPU seconds.
    public var sys: Double
    /// Peak resident set size, in KiB.
    public var maxRSS: Int

    /// This process's usage now (`getrusage(RUSAGE_SELF)`).
    public static func current() -> ResourceUsage {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return ResourceUsage(user: seconds(usage.ru_utime), sys: seconds(usage.ru_stime), maxRSS: usage.ru_maxrss)
    }
}

/// A `timeval` in seconds.
func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
