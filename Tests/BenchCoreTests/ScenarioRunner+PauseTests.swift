import BenchCore
import Foundation
import Synchronization
import Testing

/// When each batch of a run was started, shared by the executors of one runner.
final class BatchStarts: Sendable {
    let times = Mutex<[Double]>([])
}

/// An executor that runs nothing and notes when it was asked to run each batch.
final class StampingExecutor: Executor {
    let strategy: Strategy
    let limit: ConcurrencyLimit
    let cancellation: Cancellation? = nil
    let starts: BatchStarts

    init(_ strategy: Strategy, _ limit: ConcurrencyLimit, starts: BatchStarts) {
        self.strategy = strategy
        self.limit = limit
        self.starts = starts
    }

    func execute(_ jobs: [Job], progress: JobCounter?) throws(BenchError) -> (results: [JobResult], helperCPU: Double) {
        let now = MonotonicClock.now()
        starts.times.withLock { $0.append(now) }
        return (jobs.map { JobResult(name: $0.name, exitCode: 0, wall: 0.01) }, 0)
    }
}

@Suite("The scenario runner's pause before measuring")
struct ScenarioRunnerPauseTests {
    static func scenario(hooks: Bool = false) -> Scenario {
        var probes = [Probe(name: "a", command: ["true"]), Probe(name: "b", command: ["true"])]
        if hooks {
            probes[0].hooks = ScenarioHooks(setup: .function(2))
            probes[1].hooks = ScenarioHooks(setup: .function(3))
        }
        return Scenario(
            name: "s", compilers: [], probes: probes, strategies: [.serial], runs: 1, warmup: 1,
            hooks: hooks ? ScenarioHooks(setup: .function(1)) : ScenarioHooks())
    }

    /// What one run showed: when it was called, when each batch and each setup hook started,
    /// and when it returned or threw.
    struct Timeline {
        var start = 0.0
        var batches: [Double] = []
        var setups: [Double] = []
        var end = 0.0
    }

    /// Runs `scenario` with `pause` (the default if nil), noting its timeline; with `cancelAfter`,
    /// cancels the run that many seconds after it starts.
    func run(_ scenario: Scenario, pause: Double?, cancelAfter: Double? = nil) throws -> Timeline {
        let cancellation = cancelAfter.map { _ in Cancellation() }
        var files = WorkFiles(directory: try TempDirectory())
        defer { files.directory.remove() }
        let starts = BatchStarts()
        var runner = ScenarioRunner(cancellation: cancellation) { strategy, limit in StampingExecutor(strategy, limit, starts: starts) }
        if let pause { runner.pauseBeforeMeasuring = pause }
        let validated = try ValidatedScenario(scenario)
        var timeline = Timeline(start: MonotonicClock.now())
        if let cancelAfter, let cancellation {
            DispatchQueue.global().asyncAfter(deadline: .now() + cancelAfter) { cancellation.cancel(signal: SIGINT) }
        }
        _ = try? runner.run(validated, compilers: [], files: &files) { _, event in
            if event.point == .setup { timeline.setups.append(MonotonicClock.now()) }
        }
        timeline.end = MonotonicClock.now()
        timeline.batches = starts.times.withLock { $0 }
        return timeline
    }

    @Test func theFirstBatchStartsOnlyAfterThePause() throws {
        let timeline = try run(Self.scenario(), pause: nil)
        let waited = timeline.batches.first.map { $0 - timeline.start }
        #expect(waited.map { $0 >= ScenarioRunner.startPause } == true, "first batch after \(String(describing: waited)) s")
    }

    @Test func everySetupHookIsFollowedByThePauseBeforeTheNextBatch() throws {
        let timeline = try run(Self.scenario(hooks: true), pause: 0.2)
        // The scenario's setup, then each probe's own before its first batch.
        #expect(timeline.setups.count == 3)
        for setup in timeline.setups {
            let next = timeline.batches.first { $0 > setup }
            #expect(next.map { $0 - setup >= 0.2 } == true, "batch \(String(describing: next.map { $0 - setup })) s after a setup")
        }
    }

    @Test func aCancelledRunDoesNotWaitOutThePause() throws {
        // Were the pause kept, this would take a minute; were the run over before the cancel,
        // it would not have been waiting at all. The cancel is timed from the run's start: a
        // loaded machine may take longer than that to set the test up.
        let timeline = try run(Self.scenario(), pause: 60, cancelAfter: 0.2)
        #expect(timeline.end - timeline.start >= 0.2 && timeline.end - timeline.start < 30)
        #expect(timeline.batches.isEmpty)
    }

    @Test func aDryRunDoesNotWait() throws {
        var files = WorkFiles(directory: try TempDirectory())
        defer { files.directory.remove() }
        var runner = ScenarioRunner { strategy, limit in
            DryRunExecutor(standingFor: StampingExecutor(strategy, limit, starts: BatchStarts())) { _ in }
        }
        runner.pauseBeforeMeasuring = 60
        let start = MonotonicClock.now()
        _ = try runner.run(try ValidatedScenario(Self.scenario()), compilers: [], files: &files)
        #expect(MonotonicClock.now() - start < 30)
    }
}
