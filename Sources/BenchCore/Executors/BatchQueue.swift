import Synchronization

/// Hands out a batch's jobs one at a time to several workers and collects their results in job order.
final class BatchQueue: Sendable {
    private let jobs: [Job]
    private let next = Mutex(0)
    private let results: Mutex<[JobResult?]>
    private let progress: JobCounter?
    private let helperCPU = Mutex(0.0)

    init(_ jobs: [Job], progress: JobCounter?) {
        self.jobs = jobs
        self.progress = progress
        self.results = Mutex([JobResult?](repeating: nil, count: jobs.count))
    }

    /// The next job to run and its index, or `nil` when all are taken.
    func take() -> (index: Int, job: Job)? {
        next.withLock { i in
            guard i < jobs.count else { return nil }
            defer { i += 1 }
            return (i, jobs[i])
        }
    }

    /// Records the result of job `index`.
    func store(_ result: JobResult, at index: Int) {
        results.withLock { $0[index] = result }
        progress?.increment()
    }

    /// Adds CPU seconds used by a helper process (a worker) to the batch's runner cost.
    func addHelperCPU(_ seconds: Double) {
        helperCPU.withLock { $0 += Swift.max(0, seconds) }
    }

    /// The helper CPU recorded so far.
    var totalHelperCPU: Double { helperCPU.withLock { $0 } }

    /// All results in job order; a job nobody ran (which would be a bug) is reported as failed.
    func collect() -> [JobResult] {
        results.withLock { list in
            list.enumerated().map { $0.element ?? .failed(jobs[$0.offset], "internal error: job was never run") }
        }
    }
}
