import ArgumentParser
import BenchCore
import BenchLua
import CSystem
import Glibc

extension Bench {
    /// `bench run SCRIPT`: runs a Lua scenario.
    struct Run: ParsableCommand, CancellableCommand {
        static let ownsARun = true
        static let configuration = CommandConfiguration(
            abstract: "Run a Lua scenario script.",
            discussion: """
                A script either does its own work through the `bench` module or returns a \
                scenario table that bench carries out. A script is a program, as a Makefile \
                is: run only scripts you trust.
                """
        )

        @Argument(help: "The Lua scenario script, or a recipe's name (see `bench list`).", completion: .file(extensions: ["lua"]))
        var script: String

        @OptionGroup(title: "Recipe parameters")
        var parameters: ParameterOptions

        @Option(help: "The compiler to use (name in PATH, or a path); overrides the scenario's list.")
        var compiler: String?

        @Option(
            help: ArgumentHelp(
                "What runs every compile, before the compiler (as CMAKE_<LANG>_COMPILER_LAUNCHER): \"ccache\", \"distcc\"; words split at spaces.",
                valueName: "command"))
        var launcher: String?

        @Option(name: [.customShort("n"), .customLong("repeat")], help: ArgumentHelp("Copies of each probe compiled in one batch.", valueName: "n"))
        var repeats: Int?

        @Option(
            name: .customShort("j"),
            help: ArgumentHelp(
                "Jobs at once: a positive number or 'unbounded'; a list (1,2,4) scans them (default: one per core).", valueName: "n|unbounded|list"))
        var jobs: String?

        @Option(help: ArgumentHelp("Strategies to run, comma-separated (\(Strategy.validNames)).", valueName: "list"))
        var strategy: String?

        @Option(name: [.short, .long], help: ArgumentHelp("Timed runs of every batch (default: 5, or the scenario's).", valueName: "n"))
        var runs: Int?

        @Option(
            name: [.short, .long],
            help: ArgumentHelp("Untimed warm-up batches of each compiler first (default: 1, or the scenario's).", valueName: "n"))
        var warmup: Int?

        @Option(
            help: ArgumentHelp(
                "Kill any job still running after this many seconds (with its process group), and report it as timed out, unless the job or its scenario gives a timeout of its own.",
                valueName: "seconds"))
        var timeout: Double?

        @Flag(help: "Print every command the scenario would run, and run none (the Lua script itself still runs).")
        var dryRun = false

        @Flag(name: .shortAndLong, help: "No progress line on stderr.")
        var quiet = false

        @OptionGroup(title: "Reports")
        var report: ReportOptions

        @Option(
            help: ArgumentHelp(
                "Compare the results with this saved result document, as `bench compare BASE.json` does: its table and exit status.",
                valueName: "file.json"))
        var baseline: String?

        @Option(
            help: ArgumentHelp(
                "With --baseline: differences within this share of the baseline's median are the same (default: 5).", valueName: "percent"))
        var threshold: String?

        @Argument(parsing: .postTerminator, help: "Arguments for the script, after '--' (bench.args).")
        var arguments: [String] = []

        func validate() throws {
            _ = try options()
        }

        /// The options as bench uses them: numbers checked against `Limits`, paths and the
        /// script's arguments as the exact bytes given.
        func options() throws -> ScriptOptions {
            var overrides = ScenarioOverrides(
                compiler: compiler.map(ArgumentBytes.bytes), repeats: repeats, runs: runs, warmup: warmup, defaultTimeout: timeout,
                launcher: launcher.map { Launcher.parse(ArgumentBytes.bytes($0)) })
            do {
                if let repeats { try Limits.check(repeats, in: Limits.repeats, "-n/--repeat") }
                if let runs { try Limits.check(runs, in: Limits.runs, "-r/--runs") }
                if let warmup { try Limits.check(warmup, in: Limits.warmup, "-w/--warmup") }
                if let timeout { try Limits.checkTimeout(timeout, "--timeout") }
                if let launcher = overrides.launcher { try Launcher.check(launcher) }
                if let jobs { overrides.concurrency = try ConcurrencyLimit.parseList(jobs) }
                if let strategy {
                    var parsed: [Strategy] = []
                    for name in strategy.split(separator: ",", omittingEmptySubsequences: false) {
                        parsed.append(try Strategy.parse(String(name)))
                        try ReferenceExecutor.checkAvailable(parsed[parsed.count - 1])
                    }
                    overrides.strategies = parsed
                }
            } catch {
                throw ValidationError(error.description)
            }
            let definitions: [ParameterDefinition]
            do {
                definitions = try parameters.parsed()
                if let threshold { _ = try Limits.threshold(threshold, "--threshold") }
            } catch {
                throw ValidationError(error.description)
            }
            if threshold != nil && baseline == nil { throw ValidationError("--threshold applies to a comparison: give --baseline too") }
            if baseline != nil, let format = report.format, Renderers.comparison(named: format) == nil {
                throw ValidationError("--baseline reports a comparison: --format must be one of \(Renderers.comparisonNames), not '\(format)'")
            }
            return ScriptOptions(
                overrides: overrides, arguments: arguments.map(ArgumentBytes.bytes), definitions: definitions, dryRun: dryRun,
                verbose: report.verbose, format: report.format)
        }

        func run(cancellation: Cancellation, cleanup: Cleanup?) throws {
            let file: ByteString
            do { file = try RecipeLocation.resolve(ArgumentBytes.bytes(script)) } catch {
                Console.error("bench: error: \(error)")
                throw ExitCode(2)
            }
            try RunSession.start(
                script: file, options: try options(), report: report, baseline: baseline, threshold: threshold, quiet: quiet,
                cancellation: cancellation, cleanup: cleanup)
        }
    }

    /// `bench guard MARKER`: the guardian of a run (see `Cleanup`); reads its standard input.
    struct Guard: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Clean up after a bench run that was killed (hidden).",
            shouldDisplay: false
        )

        @Argument(help: "The run's marker, BENCH_RUN=token.")
        var marker: String

        func run() throws {
            let status = Guardian.serve(marker: ArgumentBytes.bytes(marker))
            if status != 0 { throw ExitCode(status) }
        }
    }

    /// `bench worker`: the hidden worker mode of the `processes` strategy.
    struct Worker: ParsableCommand, CancellableCommand {
        static let ownsARun = false
        static let configuration = CommandConfiguration(
            abstract: "Serve jobs as a 'processes' worker (one line per job on stdin, one per result on stdout).",
            shouldDisplay: false
        )

        func run(cancellation: Cancellation, cleanup: Cleanup?) throws {
            // SIGTERM from the parent, or its death, cancels: the running job is killed with its group.
            if bench_die_with_parent(SIGTERM) != 0 { throw ExitCode(1) }
            let status = BenchCore.Worker.serve(cancellation: cancellation)
            if status != 0 { throw ExitCode(status) }
        }
    }
}

/// The absolute path of the running bench binary, so that workers run the very same build.
func executablePath() -> ByteString {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    return n > 0 ? ByteString(cString: buffer) : ByteString(cString: CommandLine.unsafeArgv[0]!)
}
