/// Runs a scenario's hooks: jobs through the spawn layer, functions through the caller.
struct HookRunner {
    let hooks: ScenarioHooks
    let cancellation: Cancellation?

    /// Runs the hook for `event`, if the scenario has one: a job here, a function through
    /// `call`. A job that fails stops the scenario.
    func run(_ event: HookEvent, call: (Int32, HookEvent) throws(BenchError) -> Void) throws(BenchError) {
        let hook: ScenarioHook?
        switch event.point {
        case .setup: hook = hooks.setup
        case .prepare: hook = hooks.prepare
        case .cleanup: hook = hooks.cleanup
        }
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
