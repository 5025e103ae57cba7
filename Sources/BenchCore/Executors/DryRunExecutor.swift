/// `--dry-run`'s executor: runs nothing, writes each job's command as a line a shell can run
/// (`Job.shellLine`) through `write`, and answers every job with `JobResult.dryRun`.
///
/// It stands for the executor that would have run the batch, whose strategy, limit and
/// concurrency it reports, so that what a script is told of a batch (`bench.run`'s `-j`) is
/// what a real run would tell it.
public struct DryRunExecutor: Executor {
    /// The executor that would have run the batches.
    public let standIn: any Executor
    /// Where the commands go, line by line.
    public let write: @Sendable (String) -> Void

    /// Creates the executor that prints what `standIn` would run.
    public init(standingFor standIn: any Executor, write: @escaping @Sendable (String) -> Void) {
        self.standIn = standIn
        self.write = write
    }

    /// The strategy of the executor it stands for.
    public var strategy: Strategy { standIn.strategy }
    /// The limit of the executor it stands for.
    public var limit: ConcurrencyLimit { standIn.limit }
    /// The cancellation of the executor it stands for (nothing runs, so nothing is stopped).
    public var cancellation: Cancellation? { standIn.cancellation }

    /// What the executor it stands for would run at once.
    public func concurrency(for jobCount: Int) -> Int { standIn.concurrency(for: jobCount) }

    /// Writes `what` as a `#` line, a comment to a shell the lines are pasted into.
    public func announce(_ what: String) { write("# " + TerminalText.line(what)) }

    /// Writes every job's command, in order, and answers each as a success that took no time.
    public func execute(_ jobs: [Job], progress: JobCounter?) throws(BenchError) -> (results: [JobResult], helperCPU: Double) {
        for job in jobs {
            write(job.shellLine)
            progress?.increment()
        }
        return (jobs.map(JobResult.dryRun), 0)
    }

    /// The batch printed, measured as nothing: no time, no CPU, and no memory to check, as
    /// nothing was started.
    public func run(_ jobs: [Job], progress: JobCounter?) throws(BenchError) -> BatchResult {
        let results = try execute(jobs, progress: progress).results
        return BatchResult(strategy: strategy, concurrency: concurrency(for: jobs.count), wall: 0, runnerCPU: 0, results: results)
    }
}
