import ArgumentParser
import BenchCore

/// How a result document is reported: the options `bench run` and `bench report` share.
struct ReportOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Report format: \(Renderers.documentNames), or a reporter the script registers (default: \(Renderers.documents[0].name)).",
            valueName: "name"))
    var format: String?

    @OptionGroup
    var files: OutputOptions

    @Flag(name: .short, help: "Show the messages of failing probes.")
    var verbose = false

    @Option(
        name: [.customShort("u"), .customLong("time-unit")],
        help: ArgumentHelp(
            "Show every time of the table and the Markdown in this unit: second, millisecond or microsecond (default: the unit that fits).",
            valueName: "unit"))
    var timeUnit: String?

    @Option(
        help: ArgumentHelp(
            "The order of the table's rows and the summary: auto (rows as measured, the summary fastest first), command (both as measured) "
                + "or mean-time (rows by mean time).", valueName: "order"))
    var sort: String?

    /// The options a report is rendered with; `color` when it goes to a terminal.
    func rendering(color: Bool) throws(BenchError) -> RenderingOptions {
        var unit: TimeUnit?
        if let timeUnit {
            guard let named = TimeUnit.named(timeUnit) else {
                throw .invalidValue("--time-unit must be second, millisecond or microsecond, not '\(TerminalText.line(timeUnit))'")
            }
            unit = named
        }
        let order = try sort.map { s throws(BenchError) in try ReportOrder.named(s, option: "--sort") } ?? .auto
        return RenderingOptions(verbose: verbose, color: color, timeUnit: unit, sort: order)
    }

    /// True when any file was asked for.
    var writesFiles: Bool { files.writesFiles }

    /// The files, checked before anything runs; the exports are of a result document.
    func destinations(inputs: [OutputFile.Input] = []) throws(BenchError) -> ReportDestinations {
        var destinations = try files.destinations(inputs: inputs, formats: Renderers.documents.map(\.name))
        destinations.rendering = try rendering(color: false)
        return destinations
    }
}
