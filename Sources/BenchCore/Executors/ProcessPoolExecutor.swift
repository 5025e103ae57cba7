/// A pool of worker processes, each the `bench` binary in its hidden worker mode, fed one job
/// at a time over pipes: the analogue of Python's ProcessPoolExecutor.
///
/// A worker that dies mid-job is replaced; that job is reported as failed with the reason
/// (it is not retried, so a job that kills its worker cannot loop). The pool never has more
/// than `maxWorkers` workers, whatever the limit: each is a whole bench process (about 20 MB).
public struct ProcessPoolExecutor: Executor {
    /// Always `processes`.
    public var strategy: Strategy { .processes }
    /// The number of worker processes (at most one per job).
    public let limit: ConcurrencyLimit
    /// The command that starts one worker, e.g. `["/usr/bin/bench", "worker"]`.
    public let workerCommand: [ByteString]
    /// Stops the batch when cancelled: workers kill their jobs and exit.
    public let cancellation: Cancellation?
    /// The most workers a pool starts, even for `unbounded`.
    public static let maxWorkers = 128

    /// Creates the pool description; workers start with each batch and end with it.
    public init(limit: ConcurrencyLimit, workerCommand: [ByteString], cancellation: Cancellation? = nil) {
        self.limit = limit
        self.workerCommand = workerCommand
        self.cancellation = cancellation
    }

    /// The limit's slots for the batch, and never more than `maxWorkers`.
    public func concurrency(for jobCount: Int) -> Int { min(limit.slots(for: jobCount), Self.maxWorkers) }

    /// Runs the jobs on the workers; each worker is driven by one parent thread.
    public func execute(_ jobs: [Job], progress: JobCounter?) throws(BenchError) -> (results: [JobResult], helperCPU: Double) {
        let queue = BatchQueue(jobs, progress: progress, cancellation: cancellation)
        let command = workerCommand
        let cancellation = cancellation
        try PoolThreads.run(concurrency(for: jobs.count)) {
            var worker: WorkerProcess?
            while let (index, job) = queue.take() {
                if worker == nil {
                    switch WorkerProcess.launch(command) {
                    case .success(let w): worker = w
                    case .failure(let error):
                        queue.store(.failed(job, "cannot start a worker: \(error)"), at: index)
                        queue.abandon("cannot start a 'processes' worker: \(error)")
                        continue
                    }
                }
                switch worker!.run(job, cancellation: cancellation) {
                case .success(let result): queue.store(result, at: index)
                case .failure(let failure):
                    queue.store(failure.result ?? .failed(job, failure.reason), at: index)
                    queue.addHelperCPU(failure.workerCPU)
                    worker = nil
                }
            }
            if let worker { queue.addHelperCPU(worker.stop().workerCPU) }
        }
        try queue.checkAbandoned()
        return (queue.collect(), queue.totalHelperCPU)
    }
}
