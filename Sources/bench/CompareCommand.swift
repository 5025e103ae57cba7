import ArgumentParser
import BenchCore
import Glibc

extension Bench {
    /// `bench compare BASE.json OTHER.json...`: every run of the other documents against the
    /// baseline's, with a verdict; exit status 1 when any is significantly slower.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare result documents with a baseline (the first): medians, ratios, Welch's t-test, a verdict.",
            discussion: """
                Runs join by scenario, strategy and probe, and by compiler and -j where a file measured \
                several. A run is slower (or faster) when its median differs from the baseline's by more \
                than --threshold and Welch's t-test on the samples gives p < 0.05; else it is the same. \
                Exit status: 0 when no run is slower, 1 when one is (for CI), 2 for a usage error.
                """
        )

        @Argument(
            help: ArgumentHelp("The baseline, then one or more documents to compare with it.", valueName: "file.json"),
            completion: .file(extensions: ["json"]))
        var documents: [String] = []

        @Option(help: ArgumentHelp("Differences within this share of the baseline's median are the same (default: 5).", valueName: "percent"))
        var threshold = "5"

        @Option(
            help: ArgumentHelp("Report format: \(Renderers.comparisonNames) (default: \(Renderers.comparisons[0].name)).", valueName: "name"))
        var format: String?

        @OptionGroup
        var files: OutputOptions

        func validate() throws {
            guard documents.count >= 2 else { throw ValidationError("give the baseline and at least one document to compare with it") }
            do { _ = try Limits.threshold(threshold, "--threshold") } catch { throw ValidationError(error.description) }
            guard format.map({ Renderers.comparison(named: $0) != nil }) ?? true else {
                throw ValidationError("unknown format '\(format!)' (valid: \(Renderers.comparisonNames))")
            }
        }

        func run() throws {
            let status = compare()
            if status != 0 { throw ExitCode(status) }
        }

        private func compare() -> Int32 {
            do {
                let destinations = try files.destinations(
                    inputs: documents.enumerated().map {
                        .init(role: $0.offset == 0 ? "the baseline" : "a document compared", path: ArgumentBytes.bytes($0.element))
                    }, formats: Renderers.comparisons.map(\.name))
                var read: [BaselineComparison.File] = []
                for document in documents {
                    read.append(.init(label: TerminalText.line(ArgumentBytes.bytes(document)), document: try ResultFile.read(document)))
                }
                let comparison = BaselineComparison(files: read, threshold: try Limits.threshold(threshold, "--threshold"))
                return try BaselineOutput.write(
                    comparison, format: format.flatMap(Renderers.comparison(named:)) ?? Renderers.comparisons[0], to: destinations)
            } catch {
                Console.error("bench: error: \(error)")
                return 2
            }
        }
    }
}
