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

    /// True when any file was asked for.
    var writesFiles: Bool { files.writesFiles }

    /// The files, checked before anything runs; the exports are of a result document.
    func destinations(inputs: [OutputFile.Input] = []) throws(BenchError) -> ReportDestinations {
        try files.destinations(inputs: inputs, formats: Renderers.documents.map(\.name))
    }
}
