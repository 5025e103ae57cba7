/// What a scenario's run is under `--dry-run`: every batch shown once, then the hooks.
extension ScenarioRunner {
    /// Prints each of `batches` (one per compiler and probe batch) through `printer`, after a
    /// `#` line saying what it is and how often a run would run it, then the commands of the
    /// scenario's hooks and its probes' own, each after a `#` line saying when it
    /// would run. A hook that is a function of the caller's is named, not called.
    func show(_ scenario: Scenario, batches: [Cell], printer: DryRunExecutor) throws(BenchError) {
        let times = Self.batchesPerGroup(scenario)
        let strategies = scenario.strategies.map(\.rawValue).joined(separator: ", ")
        let runs = "\(scenario.warmup) warm-up, then \(ReportWords.counted(scenario.runs, "run")) of \(strategies)"
        for batch in batches {
            let what = [batch.probe.map { "probe \($0.name.text)" }, batch.compiler.map { "with \($0.name.text)" }].compactMap { $0 }
            let which = what.isEmpty ? "" : " " + what.joined(separator: " ")
            let jobs = ReportWords.counted(batch.jobs.count, "job")
            printer.announce("\(scenario.name): \(jobs) per batch\(which); the batch would run \(ReportWords.counted(times, "time")) (\(runs))")
            _ = try printer.run(batch.jobs)
        }
        let when: [HookEvent.Point: String] = [
            .setup: "once per compiler, before its first batch", .prepare: "before every batch, untimed",
            .conclude: "after every batch, untimed", .cleanup: "once per compiler, after its last batch",
        ]
        for point in HookEvent.Point.allCases {
            try show(scenario.hooks[point], "\(scenario.name): the \(point.rawValue) hook, \(when[point] ?? "")", printer: printer)
        }
        let ownWhen: [HookEvent.Point: String] = [
            .setup: "once, before its first batch", .prepare: "before each of its batches, untimed",
            .conclude: "after each of its batches, untimed", .cleanup: "once, after its last batch",
        ]
        for probe in scenario.probes where !probe.hooks.isEmpty {
            for point in HookEvent.Point.allCases {
                let what = "\(scenario.name): the \(point.rawValue) hook of probe \(probe.name.text), \(ownWhen[point] ?? "")"
                try show(probe.hooks[point], what, printer: printer)
            }
        }
    }

    /// Shows one hook, if there is one, after a `#` line `what`; a function is named, not called.
    private func show(_ hook: ScenarioHook?, _ what: String, printer: DryRunExecutor) throws(BenchError) {
        switch hook {
        case .job(let job)?:
            printer.announce(what)
            _ = try printer.run([job])
        case .function?: printer.announce("\(what), is a Lua function: not called under --dry-run")
        case nil: return
        }
    }

    /// How many times `run` runs each batch of one compiler: the warm-ups, then one per timed
    /// run, strategy and level.
    static func batchesPerGroup(_ scenario: Scenario) -> Int {
        let concurrent = scenario.strategies.filter { !$0.ignoresConcurrency }.count * scenario.concurrency.count
        let serial = scenario.strategies.filter(\.ignoresConcurrency).count
        return scenario.warmup + scenario.runs * (concurrent + serial)
    }
}
