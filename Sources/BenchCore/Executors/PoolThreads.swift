import Dispatch
import Synchronization

/// Runs `body` on `count` new OS threads at once and waits for all of them. Every thread is
/// created before any starts working, so a pool that cannot get all its threads (a memory or
/// thread limit) runs nothing and says so, instead of running at a concurrency it did not report.
enum PoolThreads {
    static func run(_ count: Int, stackSize: Int = 256 * 1024, _ body: @escaping @Sendable () -> Void) throws(BenchError) {
        let gate = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        let abandoned = Atomic<Bool>(false)
        var started = 0
        var failure: SpawnError?
        for _ in 0..<count {
            let result = OSThread.start(stackSize: stackSize) {
                gate.wait()
                if !abandoned.load(ordering: .acquiring) { body() }
                done.signal()
            }
            if case .failure(let error) = result {
                failure = error
                break
            }
            started += 1
        }
        if failure != nil { abandoned.store(true, ordering: .releasing) }
        for _ in 0..<started { gate.signal() }
        for _ in 0..<started { done.wait() }
        if let failure {
            throw .resources(
                "cannot start \(count) threads (started \(started)): \(failure); lower -j, or raise the memory or process limit (ulimit -v, ulimit -u)"
            )
        }
    }
}
