/// Carries out a `Scenario`: writes its probes, runs each batch's first configuration `warmup`
/// times untimed, then every batch (compiler × probe batch × concurrency level × strategy)
/// `runs` times timed, and summarizes the samples as a `Measurement`.
///
/// Samples are interleaved round by round: run 1 of every batch, then run 2 of every batch,
/// so that a machine slowing down part-way hurts every strategy alike, not the last one. Each
/// round starts one batch later than the one before, so that no strategy always runs in the
/// same place (first after the previous round's serial, say), which would bias it. Under
/// `min_time` each batch has a number of runs of its own, and one that has them all leaves the
/// rounds while the others go on (`ScenarioRunner+Rounds`).
public struct ScenarioRunner: Sendable {
    /// Makes the executor of each batch; tests give one of their own.
    public var makeExecutor: @Sendable (Strategy, ConcurrencyLimit) -> any Executor
    /// Told when each batch starts and when the measurement is over.
    public var progress: (@Sendable (ProgressEvent) -> Void)?
    /// Stops the run early; the result then holds the samples finished before it, marked incomplete.
    public var cancellation: Cancellation?
    /// Sweeps what a batch's jobs left running in sessions of their own, after every batch.
    public var cleanup: Cleanup?
    /// Seconds the runner waits, idle, before the first child whose time counts (the
    /// overhead's, a warm-up's or a timed run's), and after a probe's own `setup`:
    /// `startPause`, or 0 where a test's executors start nothing.
    public var pauseBeforeMeasuring = ScenarioRunner.startPause

    /// How long bench idles before it measures. Its own start (the Swift runtime, Foundation
    /// and the recipe: 29 ms of CPU here) leaves its CPU looking busy to Linux's scheduler for
    /// a while, and meanwhile the scheduler starts children on the other CPU: without this
    /// pause, 30 to 95 of a `bench time`'s first 110 children of `ls /` or `true`; after 0.1 s
    /// of it, 1 to 4 (`perf sched`). Those early runs had bench read short commands 5 to 10 %
    /// above hyperfine (`docs/beside-hyperfine.md`). 0.15 s rather than 0.1 leaves room for a
    /// slower start than this machine's; a `setup` hook's work is followed by the same pause.
    public static let startPause = 0.15

    /// A runner with executors from `makeExecutor`: bench's own (`Executors.make`), those that
    /// print instead (`--dry-run`), or a test's.
    public init(
        progress: (@Sendable (ProgressEvent) -> Void)? = nil, cancellation: Cancellation? = nil, cleanup: Cleanup? = nil,
        makeExecutor: @escaping @Sendable (Strategy, ConcurrencyLimit) -> any Executor
    ) {
        self.makeExecutor = makeExecutor
        self.progress = progress
        self.cancellation = cancellation
        self.cleanup = cleanup
    }

    /// One batch to sample: a compiler's jobs (all probes, or one) with one strategy at one level.
    struct Cell {
        let compiler: Compiler?
        let probe: Probe?
        let level: ConcurrencyLimit
        let executor: any Executor
        let jobs: [Job]
        /// What the progress line and the messages call it: "async -j 2", "hello: serial gfortran".
        let label: String
        var samples: [BatchResult] = []
        /// How many timed runs it takes: the scenario's `runs`, or, under `min_time`, unknown
        /// (`nil`) until its first run says how many fit.
        var target: Int?

        /// True once it has every timed run it takes.
        var isDone: Bool { samples.count >= target ?? Int.max }
    }

    /// Runs the scenario with `compilers` (its own, resolved, in order), writing its files into
    /// `files`; `callHook` runs the hooks that are functions of the caller's. Throws for what
    /// stops it from running at all (an unwritable directory, a failed hook, a job that could
    /// not be started); failing jobs are outcomes. With a `DryRunExecutor`, shows every batch
    /// once instead (`show`).
    public func run(
        _ validated: ValidatedScenario, compilers: [Compiler], files: inout WorkFiles,
        callHook: (Int32, HookEvent) throws(BenchError) -> Void = { _, _ in }
    ) throws(BenchError) -> Measurement {
        let scenario = validated.scenario
        let hooks = HookRunner(hooks: scenario.hooks, cancellation: cancellation)
        let subjects: [Compiler?] = compilers.isEmpty ? [nil] : compilers
        var (cells, warmupCells) = try self.cells(scenario, subjects: subjects, files: &files)
        // Its rounds would print the same batches again and again, and measure nothing.
        if let printer = cells.first?.executor as? DryRunExecutor {
            try show(scenario, batches: warmupCells.map { cells[$0] }, printer: printer)
            return Measurement(scenario: ScenarioSettings(scenario), compilers: compilers, runs: [])
        }
        for compiler in subjects { try hooks.run(HookEvent(point: .setup, compiler: compiler), call: callHook) }
        Cancellation.wait(pauseBeforeMeasuring, unless: cancellation)
        let overhead = try scenario.overhead.flatMap { argv throws(BenchError) in try measureOverhead(argv, of: scenario) }
        let turn = Turn(scenario: scenario, hooks: hooks, overhead: overhead)
        try sample(&cells, warmupCells: warmupCells, turn: turn, callHook: callHook)
        progress?(.finished)
        if cancellation?.isCancelled != true {
            for compiler in subjects { try hooks.run(HookEvent(point: .cleanup, compiler: compiler), call: callHook) }
        }
        let cores = Host.usableCores
        return Measurement(
            scenario: ScenarioSettings(scenario, overhead: overhead), compilers: compilers,
            runs: cells.filter { !$0.samples.isEmpty }.map { summarize($0, probes: $0.probe.map { [$0] } ?? scenario.probes, cores: cores) },
            complete: cancellation?.isCancelled != true)
    }

    /// Every batch to sample, a cell per compiler, probe batch, level and strategy, and the
    /// cells a warm-up round runs: each group's first only, as what it warms (the page cache,
    /// the compiler's files) is shared by every strategy.
    private func cells(_ scenario: Scenario, subjects: [Compiler?], files: inout WorkFiles) throws(BenchError) -> ([Cell], [Int]) {
        var cells: [Cell] = []
        var warmupCells: [Int] = []
        for compiler in subjects {
            for group in try Self.jobGroups(scenario, compiler: compiler, files: &files, cancellation: cancellation) {
                warmupCells.append(cells.count)
                for (n, level) in scenario.concurrency.enumerated() {
                    // A strategy that ignores the level runs once, with the first.
                    for strategy in scenario.strategies where !strategy.ignoresConcurrency || n == 0 {
                        let executor = makeExecutor(strategy, level)
                        let label = Self.label(executor, jobs: group.jobs.count, probe: group.probe, compiler: subjects.count > 1 ? compiler : nil)
                        cells.append(
                            Cell(
                                compiler: compiler, probe: group.probe, level: level, executor: executor, jobs: group.jobs, label: label,
                                target: scenario.minTime == nil ? scenario.runs : nil))
                    }
                }
            }
        }
        return (cells, warmupCells)
    }

    /// A batch's label: its strategy (and level), after its probe's name if it has one of its
    /// own, before its compiler's if the run has several (`compiler` is then given).
    private static func label(_ executor: any Executor, jobs: Int, probe: Probe?, compiler: Compiler?) -> String {
        let strategy = executor.strategy
        var label = strategy.ignoresConcurrency ? strategy.rawValue : "\(strategy.rawValue) -j \(executor.concurrency(for: jobs))"
        if let probe { label = TerminalText.line(probe.name) + ": " + label }
        if let compiler { label += " " + TerminalText.line(compiler.name) }
        return label
    }

    /// The batches of one compiler: copy 1 of every probe, then copy 2, ... as the study ordered
    /// them; or, for one-probe batches, each probe's copies. Throws `.interrupted` between two
    /// probes once `cancellation` is cancelled: writing thousands of sources takes seconds.
    private static func jobGroups(
        _ scenario: Scenario, compiler: Compiler?, files: inout WorkFiles, cancellation: Cancellation? = nil
    ) throws(BenchError) -> [(probe: Probe?, jobs: [Job])] {
        var jobs: [[Job]] = Array(repeating: [], count: scenario.probes.count)
        for (i, probe) in scenario.probes.enumerated() {
            if cancellation?.isCancelled == true { throw .interrupted }
            for _ in 1...scenario.repeats {
                var job = try ProbeJob.make(
                    probe, compiler: compiler, flags: scenario.flags, ext: scenario.ext, launcher: scenario.launcher,
                    environment: scenario.environment, timeout: scenario.timeout, files: &files)
                job.discardsOutput = scenario.discardsOutput
                jobs[i].append(job)
            }
        }
        switch scenario.batch {
        case .probe:
            return zip(scenario.probes, jobs).map { (probe: $0, jobs: $1) }
        case .all:
            var batch: [Job] = []
            batch.reserveCapacity(scenario.probes.count * scenario.repeats)
            for copy in 0..<scenario.repeats { for probeJobs in jobs { batch.append(probeJobs[copy]) } }
            return [(probe: nil, jobs: batch)]
        }
    }

    private func summarize(_ cell: Cell, probes: [Probe], cores: Int) -> RunSummary {
        let samples = cell.samples
        func median(_ values: [Double]) -> Double { SampleSummary(values).median }
        var outcomes = outcomes(probes, samples[samples.count - 1].results)
        for sample in samples.dropLast() {
            for (i, o) in self.outcomes(probes, sample.results).enumerated() where !o.ok && outcomes[i].ok {
                outcomes[i] = o
            }
        }
        return RunSummary(
            strategy: cell.executor.strategy, compiler: cell.compiler?.name, probe: cell.probe?.name, level: cell.level,
            concurrency: samples[samples.count - 1].concurrency, jobs: cell.jobs.count,
            wall: SampleSummary(samples.map(\.wall)),
            childCPU: median(samples.map(\.childCPU)), runnerCPU: median(samples.map(\.runnerCPU)),
            longestJob: median(samples.map(\.longestJob)), peakRSS: samples.map(\.peakRSS).max() ?? 0,
            cores: cores, failed: samples.map(\.failed).max() ?? 0, probes: outcomes,
            notes: ReferenceExecutor.note(for: cell.executor.strategy, jobs: cell.jobs).map { [$0] } ?? [],
            user: median(samples.map(\.childUser)), sys: median(samples.map(\.childSys)), parameters: cell.probe?.parameters ?? [:])
    }

    private func outcomes(_ probes: [Probe], _ results: [JobResult]) -> [ProbeOutcome] {
        probes.enumerated().map { i, probe in
            let copies = stride(from: i, to: results.count, by: probes.count).map { results[$0] }
            let failed = copies.filter { !$0.ok }
            let message = failed.first.map { $0.error.map { ByteString($0) } ?? ($0.stderr.isEmpty ? ByteString($0.summary) : $0.stderrTail) } ?? ""
            return ProbeOutcome(name: probe.name, ok: failed.isEmpty, failedCopies: failed.count, message: message, expected: probe.expected)
        }
    }
}
