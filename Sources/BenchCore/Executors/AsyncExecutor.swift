import Dispatch
import Synchronization

/// Swift structured concurrency: a task group keeps a window of tasks in flight, each
/// suspended on the event loop until its child ends; no thread waits per child. The event loop
/// holds the limit, so the next child starts the moment one exits.
public struct AsyncExecutor: Executor {
    /// Always `async`.
    public var strategy: Strategy { .async }
    /// How many children may run at once.
    public let limit: ConcurrencyLimit
    /// Stops the batch when cancelled.
    public let cancellation: Cancellation?

    /// Creates the executor; the event loop is started per batch.
    public init(limit: ConcurrencyLimit, cancellation: Cancellation? = nil) {
        self.limit = limit
        self.cancellation = cancellation
    }

    /// Runs the jobs; blocks the calling thread (not a task) until all are done.
    public func execute(_ jobs: [Job], progress: JobCounter?) throws(BenchError) -> (results: [JobResult], helperCPU: Double) {
        let slots = concurrency(for: jobs.count)
        let reactor: Reactor
        do {
            reactor = try Reactor(limit: slots, cancel: cancellation?.descriptor ?? -1)
        } catch {
            throw .resources("cannot start the event loop: \(error)")
        }
        defer { reactor.shutdown() }
        // Twice the limit in flight: the loop always has the next job queued when a child exits,
        // while a batch of 10,000 jobs does not hold 10,000 suspended tasks.
        let window = min(jobs.count, slots * 2)
        let results = try waitForTask {
            await withTaskGroup(of: (Int, JobResult).self) { group in
                var results = [JobResult?](repeating: nil, count: jobs.count)
                var next = 0
                func add() {
                    let index = next
                    next += 1
                    group.addTask { (index, await reactor.run(jobs[index])) }
                }
                while next < window { add() }
                while let (index, result) = await group.next() {
                    results[index] = result
                    progress?.increment()
                    if next < jobs.count { add() }
                }
                return results.map { $0! }
            }
        }
        return (results, 0)
    }
}

/// Runs `body` as a task and blocks the calling thread until it returns. The caller must be an
/// ordinary thread: blocking a thread of the cooperative pool could deadlock it.
///
/// Throws if the task has not started within `startTimeout` seconds: Swift's cooperative pool
/// could not get a thread (a memory or thread limit), and would otherwise be waited for for ever.
/// A task that starts later finds itself abandoned and runs nothing.
func waitForTask<T: Sendable>(startTimeout: Double = 10, _ body: @escaping @Sendable () async -> T) throws(BenchError) -> T {
    let box = ResultBox<T>()
    let started = DispatchSemaphore(value: 0)
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        guard box.start() else { return }
        started.signal()
        let value = await body()
        box.value.withLock { $0 = value }
        done.signal()
    }
    if started.wait(timeout: .now() + startTimeout) == .timedOut && box.abandon() {
        throw .resources("cannot start the event loop's tasks: Swift's concurrency pool got no thread within \(Int(startTimeout)) s (a memory or thread limit?)")
    }
    done.wait()
    return box.value.withLock { $0! }
}

private final class ResultBox<T: Sendable>: Sendable {
    let value = Mutex<T?>(nil)
    /// nil: neither yet; true: the task started; false: the waiter gave up first.
    private let outcome = Mutex<Bool?>(nil)

    /// Called by the task: true if it may run.
    func start() -> Bool { outcome.withLock { $0 = $0 ?? true; return $0! } }

    /// Called by the waiter: true if the task had not started, which now never will.
    func abandon() -> Bool { outcome.withLock { $0 = $0 ?? false; return $0 == false } }
}
