import ArgumentParser
import BenchCore

/// How a result document is reported: the options `bench run` and `bench report` share.
struct ReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Report format: \(ReportFormat.validNames), or a reporter the script registers (default: table).", valueName: "name"))
    var format: String?

    @OptionGroup
    var files: OutputOptions

    @Flag(name: .short, help: "Show the messages of failing probes.")
    var verbose = false

    /// True when any file was asked for.
    var writesFiles: Bool { files.writesFiles }

    /// The files, checked before anything runs.
    func destinations(inputs: [OutputFile.Input] = []) throws(BenchError) -> ReportDestinations { try files.destinations(inputs: inputs) }
}

/// Where reports go besides stdout: the options every reporting command shares.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Write the report to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Also write an SVG chart to this file.", valueName: "file.svg"))
    var plot: String?

    @Option(name: .customLong("export-json"), help: ArgumentHelp("Also write the JSON to this file.", valueName: "file"))
    var exportJSON: String?

    @Option(name: .customLong("export-csv"), help: ArgumentHelp("Also write the CSV to this file.", valueName: "file"))
    var exportCSV: String?

    @Option(name: .customLong("export-markdown"), help: ArgumentHelp("Also write the Markdown to this file.", valueName: "file"))
    var exportMarkdown: String?

    /// True when any file was asked for.
    var writesFiles: Bool { output != nil || plot != nil || exportJSON != nil || exportCSV != nil || exportMarkdown != nil }

    /// The files, checked before anything runs: each can be written, no two are the same file,
    /// and none is one of the command's `inputs`, which writing it would replace.
    func destinations(inputs: [OutputFile.Input] = []) throws(BenchError) -> ReportDestinations {
        func file(_ path: String?, _ option: String) throws(BenchError) -> OutputFile? {
            try path.map { p throws(BenchError) in try OutputFile(ArgumentBytes.bytes(p), option: option) }
        }
        let destinations = ReportDestinations(
            report: try file(output, "--output"), plot: try file(plot, "--plot"),
            exports: [
                (ExportFormat.json, try file(exportJSON, "--export-json")), (.csv, try file(exportCSV, "--export-csv")),
                (.markdown, try file(exportMarkdown, "--export-markdown")),
            ].compactMap { format, file in file.map { (format, $0) } })
        try OutputFile.checkDistinct(destinations.all)
        try OutputFile.checkNotInputs(destinations.all, inputs)
        return destinations
    }
}
