import BenchCore
import CLua

/// The functions of the `bench` module that run jobs: one (`job`, `spawn`), a batch (`run`),
/// or a whole scenario, sampled and compared (`measure`).
extension BenchModule {
    /// `bench.job{argv..., name=, cwd=, env=, stdin=, timeout=, capture=}` → the checked job table.
    static func job(_ s: LuaStack, _ host: ScriptHost) throws(LuaCallError) -> Int32 {
        s.push(try s.job(at: 1, arg: 1))
        return 1
    }

    /// `bench.spawn(job_or_argv)` → runs one job now and returns its result table.
    static func spawn(_ s: LuaStack, _ host: ScriptHost) throws(LuaCallError) -> Int32 {
        let job: Job
        if let program = s.bytes(at: 1) {
            guard !program.isEmpty else { throw .argument(1, "the program name is empty") }
            try s.refuseNUL(program, "program", arg: 1)
            job = Job(argv: [program])
        } else {
            job = try s.job(at: 1, arg: 1)
        }
        try checkParameters(s, host)
        if host.isInterrupted { throw .message("interrupted") }
        let result: JobResult
        do { result = try host.runAlone(host.withDefaults(job), "bench.spawn") } catch { throw .message(error.description) }
        host.sweep()
        s.push(result)
        return 1
    }

    /// `bench.run`'s options (argument 2): the strategy and the level, by default the first
    /// of `--strategy` (else `async`) and of `-j` (else one job per core).
    private static func runOptions(_ s: LuaStack, _ host: ScriptHost) throws(LuaCallError) -> (Strategy, ConcurrencyLimit) {
        let overrides = host.configuration.options.overrides
        var strategy = overrides.strategies?.first ?? .async
        var limit = overrides.concurrency?.first ?? .cores
        guard lua_type(s.L, 2) > LUA_TNIL else { return (strategy, limit) }
        var options = try LuaTableReader(s, at: 2, arg: 2)
        if let name = try options.string("strategy") {
            do {
                strategy = try Strategy.parse(name)
                try ReferenceExecutor.checkAvailable(strategy)
            } catch {
                throw .argument(2, "strategy: \(error)")
            }
        }
        if let text = try options.field("concurrency", expected: "positive integer or 'unbounded'", { $0.scalarString(at: -1) }) {
            do { limit = try ConcurrencyLimit.parse(text) } catch { throw .argument(2, "concurrency: \(error)") }
        }
        try options.finish()
        return (strategy, limit)
    }

    /// `bench.run(jobs, {strategy=, concurrency=})` → `{strategy=, concurrency=, jobs=, wall_s=, child_cpu_s=, runner_cpu_s=, ideal_s=, efficiency=, failed=, results={...}}`,
    /// results in job order: one batch, one sample. `bench.measure` samples and compares.
    static func run(_ s: LuaStack, _ host: ScriptHost) throws(LuaCallError) -> Int32 {
        guard lua_type(s.L, 1) == LUA_TTABLE else { throw s.typeError(1, "table of jobs") }
        let count = s.rawLength(1)
        guard count <= Limits.jobsPerBatch.upperBound else {
            throw .argument(1, "\(count) jobs are more than one batch can hold (at most \(Limits.jobsPerBatch.upperBound))")
        }
        try s.checkKeys(1, arg: 1, allowed: [], sequence: count, label: "jobs")
        var jobs: [Job] = []
        jobs.reserveCapacity(count)
        for i in stride(from: 1, through: count, by: 1) {
            lua_rawgeti(s.L, 1, lua_Integer(i))
            jobs.append(host.withDefaults(try s.job(at: -1, arg: 1, label: "jobs[\(i)]")))
            bench_lua_pop(s.L, 1)
        }
        let (strategy, limit) = try runOptions(s, host)
        try checkParameters(s, host)
        if host.isInterrupted { throw .message("interrupted") }
        let executor = host.executor(strategy, limit: limit)
        executor.announce("bench.run: \(jobs.count) jobs, \(strategy.rawValue) -j \(executor.concurrency(for: jobs.count))")
        let batch: BatchResult
        do { batch = try executor.run(jobs) } catch { throw .message(error.description) }
        host.sweep()
        lua_createtable(s.L, 0, 10)
        s.push(strategy.rawValue); s.setField(-2, "strategy")
        s.push(batch.concurrency); s.setField(-2, "concurrency")
        s.push(jobs.count); s.setField(-2, "jobs")
        s.push(batch.wall); s.setField(-2, "wall_s")
        s.push(batch.childCPU); s.setField(-2, "child_cpu_s")
        s.push(batch.runnerCPU); s.setField(-2, "runner_cpu_s")
        s.push(batch.ideal(cores: Host.usableCores)); s.setField(-2, "ideal_s")
        s.push(batch.wall > 0 ? batch.ideal(cores: Host.usableCores) / batch.wall : 0); s.setField(-2, "efficiency")
        s.push(batch.failed); s.setField(-2, "failed")
        lua_createtable(s.L, Int32(clamping: batch.results.count), 0)
        for (i, result) in batch.results.enumerated() {
            s.push(result)
            s.setIndex(-2, i + 1)
        }
        s.setField(-2, "results")
        return 1
    }

    /// `bench.measure(scenario)` → the result document (as `--format json` writes it) holding this
    /// one measurement: the scenario table sampled as if the script had returned it. The
    /// measurement also belongs to the run's report.
    static func measure(_ s: LuaStack, _ host: ScriptHost) throws(LuaCallError) -> Int32 {
        let (scenario, report) = try s.scenario(at: 1, arg: 1, defaultName: "measurement \(host.run.measurements.count + 1)", keep: host.keep)
        guard report == .unspecified else {
            throw .argument(1, "report: only a returned scenario chooses its report; a script that measures is reported by --format and the exports")
        }
        let runnable: ValidatedScenario
        do { runnable = try host.runnable(scenario) } catch { throw .argument(1, error.description) }
        try checkParameters(s, host)
        if host.isInterrupted { throw .message("interrupted") }
        let measurement: Measurement
        do { measurement = try host.measure(runnable) } catch { throw .message(error.description) }
        s.push(host.run.document(holding: [measurement]).json)
        return 1
    }
}
