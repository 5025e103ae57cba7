import BenchCore

/// Runs one script from start to end as `bench run` does, and says which exit status the run earned:
/// 0 success, 1 the scenario failed (strategies disagree, `bench.fail`), 2 a script or usage error.
public enum ScriptRunner {
    /// Runs `script`, printing its report on stdout and any error on stderr; returns the exit status.
    public static func run(script: String, configuration: HostConfiguration) -> Int32 {
        let host = ScriptHost(configuration: configuration)
        defer { host.close() }
        do {
            switch try host.run(script: script) {
            case .finished:
                return 0
            case .exit(let code, let message):
                if let message { Console.error("bench: \(message)") }
                return code
            case .scenario(let declared, let report):
                let scenario = declared.applying(configuration.options)
                let result = try ScenarioRunner(workerCommand: configuration.workerCommand, directory: host.tempDirectory())
                    .run(scenario)
                switch report {
                case .builtin: Console.out(StudyReport.render(result, verbose: configuration.options.verbose))
                case .luaFunction: try host.report(result, script: script)
                }
                let disagreements = result.disagreements
                if !disagreements.isEmpty {
                    Console.error("bench: the strategies disagree; the results cannot be trusted:")
                    for d in disagreements { Console.error("  " + d) }
                    return 1
                }
                return 0
            }
        } catch let error as ScriptError {
            Console.error("bench: error: \(error.message)")
            return 2
        } catch {
            Console.error("bench: error: \(error)")
            return 2
        }
    }
}
