import BenchCore
import BenchTestSupport
import Foundation
import Testing

/// hyperfine's own `--export-json` files (`Fixtures/hyperfine`, real exports of hyperfine
/// 1.15.0) as baselines and as files compared: `bench compare` either way round, `bench time
/// --baseline`, `bench report`, and a damaged export.
@Suite("hyperfine's exports as baselines, with the binary", .serialized)
struct HyperfineFileTests {
    static let fixtures = repositoryRoot + "/Tests/BenchEndToEndTests/Fixtures/hyperfine/"

    /// A sandbox with the fixtures and `F`, the file the gzip ones compressed (its size, not its bytes).
    static func sandbox() throws -> Sandbox {
        var files = ["F": String(repeating: "bench and hyperfine\n", count: 50_000)]
        for name in ["sleep.json", "levels.json", "failing.json"] {
            files[name] = try String(contentsOfFile: fixtures + name, encoding: .utf8)
        }
        return try Sandbox(files)
    }

    /// `text` with what changes from run to run masked: times, ratios and p-values (#), verdicts
    /// (V), the start time and the recipe's sha256, and runs of spaces (the columns' widths follow them).
    static func masked(_ text: String) -> String {
        text.replacing(#/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/#, with: "DATE").replacing(#/time [0-9a-f]{12}/#, with: "time SHA")
            .replacing(#/< 0\.001/#, with: "#").replacing(#/\d+\.\d+/#, with: "#").replacing(
                #/\b(same|slower|faster)$/#.anchorsMatchLineEndings(), with: "V"
            )
            .replacing(#/ +/#, with: " ")
    }

    @Test func compareJoinsHyperfinesCommandsWithBenchTimesProbesEitherWayRound() async throws {
        let box = try Self.sandbox()
        let timed = await box.run(["time", "-N", "-r", "3", "-q", "sleep 0.05", "sleep 0.1", "--export-json", "b.json", "--output", "t.txt"])
        #expect(timed.exitCode == 0, "\(timed.stderr.text)")
        let r = await box.run(["compare", "sleep.json", "b.json"])
        #expect([0, 1].contains(r.exitCode) && r.stderr.text.isEmpty, "\(r.stdout.text)\(r.stderr.text)")
        var lines = Self.masked(r.stdout.text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let conclusion = lines.remove(at: 11)
        #expect(conclusion.hasPrefix("No run is slower than the baseline") || conclusion.contains("slower than the baseline: time: sleep"))
        #expect(
            lines == [
                "baseline sleep.json hyperfine --export-json (it records no host, start time or version)",
                "against b.json time SHA, bench #.0, DATE, AMD EPYC, 2 cores".replacing("AMD EPYC, 2", with: "\(HostInfo.current().cpu), 2"),
                "slower or faster: beyond 5 % of the baseline's median and p < # (Welch's t-test on the wall-time samples)", "", "time",
                "run file median ± σ vs baseline p verdict", "sleep #: serial sleep.json # ms ± # ms baseline", " b.json # ms ± # ms # ± # # V",
                "sleep #: serial sleep.json # ms ± # ms baseline", " b.json # ms ± # ms # ± # # V", "",
                "Warning: sleep.json is hyperfine's --export-json, which records no host, warm-ups, shell or options: check that the runs are alike",
                "",
            ], "\(r.stdout.text)")

        let reversed = await box.run(["compare", "b.json", "sleep.json", "--format", "json", "--plot", "c.svg", "--export-csv", "c.csv"])
        #expect([0, 1].contains(reversed.exitCode), "\(reversed.stderr.text)")
        let json = try JSONParser.parse(reversed.stdout)
        #expect(
            json["files"]?[1]
                == .object([
                    ("file", .string("sleep.json")), ("bench", .string("hyperfine")), ("started", .null), ("recipe", .null), ("cpu", .null),
                    ("cores", .null),
                ]))
        let runs = try #require(json["runs"].flatMap { if case .array(let a) = $0 { a } else { nil } })
        #expect(runs.map { $0["run"] } == [.string("sleep 0.05: serial"), .string("sleep 0.1: serial")])
        #expect(
            runs.allSatisfy {
                $0["files"]?[1]?["file"] == .string("sleep.json")
                    && $0["files"]?[1]?["samples"].map { if case .array(let a) = $0 { a.count } else { 0 } } == 5
            })
        let csv = try String(contentsOfFile: box.directory + "/c.csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 5 && csv.filter { $0.contains(",sleep.json,serial,,sleep 0.") }.count == 2, "\(csv)")
        #expect(try String(contentsOfFile: box.directory + "/c.svg", encoding: .utf8).contains(">sleep.json</text>"))
        let markdown = await box.run(["compare", "b.json", "sleep.json", "--format", "markdown"])
        #expect(markdown.stdout.text.contains("\n- Against: `sleep.json`: hyperfine --export-json (it records no host, start time or version)\n"))
    }

    @Test func benchTimeTakesAHyperfineExportAsItsBaseline() async throws {
        let box = try Self.sandbox()
        let r = await box.run(["time", "-N", "-r", "3", "-q", "sleep 0.05", "sleep 0.1", "--baseline", "sleep.json"])
        #expect([0, 1].contains(r.exitCode), "\(r.stderr.text)")
        let lines = Self.masked(r.stdout.text).split(separator: "\n").map(String.init)
        #expect(
            lines.prefix(2) == [
                "baseline sleep.json hyperfine --export-json (it records no host, start time or version)",
                "against this run time SHA, bench #.0, DATE, \(HostInfo.current().cpu), 2 cores",
            ], "\(r.stdout.text)")
        #expect(
            lines.filter { $0.hasSuffix(": serial sleep.json # ms ± # ms baseline") || $0 == " this run # ms ± # ms # ± # # V" }.count == 4,
            "\(r.stdout.text)")
    }

    @Test func parametersFailuresAndTheDefaultShellAreRead() async throws {
        let box = try Self.sandbox()
        let levels = await box.run(["report", "levels.json", "--format", "csv"])
        #expect(
            levels.exitCode == 0
                && levels.stdout.text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[2] } == [
                    "gzip -1 -c F", "gzip -9 -c F",
                ])
        // Timed with -i: the failing command is the data, as with bench time -i, not a failed run.
        let failing = await box.run(["compare", "failing.json", "failing.json"])
        #expect(failing.exitCode == 0, "\(failing.stdout.text)")
        let shown = await box.run(["report", "failing.json", "-v"])
        #expect(
            shown.stdout.text.contains(
                "from hyperfine's --export-json: each command's runs one after another, not interleaved; no host, warm-ups or version recorded\n"))
        #expect(shown.stdout.text.contains("exit 1 in 3 of 3 runs"), "\(shown.stdout.text)")
        let timed = await box.run(["time", "-r", "3", "-q", "-i", "gzip -1 -c F", "gzip -c nosuchfile", "--baseline", "failing.json"])
        #expect([0, 1].contains(timed.exitCode) && !timed.stdout.text.contains("not measured"), "\(timed.stdout.text)")
    }

    @Test func aDamagedExportIsAUsageErrorNamingTheField() async throws {
        let box = try Self.sandbox()
        let text = try String(contentsOfFile: Self.fixtures + "sleep.json", encoding: .utf8)
        try text.replacingOccurrences(of: "0.055961534,", with: "-1,").write(toFile: box.directory + "/bad.json", atomically: false, encoding: .utf8)
        try text.replacingOccurrences(of: "\"command\": \"sleep 0.1\"", with: "\"command\": null").write(
            toFile: box.directory + "/null.json", atomically: false, encoding: .utf8)
        let bad = await box.run(["compare", "sleep.json", "bad.json"])
        #expect(bad.exitCode == 2 && bad.stdout.isEmpty)
        #expect(
            bad.stderr.text
                == "bench: error: bad.json: hyperfine's --export-json: field 'results[0].times[2]': a number from 0.0 to 1000000000.0 expected, got -1.0\n"
        )
        let null = await box.run(["time", "-N", "sleep 0.05", "--baseline", "null.json"])
        #expect(null.exitCode == 2 && null.stdout.isEmpty)
        #expect(null.stderr.text == "bench: error: null.json: hyperfine's --export-json: field 'results[1].command': string expected\n")
    }
}
