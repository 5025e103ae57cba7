/// One scenario measured: a summary per compiler, probe batch, concurrency level and strategy,
/// and what follows from them (comparisons, speed-ups, warnings, disagreements). Everything a
/// report shows comes from here, and all of it is in the result document.
public struct Measurement: Sendable, Equatable {
    /// The scenario as it ran (command-line choices applied).
    public var scenario: ScenarioSettings
    /// The compilers, resolved, in scenario order; empty in a comparison of commands.
    public var compilers: [Compiler]
    /// Compiler-major, then probe (for one-probe batches), then concurrency level, then strategy.
    public var runs: [RunSummary]
    /// False when the run was interrupted: the runs hold the samples taken so far.
    public var complete: Bool

    /// Creates a measurement.
    public init(scenario: ScenarioSettings, compilers: [Compiler], runs: [RunSummary], complete: Bool = true) {
        self.scenario = scenario
        self.compilers = compilers
        self.runs = runs
        self.complete = complete
    }

    /// The compiler a run used.
    public func compiler(of run: RunSummary) -> Compiler? { compiler(named: run.compiler) }

    /// The compiler of that name, as runs carry it (`nil`: none, a comparison of commands).
    public func compiler(named name: ByteString?) -> Compiler? {
        name.flatMap { name in compilers.first { $0.name == name } }
    }

    /// The runs of one compiler (`nil`: the runs without one), in order.
    public func runs(of compiler: ByteString?) -> [RunSummary] { runs.filter { $0.compiler == compiler } }

    /// The compilers' names as runs carry them, or `[nil]` for a comparison of commands.
    public var compilerNames: [ByteString?] { compilers.isEmpty ? [nil] : compilers.map(\.name) }

    /// The serial run of `run`'s compiler and probe, the baseline of every "times faster than serial".
    public func serialBaseline(for run: RunSummary) -> RunSummary? {
        runs.first { $0.compiler == run.compiler && $0.probe == run.probe && $0.strategy.ignoresConcurrency }
    }

    /// The runs that ran the same batch as `run`: the same compiler, probe and number of jobs,
    /// whatever the strategy and level.
    public func sameBatch(as run: RunSummary) -> [RunSummary] {
        runs.filter { $0.compiler == run.compiler && $0.probe == run.probe && $0.jobs == run.jobs }
    }

    /// The best wall time this machine allows for `run`'s batch at `run`'s concurrency: the least
    /// child CPU any run measured for that batch, spread over min(cores, concurrency), but never
    /// less than the shortest longest job any of them measured.
    ///
    /// Not `run`'s own child CPU: children that oversubscribe the cores take more CPU themselves
    /// (cache and scheduler contention), so an ideal from their own CPU would rise with them,
    /// and a slower run would look more efficient. The least measured CPU (serial's, normally)
    /// is the work the batch needs; each run's own stays in `childCPU`.
    public func ideal(of run: RunSummary) -> Double {
        let batch = sameBatch(as: run)
        let cpu = batch.map(\.childCPU).filter { $0 > 0 }.min() ?? run.childCPU
        let longest = batch.map(\.longestJob).filter { $0 > 0 }.min() ?? run.longestJob
        return run.ideal(leastChildCPU: cpu, shortestLongestJob: longest)
    }

    /// Ideal over median wall: 1 means the run wasted nothing this machine could have used, and
    /// of two runs of the same batch at the same concurrency the slower has the lower efficiency.
    public func efficiency(of run: RunSummary) -> Double {
        run.wall.median > 0 ? ideal(of: run) / run.wall.median : 0
    }

    /// serial's median over `run`'s: how many times faster than serial it is.
    public func speedupOverSerial(_ run: RunSummary) -> Ratio? {
        serialBaseline(for: run).map { Ratio($0.wall, over: run.wall) }
    }

    /// Every comparison a report shows, in order: for each compiler, the strategies at each level
    /// (whole-set batches) or the probes for each strategy (one-probe batches); then, with several
    /// compilers, the compilers for each strategy.
    public var comparisons: [Comparison] {
        var found: [Comparison] = []
        for compiler in compilerNames { found += primaryComparisons(of: compiler) }
        if compilers.count > 1 { found += compilerComparisons }
        return found.filter { $0.entries.count > 1 }
    }

    /// `run`'s median over the fastest one's in its first comparison: 1 for the fastest, 1.5 for
    /// one taking half as long again.
    public func relativeToFastest(_ run: RunSummary) -> Ratio {
        let group = comparisons.first { $0.entries.contains { $0.run == run } }
        return Ratio(run.wall, over: group?.fastest?.run.wall ?? run.wall)
    }

    private func primaryComparisons(of compiler: ByteString?) -> [Comparison] {
        let mine = runs(of: compiler)
        let name = compiler.map { TerminalText.line($0) }
        switch scenario.batch {
        case .all:
            return levels(of: mine).map { level in
                let group = mine.filter { $0.level == level || $0.strategy.ignoresConcurrency }
                return Comparison(
                    kind: .strategies, context: join(name, level: level, in: mine),
                    entries: group.map { .init(label: $0.strategyLabel, run: $0) })
            }
        case .probe:
            return batchKeys(of: mine).map { key in
                let group = mine.filter { $0.strategy == key.strategy && $0.concurrency == key.concurrency }
                let context = [name, key.label].compactMap { $0 }.joined(separator: ", ")
                let entries = group.map { Comparison.Entry(label: TerminalText.line($0.probe ?? ""), run: $0) }
                return Comparison(
                    kind: .probes, context: context, entries: entries,
                    relativeTo: scenario.relativeTo.flatMap { name in entries.first { $0.run.probe == name } })
            }
        }
    }

    private var compilerComparisons: [Comparison] {
        var found: [Comparison] = []
        let first = runs(of: compilers[0].name)
        for run in first {
            let group = runs.filter { $0.strategy == run.strategy && $0.probe == run.probe && $0.level == run.level }
            let context = (run.probe.map { TerminalText.line($0) + ", " } ?? "") + run.strategyLabel
            found.append(
                Comparison(
                    kind: .compilers, context: context,
                    entries: group.map { .init(label: TerminalText.line($0.compiler ?? ""), run: $0) }))
        }
        return found
    }

    /// The concurrency levels of concurrent runs, in order (the first level when only serial ran).
    public func levels(of runs: [RunSummary]) -> [ConcurrencyLimit] {
        var levels: [ConcurrencyLimit] = []
        for r in runs where !r.strategy.ignoresConcurrency && !levels.contains(r.level) { levels.append(r.level) }
        return levels.isEmpty ? runs.prefix(1).map(\.level) : levels
    }

    private struct BatchKey: Equatable {
        let strategy: Strategy
        let concurrency: Int
        let label: String
    }

    private func batchKeys(of runs: [RunSummary]) -> [BatchKey] {
        var keys: [BatchKey] = []
        for r in runs {
            let key = BatchKey(strategy: r.strategy, concurrency: r.concurrency, label: r.strategyLabel)
            if !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    private func join(_ compiler: String?, level: ConcurrencyLimit, in runs: [RunSummary]) -> String {
        let scan = levels(of: runs).count > 1
        return [compiler, scan ? "-j \(level)" : nil].compactMap { $0 }.joined(separator: ", ")
    }

    /// One sentence for each probe on which two strategies (or two samples) reached different outcomes.
    public var disagreements: [String] {
        var found: [String] = []
        for compiler in compilerNames {
            let mine = runs(of: compiler).map { ($0, $0.outcomesByName) }
            for name in scenario.probes {
                let seen = mine.compactMap { run, outcomes in outcomes[name].map { (run, $0.ok) } }
                guard Set(seen.map(\.1)).count > 1 else { continue }
                let detail = seen.map { "\($0.0.strategyLabel) \($0.1 ? "ok" : "fails")" }
                let prefix = compiler.map { TerminalText.line($0) + ": " } ?? ""
                found.append("\(prefix)strategies disagree on probe '\(TerminalText.line(name))': \(detail.joined(separator: ", "))")
            }
        }
        return found
    }

    /// Plain-words warnings about samples that should not be trusted blindly, as hyperfine gives.
    public var warnings: [String] {
        var found: [String] = []
        for run in runs {
            let w = run.wall
            let outliers = w.outlierIndices
            if !outliers.isEmpty {
                found.append(
                    "\(run.title): \(outliers.count) of \(w.samples.count) samples are statistical outliers (modified z-score above 3.5); another process may have disturbed the run"
                )
            }
            if w.coefficientOfVariation > 0.05 {
                found.append(
                    "\(run.title): the samples vary by \(format1(w.coefficientOfVariation * 100)) % (coefficient of variation above 5 %); use more runs (-r) or a quieter machine"
                )
            }
            if w.samples.count >= 3 {
                let rest = SampleSummary(Array(w.samples.dropFirst()))
                if rest.median > 0 && w.samples[0] > rest.median * 1.25 {
                    found.append(
                        "\(run.title): the first timed run took \(fixed(w.samples[0] / rest.median, 2))x the median of the others; caches may have been cold: use more warm-up runs (-w)"
                    )
                }
            }
            for note in run.notes { found.append("\(run.title): \(note)") }
        }
        return found + measuringWarnings + unexpectedOutcomes
    }

    /// Each run whose every job failed, with the first line of the first failure: its timings
    /// measure failures, so the run failed; none when the scenario ignores failures. A run whose
    /// failing probes each declared the outcome it should have is judged by those outcomes
    /// (`unexpectedOutcomes`) instead.
    public var failures: [String] {
        runs.filter(failed).map { run in
            "\(run.title): every job failed" + Self.firstLine(of: run.probes.first { !$0.ok }?.message ?? "")
        }
    }

    /// True when every job of `run` failed, so that the run failed, as `failures` says it.
    public func failed(_ run: RunSummary) -> Bool {
        let judged = run.probes.filter { !$0.ok }.allSatisfy { $0.expected != nil }
        return !scenario.ignoreFailure && run.jobs > 0 && run.failed == run.jobs && !judged
    }

    /// Each probe whose outcome is not the one it declared (`expected`), once per compiler and
    /// probe, with the first line of the first failing copy's stderr: the run failed, as when
    /// strategies disagree. When strategies disagree, the disagreement says so as well.
    public var unexpectedOutcomes: [String] {
        var found: [String] = []
        var told: Set<[ByteString?]> = []
        for run in runs {
            for p in run.probes where p.isUnexpected && told.insert([run.compiler, p.name]).inserted {
                let who = "probe '\(TerminalText.line(p.name))'" + (run.compiler.map { " (\(TerminalText.line($0)))" } ?? "")
                found.append(
                    p.ok ? "\(who) was expected to fail, and succeeded" : "\(who) was expected to succeed, and failed" + Self.firstLine(of: p.message)
                )
            }
        }
        return found
    }

    /// ": " and the first line of a failure's message, fit for one line of a report, or "" when it has none.
    private static func firstLine(of message: ByteString) -> String {
        message.text.split(separator: "\n").first.map { ": " + TerminalText.line(String($0)) } ?? ""
    }
}
