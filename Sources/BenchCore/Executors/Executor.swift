/// Runs a batch of jobs with one strategy and a concurrency limit.
///
/// Every executor returns one result per job, in job order, and never runs more than its limit
/// at once. Running blocks the calling thread until the batch is done, so call it from an
/// ordinary thread (bench's Lua thread), never from a Swift concurrency task.
public protocol Executor: Sendable {
    /// Which strategy this is.
    var strategy: Strategy { get }
    /// How many jobs may run at once.
    var limit: ConcurrencyLimit { get }
    /// Stops the batch when cancelled: running children are killed, the rest never start.
    var cancellation: Cancellation? { get }
    /// How many jobs of a batch of `jobCount` run at once in practice (the limit, capped by
    /// the batch's size and the machine's capacity).
    func concurrency(for jobCount: Int) -> Int
    /// Runs every job, counting each finished one in `progress`; returns the results in job
    /// order and the CPU seconds used by helper processes (the `processes` workers), if any.
    /// Throws only when bench itself cannot run the batch (no threads, no memory for its event
    /// loop); a job that fails is a result.
    func execute(_ jobs: [Job], progress: JobCounter?) throws(BenchError) -> (results: [JobResult], helperCPU: Double)
    /// Runs the batch and measures it (see `run(_:)`): a requirement so that an executor that
    /// runs nothing (`DryRunExecutor`) can say so instead of timing its printing.
    func run(_ jobs: [Job], progress: JobCounter?) throws(BenchError) -> BatchResult
    /// Says what the next batch is, in a few words; an executor that runs its jobs has no one
    /// to tell (the default does nothing), one that prints them (`DryRunExecutor`) prints it.
    func announce(_ what: String)
}

extension Executor {
    /// The limit's slots for the batch, capped by the open-file limit.
    public func concurrency(for jobCount: Int) -> Int { limit.slots(for: jobCount) }

    /// Runs the batch without counting its jobs (see `run(_:progress:)`).
    public func run(_ jobs: [Job]) throws(BenchError) -> BatchResult { try run(jobs, progress: nil) }

    /// Says nothing: a batch that runs is its own news.
    public func announce(_ what: String) {}

    /// Runs the batch and measures it: wall time, and bench's own CPU (this process and its helpers).
    public func run(_ jobs: [Job], progress: JobCounter?) throws(BenchError) -> BatchResult {
        // Once here, not twice: each asks the kernel for the open-file limit.
        let slots = concurrency(for: jobs.count)
        try MemoryHeadroom.ensure(jobs: jobs.count, slots: slots)
        let cpu0 = processCPUTime()
        let start = MonotonicClock.now()
        let (results, helperCPU) = try execute(jobs, progress: progress)
        let wall = MonotonicClock.now() - start
        return BatchResult(
            strategy: strategy, concurrency: slots, wall: wall,
            runnerCPU: processCPUTime() - cpu0 + helperCPU, results: results)
    }
}

/// Builds executors by strategy name.
public enum Executors {
    /// An executor for `strategy`; `workerCommand` starts a `processes` worker (bench's hidden
    /// worker mode); `cancellation` stops its batches early. With `dryRun` (`--dry-run`), one
    /// that writes each job's command through it instead of running it, standing for the
    /// executor it would have been.
    public static func make(
        _ strategy: Strategy, limit: ConcurrencyLimit, workerCommand: [ByteString], cancellation: Cancellation? = nil,
        dryRun: (@Sendable (String) -> Void)? = nil
    ) -> any Executor {
        let executor: any Executor
        switch strategy {
        case .async: executor = AsyncExecutor(limit: limit, cancellation: cancellation)
        case .threads: executor = ThreadPoolExecutor(limit: limit, cancellation: cancellation)
        case .processes: executor = ProcessPoolExecutor(limit: limit, workerCommand: workerCommand, cancellation: cancellation)
        case .serial: executor = SerialExecutor(cancellation: cancellation)
        case .ninja, .make, .xargs: executor = ReferenceExecutor(strategy, limit: limit, cancellation: cancellation)!
        }
        guard let dryRun else { return executor }
        return DryRunExecutor(standingFor: executor, write: dryRun)
    }
}
