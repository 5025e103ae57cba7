import ArgumentParser
import BenchCore
import BenchLua

extension Bench {
    /// `bench info RECIPE`: what a recipe is, takes and would run, running only its Lua (as
    /// `--dry-run` does).
    struct Info: ParsableCommand, CancellableCommand {
        static let ownsARun = true
        static let configuration = CommandConfiguration(
            abstract: "Show a recipe: its summary, file, sha256, parameters, and the commands one batch would run.",
            discussion: "The recipe's Lua runs as under `bench run --dry-run`: its commands are printed, none is run."
        )

        @Argument(help: "A recipe name (see `bench list`) or a Lua file.", completion: .file(extensions: ["lua"]))
        var recipe: String

        @OptionGroup
        var parameters: ParameterOptions

        /// Identical lines in a row beyond this many are counted, not printed (10,000 `/bin/true`).
        static let repeatedLines = 3

        func run(cancellation: Cancellation, cleanup: Cleanup?) throws {
            let status = show(cancellation: cancellation, cleanup: cleanup)
            if status != 0 { throw ExitCode(status) }
        }

        private func show(cancellation: Cancellation, cleanup: Cleanup?) -> Int32 {
            let output = LineCollector()
            let path: ByteString
            let identity: Recipe
            let configuration: RunConfiguration
            do {
                path = try RecipeLocation.resolve(ArgumentBytes.bytes(recipe))
                identity = try Recipe.read(path)
                configuration = RunConfiguration(
                    workerCommand: [executablePath(), "worker"], options: ScriptOptions(definitions: try parameters.parsed(), dryRun: true),
                    version: Bench.version, cancellation: cancellation, cleanup: cleanup, recipePath: RecipeLocation.path(),
                    commandLine: ArgumentBytes.commandLine(), output: { output.append($0) })
            } catch {
                Console.error("bench: error: \(error)")
                return 2
            }
            let host = ScriptHost(configuration: configuration)
            defer { host.closeLua(); host.run.close() }
            // A recipe that stops early (it needs a -D, say) still shows what it declared.
            var status: Int32 = 0
            var stopped: String?
            do {
                if case .exit(let code, let message) = try host.drive(script: path) { (status, stopped) = (code, message) }
            } catch {
                Console.error("bench: error: \(error)")
                return 2
            }
            if let interrupted = cancellation.exitStatus { return interrupted }
            var lines = [
                "\(identity.name): \(identity.summary ?? "(no summary line)")", "  file    \(TerminalText.line(path))",
                "  sha256  \(identity.sha256)", "",
            ]
            let declared = host.run.parameters.declared
            if declared.isEmpty {
                lines.append("Parameters: none")
            } else {
                lines += ["Parameters (-D name=value):", RecipeParameters.table(declared)]
            }
            lines += ["", "One batch of each measurement, as --dry-run prints it (nothing was run):"]
            lines += Self.folded(output.lines).map { "  " + $0 }
            if status != 0 { lines.append("  # the recipe stopped here, with exit status \(status)") }
            Console.out(lines.joined(separator: "\n"))
            if let stopped { Console.error("bench: \(stopped)") }
            return status
        }

        /// `lines` with each run of identical lines longer than `repeatedLines` cut short and counted.
        static func folded(_ lines: [String]) -> [String] {
            var out: [String] = []
            var i = 0
            while i < lines.count {
                var j = i
                while j < lines.count && lines[j] == lines[i] { j += 1 }
                let run = j - i
                out += Array(repeating: lines[i], count: min(run, repeatedLines))
                if run > repeatedLines { out.append("# … and the same line \(run - repeatedLines) more times") }
                i = j
            }
            return out
        }
    }
}
