/// The rounds of a run: the warm-ups, then the timed rounds, each batch in turn.
extension ScenarioRunner {
    /// What every batch of one run shares.
    struct Turn {
        let scenario: Scenario
        let hooks: HookRunner
        /// What is subtracted from every timed sample, if anything.
        let overhead: Overhead?
        let counter = JobCounter()
    }

    /// Runs the warm-up rounds (each group's first cell), then the timed rounds, until every
    /// cell has its runs or the run is cancelled. A timed round runs every cell that wants more
    /// runs, starting one cell later than the round before. A probe's own `setup` runs before
    /// its first batch, its own `cleanup` after the last batch of its last cell.
    func sample(
        _ cells: inout [Cell], warmupCells: [Int], turn: Turn, callHook: (Int32, HookEvent) throws(BenchError) -> Void
    ) throws(BenchError) {
        // Between batches only when due; once more at the end, so that nothing a job left
        // outlives the run's measurements.
        defer { cleanup?.sweep() }
        var started = Set<ByteString>()
        let warmup = turn.scenario.warmup
        for round in 0..<warmup {
            for i in warmupCells {
                let cell = cells[i]
                try setUp(cell, started: &started, turn: turn, callHook: callHook)
                let phase = BatchPhase.warmup(round + 1, of: warmup)
                guard try batch(cell, timed: false, phase: phase, turn: turn, callHook: callHook) != nil else { return }
            }
        }
        var round = 0
        while true {
            let active = cells.indices.filter { !cells[$0].isDone }
            if active.isEmpty { return }
            for i in rotated(active, by: round) {
                guard let (raw, hooks) = try timedBatch(cells[i], started: &started, turn: turn, callHook: callHook) else { return }
                cells[i].samples.append(turn.overhead?.subtracted(from: raw) ?? raw)
                if cells[i].target == nil {
                    cells[i].target = Self.target(firstRun: raw.wall + hooks, of: turn.scenario)
                }
                if let probe = cells[i].probe, probe.hooks.cleanup != nil, cells[i].isDone,
                    cells.allSatisfy({ $0.probe?.name != probe.name || $0.isDone })
                {
                    try turn.hooks.run(
                        probe.hooks.cleanup, HookEvent(point: .cleanup, compiler: cells[i].compiler, probe: probe.name), call: callHook)
                }
            }
            round += 1
        }
    }

    /// Runs `cell`'s next timed batch, after its probe's own `setup` if that has not run yet.
    /// A function of its own so that the copy of the cell it is given is gone before the caller
    /// appends the sample: held on to, it would make every append copy all the samples before.
    private func timedBatch(
        _ cell: Cell, started: inout Set<ByteString>, turn: Turn, callHook: (Int32, HookEvent) throws(BenchError) -> Void
    ) throws(BenchError) -> (BatchResult, hooks: Double)? {
        try setUp(cell, started: &started, turn: turn, callHook: callHook)
        return try batch(cell, timed: true, phase: .run(cell.samples.count + 1, of: cell.target), turn: turn, callHook: callHook)
    }

    /// Runs the own `setup` of `cell`'s probe, if it has one and it has not run yet, then
    /// waits as before the first measured child: the hook's work would otherwise decide where
    /// the next child starts, as bench's own start would (`startPause`).
    private func setUp(
        _ cell: Cell, started: inout Set<ByteString>, turn: Turn, callHook: (Int32, HookEvent) throws(BenchError) -> Void
    ) throws(BenchError) {
        guard let probe = cell.probe, probe.hooks.setup != nil, started.insert(probe.name).inserted else { return }
        try turn.hooks.run(probe.hooks.setup, HookEvent(point: .setup, compiler: cell.compiler, probe: probe.name), call: callHook)
        Cancellation.wait(pauseBeforeMeasuring, unless: cancellation)
    }

    /// How many timed runs a batch takes under `min_time`, from its first run's seconds (the
    /// batch before any overhead is subtracted, and its `prepare` and `conclude` hooks): as many as fit in
    /// `min_time`, rounded down, at least `runs` and at most `max_runs`, hyperfine's rule.
    static func target(firstRun seconds: Double, of scenario: Scenario) -> Int {
        let most = scenario.maxRuns ?? Limits.runs.upperBound
        guard let minTime = scenario.minTime else { return scenario.runs }
        let fit = seconds > 0 ? minTime / seconds : Double.infinity
        let inTime = fit >= Double(most) ? most : Int(fit)
        return min(max(inTime, scenario.runs), most)
    }

    /// Runs `cell`'s batch once, between its `prepare` and `conclude` hooks (the scenario's, and
    /// its probe's own inside them): the batch as measured and the hooks' seconds, or `nil` once
    /// the run is cancelled (an interrupted batch measures the interruption). Throws for a job
    /// that could not start and, under `stop_on_failure`, for a job that failed.
    private func batch(
        _ cell: Cell, timed: Bool, phase: BatchPhase, turn: Turn, callHook: (Int32, HookEvent) throws(BenchError) -> Void
    ) throws(BenchError) -> (BatchResult, hooks: Double)? {
        if cancellation?.isCancelled == true { return nil }
        let prepareStarted = MonotonicClock.now()
        try hooks(.prepare, of: cell, timed: timed, turn: turn, callHook: callHook)
        let prepare = MonotonicClock.now() - prepareStarted
        turn.counter.reset()
        progress?(.batch(label: cell.label, phase: phase, jobs: cell.jobs.count, counter: turn.counter))
        let batch = try cell.executor.run(turn.scenario.jobsForOneRun(cell.jobs), progress: turn.counter)
        cleanup?.sweepIfDue()
        if let unstarted = batch.results.first(where: \.failedToStart) {
            throw .couldNotStart("\(cell.label): a job could not be started, so nothing it measured would be the job's: \(unstarted.error ?? "")")
        }
        if cancellation?.isCancelled == true { return nil }
        if turn.scenario.stopOnFailure, let failed = batch.results.first(where: { !$0.ok }) {
            throw .commandFailed(Self.failure(of: failed))
        }
        let concludeStarted = MonotonicClock.now()
        try hooks(.conclude, of: cell, timed: timed, turn: turn, callHook: callHook)
        return (batch, prepare + MonotonicClock.now() - concludeStarted)
    }

    /// The `prepare` or `conclude` hooks of `cell`'s batch: the scenario's around its probe's own.
    private func hooks(
        _ point: HookEvent.Point, of cell: Cell, timed: Bool, turn: Turn, callHook: (Int32, HookEvent) throws(BenchError) -> Void
    ) throws(BenchError) {
        let own = cell.probe?.hooks[point]
        // Most runs have neither: making the event for nothing would be bench's time between runs.
        guard own != nil || turn.hooks.hooks[point] != nil else { return }
        let event = HookEvent(point: point, compiler: cell.compiler, strategy: cell.executor.strategy, probe: cell.probe?.name, timed: timed)
        if point == .prepare { try turn.hooks.run(event, call: callHook) }
        try turn.hooks.run(own, event, call: callHook)
        if point == .conclude { try turn.hooks.run(event, call: callHook) }
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
