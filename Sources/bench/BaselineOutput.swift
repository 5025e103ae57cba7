import BenchCore
import Glibc

/// Writes a comparison's report and chart where the options say, and answers the exit status
/// it earns: 2 when a file was compared with nothing, 1 when a run is slower than the baseline
/// or every job of a run failed, 0 otherwise (`bench compare` and `bench run --baseline`).
enum BaselineOutput {
    /// Writes `comparison` in `format` to `--output` or stdout, its chart to `--plot`, and each
    /// export of it.
    static func write(
        _ comparison: BaselineComparison, format: any ComparisonRenderer, to destinations: ReportDestinations, cleanup: Cleanup? = nil
    ) throws(BenchError) -> Int32 {
        let text = format.render(comparison, color: Terminal.wantsColor && destinations.report == nil)
        guard
            try destinations.write(
                ByteString(text), chart: { BaselineChart.render(comparison) },
                export: { Renderers.comparison(named: $0)?.render(comparison, color: false) ?? "" }, toStdout: true,
                cleanup: cleanup)
        else { return 128 + SIGPIPE }
        let nothing = comparison.nothingCompared
        for sentence in nothing { Console.error("bench: error: " + sentence) }
        if !nothing.isEmpty { return 2 }
        return comparison.passes ? 0 : 1
    }
}
