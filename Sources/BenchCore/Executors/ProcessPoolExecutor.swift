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

    /// Runs the jobs on the workers; each worker is driven by one parent thread (`drive`).
    public func execute(_ jobs: [Job], progress: JobCounter?) throws(BenchError) -> (results: [JobResult], helperCPU: Double) {
        let queue = BatchQueue(jobs, progress: progress, cancellation: cancellation)
        let (command, cancellation) = (workerCommand, cancellation)
        let workers = concurrency(for: jobs.count)
        try PoolThreads.run(workers) { Self.drive(queue, workers: workers, command: command, cancellation: cancellation) }
        try queue.checkAbandoned()
        return (queue.collect(), queue.totalHelperCPU)
    }

    /// What one parent thread does: keeps one worker (started on demand, replaced when it dies)
    /// fed with the queue's jobs until none is left. Once the worker has answered its first job,
    /// a second waits in its pipe while it runs one (as long as the batch has a job left for
    /// every worker), so that it goes from one job to the next without waiting for the parent.
    /// A job sent to a worker that died before starting it goes to the worker's replacement;
    /// after a cancellation, it is reported as not started.
    private static func drive(_ queue: BatchQueue, workers: Int, command: [ByteString], cancellation: Cancellation?) {
        var worker: WorkerProcess?
        var sent: [(index: Int, job: Job)] = []  // to `worker`, oldest first: it answers them in order
        var unsent: [(index: Int, job: Job)] = []  // taken, and sent to a worker that died before running them
        var answered = false  // so that a batch starts with one job per worker, not two for the first ones
        while true {
            let depth = answered && queue.untaken >= workers ? 2 : 1
            while sent.count < depth, cancellation?.isCancelled != true, let next = unsent.popLast() ?? queue.take() {
                if worker == nil {
                    switch WorkerProcess.launch(command) {
                    case .success(let w): worker = w
                    case .failure(let error):
                        queue.store(.failed(next.job, "cannot start a worker: \(error)"), at: next.index)
                        queue.abandon("cannot start a 'processes' worker: \(error)")
                        continue
                    }
                }
                guard worker!.send(next.job) else {
                    unsent.append(next)
                    break
                }
                sent.append(next)
            }
            // After a cancellation, jobs not sent stay unreported: `collect` reports them not started.
            let cancelled = cancellation?.isCancelled == true
            guard let (index, job) = sent.first ?? (cancelled ? nil : unsent.popLast()) else { break }
            if sent.isEmpty {
                // The worker took no job at all: its end is this job's failure, so that a job
                // that kills every worker it meets is not retried forever.
                let end = worker!.stop(force: true)
                queue.store(.failed(job, "worker \(end.description)"), at: index)
                queue.addHelperCPU(end.workerCPU)
                worker = nil
                continue
            }
            sent.removeFirst()
            switch worker!.receive(job, cancellation: cancellation) {
            case .success(let result):
                queue.store(result, at: index)
                answered = true
            case .failure(let failure):
                // A cancelled worker answers the job it runs and exits: the jobs behind it never started.
                let notStarted = cancellation?.isCancelled == true && failure.result == nil
                queue.store(notStarted ? .notStarted(job) : failure.result ?? .failed(job, failure.reason), at: index)
                queue.addHelperCPU(failure.workerCPU)
                worker = nil
                unsent += sent.reversed()
                sent = []
            }
        }
        if let worker { queue.addHelperCPU(worker.stop().workerCPU) }
    }
}
