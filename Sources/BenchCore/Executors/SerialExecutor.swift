/// Runs one job after another on the calling thread: the baseline every other strategy is compared with.
public struct SerialExecutor: Executor {
    /// Always `serial`.
    public var strategy: Strategy { .serial }
    /// Always one at a time.
    public var limit: ConcurrencyLimit { .limited(1) }
    /// Stops the batch when cancelled.
    public let cancellation: Cancellation?

    /// Creates the serial executor.
    public init(cancellation: Cancellation? = nil) { self.cancellation = cancellation }

    /// Runs the batch and measures it as every executor does (`measure`), but for its wall time:
    /// from the first job's spawn to the moment the last one was seen to exit. Running one job
    /// after another needs no setting up, so all that leaves out is bench's own bookkeeping: the
    /// first job's argument and environment arrays before, the last one's reaping and result
    /// after, 30 to 50 µs a batch here, which a batch of one job (`bench time`'s) would count as
    /// the command's own, where hyperfine's clock runs from spawn to exit.
    public func run(_ jobs: [Job], progress: JobCounter?) throws(BenchError) -> BatchResult {
        var batch = try measure(jobs, progress: progress)
        if let first = batch.results.first, let last = batch.results.last, first.started > 0, last.ended >= first.started {
            batch.wall = last.ended - first.started
        }
        return batch
    }

    /// Runs the jobs in order, each to its end before the next starts.
    public func execute(_ jobs: [Job], progress: JobCounter?) throws(BenchError) -> (results: [JobResult], helperCPU: Double) {
        var results: [JobResult] = []
        results.reserveCapacity(jobs.count)
        var taken = jobs.indices.makeIterator()
        let next = { taken.next().map { ($0, jobs[$0]) } }
        Spawn.runInTurn(cancellation: cancellation, next: next) { result, _ in
            results.append(result)
            progress?.increment()
        }
        return (results, 0)
    }
}
