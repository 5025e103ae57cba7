import BenchCore
import Glibc

/// The files a run's reports go to, checked before the run.
struct ReportDestinations {
    /// `--output`: the report in the chosen format, instead of stdout.
    let report: OutputFile?
    /// `--plot`: the SVG chart.
    let plot: OutputFile?
    /// `--export-json`, `--export-csv`, `--export-markdown`: the same document in more formats.
    let exports: [(format: ReportFormat, file: OutputFile)]

    /// Every file with the option that named it.
    var all: [(option: String, file: OutputFile)] {
        [report.map { ("--output", $0) }, plot.map { ("--plot", $0) }].compactMap { $0 }
            + exports.map { ("--export-\($0.format.rawValue)", $0.file) }
    }

    /// Writes `text` (the chosen format's report, if any) to `--output` or stdout, then the chart
    /// and the exports of `document`. Returns false when stdout's reader has gone.
    func write(_ text: ByteString?, of document: ResultDocument, toStdout: Bool, cleanup: Cleanup?) throws(BenchError) -> Bool {
        if let text {
            if let report {
                try report.write(text, cleanup: cleanup)
            } else if toStdout, !Console.out(text.bytes.last == 10 || text.isEmpty ? text : text + "\n"), errno == EPIPE {
                return false
            }
        }
        if let plot { try plot.write(ByteString(SVGChart.render(document)), cleanup: cleanup) }
        for (format, file) in exports { try file.write(ByteString(format.render(document)), cleanup: cleanup) }
        return true
    }
}
