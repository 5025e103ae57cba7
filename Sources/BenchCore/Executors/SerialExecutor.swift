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

    /// Runs the jobs in order, each to its end before the next starts.
    public func execute(_ jobs: [Job], progress: JobCounter?) throws(BenchError) -> (results: [JobResult], helperCPU: Double) {
        let results = jobs.map { job in
            defer { progress?.increment() }
            return Spawn.run(job, cancellation: cancellation)
        }
        return (results, 0)
    }
}
