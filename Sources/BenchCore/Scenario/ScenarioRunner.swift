/// Carries out a `Scenario`: resolves its compilers, writes its probes, and runs the batch of
/// compile jobs once per strategy.
public struct ScenarioRunner: Sendable {
    /// The command that starts a `processes` worker.
    public var workerCommand: [String]
    /// Where sources and outputs go; the caller removes it.
    public var directory: TempDirectory

    /// Creates a runner.
    public init(workerCommand: [String], directory: TempDirectory) {
        self.workerCommand = workerCommand
        self.directory = directory
    }

    /// Runs the scenario. Throws only for what stops it from running at all (no compiler, no
    /// probes, unwritable directory); failing compiles are outcomes.
    public func run(_ scenario: Scenario) throws(BenchError) -> ScenarioResult {
        guard !scenario.probes.isEmpty else { throw .invalidValue("scenario '\(scenario.name)' has no probes") }
        guard !scenario.compilers.isEmpty else { throw .invalidValue("scenario '\(scenario.name)' has no compilers") }
        guard scenario.repeats >= 1 else { throw .invalidValue("repeats must be at least 1, not \(scenario.repeats)") }
        var compilers: [Compiler] = []
        for name in scenario.compilers { compilers.append(try Compiler.find(name)) }
        var runs: [StrategyRun] = []
        for (index, compiler) in compilers.enumerated() {
            let jobs = try compileJobs(scenario, compiler: compiler, index: index)
            for strategy in scenario.strategies {
                let executor = Executors.make(strategy, limit: scenario.concurrency, workerCommand: workerCommand)
                let start = MonotonicClock.now()
                let results = executor.run(jobs)
                let wall = MonotonicClock.now() - start
                runs.append(StrategyRun(
                    strategy: strategy, compiler: compiler, concurrency: executor.limit.slots(for: jobs.count),
                    wall: wall, results: results, probes: outcomes(scenario.probes, results)))
            }
        }
        return ScenarioResult(scenario: scenario, compilers: compilers, runs: runs)
    }

    /// The batch for one compiler: copy 1 of every probe, then copy 2, ... as the study ordered them.
    /// Each job links to its own output file: the study's runs all wrote `./a.out`, a race.
    func compileJobs(_ scenario: Scenario, compiler: Compiler, index: Int) throws(BenchError) -> [Job] {
        let ext = scenario.ext ?? compiler.defaultExtension ?? ".c"
        var sources: [String] = []
        for probe in scenario.probes {
            sources.append(try directory.write("c\(index)-\(probe.name)\(ext)", probe.source))
        }
        var jobs: [Job] = []
        for copy in 1...scenario.repeats {
            for (probe, source) in zip(scenario.probes, sources) {
                let output = "\(directory.path)/c\(index)-\(probe.name)-\(copy).out"
                jobs.append(compiler.compileJob(name: probe.name, source: source, output: output, flags: scenario.flags))
            }
        }
        return jobs
    }

    private func outcomes(_ probes: [Probe], _ results: [JobResult]) -> [ProbeOutcome] {
        probes.enumerated().map { i, probe in
            let copies = stride(from: i, to: results.count, by: probes.count).map { results[$0] }
            let failed = copies.filter { !$0.ok }
            let message = failed.first.map { $0.error ?? ($0.stderr.isEmpty ? $0.summary : $0.stderr) } ?? ""
            return ProbeOutcome(name: probe.name, ok: failed.isEmpty, failedCopies: failed.count, message: message)
        }
    }
}
