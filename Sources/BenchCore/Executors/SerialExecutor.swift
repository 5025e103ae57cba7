/// Runs one job after another on the calling thread: the baseline every other strategy is compared with.
public struct SerialExecutor: Executor {
    /// Always `serial`.
    public var strategy: Strategy { .serial }
    /// Always one at a time.
    public var limit: ConcurrencyLimit { .limited(1) }

    /// Creates the serial executor.
    public init() {}

    /// Runs the jobs in order, each to its end before the next starts.
    public func execute(_ jobs: [Job], progress: JobCounter?) -> (results: [JobResult], helperCPU: Double) {
        let results = jobs.map { job in
            defer { progress?.increment() }
            return Spawn.run(job)
        }
        return (results, 0)
    }
}
