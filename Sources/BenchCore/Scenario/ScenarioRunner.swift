/// Carries out a `Scenario`: resolves its compilers, writes its probes, runs each compiler's
/// first batch `warmup` times untimed, then every batch (compiler × concurrency level ×
/// strategy) `runs` times timed.
///
/// Samples are interleaved round by round: run 1 of every batch, then run 2 of every batch,
/// so that a machine slowing down part-way hurts every strategy alike, not the last one. Each
/// round starts one batch later than the one before, so that no strategy always runs in the
/// same place (first after the previous round's serial, say), which would bias it.
public struct ScenarioRunner: Sendable {
    /// The command that starts a `processes` worker.
    public var workerCommand: [ByteString]
    /// Where sources and outputs go; the caller removes it.
    public var directory: TempDirectory
    /// Where to show progress, if anywhere.
    public var progress: ProgressLine?
    /// Stops the run early; the result then holds the samples finished before it, marked incomplete.
    public var cancellation: Cancellation?
    /// Sweeps what a batch's jobs left running in sessions of their own, after every batch.
    public var cleanup: Cleanup?

    /// Creates a runner.
    public init(
        workerCommand: [ByteString], directory: TempDirectory, progress: ProgressLine? = nil, cancellation: Cancellation? = nil,
        cleanup: Cleanup? = nil
    ) {
        self.workerCommand = workerCommand
        self.directory = directory
        self.progress = progress
        self.cancellation = cancellation
        self.cleanup = cleanup
    }

    /// One batch to sample: a compiler's jobs with one strategy at one level.
    private struct Cell {
        let compiler: Compiler
        let level: ConcurrencyLimit
        let executor: any Executor
        let jobs: [Job]
        var samples: [BatchResult] = []
    }

    /// Runs the scenario. Throws only for what stops it from running at all (no compiler, no
    /// probes, unwritable directory); failing compiles are outcomes.
    public func run(_ scenario: Scenario) throws(BenchError) -> ScenarioResult {
        try Self.validate(scenario)
        var compilers: [Compiler] = []
        for name in scenario.compilers { compilers.append(try Compiler.find(name, cancellation: cancellation)) }
        var cells: [Cell] = []
        for (index, compiler) in compilers.enumerated() {
            let jobs = try compileJobs(scenario, compiler: compiler, index: index)
            for (n, level) in scenario.concurrency.enumerated() {
                // serial ignores the level: it runs once, with the first.
                for strategy in scenario.strategies where strategy != .serial || n == 0 {
                    let executor = Executors.make(strategy, limit: level, workerCommand: workerCommand, cancellation: cancellation)
                    cells.append(Cell(compiler: compiler, level: level, executor: executor, jobs: jobs))
                }
            }
        }
        let rounds = scenario.warmup + scenario.runs
        let counter = JobCounter()
        // A warm-up round runs each compiler's first batch only: what it warms (the page cache,
        // the compiler's files) is shared by every strategy, and a round of all of them would
        // cost as much as a timed one.
        let warmupCells = compilers.map { c in cells.firstIndex { $0.compiler == c }! }
        rounds: for round in 0..<rounds {
            let timed = round >= scenario.warmup
            for i in timed ? rotated(cells.indices, by: round - scenario.warmup) : warmupCells {
                if cancellation?.isCancelled == true { break rounds }
                let cell = cells[i]
                counter.reset()
                progress?.begin(
                    label: "\(cell.executor.strategy.rawValue) -j \(cell.executor.concurrency(for: cell.jobs.count))"
                        + (compilers.count > 1 ? " \(cell.compiler.name)" : ""),
                    phase: timed ? "run \(round - scenario.warmup + 1)/\(scenario.runs)" : "warm-up \(round + 1)/\(scenario.warmup)",
                    jobs: cell.jobs.count, counter: counter)
                let batch = try cell.executor.run(cell.jobs, progress: counter)
                cleanup?.sweep()
                // An interrupted batch's time measures the interruption: it is no sample.
                if cancellation?.isCancelled == true { break rounds }
                if timed { cells[i].samples.append(batch) }
            }
        }
        progress?.end()
        let host = HostInfo.current()
        let runs = cells.filter { !$0.samples.isEmpty }.map { summarize($0, probes: scenario.probes, cores: host.cores) }
        return ScenarioResult(
            scenario: scenario, host: host, compilers: compilers, runs: runs, complete: cancellation?.isCancelled != true)
    }

    /// `indices` starting at position `offset` (modulo their count), wrapping around.
    private func rotated(_ indices: Range<Int>, by offset: Int) -> [Int] {
        let start = offset % indices.count
        return Array(indices.dropFirst(start)) + Array(indices.prefix(start))
    }

    /// Throws unless the scenario can run: something to run, every number in its range, and no
    /// name twice (a second probe of one name would overwrite the first's file; a compiler or a
    /// strategy twice would merge two runs into one).
    public static func validate(_ scenario: Scenario) throws(BenchError) {
        let name = TerminalText.line(scenario.name)
        guard !scenario.probes.isEmpty else { throw .invalidValue("scenario '\(name)' has no probes") }
        guard !scenario.compilers.isEmpty else { throw .invalidValue("scenario '\(name)' has no compilers") }
        guard !scenario.strategies.isEmpty else { throw .invalidValue("scenario '\(name)' has no strategies") }
        guard !scenario.concurrency.isEmpty else { throw .invalidValue("scenario '\(name)' has no concurrency level") }
        try Limits.check(scenario.repeats, in: Limits.repeats, "repeats")
        try Limits.check(scenario.runs, in: Limits.runs, "runs")
        try Limits.check(scenario.warmup, in: Limits.warmup, "warmup")
        if let timeout = scenario.timeout { try Limits.checkTimeout(timeout, "timeout") }
        let (jobs, overflow) = scenario.probes.count.multipliedReportingOverflow(by: scenario.repeats)
        guard !overflow, Limits.jobsPerBatch.contains(jobs) else {
            throw .invalidValue("\(scenario.probes.count) probes × \(scenario.repeats) copies is more jobs than one batch can hold (at most \(Limits.jobsPerBatch.upperBound))")
        }
        if let twice = firstDuplicate(scenario.probes.map(\.name)) {
            throw .invalidValue("scenario '\(name)': two probes are named '\(TerminalText.line(twice))'; probe names must be unique")
        }
        if let twice = firstDuplicate(scenario.compilers) {
            throw .invalidValue("scenario '\(name)': compiler '\(TerminalText.line(twice))' is listed twice")
        }
        if let twice = firstDuplicate(scenario.strategies) {
            throw .invalidValue("scenario '\(name)': strategy '\(twice.rawValue)' is listed twice")
        }
    }

    private static func firstDuplicate<T: Hashable>(_ items: [T]) -> T? {
        var seen = Set<T>()
        return items.first { !seen.insert($0).inserted }
    }

    /// How many batches `run` runs for each compiler: the warm-ups, then one per timed run, strategy and level.
    public static func batchesPerCompiler(_ scenario: Scenario) -> Int {
        let concurrent = scenario.strategies.filter { $0 != .serial }.count * scenario.concurrency.count
        let serial = scenario.strategies.contains(.serial) ? 1 : 0
        return scenario.warmup + scenario.runs * (concurrent + serial)
    }

    /// The batch for one compiler: copy 1 of every probe, then copy 2, ... as the study ordered them.
    /// Each job links to its own output file: the study's runs all wrote `./a.out`, a race.
    public func compileJobs(_ scenario: Scenario, compiler: Compiler, index: Int) throws(BenchError) -> [Job] {
        try Self.validate(scenario)
        let ext = scenario.ext ?? compiler.defaultExtension.map { ByteString($0) } ?? ".c"
        var sources: [ByteString] = []
        for probe in scenario.probes {
            sources.append(try directory.write(ByteString("c\(index)-") + probe.name + ext, probe.source))
        }
        var jobs: [Job] = []
        jobs.reserveCapacity(scenario.probes.count * scenario.repeats)
        for copy in 1...scenario.repeats {
            for (probe, source) in zip(scenario.probes, sources) {
                let output = directory.path + ByteString("/c\(index)-") + probe.name + ByteString("-\(copy).out")
                var job = compiler.compileJob(
                    name: probe.name, source: source, output: output, flags: scenario.flags, temporaryDirectory: directory.path)
                job.timeout = scenario.timeout
                jobs.append(job)
            }
        }
        return jobs
    }

    private func summarize(_ cell: Cell, probes: [Probe], cores: Int) -> RunSummary {
        let samples = cell.samples
        let last = samples[samples.count - 1]
        func median(_ values: [Double]) -> Double { SampleSummary(values).median }
        var outcomes = outcomes(probes, last.results)
        for sample in samples.dropLast() {
            for (i, o) in self.outcomes(probes, sample.results).enumerated() where !o.ok && outcomes[i].ok {
                outcomes[i] = o
            }
        }
        return RunSummary(
            strategy: cell.executor.strategy, compiler: cell.compiler, level: cell.level,
            concurrency: last.concurrency, jobs: cell.jobs.count,
            wall: SampleSummary(samples.map(\.wall)),
            childCPU: median(samples.map(\.childCPU)), runnerCPU: median(samples.map(\.runnerCPU)),
            longestJob: median(samples.map(\.longestJob)), peakRSS: samples.map(\.peakRSS).max() ?? 0,
            cores: cores, failed: samples.map(\.failed).max() ?? 0, probes: outcomes, results: last.results)
    }

    private func outcomes(_ probes: [Probe], _ results: [JobResult]) -> [ProbeOutcome] {
        probes.enumerated().map { i, probe in
            let copies = stride(from: i, to: results.count, by: probes.count).map { results[$0] }
            let failed = copies.filter { !$0.ok }
            let message = failed.first.map { $0.error.map { ByteString($0) } ?? ($0.stderr.isEmpty ? ByteString($0.summary) : $0.stderrTail) } ?? ""
            return ProbeOutcome(name: probe.name, ok: failed.isEmpty, failedCopies: failed.count, message: message)
        }
    }
}
