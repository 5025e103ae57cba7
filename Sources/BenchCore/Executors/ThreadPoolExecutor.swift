import Foundation

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
    public func execute(_ jobs: [Job], progress: JobCounter?) -> (results: [JobResult], helperCPU: Double) {
        let queue = BatchQueue(jobs, progress: progress, cancellation: cancellation)
        let slots = concurrency(for: jobs.count)
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<slots {
            let thread = Thread {
                while let (index, job) = queue.take() { queue.store(Spawn.run(job, cancellation: cancellation), at: index) }
                done.signal()
            }
            thread.stackSize = 256 * 1024
            thread.start()
        }
        for _ in 0..<slots { done.wait() }
        return (queue.collect(), 0)
    }
}
