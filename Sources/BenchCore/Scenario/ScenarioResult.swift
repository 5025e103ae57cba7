/// Everything a scenario's run measured: one `RunSummary` per compiler, concurrency level and strategy.
public struct ScenarioResult: Sendable {
    /// The scenario as it ran (command-line choices applied).
    public var scenario: Scenario
    /// The machine it ran on.
    public var host: HostInfo
    /// The compilers, resolved, in scenario order.
    public var compilers: [Compiler]
    /// Compiler-major, then concurrency level, then strategy, in scenario order.
    public var runs: [RunSummary]
    /// False when the run was interrupted: the runs hold the samples taken so far.
    public var complete: Bool

    /// Creates a result.
    public init(scenario: Scenario, host: HostInfo, compilers: [Compiler], runs: [RunSummary], complete: Bool = true) {
        self.scenario = scenario
        self.host = host
        self.compilers = compilers
        self.runs = runs
        self.complete = complete
    }

    /// One sentence for each probe on which two strategies (or two samples) reached different outcomes.
    public var disagreements: [String] {
        var found: [String] = []
        for compiler in compilers {
            let runs = self.runs.filter { $0.compiler == compiler }
            guard let first = runs.first else { continue }
            for (i, probe) in first.probes.enumerated() {
                let outcomes = runs.map { $0.probes[i].ok }
                if Set(outcomes).count > 1 {
                    let detail = runs.map { "\($0.label) \($0.probes[i].ok ? "ok" : "fails")" }
                    found.append("\(TerminalText.line(compiler.name)): strategies disagree on probe '\(TerminalText.line(probe.name))': \(detail.joined(separator: ", "))")
                }
            }
        }
        return found
    }

    /// The serial run of `run`'s compiler, the baseline of every "times faster than serial".
    public func serialBaseline(for run: RunSummary) -> RunSummary? {
        runs.first { $0.compiler == run.compiler && $0.strategy == .serial }
    }

    /// The fastest run (lowest median wall) among the runs compared with `run`: same compiler,
    /// same concurrency level, plus the serial baseline.
    public func fastest(comparedWith run: RunSummary) -> RunSummary {
        comparisonGroup(of: run).min { $0.wall.median < $1.wall.median } ?? run
    }

    /// The runs compared with `run`: same compiler and level, and the compiler's serial run.
    public func comparisonGroup(of run: RunSummary) -> [RunSummary] {
        runs.filter { $0.compiler == run.compiler && ($0.level == run.level || $0.strategy == .serial) }
    }

    /// serial's median over `run`'s: how many times faster than serial it is.
    public func speedupOverSerial(_ run: RunSummary) -> Ratio? {
        serialBaseline(for: run).map { Ratio($0.wall, over: run.wall) }
    }

    /// `run`'s median over the fastest one's: 1 for the fastest, 1.5 for one taking half as long again.
    public func relativeToFastest(_ run: RunSummary) -> Ratio {
        Ratio(run.wall, over: fastest(comparedWith: run).wall)
    }

    /// Plain-words warnings about samples that should not be trusted blindly, as hyperfine gives.
    public var warnings: [String] {
        var found: [String] = []
        for run in runs {
            let w = run.wall
            let outliers = w.outlierIndices
            if !outliers.isEmpty {
                found.append("\(run.title): \(outliers.count) of \(w.samples.count) samples are statistical outliers (modified z-score above 3.5); another process may have disturbed the run")
            }
            if w.coefficientOfVariation > 0.05 {
                found.append("\(run.title): the samples vary by \(format1(w.coefficientOfVariation * 100)) % (coefficient of variation above 5 %); use more runs (-r) or a quieter machine")
            }
            if w.samples.count >= 3 {
                let rest = SampleSummary(Array(w.samples.dropFirst()))
                if w.samples[0] > rest.median * 1.25 {
                    found.append("\(run.title): the first timed run took \(fixed(w.samples[0] / rest.median, 2))x the median of the others; caches may have been cold: use more warm-up runs (-w)")
                }
            }
            if run.failed > 0 && run.failed == run.jobs {
                found.append("\(run.title): every job failed; the timings measure failures (see -v)")
            }
        }
        return found
    }
}

/// One strategy at one concurrency level with one compiler: every sample and what it cost.
public struct RunSummary: Sendable {
    /// The strategy.
    public var strategy: Strategy
    /// The compiler.
    public var compiler: Compiler
    /// The concurrency level asked for (serial runs once, at the first level).
    public var level: ConcurrencyLimit
    /// The jobs allowed at once in practice (1 for serial).
    public var concurrency: Int
    /// Jobs per batch.
    public var jobs: Int
    /// Wall time of the batch, one sample per timed run.
    public var wall: SampleSummary
    /// Median over samples of the children's user + system CPU seconds per batch.
    public var childCPU: Double
    /// Median over samples of bench's own CPU seconds per batch (host and workers).
    public var runnerCPU: Double
    /// Median over samples of the longest single job, in seconds.
    public var longestJob: Double
    /// The largest peak RSS of any child in any sample, KiB.
    public var peakRSS: Int
    /// The usable cores of the host.
    public var cores: Int
    /// The most jobs that failed in any sample.
    public var failed: Int
    /// Each probe's outcome over all samples (ok only if ok in every one).
    public var probes: [ProbeOutcome]
    /// The last sample's job results.
    public var results: [JobResult]

    /// Creates a summary.
    public init(
        strategy: Strategy, compiler: Compiler, level: ConcurrencyLimit, concurrency: Int, jobs: Int,
        wall: SampleSummary, childCPU: Double, runnerCPU: Double, longestJob: Double, peakRSS: Int,
        cores: Int, failed: Int, probes: [ProbeOutcome], results: [JobResult]
    ) {
        self.strategy = strategy
        self.compiler = compiler
        self.level = level
        self.concurrency = concurrency
        self.jobs = jobs
        self.wall = wall
        self.childCPU = childCPU
        self.runnerCPU = runnerCPU
        self.longestJob = longestJob
        self.peakRSS = peakRSS
        self.cores = cores
        self.failed = failed
        self.probes = probes
        self.results = results
    }

    /// The best wall time this machine allows: the children's CPU spread over
    /// min(cores, concurrency), but never less than the longest job.
    public var ideal: Double {
        max(childCPU / Double(max(1, min(cores, concurrency))), longestJob)
    }

    /// Ideal over median wall: 1 means the strategy wasted nothing this machine could have used.
    public var efficiency: Double { wall.median > 0 ? ideal / wall.median : 0 }

    /// bench's own CPU as a share of the children's.
    public var runnerShare: Double { childCPU > 0 ? runnerCPU / childCPU : 0 }

    /// "async" or, in a scan, "async -j 4".
    public var label: String { strategy == .serial ? "serial" : "\(strategy.rawValue) -j \(concurrency)" }

    /// The label with the compiler, for warnings.
    public var title: String { "\(label) (\(TerminalText.line(compiler.name)))" }
}

/// Whether a probe compiled: ok only if every copy of it did, in every sample.
public struct ProbeOutcome: Sendable, Equatable {
    /// The probe's name.
    public var name: ByteString
    /// True when every copy compiled and linked.
    public var ok: Bool
    /// How many copies failed in the last sample.
    public var failedCopies: Int
    /// The compiler's stderr for the first failing copy, or why it could not run ("" when all passed).
    public var message: ByteString

    /// Creates an outcome.
    public init(name: ByteString, ok: Bool, failedCopies: Int = 0, message: ByteString = "") {
        self.name = name
        self.ok = ok
        self.failedCopies = failedCopies
        self.message = message
    }
}
