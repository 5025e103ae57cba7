/// Runs a scenario's hooks: jobs through the spawn layer, functions through the caller.
struct HookRunner {
    let hooks: ScenarioHooks
    let cancellation: Cancellation?

    /// Runs the scenario's hook for `event`, if it has one: a job here, a function through
    /// `call`. A job that fails stops the scenario.
    func run(_ event: HookEvent, call: (Int32, HookEvent) throws(BenchError) -> Void) throws(BenchError) {
        try run(hooks[event.point], event, call: call)
    }

    /// Runs `hook` for `event`, if there is one: the scenario's or a probe's own.
    func run(_ hook: ScenarioHook?, _ event: HookEvent, call: (Int32, HookEvent) throws(BenchError) -> Void) throws(BenchError) {
        switch hook {
        case nil: return
        case .function(let reference): try call(reference, event)
        case .job(let job):
            var job = job
            if let compiler = event.compiler { job.environment["BENCH_COMPILER"] = compiler.path }
            let result = Spawn.run(job, cancellation: cancellation)
            if result.interrupted { throw .interrupted }
            guard result.ok else {
                let stderr = result.stderr.isEmpty ? "" : ": " + TerminalText.line(result.stderrTail)
                throw .hookFailed("the \(event.point.rawValue) job '\(TerminalText.line(job.name))' failed (\(result.summary))\(stderr)")
            }
        }
    }
}
