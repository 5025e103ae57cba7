import BenchCore
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Every renderer's whole output for fixed documents, held in `Golden/`: a changed cell shows as
/// a failing line, where a test that looks for one figure (`contains("2.000")`) would pass. After
/// a deliberate change, `BENCH_UPDATE_GOLDEN=1 swift test --filter GoldenTests` rewrites the
/// files; the diff of `Golden/` is then the change to review.
@Suite("Golden outputs")
struct GoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").path

    /// Two scenarios: a compiler's batch at two levels (serial, async, threads), and one-probe
    /// batches of plain commands.
    static let document: ResultDocument = {
        var levels = Fixture.result([
            Fixture.run(.serial, samples: [4.0, 4.1, 3.9], level: .limited(1)),
            Fixture.run(.async, samples: [4.1, 4.0, 4.2], concurrency: 1, level: .limited(1)),
            Fixture.run(.async, samples: [2.1, 1.9, 2.0]),
            Fixture.run(.threads, samples: [2.2, 2.0, 2.1]),
        ])
        levels.scenario.name = "fortran-levels"
        return Fixture.document(levels, Fixture.standard())
    }()

    /// Three commands timed as `bench time` times them (serial, one run each per batch, no
    /// compiler), from microseconds to a tenth of a second: each row in the unit that fits it.
    static let commands: ResultDocument = {
        func command(_ name: ByteString, _ samples: [Double]) -> RunSummary {
            RunSummary(
                strategy: .serial, compiler: nil, probe: name, level: .limited(1), concurrency: 1, jobs: 1, wall: SampleSummary(samples),
                childCPU: SampleSummary(samples).median * 0.8, runnerCPU: 0.00004, longestJob: samples.max() ?? 0,
                peakRSS: 3_000, cores: 2, failed: 0, probes: [ProbeOutcome(name: name, ok: true)], user: SampleSummary(samples).median * 0.6,
                sys: SampleSummary(samples).median * 0.2)
        }
        var settings = ScenarioSettings(name: "time", batch: .probe, probes: ["true", "ls /", "sleep 0.1"], repeats: 1, runs: 4, warmup: 0)
        settings.discardsOutput = true
        let runs = [
            command("true", [0.00061, 0.00058, 0.00064, 0.00060]), command("ls /", [0.00095, 0.00102, 0.00098, 0.00093]),
            command("sleep 0.1", [0.1012, 0.1009, 0.1015, 0.1011]),
        ]
        return Fixture.document(Measurement(scenario: settings, compilers: [], runs: runs))
    }()

    @Test(arguments: ["table", "markdown", "csv"])
    func commandsInTheUnitThatFits(format: String) throws {
        try expectGolden("commands.\(format)", Renderers.document(named: format)!.render(Self.commands, options: RenderingOptions()))
        if format == "table" { try expectGolden("commands.svg", SVGChart.render(Self.commands)) }
    }

    /// The commands slowest first, with `ls /` the one compared with (`--reference`), in each `--sort` order.
    @Test(arguments: ReportOrder.allCases)
    func commandsInEachSortOrder(order: ReportOrder) throws {
        var document = Self.commands
        document.measurements[0].runs.reverse()
        document.measurements[0].scenario.probes.reverse()
        document.measurements[0].scenario.relativeTo = "ls /"
        let options = RenderingOptions(sort: order)
        try expectGolden("commands.sort-\(order.rawValue).table", TableReport().render(document, options: options))
        try expectGolden("commands.sort-\(order.rawValue).markdown", MarkdownReport().render(document, options: options))
    }

    /// The document against a copy whose async runs took 25 % longer.
    static let comparison: BaselineComparison = {
        var slower = document
        for m in slower.measurements.indices {
            for r in slower.measurements[m].runs.indices where slower.measurements[m].runs[r].strategy == .async {
                let samples = slower.measurements[m].runs[r].wall.samples.map { $0 * 1.25 }
                slower.measurements[m].runs[r].wall = SampleSummary(samples)
            }
        }
        return BaselineComparison(
            files: [.init(label: "main.json", document: document), .init(label: "branch.json", document: slower)], threshold: 0.05)
    }()

    @Test(arguments: Renderers.documents.map(\.name))
    func aDocumentInEveryFormat(format: String) throws {
        try expectGolden("document.\(format)", Renderers.document(named: format)!.render(Self.document, options: RenderingOptions()))
    }

    @Test func aDocumentVerboseAndAsAChart() throws {
        try expectGolden("document.verbose.table", TableReport().render(Self.document, options: RenderingOptions(verbose: true)))
        try expectGolden("document.svg", SVGChart.render(Self.document))
    }

    @Test(arguments: Renderers.comparisons.map(\.name))
    func aComparisonInEveryFormat(format: String) throws {
        try expectGolden("comparison.\(format)", Renderers.comparison(named: format)!.render(Self.comparison, color: false))
    }

    @Test func aComparisonAsAChart() throws {
        let svg = BaselineChart.render(Self.comparison)
        try expectGolden("comparison.svg", svg)
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "the SVG is not well-formed XML")
    }

    /// Compares `text` with the golden file `name`, naming the first line that differs.
    private func expectGolden(_ name: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = Self.directory + "/" + name
        if ProcessInfo.processInfo.environment["BENCH_UPDATE_GOLDEN"] != nil {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOfFile: path, encoding: .utf8)
        guard golden != text else { return }
        let (want, got) = (golden.components(separatedBy: "\n"), text.components(separatedBy: "\n"))
        let line = zip(want, got).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(want.count, got.count)
        Issue.record(
            "\(name) differs from Golden/\(name) at line \(line + 1):\n  golden: \(line < want.count ? want[line] : "(end)")\n  now:    \(line < got.count ? got[line] : "(end)")",
            sourceLocation: sourceLocation)
    }
}
