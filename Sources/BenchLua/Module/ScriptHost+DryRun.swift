import BenchCore

/// What `--dry-run` prints instead of running: every command, the hooks' among them.
extension ScriptHost {
    /// Prints the jobs `--dry-run` does not run, after a `#` line saying what they are, and
    /// returns their stand-in results.
    func dryRun(_ jobs: [Job], _ what: String) -> [JobResult] {
        write("# " + TerminalText.line(what))
        for job in jobs { write(job.shellLine) }
        return jobs.map(JobResult.dryRun)
    }

    /// Prints the commands of the scenario's `setup`, `prepare` and `cleanup` hooks, each after
    /// a `#` line saying when it would run; a hook that is a Lua function is named, not called.
    func dryRunHooks(_ scenario: Scenario) {
        let hooks: [(String, ScenarioHook?, String)] = [
            ("setup", scenario.hooks.setup, "once per compiler, before its first batch"),
            ("prepare", scenario.hooks.prepare, "before every batch, untimed"),
            ("cleanup", scenario.hooks.cleanup, "once per compiler, after its last batch"),
        ]
        for (name, hook, when) in hooks {
            switch hook {
            case .job(let job)?: _ = dryRun([withDefaults(job)], "\(scenario.name): the \(name) hook, \(when)")
            case .function?: write("# \(TerminalText.line(scenario.name)): the \(name) hook, \(when), is a Lua function: not called under --dry-run")
            case nil: continue
            }
        }
    }
}
