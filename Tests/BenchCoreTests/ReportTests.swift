import BenchCore
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Reports")
struct ReportTests {
    let result = Fixture.standard()

    func render(_ format: String, verbose: Bool = false, color: Bool = false) -> String {
        Renderers.document(named: format)!.render(Fixture.document(result), options: RenderingOptions(verbose: verbose, color: color))
    }

    @Test func jsonHoldsEveryDocumentedField() throws {
        let text = render("json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["bench"] as? String == "9.9.9")
        #expect(object["schema"] as? Int == 2)
        #expect(object["complete"] as? Bool == true)
        let host = try #require(object["host"] as? [String: Any])
        #expect(
            host["os"] as? String == "Linux" && host["kernel"] as? String == "6.1" && host["cpu"] as? String == "Test CPU"
                && host["cores"] as? Int == 2)
        let measurement = try #require((object["measurements"] as? [[String: Any]])?.first)
        let scenario = try #require(measurement["scenario"] as? [String: Any])
        for key in ["name", "batch", "probes", "repeats", "jobs_per_batch", "runs", "warmup", "interleaved", "timeout_s"] {
            #expect(scenario[key] != nil, "scenario.\(key)")
        }
        let compilers = try #require(measurement["compilers"] as? [[String: Any]])
        #expect(compilers.first?["path"] as? String == "/usr/bin/gfortran")
        let runs = try #require(measurement["runs"] as? [[String: Any]])
        #expect(runs.count == 2)
        let async = runs[0]
        for key in [
            "strategy", "compiler", "probe", "level", "concurrency", "jobs", "wall_s", "child_cpu_s", "runner_cpu_s", "runner_cpu_share",
            "longest_job_s", "peak_rss_kib", "ideal_s", "efficiency", "speedup_vs_serial", "relative_to_fastest", "failed", "probes",
        ] {
            #expect(async[key] != nil, "runs[].\(key)")
        }
        let wall = try #require(async["wall_s"] as? [String: Any])
        #expect(wall["samples"] as? [Double] == [2.1, 1.9, 2.0])
        #expect(wall["median"] as? Double == 2.0 && wall["min"] as? Double == 1.9 && wall["max"] as? Double == 2.1)
        #expect(async["efficiency"] as? Double == 1.0)  // ideal 4 / 2 = 2 = median
        #expect(async["speedup_vs_serial"] as? Double == 2.0)
        let probes = try #require(async["probes"] as? [[String: Any]])
        #expect(probes.map { $0["ok"] as? Bool } == [true, false])
    }

    @Test func jsonEscapesWhatItMust() throws {
        let value = JSONValue.object([
            ("s", .string("quote \" backslash \\ newline \n tab \t bell \u{7}")), ("n", .number(.nan)), ("x", .number(1e-7)),
        ])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(value.serialized().utf8)) as? [String: Any])
        #expect(parsed["s"] as? String == "quote \" backslash \\ newline \n tab \t bell \u{7}")
        #expect(parsed["n"] is NSNull)
        #expect(parsed["x"] as? Double == 1e-7)
    }

    @Test func csvHasOneRowPerRunAndTheSpeedups() {
        let lines = render("csv").split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == Substring(CSVReport.header.joined(separator: ",")))
        #expect(
            lines[1].hasPrefix(
                "fortran,gfortran,,async,2,16,3,1.900000,2.000000,2.000000,0.100000,2.100000,4.000000,0.200000,2.000000,1.0000,2.0000,1.0000,6"))
        #expect(lines[2].hasPrefix("fortran,gfortran,,serial,1,16,3,"))
    }

    /// What the golden files (`GoldenTests`) cannot show: colour only where asked for, and the
    /// failing probes' messages only under -v.
    @Test func tableColoursOnlyWhenAskedAndShowsMessagesUnderVerbose() {
        #expect(!render("table").contains("\u{1B}["))
        #expect(render("table", color: true).contains("\u{1B}[32m"))
        #expect(!render("table").contains("Error: bad") && render("table", verbose: true).contains("      Error: bad"))
    }

    @Test func aScanGetsAScalingTable() {
        let scan = Fixture.result([
            Fixture.run(.async, samples: [4.0], concurrency: 1, level: .limited(1)),
            Fixture.run(.serial, samples: [4.2], level: .limited(1)),
            Fixture.run(.async, samples: [2.0], concurrency: 2, level: .limited(2)),
        ])
        let text = TableReport().render(Fixture.document(scan), options: RenderingOptions())
        #expect(text.contains("scaling (median wall)      -j 1      -j 2"))
        #expect(text.contains("async                   4.000 s   2.000 s"))
        #expect(text.contains("serial (runs once)      4.200 s   4.200 s"))
        #expect(SVGChart.render(Fixture.document(scan)).contains("<polyline"))
    }

    @Test func theChartIsWellFormedSVGWithBarsWhiskersAndTheIdeal() throws {
        let svg = SVGChart.render(Fixture.document(result))
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = ElementCollector()
        parser.delegate = collector
        #expect(parser.parse(), "the SVG is not well-formed XML")
        #expect(collector.names.first == "svg")
        #expect(collector.names.filter { $0 == "rect" }.count == 5)  // background, two bars, two legend keys
        #expect(svg.contains("stroke-dasharray=\"5,3\""))  // the ideal lines
        #expect(svg.contains(">wall time per batch (s)</text>"))
        #expect(svg.contains(">async</text>") && svg.contains(">serial</text>") && svg.contains(">gfortran</text>"))
    }
}

final class ElementCollector: NSObject, XMLParserDelegate {
    var names: [String] = []
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:])
    {
        names.append(name)
    }
}
