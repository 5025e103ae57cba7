/// A fixed pool of OS threads, each taking the next job, spawning it and blocking until it ends.
public struct ThreadPoolExecutor: Executor {
    /// Always `threads`.
    public var strategy: Strategy { .threads }
    /// The number of threads (at most one per job).
    public let limit: ConcurrencyLimit
    /// Stops the batch when cancelled.
    public let cancellation: Cancellation?

    /// Creates a pool of `limit` threads for each batch.
    public init(limit: ConcurrencyLimit, cancellation: Cancellation? = nil) {
        self.limit = limit
        self.cancellation = cancellation
    }

    /// Runs the jobs on the pool; the threads end with the batch.
    public func execute(_ jobs: [Job], progress: JobCounter?) throws(BenchError) -> (results: [JobResult], helperCPU: Double) {
        let queue = BatchQueue(jobs, progress: progress, cancellation: cancellation)
        let cancellation = cancellation
        try PoolThreads.run(concurrency(for: jobs.count)) {
            Spawn.runInTurn(cancellation: cancellation, next: queue.take) { queue.store($0, at: $1) }
        }
        return (queue.collect(), 0)
    }
}
