import BenchCore
import Foundation
import Synchronization
import Testing

/// When the first batch of a run was started, shared by the executors of one runner.
final class FirstBatch: Sendable {
    init() {}
    let time = Mutex<Double?>(nil)
}

/// An executor that runs nothing and notes when it was first asked to run a batch.
final class StampingExecutor: Executor {
    let strategy: Strategy
    let limit: ConcurrencyLimit
    let cancellation: Cancellation? = nil
    let firstBatch: FirstBatch

    init(_ strategy: Strategy, _ limit: ConcurrencyLimit, firstBatch: FirstBatch) {
        self.strategy = strategy
        self.limit = limit
        self.firstBatch = firstBatch
    }

    func execute(_ jobs: [Job], progress: JobCounter?) throws(BenchError) -> (results: [JobResult], helperCPU: Double) {
        let now = MonotonicClock.now()
        firstBatch.time.withLock { if $0 == nil { $0 = now } }
        return (jobs.map { JobResult(name: $0.name, exitCode: 0, wall: 0.01) }, 0)
    }
}

@Suite("The scenario runner's pause before measuring")
struct ScenarioRunnerPauseTests {
    static let scenario = Scenario(
        name: "s", compilers: [], probes: [Probe(name: "a", command: ["true"])], strategies: [.serial], runs: 1, warmup: 1)

    /// Runs `scenario` with `pause` and `cancellation`; the seconds from the call to the first
    /// batch (nil if none ran) and to the return, whether it returned or threw.
    func run(pause: Double?, cancellation: Cancellation? = nil) throws -> (firstBatch: Double?, total: Double) {
        var files = WorkFiles(directory: try TempDirectory())
        defer { files.directory.remove() }
        let first = FirstBatch()
        var runner = ScenarioRunner(cancellation: cancellation) { strategy, limit in StampingExecutor(strategy, limit, firstBatch: first) }
        if let pause { runner.pauseBeforeMeasuring = pause }
        let start = MonotonicClock.now()
        let validated = try ValidatedScenario(Self.scenario)
        _ = try? runner.run(validated, compilers: [], files: &files)
        let end = MonotonicClock.now()
        return (first.time.withLock { $0 }.map { $0 - start }, end - start)
    }

    @Test func theFirstBatchStartsOnlyAfterThePause() throws {
        #expect(ScenarioRunner.startPause >= 0.1)
        let waited = try run(pause: nil).firstBatch
        #expect(waited.map { $0 >= ScenarioRunner.startPause } == true, "first batch after \(String(describing: waited)) s")
    }

    @Test func aCancelledRunDoesNotWaitOutThePause() throws {
        let cancellation = Cancellation()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { cancellation.cancel(signal: SIGINT) }
        // Were the pause kept, this would take a minute.
        let total = try run(pause: 60, cancellation: cancellation).total
        #expect(total < 30)
    }
}
