/// Everything a scenario's run measured: one `StrategyRun` per compiler and strategy.
public struct ScenarioResult: Sendable {
    /// The scenario as it ran (command-line choices applied).
    public var scenario: Scenario
    /// The compilers, resolved, in scenario order.
    public var compilers: [Compiler]
    /// One run per compiler and strategy, compiler-major, in scenario order.
    public var runs: [StrategyRun]

    /// Creates a result.
    public init(scenario: Scenario, compilers: [Compiler], runs: [StrategyRun]) {
        self.scenario = scenario
        self.compilers = compilers
        self.runs = runs
    }

    /// One sentence for each probe on which two strategies reached different outcomes.
    public var disagreements: [String] {
        var found: [String] = []
        for compiler in compilers {
            let runs = self.runs.filter { $0.compiler == compiler }
            guard let first = runs.first else { continue }
            for (i, probe) in first.probes.enumerated() {
                let outcomes = runs.map { $0.probes[i].ok }
                if Set(outcomes).count > 1 {
                    let detail = runs.map { "\($0.strategy.rawValue) \($0.probes[i].ok ? "ok" : "fails")" }
                    found.append("\(compiler.name): strategies disagree on probe '\(probe.name)': \(detail.joined(separator: ", "))")
                }
            }
        }
        return found
    }
}

/// One batch: every copy of every probe compiled by one compiler with one strategy.
public struct StrategyRun: Sendable {
    /// The strategy that ran the batch.
    public var strategy: Strategy
    /// The compiler.
    public var compiler: Compiler
    /// The number of jobs allowed at once (the executor's slots for this batch).
    public var concurrency: Int
    /// Wall-clock seconds for the whole batch.
    public var wall: Double
    /// Every job's result, in job order.
    public var results: [JobResult]
    /// Each probe's outcome, in probe order.
    public var probes: [ProbeOutcome]

    /// Creates a run.
    public init(strategy: Strategy, compiler: Compiler, concurrency: Int, wall: Double, results: [JobResult], probes: [ProbeOutcome]) {
        self.strategy = strategy
        self.compiler = compiler
        self.concurrency = concurrency
        self.wall = wall
        self.results = results
        self.probes = probes
    }
}

/// Whether a probe compiled: ok only if every copy of it did.
public struct ProbeOutcome: Sendable, Equatable {
    /// The probe's name.
    public var name: String
    /// True when every copy compiled and linked.
    public var ok: Bool
    /// How many copies failed.
    public var failedCopies: Int
    /// The compiler's stderr for the first failing copy ("" when all passed).
    public var message: String

    /// Creates an outcome.
    public init(name: String, ok: Bool, failedCopies: Int = 0, message: String = "") {
        self.name = name
        self.ok = ok
        self.failedCopies = failedCopies
        self.message = message
    }
}
