import BenchCore

/// Runs one script from start to end as `bench run` does, and says which exit status the run earned:
/// 0 success, 1 the scenario failed (strategies disagree, `bench.fail`), 2 a script or usage error,
/// 128 + the signal when a signal interrupted it (130 for Ctrl-C, 143 for SIGTERM).
public enum ScriptRunner {
    /// Runs `script`, writing its report to stdout or `--output` and any error to stderr; returns the exit status.
    public static func run(script: String, configuration: HostConfiguration) -> Int32 {
        let host = ScriptHost(configuration: configuration)
        defer { host.close() }
        do {
            // Before anything runs: a typo in a path must not cost the whole benchmark.
            if let path = configuration.options.outputPath { try AtomicFile.checkWritable(path, option: "--output") }
            if let path = configuration.options.plotPath { try AtomicFile.checkWritable(path, option: "--plot") }
            let outcome = try host.run(script: script)
            if let status = interrupted(configuration) { return status }
            switch outcome {
            case .finished:
                return 0
            case .exit(let code, let message):
                if let message { Console.error("bench: \(message)") }
                return code
            case .scenario(let declared, let choice):
                return try runScenario(declared, choice: choice, host: host, configuration: configuration)
            }
        } catch let error as ScriptError {
            if let status = interrupted(configuration) { return status }
            Console.error("bench: error: \(error.message)")
            return 2
        } catch {
            Console.error("bench: error: \(error)")
            return 2
        }
    }

    /// The exit status of an interrupted run, after saying so; `nil` if the run was not interrupted.
    private static func interrupted(_ configuration: HostConfiguration) -> Int32? {
        guard let cancellation = configuration.cancellation, let signal = cancellation.signal else { return nil }
        Console.error("bench: interrupted by \(SignalName.name(of: signal)); every child was stopped and temporary files removed")
        return cancellation.exitStatus
    }

    /// Where a scenario's report comes from.
    private enum Reporter {
        case builtin(ReportFormat)
        case lua(name: String?)
    }

    private static func runScenario(
        _ declared: Scenario, choice: ReportChoice, host: ScriptHost, configuration: HostConfiguration
    ) throws -> Int32 {
        let options = configuration.options
        // Chosen before anything runs, so that a typo costs nothing.
        let reporter = try resolve(options.format, choice: choice, host: host)
        let scenario = declared.applying(options)
        if options.dryRun { return try dryRun(scenario, host: host) }
        let runner = ScenarioRunner(
            workerCommand: configuration.workerCommand, directory: try host.tempDirectory(),
            progress: options.quiet ? nil : ProgressLine.forTerminal(), cancellation: configuration.cancellation)
        let result = try runner.run(scenario)
        // Interrupted: what was measured goes to --output (marked incomplete), and nowhere else.
        if !result.complete && options.outputPath == nil { return interrupted(configuration) ?? 2 }
        let text: String?
        switch reporter {
        case .builtin(let format):
            text = format.render(result, version: configuration.version, verbose: options.verbose, color: options.color && options.outputPath == nil)
        case .lua(let name):
            text = try host.report(ReportDocument.make(result, version: configuration.version), reporter: name)
        }
        if let text {
            if let path = options.outputPath {
                try AtomicFile.write(text, to: path)
            } else {
                Console.out(text.hasSuffix("\n") ? String(text.dropLast()) : text)
            }
        }
        if let plot = options.plotPath, !result.runs.isEmpty { try AtomicFile.write(SVGChart.render(result), to: plot) }
        if let status = interrupted(configuration) { return status }
        let disagreements = result.disagreements
        if !disagreements.isEmpty {
            Console.error("bench: the strategies disagree; the results cannot be trusted:")
            for d in disagreements { Console.error("  " + d) }
            return 1
        }
        return 0
    }

    /// Prints every compile of one batch per compiler, and how many times each batch would run.
    private static func dryRun(_ scenario: Scenario, host: ScriptHost) throws -> Int32 {
        let runner = ScenarioRunner(workerCommand: host.configuration.workerCommand, directory: try host.tempDirectory())
        let batches = ScenarioRunner.batchesPerCompiler(scenario)
        for (index, name) in scenario.compilers.enumerated() {
            let jobs = try runner.compileJobs(scenario, compiler: try host.compiler(name), index: index)
            _ = host.dryRun(jobs, "\(scenario.name): \(jobs.count) compiles per batch with \(name); the batch would run \(batches) times "
                + "(\(scenario.warmup) warm-up, then \(scenario.runs) runs of \(scenario.strategies.map(\.rawValue).joined(separator: ", ")))")
        }
        return 0
    }

    private static func resolve(_ format: String?, choice: ReportChoice, host: ScriptHost) throws(ScriptError) -> Reporter {
        let name: String
        switch (format, choice) {
        case (let f?, _): name = f
        case (nil, .luaFunction): return .lua(name: nil)
        case (nil, .named(let n)): name = n
        case (nil, .unspecified): name = ReportFormat.table.rawValue
        }
        if let builtin = ReportFormat(rawValue: name) { return .builtin(builtin) }
        if host.reporterNames.contains(name) { return .lua(name: name) }
        let registered = host.reporterNames.isEmpty ? "" : "; registered by the script: \(host.reporterNames.joined(separator: ", "))"
        throw ScriptError(message: "unknown format '\(name)' (valid: \(ReportFormat.validNames)\(registered))")
    }
}
