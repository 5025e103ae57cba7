import BenchCore
import Glibc

/// The formats `--export-json`, `--export-csv` and `--export-markdown` write.
enum ExportFormat: String {
    case json, csv, markdown

    /// The same format for a result document.
    var report: ReportFormat {
        switch self {
        case .json: return .json
        case .csv: return .csv
        case .markdown: return .markdown
        }
    }

    /// The same format for a comparison.
    var baseline: BaselineFormat {
        switch self {
        case .json: return .json
        case .csv: return .csv
        case .markdown: return .markdown
        }
    }
}

/// The files a command's reports go to, checked before it runs anything.
struct ReportDestinations {
    /// `--output`: the report in the chosen format, instead of stdout.
    let report: OutputFile?
    /// `--plot`: the SVG chart.
    let plot: OutputFile?
    /// `--export-json`, `--export-csv`, `--export-markdown`: the same report in more formats.
    let exports: [(format: ExportFormat, file: OutputFile)]

    /// Every file with the option that named it.
    var all: [(option: String, file: OutputFile)] {
        [report.map { ("--output", $0) }, plot.map { ("--plot", $0) }].compactMap { $0 }
            + exports.map { ("--export-\($0.format.rawValue)", $0.file) }
    }

    /// Writes `text` (the chosen format's report, if any) to `--output` or stdout, then the
    /// chart and each export. Returns false when stdout's reader has gone.
    func write(
        _ text: ByteString?, chart: () -> String, export: (ExportFormat) -> String, toStdout: Bool, cleanup: Cleanup?
    ) throws(BenchError) -> Bool {
        if let text {
            if let report {
                try report.write(text, cleanup: cleanup)
            } else if toStdout, !Console.out(text.bytes.last == 10 || text.isEmpty ? text : text + "\n") {
                guard errno != EPIPE else { return false }
                throw .io("cannot write to standard output: \(String(cString: strerror(errno)))")
            }
        }
        if let plot { try plot.write(ByteString(chart()), cleanup: cleanup) }
        try writeExports(export, cleanup: cleanup)
        return true
    }

    /// The same destinations without the exports (written on their own, first).
    var withoutExports: ReportDestinations { ReportDestinations(report: report, plot: plot, exports: []) }

    /// Writes each export as `export` renders it.
    func writeExports(_ export: (ExportFormat) -> String, cleanup: Cleanup?) throws(BenchError) {
        for (format, file) in exports { try file.write(ByteString(export(format)), cleanup: cleanup) }
    }

    /// Writes a result document's report, chart and exports.
    func write(_ text: ByteString?, of document: ResultDocument, toStdout: Bool, cleanup: Cleanup?) throws(BenchError) -> Bool {
        try write(text, chart: { SVGChart.render(document) }, export: { $0.report.render(document) }, toStdout: toStdout, cleanup: cleanup)
    }
}
