/// Runs a batch of jobs with one strategy and a concurrency limit.
///
/// Every executor returns one result per job, in job order, and never runs more than its limit
/// at once. `run` blocks the calling thread until the batch is done, so call it from an
/// ordinary thread (bench's Lua thread), never from a Swift concurrency task.
public protocol Executor: Sendable {
    /// Which strategy this is.
    var strategy: Strategy { get }
    /// How many jobs may run at once.
    var limit: ConcurrencyLimit { get }
    /// Runs every job and returns their results in job order.
    func run(_ jobs: [Job]) -> [JobResult]
}

/// Builds executors by strategy name.
public enum Executors {
    /// An executor for `strategy`; `workerCommand` starts a `processes` worker (bench's hidden worker mode).
    public static func make(_ strategy: Strategy, limit: ConcurrencyLimit, workerCommand: [String]) -> any Executor {
        switch strategy {
        case .async: return AsyncExecutor(limit: limit)
        case .threads: return ThreadPoolExecutor(limit: limit)
        case .processes: return ProcessPoolExecutor(limit: limit, workerCommand: workerCommand)
        case .serial: return SerialExecutor()
        }
    }
}
