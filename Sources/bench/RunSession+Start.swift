import ArgumentParser
import BenchCore
import BenchLua

extension RunSession {
    /// Runs a script as `bench run` and `bench time` do: with a progress line on a terminal
    /// unless `quiet` (or as `style` says), the run's configuration, and the session; throws the
    /// exit status the run earned when it is not 0.
    static func start(
        script: ByteString, source: ByteString? = nil, options: ScriptOptions, report: ReportOptions, baseline: String?,
        threshold: String?, quiet: Bool, style: OutputStyle = .auto, cancellation: Cancellation, cleanup: Cleanup?
    ) throws {
        let progress = quiet ? nil : style.progressLine()
        defer { progress?.stop() }
        var show: (@Sendable (ProgressEvent) -> Void)?
        if let progress { show = { progress.show($0) } }
        let configuration = RunConfiguration(
            workerCommand: [executablePath(), "worker"], options: options, version: Bench.version, cancellation: cancellation,
            cleanup: cleanup, progress: show, recipePath: RecipeLocation.path(), commandLine: ArgumentBytes.commandLine())
        let session = RunSession(
            script: script, source: source, configuration: configuration, report: report, baseline: baseline,
            threshold: try threshold.map { t throws(BenchError) in try Limits.threshold(t, "--threshold") }
                ?? BaselineComparison.defaultThreshold,
            color: style.color, printsReport: style.printsReport)
        let status = session.run()
        if status != 0 { throw ExitCode(status) }
    }
}
