import BenchCore
import Glibc

/// The files a command's reports go to, checked before it runs anything.
struct ReportDestinations {
    /// `--output`: the report in the chosen format, instead of stdout.
    let report: OutputFile?
    /// `--plot`: the SVG chart.
    let plot: OutputFile?
    /// `--export-FORMAT FILE`: the same report in more formats, by their names in `Renderers`.
    let exports: [(format: String, file: OutputFile)]
    /// How a document's exports are rendered (`-u`).
    var rendering = RenderingOptions()

    /// Every file with the option that named it.
    var all: [(option: String, file: OutputFile)] {
        [report.map { ("--output", $0) }, plot.map { ("--plot", $0) }].compactMap { $0 }
            + exports.map { ("--export-\($0.format)", $0.file) }
    }

    /// Writes `text` (the chosen format's report, if any) to `--output` or stdout, then the
    /// chart and each export. Returns false when stdout's reader has gone.
    func write(
        _ text: ByteString?, chart: () -> String, export: (String) -> String, toStdout: Bool, cleanup: Cleanup?
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
    var withoutExports: ReportDestinations { ReportDestinations(report: report, plot: plot, exports: [], rendering: rendering) }

    /// Writes each export as `export` renders it, given the format's name.
    func writeExports(_ export: (String) -> String, cleanup: Cleanup?) throws(BenchError) {
        for (format, file) in exports { try file.write(ByteString(export(format)), cleanup: cleanup) }
    }

    /// Writes a result document's report, chart and exports.
    func write(_ text: ByteString?, of document: ResultDocument, toStdout: Bool, cleanup: Cleanup?) throws(BenchError) -> Bool {
        try write(
            text, chart: { SVGChart.render(document) }, export: { Self.render(document, as: $0, options: rendering) }, toStdout: toStdout,
            cleanup: cleanup)
    }

    /// `document` in the format named `format`, which `OutputOptions` checked is one.
    static func render(_ document: ResultDocument, as format: String, options: RenderingOptions = RenderingOptions()) -> String {
        Renderers.document(named: format)?.render(document, options: options) ?? ""
    }
}
