import BenchCore
import Foundation
import Testing

/// hyperfine's `--export-json` read as a result document: what each field becomes, the ranges,
/// and errors that name the field.
@Suite("hyperfine's exports")
struct HyperfineExportTests {
    /// An export shaped as hyperfine 1.20 writes one (`memory_usage_byte`, a null exit code of a
    /// signalled run), with the derived figures hyperfine writes, which bench derives again.
    static let export = """
        {
          "results": [
            {
              "command": "gzip -1 -c F", "mean": 0.2, "stddev": 0.01, "median": 0.2, "user": 0.15, "system": 0.01,
              "min": 0.19, "max": 0.21, "times": [0.19, 0.2, 0.21], "memory_usage_byte": [2097152, 3145728, 2097152],
              "exit_codes": [0, 0, 0], "parameters": { "lvl": "1" }
            },
            {
              "command": "gzip -9 -c F", "mean": 0.3, "stddev": null, "median": 0.3, "user": 0.25, "system": 0.02,
              "min": 0.3, "max": 0.3, "times": [0.3, 0.31, 0.29], "exit_codes": [0, 2, null]
            }
          ]
        }
        """

    static func read(_ text: String) throws(BenchError) -> ResultDocument {
        try ResultDocument(json: try JSONParser.parse(ByteString(text)))
    }

    /// The error `text` gives, or "read" when it is read.
    static func error(_ text: String) -> String {
        do {
            _ = try read(text)
            return "read"
        } catch { return error.description }
    }

    @Test func eachResultIsASerialRunOfAProbeNamedAfterItsCommand() throws {
        let d = try Self.read(Self.export)
        #expect(d.bench == "hyperfine" && d.isHyperfineExport && d.provenance == nil && d.complete && d.host == HyperfineExport.host)
        let m = try #require(d.measurements.first)
        #expect(d.measurements.count == 1 && m.compilers.isEmpty)
        #expect(
            m.scenario
                == ScenarioSettings(
                    name: "time", description: "hyperfine --export-json", batch: .probe, probes: ["gzip -1 -c F", "gzip -9 -c F"], repeats: 1,
                    runs: 3, warmup: 0, ignoreFailure: true))
        let first = RunSummary(
            strategy: .serial, compiler: nil, probe: "gzip -1 -c F", level: .limited(1), concurrency: 1, jobs: 1,
            wall: SampleSummary([0.19, 0.2, 0.21]), childCPU: 0.16, runnerCPU: 0, longestJob: 0.2, peakRSS: 3072, cores: 1, failed: 0,
            probes: [ProbeOutcome(name: "gzip -1 -c F", ok: true)], user: 0.15, sys: 0.01, parameters: ["lvl": "1"])
        #expect(m.runs[0] == first)
        let second = m.runs[1]
        #expect(second.probe == "gzip -9 -c F" && abs(second.childCPU - 0.27) < 1e-12 && second.peakRSS == 0 && second.failed == 1)
        #expect(second.probes == [ProbeOutcome(name: "gzip -9 -c F", ok: false, failedCopies: 1, message: "exit 2 in 2 of 3 runs")])
        // Failing commands were timed with -i, so they are the data, as with bench time -i.
        #expect(m.failures.isEmpty && !m.failed(second))
    }

    @Test func anExportWithoutExitCodesOrCPUIsReadAsOlderVersionsWroteIt() throws {
        let d = try Self.read(#"{"results": [{"command": "sleep 1", "mean": 1, "times": [1, 1.01], "parameter": "1"}]}"#)
        let run = try #require(d.measurements.first?.runs.first)
        #expect(run.wall.samples == [1, 1.01] && run.childCPU == 0 && run.failed == 0 && !d.measurements[0].scenario.ignoreFailure)
    }

    @Test func writtenBackItReadsAsTheSameDocument() throws {
        let d = try Self.read(Self.export)
        let again = try ResultDocument(json: try JSONParser.parse(ByteString(d.json.serialized())))
        #expect(again == d && again.isHyperfineExport)
    }

    @Test func everyDamagedFieldIsNamed() {
        func damaged(_ old: String, _ new: String) -> String {
            Self.error(Self.export.replacingOccurrences(of: old, with: new))
        }
        let prefix = "hyperfine's --export-json: field "
        #expect(
            damaged("[0.3, 0.31, 0.29]", "[0.3, -0.31, 0.29]") == prefix
                + "'results[1].times[1]': a number from 0.0 to 1000000000.0 expected, got -0.31")
        #expect(
            damaged("[0.3, 0.31, 0.29]", "[0.3, 2e9, 0.29]") == prefix
                + "'results[1].times[1]': a number from 0.0 to 1000000000.0 expected, got 2000000000.0")
        #expect(damaged("[0.3, 0.31, 0.29]", "[0.3, \"0.31\", 0.29]") == "hyperfine's --export-json: 'results[1].times[1]': number expected")
        #expect(damaged("[0.3, 0.31, 0.29]", "[]") == prefix + "'results[1].times': from 1 to 100000 samples expected, got 0")
        #expect(damaged("\"times\": [0.3", "\"tames\": [0.3") == prefix + "'results[1].times' is missing")
        #expect(damaged("\"user\": 0.25", "\"user\": -1") == prefix + "'results[1].user': a number from 0.0 to 1000000000.0 expected, got -1.0")
        #expect(damaged("[0, 2, null]", "[0, 2]") == prefix + "'results[1].exit_codes': one per time (3) expected, got 2")
        #expect(damaged("[0, 2, null]", "[0, 2.5, null]") == prefix + "'results[1].exit_codes[1]': an exit status (a whole number) or null expected")
        #expect(
            damaged("[0, 2, null]", "[0, 4294967296, null]") == prefix
                + "'results[1].exit_codes[1]': an exit status (a whole number) or null expected")
        #expect(
            damaged("3145728", "-3145728") == prefix
                + "'results[0].memory_usage_byte[1]': a whole number of bytes from 0 to 1125899906842624 expected")
        #expect(damaged("\"command\": \"gzip -9 -c F\"", "\"command\": 9") == prefix + "'results[1].command': string expected")
        #expect(Self.error(#"{"results": []}"#) == prefix + "'results': at least one command's result expected")
        #expect(Self.error(#"{"results": {}}"#) == prefix + "'results': list expected")
        #expect(Self.error(#"{"times": [1]}"#) == "not a result document: bench's has a field 'schema', hyperfine's --export-json a field 'results'")
    }

    @Test func aComparisonSaysWhichFileIsHyperfinesAndWarnsOnceOfWhatItLacks() throws {
        let hyperfine = try Self.read(Self.export)
        var bench = hyperfine
        bench.bench = "0.5.0"
        bench.host = HostInfo(os: "Linux", kernel: "6.1", cpu: "AMD EPYC", cores: 2)
        bench.provenance = Provenance(recipe: Recipe(name: "time", path: "time.lua", summary: nil, sha256: "ab"), started: "2026-12-05T19:40:51Z")
        let c = BaselineComparison(files: [.init(label: "h.json", document: hyperfine), .init(label: "b.json", document: bench)], threshold: 0.05)
        #expect(c.rows.map(\.key.label) == ["gzip -1 -c F: serial", "gzip -9 -c F: serial"] && c.rows.allSatisfy { $0.cells[1]?.verdict == .same })
        #expect(
            c.warnings == ["h.json is hyperfine's --export-json, which records no host, warm-ups, shell or options: check that the runs are alike"])
        let table = BaselineTable().render(c, color: false).split(separator: "\n").prefix(2)
        #expect(
            table == [
                "baseline h.json  hyperfine --export-json (it records no host, start time or version)",
                "against  b.json  time ab, bench 0.5.0, 2026-12-05T19:40:51Z, AMD EPYC, 2 cores",
            ])
        let files = c.json["files"]
        #expect(files?[0]?["cpu"] == .null && files?[0]?["cores"] == .null && files?[0]?["bench"] == .string("hyperfine"))
        #expect(files?[1]?["cores"] == .int(2))
    }
}
