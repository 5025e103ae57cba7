import Synchronization

/// Event loops, one per usable core (or per slot, if fewer), each on its own thread, start the
/// children and watch them (epoll over pidfds and pipes), taking the batch's jobs in order from
/// one queue: no thread is parked per child, and a loop starts its next child the moment one
/// of its own exits.
///
/// One loop per core rather than one in all: `posix_spawn` stops its caller until the child
/// has called `exec`, so a single loop starts one child at a time, and at `-j 2` on two cores
/// it ran 15 % over the spawn floor (the README's figures, `bench run scale`).
public struct AsyncExecutor: Executor {
    /// Always `async`.
    public var strategy: Strategy { .async }
    /// How many children may run at once.
    public let limit: ConcurrencyLimit
    /// Stops the batch when cancelled.
    public let cancellation: Cancellation?

    /// Creates the executor; the event loops are made per batch.
    public init(limit: ConcurrencyLimit, cancellation: Cancellation? = nil) {
        self.limit = limit
        self.cancellation = cancellation
    }

    /// Runs the jobs on the event loops until all are done; the batch's slots are shared out
    /// among the loops, so the limit holds for the batch.
    public func execute(_ jobs: [Job], progress: JobCounter?) throws(BenchError) -> (results: [JobResult], helperCPU: Double) {
        let slots = concurrency(for: jobs.count)
        let loops = max(1, min(Host.usableCores, slots))
        let queue = BatchQueue(jobs, progress: progress, cancellation: cancellation)
        let cancellation = cancellation
        let turn = Atomic<Int>(0)
        try PoolThreads.run(loops) {
            let i = turn.add(1, ordering: .relaxed).oldValue
            do {
                let loop = try EventLoop(cancellation: cancellation)
                loop.run(queue, slots: slots / loops + (i < slots % loops ? 1 : 0))
            } catch {
                queue.abandon("cannot start the event loop: \(error)")
            }
        }
        try queue.checkAbandoned()
        return (queue.collect(), 0)
    }
}
