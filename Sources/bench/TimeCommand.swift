import ArgumentParser
import BenchCore
import BenchLua

extension Bench {
    /// `bench time COMMAND...`: commands timed against each other with hyperfine's options.
    struct Time: ParsableCommand, CancellableCommand {
        static let ownsARun = true
        static let configuration = CommandConfiguration(
            abstract: "Time commands against each other, with hyperfine's options: bench time 'gzip -1 -c F' 'gzip -9 -c F'.",
            discussion: """
                Each command runs through `sh -c` (or -S's shell; -N splits it into words and runs no shell), \
                one at a time, in rotating order round after round, its output to /dev/null unless \
                --show-output. What differs from hyperfine: --output names the report's file, as in every \
                bench command (hyperfine's --output is where commands write; see --show-output); the commands \
                interleave, so one command's -s may run while another's runs are still to come. As hyperfine: without -r, each command \
                runs at least -m times (10) and 3 seconds' worth, as its first run says, at most -M; the \
                shell's start-up (`sh -c ''`, 50 times first) is subtracted from every time (not with -N); a \
                failing command stops the run (exit 1) unless -i. --export-recipe saves the command line as a \
                recipe that `bench run` measures the same way.
                """
        )

        @Argument(help: ArgumentHelp("The commands to time, each one argument (quote it).", valueName: "command"))
        var commands: [String] = []

        @Option(name: [.short, .long], help: ArgumentHelp("Untimed runs of each command first (default: 0).", valueName: "n"))
        var warmup: Int?

        @Option(
            name: [.customShort("m"), .customLong("min-runs")], help: ArgumentHelp("Timed runs at least, without -r (default: 10).", valueName: "n"))
        var minRuns: Int?

        @Option(name: [.customShort("M"), .customLong("max-runs")], help: ArgumentHelp("Timed runs at most, without -r.", valueName: "n"))
        var maxRuns: Int?

        @Option(name: [.short, .long], help: ArgumentHelp("Timed runs of each command, exactly.", valueName: "n"))
        var runs: Int?

        @Option(name: [.short, .long], help: ArgumentHelp("Run this once before each command's first run.", valueName: "command"))
        var setup: String?

        @Option(
            name: [.short, .long],
            help: ArgumentHelp("Run this before every run of each command, untimed (once for all, or once per command).", valueName: "command"))
        var prepare: [String] = []

        @Option(
            name: [.customShort("C"), .long],
            help: ArgumentHelp("Run this after every run of each command, untimed (once for all, or once per command).", valueName: "command"))
        var conclude: [String] = []

        @Option(
            name: [.customShort("c"), .long],
            help: ArgumentHelp("Run this once after each command's last run (once for all, or once per command).", valueName: "command"))
        var cleanup: [String] = []

        @Option(
            name: [.customShort("P"), .customLong("parameter-scan")],
            help: ArgumentHelp("Time each command for each value MIN, MIN+step ... MAX of {NAME}.", valueName: "NAME MIN MAX"))
        var parameterScan: [String] = []

        @Option(
            name: [.customShort("D"), .customLong("parameter-step-size")],
            help: ArgumentHelp("The step of -P (default: 1).", valueName: "step"))
        var stepSize: String?

        @Option(
            name: [.customShort("L"), .customLong("parameter-list")],
            help: ArgumentHelp("Time each command for each value of {NAME} (repeatable: every combination).", valueName: "NAME A,B,C"))
        var parameterList: [String] = []

        @Option(name: [.customShort("S"), .long], help: ArgumentHelp("The shell commands run through (default: sh).", valueName: "shell"))
        var shell: String?

        @Flag(name: .customShort("N"), help: "Run no shell: split each command into words and run it directly.")
        var noShell = false

        @Flag(name: [.short, .customLong("ignore-failure")], help: "Time commands that fail too, instead of stopping.")
        var ignoreFailure = false

        @Option(name: [.customShort("n"), .customLong("command-name")], help: ArgumentHelp("A name for each command, in order.", valueName: "name"))
        var commandNames: [String] = []

        @Option(
            help: ArgumentHelp(
                "Also time this command, first, and compare the others with it instead of with the fastest.", valueName: "command"))
        var reference: String?

        @Flag(help: "Read the commands' output into bench (-v shows a failing one's), instead of sending it to /dev/null.")
        var showOutput = false

        @Option(
            help: ArgumentHelp(
                "The file each command reads as its standard input, from its beginning at every run; null (the default) is /dev/null.",
                valueName: "file"))
        var input: String?

        @Option(help: ArgumentHelp("Also save this command line as a recipe for `bench run`.", valueName: "file.lua"))
        var exportRecipe: String?

        @Flag(name: .shortAndLong, help: "No progress line on stderr.")
        var quiet = false

        @Option(
            help: ArgumentHelp(
                "auto, basic (no colour, no progress line), full (both, terminal or not), nocolor, color (no progress line) or none "
                    + "(nothing on stdout: only --output and the exports).", valueName: "style"))
        var style: String?

        @OptionGroup(title: "Reports")
        var report: ReportOptions

        @Option(help: ArgumentHelp("Compare the results with this saved result document, as `bench compare BASE.json` does.", valueName: "file.json"))
        var baseline: String?

        @Option(
            help: ArgumentHelp(
                "With --baseline: differences within this share of the baseline's median are the same (default: 5).", valueName: "percent"))
        var threshold: String?

        func validate() throws {
            do { _ = try comparison() } catch { throw ValidationError(error.description) }
            if let style {
                do { _ = try OutputStyle.named(style, option: "--style") } catch { throw ValidationError(error.description) }
                if style == "none" && baseline != nil && report.files.output == nil {
                    throw ValidationError("--style none prints no comparison: with --baseline, give --output FILE for it, or another style")
                }
            }
            if let threshold {
                do { _ = try Limits.threshold(threshold, "--threshold") } catch { throw ValidationError(error.description) }
                if baseline == nil { throw ValidationError("--threshold applies to a comparison: give --baseline too") }
            }
        }

        func run(cancellation: Cancellation, cleanup: Cleanup?) throws {
            let comparison = try comparison()
            let text = CommandRecipe.text(comparison)
            let path = exportRecipe.map(ArgumentBytes.bytes) ?? "time.lua"
            if let exportRecipe {
                do { try OutputFile(ArgumentBytes.bytes(exportRecipe), option: "--export-recipe").write(text, cleanup: cleanup) } catch {
                    Console.error("bench: error: \(error)")
                    throw ExitCode(2)
                }
            }
            try RunSession.start(
                script: path, source: text, options: ScriptOptions(verbose: report.verbose, format: report.format), report: report,
                baseline: baseline, threshold: threshold, quiet: quiet,
                style: try style.map { s throws(BenchError) in try OutputStyle.named(s, option: "--style") } ?? .auto, cancellation: cancellation,
                cleanup: cleanup)
        }
    }
}
