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
