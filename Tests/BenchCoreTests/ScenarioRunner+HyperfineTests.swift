import BenchCore
import Testing

/// An executor that runs nothing and answers each job with the times `times` gives its name
/// (wall, user, sys): a batch's wall is its jobs' walls summed, so the runner's arithmetic on
/// samples is tested with exact figures. Logs each batch as `RecordingExecutor` does.
final class TimedExecutor: Executor {
    let strategy: Strategy
    let limit: ConcurrencyLimit
    let cancellation: Cancellation? = nil
    let log: BatchLog
    let times: @Sendable (Job) -> (wall: Double, user: Double, sys: Double, ok: Bool)

    init(
        _ strategy: Strategy, _ limit: ConcurrencyLimit, log: BatchLog,
        times: @escaping @Sendable (Job) -> (wall: Double, user: Double, sys: Double, ok: Bool)
    ) {
        self.strategy = strategy
        self.limit = limit
        self.log = log
        self.times = times
    }

    func execute(_ jobs: [Job], progress: JobCounter?) throws(BenchError) -> (results: [JobResult], helperCPU: Double) {
        log.entries.withLock { $0.append(jobs.map(\.name.text).joined(separator: ",")) }
        let results = jobs.map { job in
            let t = times(job)
            return JobResult(name: job.name, exitCode: t.ok ? 0 : 3, wall: t.wall, user: t.user, sys: t.sys)
        }
        return (results, 0)
    }

    func run(_ jobs: [Job], progress: JobCounter?) throws(BenchError) -> BatchResult {
        let (results, _) = try execute(jobs, progress: progress)
        return BatchResult(strategy: strategy, concurrency: 1, wall: results.map(\.wall).reduce(0, +), runnerCPU: 0, results: results)
    }
}

@Suite("The scenario runner, measuring as hyperfine measures")
struct HyperfineMeasuringTests {
    let log = BatchLog()

    func run(_ scenario: Scenario, times: @escaping @Sendable (Job) -> (wall: Double, user: Double, sys: Double, ok: Bool)) throws -> Measurement {
        var files = WorkFiles(directory: try TempDirectory())
        defer { files.directory.remove() }
        let log = self.log
        var runner = ScenarioRunner { strategy, limit in TimedExecutor(strategy, limit, log: log, times: times) }
        runner.pauseBeforeMeasuring = 0  // its executors start nothing
        return try runner.run(try ValidatedScenario(scenario), compilers: [], files: &files)
    }

    static let commands = [Probe(name: "slow", command: ["slow"]), Probe(name: "fast", command: ["fast"])]

    /// Seconds of `job`: slow 0.9 s, fast 0.09 s.
    static let walls: @Sendable (Job) -> (wall: Double, user: Double, sys: Double, ok: Bool) = { job in
        (job.name == "slow" ? 0.9 : 0.09, 0, 0, true)
    }

    @Test func eachBatchTakesTheRunsItsFirstRunSaysFitInMinTimeAndLeavesTheRoundsThen() throws {
        var scenario = Scenario(name: "s", compilers: [], probes: Self.commands, strategies: [.serial], runs: 2, warmup: 0)
        (scenario.minTime, scenario.maxRuns) = (3, 20)
        let m = try run(scenario, times: Self.walls)
        // slow: 3 s / 0.9 s = 3 runs; fast: 3 s / 0.09 s = 33, bounded by max_runs to 20.
        #expect(m.runs.map(\.wall.samples.count) == [3, 20])
        #expect(Array(log.all.prefix(7)) == ["slow", "fast", "fast", "slow", "slow", "fast", "fast"])
        #expect(log.all.dropFirst(6).allSatisfy { $0 == "fast" })
        #expect(m.scenario.minTime == 3 && m.scenario.maxRuns == 20 && m.scenario.runs == 2)
    }

    @Test func theLeastNumberOfRunsAndExactRunsAreKept() throws {
        var scenario = Scenario(name: "s", compilers: [], probes: Self.commands, strategies: [.serial], runs: 5, warmup: 0)
        scenario.minTime = 3
        #expect(try run(scenario, times: Self.walls).runs.map(\.wall.samples.count) == [5, 33])
        scenario.minTime = nil
        #expect(try run(scenario, times: Self.walls).runs.map(\.wall.samples.count) == [5, 5])
        var overridden = scenario
        overridden.minTime = 3
        overridden.maxRuns = 9
        overridden = overridden.applying(ScenarioOverrides(runs: 4))
        #expect(overridden.minTime == nil && overridden.maxRuns == nil && overridden.runs == 4)
    }

    @Test func theOverheadIsMeasuredFiftyTimesAndSubtractedFromEverySampleNeverBelowZero() throws {
        var scenario = Scenario(
            name: "s", compilers: [], probes: [Probe(name: "a", command: ["a"]), Probe(name: "b", command: ["b"])], strategies: [.serial], runs: 3,
            warmup: 1)
        scenario.overhead = ["sh", "-c", ""]
        let m = try run(scenario) { job in
            switch job.argv {
            case ["sh", "-c", ""]: return (0.002, 0.001, 0.0005, true)
            case ["a"]: return (0.010, 0.004, 0.002, true)
            default: return (0.001, 0.0001, 0.0001, true)
            }
        }
        #expect(Array(log.all.prefix(51)) == Array(repeating: "sh -c ''", count: 50) + ["a"])
        #expect(m.scenario.overhead == Overhead(command: ["sh", "-c", ""], runs: 50, wall: 0.002, user: 0.001, sys: 0.0005))
        let a = m.runs[0]
        #expect(a.wall.samples.allSatisfy { abs($0 - 0.008) < 1e-12 })
        #expect(abs(a.childCPU - 0.0045) < 1e-12 && abs(a.longestJob - 0.008) < 1e-12)
        #expect(m.runs[1].wall.samples == [0, 0, 0] && m.runs[1].childCPU == 0)
        #expect(
            m.overheadNote
                == "sh -c '' started in 2.0 ms (the median of 50 runs before the timed ones), subtracted from every time as hyperfine subtracts it")
        let read = try ResultDocument(json: JSONParser.parse(ByteString(JSONReport().render(document(m), options: RenderingOptions()))))
        #expect(read.measurements[0].scenario == m.scenario)
    }

    @Test func aBatchOfManyJobsLosesTheOverheadOncePerJobRunInTurn() {
        let o = Overhead(command: ["sh", "-c", ""], runs: 50, wall: 0.01, user: 0, sys: 0)
        let jobs = (0..<5).map { _ in JobResult(name: "j", exitCode: 0, wall: 0.05) }
        #expect(abs(o.subtracted(from: BatchResult(strategy: .serial, concurrency: 1, wall: 0.3, runnerCPU: 0, results: jobs)).wall - 0.25) < 1e-12)
        #expect(abs(o.subtracted(from: BatchResult(strategy: .async, concurrency: 2, wall: 0.2, runnerCPU: 0, results: jobs)).wall - 0.17) < 1e-12)
    }

    @Test func aFailingJobStopsTheRunOnlyWhenTheScenarioSaysSo() throws {
        var scenario = Scenario(name: "s", compilers: [], probes: Self.commands, strategies: [.serial], runs: 3, warmup: 0)
        let failing: @Sendable (Job) -> (wall: Double, user: Double, sys: Double, ok: Bool) = { job in (0.1, 0, 0, job.name != "fast") }
        #expect(try run(scenario, times: failing).runs.map(\.failed) == [0, 1])
        scenario.stopOnFailure = true
        #expect(
            throws: BenchError.commandFailed(
                "'fast': Command terminated with non-zero exit code: 3. Use the '-i'/'--ignore-failure' option (in a scenario, "
                    + "ignore_failure = true) if you want to ignore this. Alternatively, use the '--show-output' option to debug what went wrong.")
        ) { try run(scenario, times: failing) }
        scenario.ignoreFailure = true
        #expect(throws: BenchError.invalidValue("scenario 's': stop_on_failure and ignore_failure contradict each other: give one")) {
            try ValidatedScenario(scenario)
        }
    }

    @Test func maxRunsNeedsMinTimeAndRunsBelowIt() {
        var scenario = Scenario(name: "s", compilers: [], probes: Self.commands, strategies: [.serial], runs: 10, warmup: 0)
        scenario.maxRuns = 20
        #expect(throws: BenchError.invalidValue("scenario 's': max_runs bounds the runs that min_time adds: give min_time too, or runs alone")) {
            try ValidatedScenario(scenario)
        }
        scenario.minTime = 3
        scenario.maxRuns = 5
        #expect(throws: BenchError.invalidValue("scenario 's': max_runs 5 is below runs 10, the least number of runs")) {
            try ValidatedScenario(scenario)
        }
    }

    func document(_ m: Measurement) -> ResultDocument {
        ResultDocument(bench: "0", complete: true, host: HostInfo(os: "Linux", kernel: "6", cpu: "x", cores: 2), measurements: [m])
    }
}
