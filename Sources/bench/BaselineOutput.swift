import BenchCore
import Glibc

/// Writes a comparison's report and chart where the options say, and answers the exit status
/// it earns: 2 when a file was compared with nothing, 1 when a run is slower than the baseline,
/// 0 otherwise (`bench compare` and `bench run --baseline`).
enum BaselineOutput {
    /// Writes `comparison` in `format` to `--output` or stdout, its chart to `--plot`, and each
    /// export as `export` renders it.
    static func write(
        _ comparison: BaselineComparison, format: BaselineFormat, to destinations: ReportDestinations, export: (ExportFormat) -> String,
        cleanup: Cleanup? = nil
    ) throws(BenchError) -> Int32 {
        let text = format.render(comparison, color: Terminal.wantsColor && destinations.report == nil)
        guard try destinations.write(ByteString(text), chart: { BaselineChart.render(comparison) }, export: export, toStdout: true, cleanup: cleanup)
        else { return 128 + SIGPIPE }
        let nothing = comparison.nothingCompared
        for sentence in nothing { Console.error("bench: error: " + sentence) }
        if !nothing.isEmpty { return 2 }
        return comparison.slowerRows.isEmpty ? 0 : 1
    }
}
