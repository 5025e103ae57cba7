import BenchCore
import Glibc

/// Runs one script from start to end as `bench run` does, and says which exit status the run earned:
/// 0 success, 1 the scenario failed (strategies disagree, `bench.fail`), 2 a script or usage error,
/// 128 + the signal when a signal interrupted it (130 for Ctrl-C, 143 for SIGTERM, 141 when the
/// reader of standard output went away).
public enum ScriptRunner {
    /// Runs `script`, writing its report to stdout or `--output` and any error to stderr; returns the exit status.
    public static func run(script: ByteString, configuration: HostConfiguration) -> Int32 {
        let host = ScriptHost(configuration: configuration)
        let status = run(script, host: host, configuration: configuration)
        let cancelledWhileRunning = configuration.cancellation?.isCancelled == true
        // Pending finalizers run now, still watched by the cancellation, so that whatever they do
        // (even a batch) is over, and interrupted, before the status is decided.
        host.closeLua()
        host.close()
        // A reader that leaves once everything was written ends nothing (as for any program
        // whose last write succeeded); a signal during the finalizers does.
        if let cancellation = configuration.cancellation, let signal = cancellation.signal, let status = cancellation.exitStatus,
           signal != SIGPIPE || cancelledWhileRunning {
            Console.error(signal == SIGPIPE
                ? "bench: standard output was closed; every child was stopped and temporary files removed"
                : "bench: interrupted by \(SignalName.name(of: signal)); every child was stopped and temporary files removed")
            return status
        }
        if status == 0 && Console.stdoutPipeClosed { return 128 + SIGPIPE }
        return status
    }

    private static func run(_ script: ByteString, host: ScriptHost, configuration: HostConfiguration) -> Int32 {
        do {
            // Before anything runs: a typo in a path must not cost the whole benchmark.
            let outputs = try outputFiles(configuration.options)
            let outcome = try host.run(script: script)
            if host.isInterrupted { return 0 }  // the interruption is reported once, by the caller
            switch outcome {
            case .finished:
                return 0
            case .exit(let code, let message):
                if let message { Console.error("bench: \(message)") }
                return code
            case .scenario(let declared, let choice):
                return try runScenario(declared, choice: choice, host: host, outputs: outputs)
            }
        } catch let error as ScriptError {
            if !host.isInterrupted { Console.error("bench: error: \(error.message)") }
            return 2
        } catch {
            if !host.isInterrupted { Console.error("bench: error: \(error)") }
            return 2
        }
    }

    /// `--output` and `--plot`, checked: each can be written, and they are not the same file.
    private static func outputFiles(_ options: RunOptions) throws(BenchError) -> (report: OutputFile?, plot: OutputFile?) {
        let report = try options.outputPath.map { p throws(BenchError) in try OutputFile(p, option: "--output") }
        let plot = try options.plotPath.map { p throws(BenchError) in try OutputFile(p, option: "--plot") }
        if let report, let plot { try OutputFile.checkDistinct([("--output", report), ("--plot", plot)]) }
        return (report, plot)
    }

    /// Where a scenario's report comes from.
    private enum Reporter {
        case builtin(ReportFormat)
        case lua(name: String?)
    }

    private static func runScenario(
        _ declared: Scenario, choice: ReportChoice, host: ScriptHost, outputs: (report: OutputFile?, plot: OutputFile?)
    ) throws -> Int32 {
        let configuration = host.configuration
        let options = configuration.options
        // Chosen before anything runs, so that a typo costs nothing.
        let reporter = try resolve(options.format, choice: choice, host: host)
        let scenario = declared.applying(options)
        try ScenarioRunner.validate(scenario)
        if options.dryRun { return try dryRun(scenario, host: host) }
        let runner = ScenarioRunner(
            workerCommand: configuration.workerCommand, directory: try host.tempDirectory(),
            progress: options.quiet ? nil : ProgressLine.forTerminal(), cancellation: configuration.cancellation,
            cleanup: configuration.cleanup)
        let result = try runner.run(scenario)
        // Interrupted: what was measured goes to --output (marked incomplete), and nowhere else.
        if !result.complete && outputs.report == nil { return 0 }
        let text: ByteString?
        switch reporter {
        case .builtin(let format):
            text = ByteString(format.render(result, version: configuration.version, verbose: options.verbose, color: options.color && outputs.report == nil))
        case .lua(let name):
            switch try host.report(ReportDocument.make(result, version: configuration.version), reporter: name) {
            case .text(let t): text = t
            case .exit(let code, let message):
                if let message { Console.error("bench: \(message)") }
                return code
            }
        }
        if let text {
            if let file = outputs.report {
                try file.write(text, cleanup: configuration.cleanup)
            } else if !Console.out(text.bytes.last == 10 || text.isEmpty ? text : text + "\n") && errno == EPIPE {
                return 128 + SIGPIPE
            }
        }
        if let plot = outputs.plot, !result.runs.isEmpty {
            try plot.write(ByteString(SVGChart.render(result)), cleanup: configuration.cleanup)
        }
        if host.isInterrupted { return 0 }
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
            _ = host.dryRun(jobs, "\(scenario.name): \(jobs.count) compiles per batch with \(name.text); the batch would run \(batches) times "
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
