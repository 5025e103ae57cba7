/// The rounds of a run: the warm-ups, then the timed rounds, each batch in turn.
extension ScenarioRunner {
    /// What every batch of one run shares.
    struct Turn {
        let scenario: Scenario
        let hooks: HookRunner
        /// How many compilers the run has, for the batches' labels.
        let compilers: Int
        /// What is subtracted from every timed sample, if anything.
        let overhead: Overhead?
        let counter = JobCounter()
    }

    /// Runs the warm-up rounds (each group's first cell), then the timed rounds, until every
    /// cell has its runs or the run is cancelled. A timed round runs every cell that wants more
    /// runs, starting one cell later than the round before.
    func sample(
        _ cells: inout [Cell], warmupCells: [Int], turn: Turn, callHook: (Int32, HookEvent) throws(BenchError) -> Void
    ) throws(BenchError) {
        let warmup = turn.scenario.warmup
        for round in 0..<warmup {
            for i in warmupCells {
                let phase = "warm-up \(round + 1)/\(warmup)"
                guard try batch(cells[i], timed: false, phase: phase, turn: turn, callHook: callHook) != nil else { return }
            }
        }
        var round = 0
        while true {
            let active = cells.indices.filter { cells[$0].samples.count < cells[$0].target ?? Int.max }
            if active.isEmpty { return }
            for i in rotated(active, by: round) {
                let n = cells[i].samples.count + 1
                let phase = cells[i].target.map { "run \(n)/\($0)" } ?? "run \(n)"
                guard let (raw, prepare) = try batch(cells[i], timed: true, phase: phase, turn: turn, callHook: callHook) else { return }
                cells[i].samples.append(turn.overhead?.subtracted(from: raw) ?? raw)
                if cells[i].target == nil {
                    cells[i].target = Self.target(firstRun: raw.wall + prepare, of: turn.scenario)
                }
            }
            round += 1
        }
    }

    /// How many timed runs a batch takes under `min_time`, from its first run's seconds (the
    /// batch before any overhead is subtracted, and its `prepare` hook): as many as fit in
    /// `min_time`, rounded down, at least `runs` and at most `max_runs`, hyperfine's rule.
    static func target(firstRun seconds: Double, of scenario: Scenario) -> Int {
        let most = scenario.maxRuns ?? Limits.runs.upperBound
        guard let minTime = scenario.minTime else { return scenario.runs }
        let fit = seconds > 0 ? minTime / seconds : Double.infinity
        let inTime = fit >= Double(most) ? most : Int(fit)
        return min(max(inTime, scenario.runs), most)
    }

    /// Runs `cell`'s batch once, after its `prepare` hook: the batch as measured and the hook's
    /// seconds, or `nil` once the run is cancelled (an interrupted batch measures the
    /// interruption). Throws for a job that could not start and, under `stop_on_failure`, for
    /// a job that failed.
    private func batch(
        _ cell: Cell, timed: Bool, phase: String, turn: Turn, callHook: (Int32, HookEvent) throws(BenchError) -> Void
    ) throws(BenchError) -> (BatchResult, prepare: Double)? {
        if cancellation?.isCancelled == true { return nil }
        let prepareStarted = MonotonicClock.now()
        try turn.hooks.run(
            HookEvent(point: .prepare, compiler: cell.compiler, strategy: cell.executor.strategy, probe: cell.probe?.name, timed: timed),
            call: callHook)
        let prepare = MonotonicClock.now() - prepareStarted
        turn.counter.reset()
        let label = label(cell, compilers: turn.compilers)
        progress?(.batch(label: label, phase: phase, jobs: cell.jobs.count, counter: turn.counter))
        let batch = try cell.executor.run(cell.jobs, progress: turn.counter)
        cleanup?.sweep()
        if let unstarted = batch.results.first(where: \.failedToStart) {
            throw .couldNotStart("\(label): a job could not be started, so nothing it measured would be the job's: \(unstarted.error ?? "")")
        }
        if cancellation?.isCancelled == true { return nil }
        if turn.scenario.stopOnFailure, let failed = batch.results.first(where: { !$0.ok }) {
            throw .commandFailed(Self.failure(of: failed))
        }
        return (batch, prepare)
    }

    /// hyperfine's words for a command that failed, after its name, and what it wrote to stderr
    /// if that was kept.
    static func failure(of result: JobResult) -> String {
        let what: String
        let ended = result.error == nil && !result.timedOut && !result.interrupted  // of its own accord
        if ended, let code = result.exitCode {
            what = "Command terminated with non-zero exit code: \(code)"
        } else if ended, let signal = result.signal {
            what = "The process has been terminated by a signal (\(SignalName.name(of: signal)))"
        } else {
            what = "Command failed: \(result.summary)"
        }
        let stderr = result.stderr.isEmpty ? "" : "\n" + TerminalText.lines(result.stderrTail)
        return "'\(TerminalText.line(result.name))': \(what). Use the '-i'/'--ignore-failure' option (in a scenario, ignore_failure = true) "
            + "if you want to ignore this. Alternatively, use the '--show-output' option to debug what went wrong.\(stderr)"
    }

    /// `indices` starting at position `offset` (modulo their count), wrapping around.
    func rotated(_ indices: [Int], by offset: Int) -> [Int] {
        let start = offset % indices.count
        return Array(indices.dropFirst(start)) + Array(indices.prefix(start))
    }
}
