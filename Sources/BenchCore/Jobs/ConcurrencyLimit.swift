/// How many jobs an executor may run at once.
public enum ConcurrencyLimit: Sendable, Hashable, CustomStringConvertible {
    /// At most this many (at least 1).
    case limited(Int)
    /// As many as there are jobs, as the study's event loop did.
    case unbounded

    /// The default: one job per usable core.
    public static var cores: ConcurrencyLimit { .limited(Host.usableCores) }

    /// Parses `N` (a positive whole number) or `unbounded`.
    public static func parse(_ text: String) throws(BenchError) -> ConcurrencyLimit {
        if text == "unbounded" { return .unbounded }
        guard let n = Int(text), Limits.concurrency.contains(n) else {
            throw .invalidValue("concurrency must be a whole number from 1 to \(Limits.concurrency.upperBound) or 'unbounded', not '\(text)'")
        }
        return .limited(n)
    }

    /// The number of slots for a batch of `jobCount` jobs: at least 1, at most one per job, and
    /// at most `capacity`, the children the open-file limit allows at once; jobs beyond it queue.
    public func slots(for jobCount: Int, capacity: Int = Host.childCapacity) -> Int {
        let wanted: Int
        switch self {
        case .limited(let n): wanted = min(n, jobCount)
        case .unbounded: wanted = jobCount
        }
        return max(1, min(wanted, capacity))
    }

    /// `4` or `unbounded`.
    public var description: String {
        switch self {
        case .limited(let n): return String(n)
        case .unbounded: return "unbounded"
        }
    }
}

extension ConcurrencyLimit {
    /// Parses a comma-separated list of levels, `1,2,4,8` (a scaling scan) or a single one.
    public static func parseList(_ text: String) throws(BenchError) -> [ConcurrencyLimit] {
        var levels: [ConcurrencyLimit] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let level = try parse(String(part))
            if !levels.contains(level) { levels.append(level) }
        }
        return levels
    }
}
