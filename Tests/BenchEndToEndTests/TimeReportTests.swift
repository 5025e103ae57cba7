import BenchCore
import BenchTestSupport
import Foundation
import Testing

/// What `bench time` shows and keeps of each command, as hyperfine does.
@Suite("bench time reports", .serialized)
struct TimeReportTests {
    /// The runs of the first measurement of the document `file` in `box`.
    func runs(_ box: Sandbox, _ file: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: box.directory + "/" + file))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require((object["measurements"] as? [[String: Any]])?.first?["runs"] as? [[String: Any]])
    }

    @Test func eachCommandsUserAndSystemTimeAreKeptAndShownAsHyperfineShowsThem() async throws {
        let box = try Sandbox([:])
        let busy = "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done"
        let r = await box.run(["time", "-N", "-r", "3", "-n", "busy", "sh -c '\(busy)'", "--format", "json", "--output", "t.json"])
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let run = try #require(try runs(box, "t.json").first)
        let (user, sys, cpu) = (run["user_s"] as? Double ?? -1, run["sys_s"] as? Double ?? -1, run["child_cpu_s"] as? Double ?? -1)
        #expect(user > 0.001 && sys >= 0 && abs(user + sys - cpu) < cpu * 0.5, "\(run)")
        let table = await box.run(["report", "t.json"])
        let row = try #require(table.stdout.text.split(separator: "\n").first { $0.hasPrefix("busy ") })
        #expect(row.contains(#/   User: \d+\.\d+ (s|ms|µs), System: \d+\.\d+ (s|ms|µs)   /#), "\(table.stdout.text)")
        // A document from before bench kept them shows the sum, as it did.
        let text = try String(contentsOfFile: box.directory + "/t.json", encoding: .utf8)
        let old = text.split(separator: "\n").filter { !$0.contains("\"user_s\"") && !$0.contains("\"sys_s\"") }.joined(separator: "\n")
        try old.write(toFile: box.directory + "/old.json", atomically: true, encoding: .utf8)
        let oldTable = await box.run(["report", "old.json"])
        #expect(oldTable.exitCode == 0 && !oldTable.stdout.text.contains("User:"), "\(oldTable.stdout.text)\(oldTable.stderr.text)")
        let again = await box.run(["report", "old.json", "--format", "json"])
        #expect(again.stdout.text == old + "\n" || again.stdout.text == old)
    }

    @Test func eachCommandKeepsItsParameterValuesInTheDocumentAsHyperfineDoes() async throws {
        let box = try Sandbox(["levels.json": try String(contentsOfFile: HyperfineFileTests.fixtures + "levels.json", encoding: .utf8)])
        let r = await box.run([
            "time", "-r", "1", "-L", "lvl", "1,9", "-P", "n", "1", "2", "echo {lvl} {n}", "--export-recipe", "p.lua", "--format", "json", "--output",
            "t.json",
        ])
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let expected = [["lvl": "1", "n": "1"], ["lvl": "9", "n": "1"], ["lvl": "1", "n": "2"], ["lvl": "9", "n": "2"]]
        #expect(try runs(box, "t.json").map { $0["parameters"] as? [String: String] ?? [:] } == expected)
        let text = try String(contentsOfFile: box.directory + "/t.json", encoding: .utf8)
        #expect(
            text.contains(
                "\"probe\": \"echo 1 1\",\n          \"parameters\": {\n            \"lvl\": \"1\",\n            \"n\": \"1\"\n          },\n"))
        let again = await box.run(["report", "t.json", "--format", "json"])
        #expect(again.stdout.text == text)
        let run = await box.run(["run", "p.lua", "-q", "--format", "json", "--output", "run.json"])
        #expect(run.exitCode == 0, "\(run.stderr.text)")
        #expect(try runs(box, "run.json").map { $0["parameters"] as? [String: String] ?? [:] } == expected)
        // Without parameters, no field; hyperfine's own export keeps its values.
        _ = await box.run(["time", "-r", "1", "true", "--format", "json", "--output", "plain.json"])
        #expect(try runs(box, "plain.json").allSatisfy { $0["parameters"] == nil })
        let hyperfine = await box.run(["report", "levels.json", "--format", "json", "--output", "h.json"])
        #expect(hyperfine.exitCode == 0, "\(hyperfine.stderr.text)")
        #expect(try runs(box, "h.json").compactMap { $0["parameters"] as? [String: String] }.count == 2)
    }

    @Test func aReferenceIsTimedFirstAndTheOthersAreComparedWithIt() async throws {
        let box = try Sandbox(["bad.lua": "return { probes = { { name = 'a', command = { 'true' } } }, relative_to = 'b' }"])
        let r = await box.run([
            "time", "-N", "-r", "3", "--reference", "sleep 0.3", "sleep 0.01", "sleep 0.9", "--export-recipe", "r.lua", "--format", "json",
            "--output", "t.json",
        ])
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        #expect(try runs(box, "t.json").compactMap { $0["probe"] as? String } == ["sleep 0.3", "sleep 0.01", "sleep 0.9"])
        // Sleeps far apart: under the parallel tests' load a sleep overshoots by tens of
        // milliseconds, and 0.01 s once read slower than 0.05 s over three runs.
        let table = await box.run(["report", "t.json"])
        let summary = table.stdout.text.split(separator: "\n").drop { $0 != "Summary" }.prefix(4).map {
            $0.replacing(#/\d+\.\d\d ± \d+\.\d\d/#, with: "#")
        }
        #expect(
            summary == ["Summary", "  sleep 0.3 ran", "    # times slower than sleep 0.01", "    # times faster than sleep 0.9"],
            "\(table.stdout.text)")
        let run = await box.run(["run", "r.lua", "-q", "-r", "1", "--format", "json", "--output", "run.json"])
        #expect(run.exitCode == 0, "\(run.stderr.text)")
        for file in ["t.json", "run.json"] {
            let text = try String(contentsOfFile: box.directory + "/" + file, encoding: .utf8)
            #expect(text.contains("\"relative_to\": \"sleep 0.3\""), "\(file)")
        }
        let bad = await box.run(["run", "bad.lua"])
        #expect(
            bad.exitCode == 2 && bad.stderr.text.contains("relative_to names the probe the others are compared with: 'b' is not"),
            "\(bad.stderr.text)")
    }

    @Test func theStyleSaysWhetherTheTableIsColouredDrawnOrPrintedAtAll() async throws {
        let box = try Sandbox([:])
        let escape = "\u{1B}["
        for (style, printed, coloured, progress) in [
            ("none", false, false, false), ("basic", true, false, false), ("nocolor", true, false, false), ("color", true, true, false),
            ("full", true, true, true), ("auto", true, false, false),
        ] {
            let r = await box.run(["time", "-N", "-r", "2", "--style", style, "true", "--export-json", "\(style).json"])
            #expect(r.exitCode == 0, "\(style): \(r.stderr.text)")
            #expect(r.stdout.text.contains("Summary") == false && r.stdout.text.contains("true ") == printed, "\(style): \(r.stdout.text)")
            #expect(r.stdout.text.contains(escape) == coloured, "\(style): \(r.stdout.text)")
            #expect(r.stderr.text.contains("\r" + escape + "2K") == progress, "\(style): \(r.stderr.text)")
            #expect(FileManager.default.fileExists(atPath: box.directory + "/\(style).json"), "\(style)")
        }
        let bad = await box.run(["time", "--style", "fancy", "true"])
        #expect(
            bad.exitCode == 2 && bad.stderr.text.hasPrefix("Error: --style must be one of auto, basic, full, nocolor, color, none, not 'fancy'\n"))
    }

    @Test func theSortOrdersTheRowsAndTheSummary() async throws {
        let box = try Sandbox([:])
        let commands = ["sleep 0.1", "sleep 0.01"]
        let cases: [(String, [String], String)] = [
            ("auto", commands, "Summary"), ("command", commands, "Relative speed comparison"), ("mean-time", commands.reversed(), "Summary"),
        ]
        for (order, rows, heading) in cases {
            let r = await box.run(["time", "-N", "-r", "2", "--sort", order] + commands)
            #expect(r.exitCode == 0, "\(order): \(r.stderr.text)")
            let lines = r.stdout.text.split(separator: "\n").map(String.init)
            #expect(
                lines.filter { $0.hasPrefix("sleep ") }.map { String($0.prefix(10)) }
                    == rows.map { $0.padding(toLength: 10, withPad: " ", startingAt: 0) })
            #expect(lines.contains(heading), "\(order): \(r.stdout.text)")
        }
        let bad = await box.run(["time", "--sort", "name", "true"])
        #expect(
            bad.exitCode == 2 && bad.stderr.text == "bench: error: --sort must be one of auto, command, mean-time, not 'name'\n",
            "\(bad.stderr.text)")
    }
}
