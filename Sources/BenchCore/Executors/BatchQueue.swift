import Synchronization

/// Hands out a batch's jobs one at a time to several workers and collects their results in job order.
final class BatchQueue: Sendable {
    private let jobs: [Job]
    private let next = Mutex(0)
    private let results: Mutex<[JobResult?]>
    private let progress: JobCounter?
    private let helperCPU = Mutex(0.0)
    private let cancellation: Cancellation?
    private let abandonment = Mutex<String?>(nil)

    init(_ jobs: [Job], progress: JobCounter?, cancellation: Cancellation?) {
        self.jobs = jobs
        self.progress = progress
        self.cancellation = cancellation
        self.results = Mutex([JobResult?](repeating: nil, count: jobs.count))
    }

    /// The next job to run and its index, or `nil` when all are taken or the batch was cancelled or abandoned.
    func take() -> (index: Int, job: Job)? {
        if cancellation?.isCancelled == true || abandonment.withLock({ $0 != nil }) { return nil }
        return next.withLock { i in
            guard i < jobs.count else { return nil }
            defer { i += 1 }
            return (i, jobs[i])
        }
    }

    /// How many jobs are not taken yet.
    var untaken: Int { next.withLock { jobs.count - $0 } }

    /// Records the result of job `index`.
    func store(_ result: JobResult, at index: Int) {
        results.withLock { $0[index] = result }
        progress?.increment()
    }

    /// Adds CPU seconds used by a helper process (a worker) to the batch's runner cost.
    func addHelperCPU(_ seconds: Double) {
        helperCPU.withLock { $0 += Swift.max(0, seconds) }
    }

    /// Stops handing out jobs because bench itself cannot go on (a worker cannot be started);
    /// the first reason is kept.
    func abandon(_ reason: String) { abandonment.withLock { $0 = $0 ?? reason } }

    /// Throws the reason the batch was abandoned, if it was.
    func checkAbandoned() throws(BenchError) {
        if let reason = abandonment.withLock({ $0 }) { throw .resources(reason) }
    }

    /// The helper CPU recorded so far.
    var totalHelperCPU: Double { helperCPU.withLock { $0 } }

    /// All results in job order; a job nobody ran is reported as not started (cancelled) or,
    /// which would be a bug, as failed.
    func collect() -> [JobResult] {
        let cancelled = cancellation?.isCancelled == true
        return results.withLock { list in
            list.enumerated().map { i, result in
                result ?? (cancelled ? .notStarted(jobs[i]) : .failed(jobs[i], "internal error: job was never run"))
            }
        }
    }
}
