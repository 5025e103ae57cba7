import Glibc

/// One batch run by one executor: every job's result and what the batch cost.
public struct BatchResult: Sendable {
    /// The strategy that ran it.
    public var strategy: Strategy
    /// The number of jobs allowed at once.
    public var concurrency: Int
    /// Wall-clock seconds for the whole batch.
    public var wall: Double
    /// bench's own CPU seconds for the batch: the host process, plus `processes` workers.
    public var runnerCPU: Double
    /// Every job's result, in job order.
    public var results: [JobResult]

    /// Creates a batch result.
    public init(strategy: Strategy, concurrency: Int, wall: Double, runnerCPU: Double, results: [JobResult]) {
        self.strategy = strategy
        self.concurrency = concurrency
        self.wall = wall
        self.runnerCPU = runnerCPU
        self.results = results
    }

    /// The children's user and system CPU seconds, summed from each job's rusage.
    public var childCPU: Double { results.reduce(0) { $0 + $1.user + $1.sys } }
    /// The children's user CPU seconds, summed.
    public var childUser: Double { results.reduce(0) { $0 + $1.user } }
    /// The children's system CPU seconds, summed.
    public var childSys: Double { results.reduce(0) { $0 + $1.sys } }
    /// The longest single job's wall time: no schedule can finish the batch sooner.
    public var longestJob: Double { results.map(\.wall).max() ?? 0 }
    /// The largest child's peak resident set, in KiB.
    public var peakRSS: Int { results.map(\.maxRSS).max() ?? 0 }
    /// How many jobs did not succeed.
    public var failed: Int { results.count(where: { !$0.ok }) }

    /// The best wall time this machine allows for the batch: all child CPU spread over the
    /// usable cores (or the concurrency, if lower), but never less than the longest job.
    public func ideal(cores: Int) -> Double {
        idealWall(childCPU: childCPU, longestJob: longestJob, cores: cores, concurrency: concurrency)
    }
}

/// CPU seconds (user + system) this process has used so far, all threads.
func processCPUTime() -> Double {
    let usage = ResourceUsage.current()
    return usage.user + usage.sys
}

/// User plus system seconds of a rusage.
func cpuSeconds(_ u: rusage) -> Double { seconds(u.ru_utime) + seconds(u.ru_stime) }
