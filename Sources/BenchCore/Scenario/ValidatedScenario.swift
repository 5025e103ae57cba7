/// A scenario checked once, where it becomes runnable (the command line's overrides put over
/// it): the only kind `ScenarioRunner.run` takes, so that nothing runs unchecked and nothing is
/// checked twice.
public struct ValidatedScenario: Sendable, Equatable {
    /// The scenario, as checked.
    public let scenario: Scenario

    /// `scenario`, once it is found runnable: something to run, every number in its range,
    /// every probe able to make its job, and no name twice (a compiler or a strategy twice
    /// would merge two runs into one). Throws what is wrong otherwise.
    public init(_ scenario: Scenario) throws(BenchError) {
        let name = TerminalText.line(scenario.name)
        guard !scenario.probes.isEmpty else { throw .invalidValue("scenario '\(name)' has no probes") }
        guard !scenario.strategies.isEmpty else { throw .invalidValue("scenario '\(name)' has no strategies") }
        guard !scenario.concurrency.isEmpty else { throw .invalidValue("scenario '\(name)' has no concurrency level") }
        try Limits.check(scenario.repeats, in: Limits.repeats, "repeats")
        try Limits.check(scenario.runs, in: Limits.runs, "runs")
        try Limits.check(scenario.warmup, in: Limits.warmup, "warmup")
        if let timeout = scenario.timeout { try Limits.checkTimeout(timeout, "timeout") }
        try Self.checkCounts(scenario, name: name)
        let (jobs, overflow) = scenario.probes.count.multipliedReportingOverflow(by: scenario.repeats)
        guard !overflow, Limits.jobsPerBatch.contains(jobs) else {
            throw .invalidValue(
                "\(scenario.probes.count) probes × \(scenario.repeats) copies is more jobs than one batch can hold (at most \(Limits.jobsPerBatch.upperBound))"
            )
        }
        for probe in scenario.probes {
            do { try ProbeJob.check(probe, hasCompiler: !scenario.compilers.isEmpty) } catch { throw .invalidValue("scenario '\(name)': \(error)") }
        }
        if scenario.batch == .all, let probe = scenario.probes.first(where: { !$0.hooks.isEmpty }) {
            throw .invalidValue(
                "scenario '\(name)': probe '\(TerminalText.line(probe.name))' has hooks of its own, which run around its batches: give batch = \"probe\""
            )
        }
        for launcher in [scenario.launcher] + scenario.probes.compactMap(\.launcher) {
            try Launcher.check(launcher)
        }
        if let twice = Self.firstDuplicate(scenario.probes.map(\.name)) {
            throw .invalidValue("scenario '\(name)': two probes are named '\(TerminalText.line(twice))'; probe names must be unique")
        }
        if let twice = Self.firstDuplicate(scenario.compilers) {
            throw .invalidValue("scenario '\(name)': compiler '\(TerminalText.line(twice))' is listed twice")
        }
        for strategy in scenario.strategies { try ReferenceExecutor.checkAvailable(strategy) }
        if let twice = Self.firstDuplicate(scenario.strategies) {
            throw .invalidValue("scenario '\(name)': strategy '\(twice.rawValue)' is listed twice")
        }
        self.scenario = scenario
    }

    /// `min_time`, `max_runs`, `overhead` and `stop_on_failure`, which hyperfine's way of
    /// measuring adds: each in its range, and none contradicting another.
    private static func checkCounts(_ scenario: Scenario, name: String) throws(BenchError) {
        if let minTime = scenario.minTime { try Limits.checkTimeout(minTime, "min_time") }
        if let maxRuns = scenario.maxRuns {
            try Limits.check(maxRuns, in: Limits.runs, "max_runs")
            guard scenario.minTime != nil else {
                throw .invalidValue("scenario '\(name)': max_runs bounds the runs that min_time adds: give min_time too, or runs alone")
            }
            guard maxRuns >= scenario.runs else {
                throw .invalidValue("scenario '\(name)': max_runs \(maxRuns) is below runs \(scenario.runs), the least number of runs")
            }
        }
        if scenario.overhead?.isEmpty == true { throw .invalidValue("scenario '\(name)': overhead: the command is empty") }
        if let relativeTo = scenario.relativeTo {
            guard scenario.batch == .probe, scenario.probes.contains(where: { $0.name == relativeTo }) else {
                throw .invalidValue(
                    "scenario '\(name)': relative_to names the probe the others are compared with: '\(TerminalText.line(relativeTo))' is not a probe of one-probe batches"
                )
            }
        }
        if scenario.stopOnFailure && scenario.ignoreFailure {
            throw .invalidValue("scenario '\(name)': stop_on_failure and ignore_failure contradict each other: give one")
        }
    }

    private static func firstDuplicate<T: Hashable>(_ items: [T]) -> T? {
        var seen = Set<T>()
        return items.first { !seen.insert($0).inserted }
    }
}
