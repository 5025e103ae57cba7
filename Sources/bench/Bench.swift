import ArgumentParser
import BenchCore

/// A command that stops early, cleanly, when `main`'s cancellation is cancelled by a signal.
protocol CancellableCommand {
    /// Whether the command runs jobs of its own (a run), and so needs a `Cleanup`.
    static var ownsARun: Bool { get }
    /// Runs the command; `cancellation` is cancelled by SIGINT, SIGTERM or SIGHUP.
    func run(cancellation: Cancellation, cleanup: Cleanup?) throws
}

/// The `bench` command: runs benchmark scenarios written in Lua.
struct Bench: ParsableCommand {
    static let version = "0.5.0"

    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run benchmark scenarios written in Lua: many small processes, four ways of running them.",
        discussion: """
            Exit status: 0 success, 1 the scenario failed (strategies disagree, a check failed) or a \
            comparison found a run slower than its baseline, \
            2 a usage or script error.
            """,
        version: "bench \(version)",
        subcommands: [Run.self, Time.self, Record.self, Report.self, Compare.self, List.self, Info.self, Worker.self, Guard.self]
    )
}
