import ArgumentParser
import BenchCore

/// Where reports go besides stdout: the options every reporting command shares.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Write the report to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Also write an SVG chart to this file.", valueName: "file.svg"))
    var plot: String?

    @Option(
        name: .customLong("export"),
        help: ArgumentHelp(
            "Also write the report in another format to a file (repeatable), usually typed --export-FORMAT FILE "
                + "(--export-json results.json); FORMAT is any name --format takes.",
            valueName: "format=file"))
    var exports: [String] = []

    /// True when any file was asked for.
    var writesFiles: Bool { output != nil || plot != nil || !exports.isEmpty }

    /// The file `--export-NAME` names, if it was given (the last, if given twice).
    func export(named name: String) -> String? {
        exports.compactMap(Self.split).last(where: { $0.format == name })?.file
    }

    /// The files, checked before anything runs: each export names one of `formats`, each file
    /// can be written, no two are the same file, and none is one of the command's `inputs`,
    /// which writing it would replace.
    func destinations(inputs: [OutputFile.Input] = [], formats: [String]) throws(BenchError) -> ReportDestinations {
        func file(_ path: String?, _ option: String) throws(BenchError) -> OutputFile? {
            try path.map { p throws(BenchError) in try OutputFile(ArgumentBytes.bytes(p), option: option) }
        }
        var exported: [(format: String, file: OutputFile)] = []
        for export in exports {
            guard let (format, path) = Self.split(export), formats.contains(format) else {
                let format = Self.split(export)?.format ?? export
                throw .invalidValue("--export-\(format): no such format (valid: \(formats.joined(separator: ", ")))")
            }
            guard !path.isEmpty else { throw .invalidValue("--export-\(format) needs a file") }
            exported.append((format, try OutputFile(ArgumentBytes.bytes(path), option: "--export-\(format)")))
        }
        let destinations = ReportDestinations(report: try file(output, "--output"), plot: try file(plot, "--plot"), exports: exported)
        try OutputFile.checkDistinct(destinations.all)
        try OutputFile.checkNotInputs(destinations.all, inputs)
        return destinations
    }

    /// `FORMAT=FILE` as its two parts.
    private static func split(_ export: String) -> (format: String, file: String)? {
        guard let equals = export.firstIndex(of: "=") else { return nil }
        return (String(export[..<equals]), String(export[export.index(after: equals)...]))
    }
}

extension OutputOptions {
    /// The arguments with each `--export-FORMAT FILE` or `--export-FORMAT=FILE` (hyperfine's
    /// spelling) made `--export FORMAT=FILE`, up to a `--`: the parser knows only fixed option
    /// names, and the formats come from `Renderers`. Other `--export-` options (`--export-recipe`,
    /// or a format no command has) are left to the parser.
    static func joiningExports(_ arguments: [String]) -> [String] {
        let formats = Set(Renderers.documents.map(\.name) + Renderers.comparisons.map(\.name))
        var out: [String] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if argument == "--" { return out + arguments[i...] }
            i += 1
            let named = argument.dropFirst("--export-".count)
            let format = named.prefix { $0 != "=" }
            guard argument.hasPrefix("--export-"), formats.contains(String(format)) else {
                out.append(argument)
                continue
            }
            if named.contains("=") {
                out += ["--export", String(named)]
            } else if i < arguments.count, arguments[i] != "--" {
                out += ["--export", named + "=" + arguments[i]]
                i += 1
            } else {
                out += ["--export", named + "="]
            }
        }
        return out
    }
}
