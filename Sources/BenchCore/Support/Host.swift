import CSystem
import Glibc

/// Facts about the machine bench runs on.
public enum Host {
    /// The CPUs this process may run on (its affinity mask), at least 1.
    public static var usableCores: Int { Int(bench_usable_cores()) }

    /// How many children may run at once without running out of file descriptors:
    /// `descriptorsPerSlot` each, and 64 kept for bench itself.
    public static var childCapacity: Int {
        guard let limit = openFileLimit() else { return 160 }
        return max(1, (Int(clamping: limit.rlim_cur) - 64) / descriptorsPerSlot)
    }

    /// The most descriptors one concurrency slot holds: as its next child starts (two pipes, a
    /// stdin pipe or /dev/null, a pidfd: seven), the child before it, which has exited but is
    /// collected only once its successor runs, still holds six.
    public static let descriptorsPerSlot = 13

    /// Raises the soft limit on open files to the hard limit, so that many concurrent children
    /// (`descriptorsPerSlot` descriptors each) do not run out; returns the limit now in force.
    @discardableResult
    public static func raiseOpenFileLimit() -> Int {
        guard var limit = openFileLimit() else { return 1024 }
        if limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
            limit = openFileLimit() ?? limit
        }
        return Int(clamping: limit.rlim_cur)
    }

    /// The fewest open files bench runs with: its own (signal watcher, event loop, cancellation,
    /// worker pipes) plus one child's.
    public static let minimumOpenFiles = 70

    /// Why bench cannot run under this process's open-file limit (its hard limit is below
    /// `minimumOpenFiles`), or `nil` when it can.
    public static func openFileLimitProblem() -> String? {
        guard let limit = openFileLimit(), limit.rlim_max < rlim_t(minimumOpenFiles) else { return nil }
        return "bench needs at least \(minimumOpenFiles) open files, and the limit is \(limit.rlim_max) (ulimit -n); raise it"
    }

    /// The soft and hard limits on open files, or `nil` if the kernel will not say.
    private static func openFileLimit() -> rlimit? {
        var limit = rlimit()
        return getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 ? limit : nil
    }
}
