import CSystem
import Glibc

/// Facts about the machine bench runs on.
public enum Host {
    /// The CPUs this process may run on (its affinity mask), at least 1.
    public static var usableCores: Int { Int(bench_usable_cores()) }

    /// Raises the soft limit on open files to the hard limit, so that many concurrent children
    /// (three descriptors each) do not run out; returns the limit now in force.
    @discardableResult
    public static func raiseOpenFileLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 }
        if limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
            _ = getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        return Int(clamping: limit.rlim_cur)
    }
}
