import BenchCore
import BenchTestSupport
import Foundation
import Testing

/// A scenario of every shape a configure step has: a link check, a preprocess-only check, a
/// per-probe flag, a header probe named as Meson names it, a failing check, and two plain commands.
let mixedScenario = """
    return {
      name = "mixed", compilers = { "gcc" }, repeats = 2,
      probes = {
        { name = "cos links", source = "#include <math.h>\\nint main(int c, char **v){ return (int)cos(c); }", libs = { "-lm" } },
        { name = "sys/inotify.h", source = "#include <sys/inotify.h>\\nint main(void){ return 0; }" },
        { name = "stdio.h -E", source = "#include <stdio.h>", command = { "{compiler}", "-E", "{source}", "-o", "{output}" } },
        { name = "-DWANT", source = "#ifndef WANT\\n#error no flag\\n#endif\\nint main(void){ return 0; }", flags = { "-DWANT=1" } },
        { name = "no_such.h", source = "#include <no_such.h>\\nint main(void){ return 0; }" },
        { name = "true", command = { "true" } },
        { name = "false", command = { "false" } },
      },
    }
    """

@Suite("Scenario shapes and saved reports", .serialized)
struct ScenarioShapeTests {
    func file(_ dir: String, _ name: String) throws -> String { try String(contentsOfFile: dir + "/" + name, encoding: .utf8) }

    @Test func everyShapeRunsWithEveryStrategyAndEveryFormatComesOut() async throws {
        let dir = try scratch(["mixed.lua": mixedScenario])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await bench(
            [
                "run", "mixed.lua", "-r", "2", "-w", "0", "--output", "table.txt", "--export-json", "m.json",
                "--export-csv", "m.csv", "--export-markdown", "m.md", "--plot", "m.svg",
            ], in: dir)
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try file(dir, "m.json").utf8)) as? [String: Any])
        let runs = try #require((object["measurements"] as? [[String: Any]])?.first?["runs"] as? [[String: Any]])
        #expect(runs.map { $0["strategy"] as? String } == ["async", "threads", "processes", "serial"])
        for run in runs {
            let probes = try #require(run["probes"] as? [[String: Any]])
            let outcomes = probes.map { "\($0["name"] as? String ?? "?")=\($0["ok"] as? Bool == true)" }
            #expect(
                outcomes == ["cos links=true", "sys/inotify.h=true", "stdio.h -E=true", "-DWANT=true", "no_such.h=false", "true=true", "false=false"])
            #expect(run["jobs"] as? Int == 14 && run["failed"] as? Int == 4)
        }
        let table = try file(dir, "table.txt")
        #expect(table.contains("probes: 5 of 7 compile, the same with every strategy"))
        #expect(table.contains("failing: no_such.h, false (-v shows why)"))
        #expect(try file(dir, "m.csv").split(separator: "\n").count == 5)
        #expect(try file(dir, "m.md").contains("| Compiler | Strategy | -j |"))
        #expect(try file(dir, "m.svg").hasPrefix("<?xml"))
    }

    @Test(arguments: [
        ("table", "table.txt", [String]()), ("markdown", "m.md", []), ("csv", "m.csv", []), ("json", "m.json", []), ("study", "s.txt", ["-v"]),
    ])
    func aSavedDocumentShowsAgainByteForByte(format: String, file name: String, flags: [String]) async throws {
        let dir = try scratch(["c.lua": cScenario])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let exports = ["--export-json", "m.json", "--export-csv", "m.csv", "--export-markdown", "m.md", "--plot", "m.svg"]
        let first = name == "m.json" || name == "m.csv" || name == "m.md" ? ["--output", "table.txt"] : ["--format", format, "--output", name]
        let r = await bench(["run", "c.lua", "-r", "2", "-w", "0"] + flags + first + exports, in: dir)
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let again = await bench(["report", "m.json", "--format", format] + flags, in: dir)
        #expect(again.exitCode == 0, "\(again.stderr.text)")
        #expect(again.stdout.text == (try file(dir, name)), "\(format)")
        let chart = await bench(["report", "m.json", "--format", "csv", "--plot", "again.svg"], in: dir)
        #expect(chart.exitCode == 0)
        #expect(try file(dir, "again.svg") == (try file(dir, "m.svg")))
    }

    @Test func theGzipRecipeComparesTwoCommandsAsHyperfineDoes() async throws {
        let dir = try scratch([:])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await bench(
            [
                "run", repositoryRoot + "/scripts/gzip.lua", "-r", "3", "-w", "1", "--export-json", "g.json",
                "--export-markdown", "g.md", "--plot", "g.svg",
            ], in: dir)
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let text = r.stdout.text
        #expect(text.hasPrefix("gzip: 2 commands; 3 timed runs after 1 warm-up, interleaved in rotating order\n"))
        let header = text.split(separator: "\n").first { $0.hasPrefix("command ") }.map {
            $0.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        #expect(header == ["command", "wall (median ± σ)", "range (min … max)", "child CPU", "bench CPU"], "\(text)")
        #expect(text.contains(try Regex("  gzip -[69] ran\n    \\d+\\.\\d\\d ± \\d+\\.\\d\\d times faster than gzip -[69]")))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try file(dir, "g.json").utf8)) as? [String: Any])
        let runs = try #require((object["measurements"] as? [[String: Any]])?.first?["runs"] as? [[String: Any]])
        #expect(runs.map { $0["probe"] as? String } == ["gzip -6", "gzip -9"])
        #expect(runs.allSatisfy { (($0["wall_s"] as? [String: Any])?["samples"] as? [Double])?.count == 3 })
        #expect(try file(dir, "g.md").contains(try Regex(" ran \\d+\\.\\d\\d ± \\d+\\.\\d\\d times faster than gzip -[69]\\.")))
        #expect(try file(dir, "g.svg").contains(">gzip -9</text>"))
    }

    @Test func aScriptThatMeasuresTwiceWritesOneDocument() async throws {
        let dir = try scratch([
            "twice.lua": """
            local a = bench.measure{ name = "one", probes = { { name = "t", command = { "true" } } }, strategies = { "serial" }, runs = 2, warmup = 0 }
            assert(a.measurements[1].runs[1].wall_s.median > 0)
            local b = bench.measure{ name = "two", probes = { { name = "f", command = { "false" } } }, strategies = { "async" }, runs = 1, warmup = 0, ignore_failure = true }
            print(#a.measurements, a.measurements[1].scenario.name, b.measurements[1].runs[1].probes[1].ok)
            """,
            "none.lua": "print('no measurement')",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await bench(["run", "twice.lua", "--format", "json", "--output", "out.json"], in: dir)
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        #expect(r.stdout.text == "1\tone\tfalse\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try file(dir, "out.json").utf8)) as? [String: Any])
        let measurements = try #require(object["measurements"] as? [[String: Any]])
        #expect(measurements.map { ($0["scenario"] as? [String: Any])?["name"] as? String } == ["one", "two"])
        let plain = await bench(["run", "twice.lua"], in: dir)
        #expect(plain.exitCode == 0 && plain.stdout.text == "1\tone\tfalse\n")  // no report unless asked for
        let none = await bench(["run", "none.lua", "--output", "none.json"], in: dir)
        #expect(none.exitCode == 2)
        #expect(none.stderr.text.hasPrefix("bench: error: the script measured nothing"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/none.json"))
    }

    @Test func aMisspeltProbeFieldExitsTwoNamingIt() async throws {
        let dir = try scratch([
            "typo.lua": "return { compilers = { 'gcc' }, probes = { { name = 'm', source = 'int main(void){return 0;}', flgs = { '-Wall' } } } }"
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await bench(["run", "typo.lua"], in: dir)
        #expect(r.exitCode == 2)
        #expect(
            r.stderr.text
                == "bench: error: typo.lua: scenario: probes[1]: unknown field 'flgs' (valid: name, source, flags, libs, ext, launcher, command, expected, files, cwd, stdin, stdin_file, env, setup, prepare, conclude, cleanup, parameters)\n"
        )
    }

    /// A probe that declares the outcome it should have and has the other one fails the run, as a
    /// disagreement between strategies does: a CI gate on a replayed log must not pass it.
    @Test func anOutcomeOtherThanTheExpectedOneExitsOneNamingTheProbe() async throws {
        let dir = try scratch([
            "expect.lua": """
            return { name = "expect", probes = {
              { name = "fine", command = { "true" }, expected = true },
              { name = "should fail", command = { "true" }, expected = false },
              { name = "should pass", command = { "sh", "-c", "echo 'no such thing' >&2; exit 1" }, expected = true },
            } }
            """
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await bench(["run", "expect.lua", "-r", "1", "-w", "0", "--strategy", "serial", "--export-json", "e.json"], in: dir)
        #expect(r.exitCode == 1, "\(r.stdout.text)\(r.stderr.text)")
        #expect(
            r.stderr.text == """
                bench: 2 probes had another outcome than the one they expected:
                  probe 'should fail' was expected to fail, and succeeded
                  probe 'should pass' was expected to succeed, and failed: no such thing

                """)
        #expect(FileManager.default.fileExists(atPath: dir + "/e.json"))
    }

    /// A run whose every job failed measured nothing but failures: a CI gate must not pass it
    /// (issue 25, item 18: a command comparison whose input file is missing exited 0).
    @Test func aRunWhoseEveryJobFailedExitsOne() async throws {
        let dir = try scratch([
            "fails.lua": """
            return { name = "fails", probes = { { name = "cat", command = { "cat", "no-such-input" } } } }
            """
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await bench(["run", "fails.lua", "-r", "1", "-w", "0", "--strategy", "serial", "--export-json", "f.json"], in: dir)
        #expect(r.exitCode == 1, "\(r.stdout.text)\(r.stderr.text)")
        #expect(
            r.stderr.text == """
                bench: every job failed in 1 run; its timings measure failures:
                  cat: serial: every job failed: cat: no-such-input: No such file or directory

                """)
        #expect(r.stdout.text.contains("Error: cat: serial: every job failed: cat: no-such-input: No such file or directory\n"), "\(r.stdout.text)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/f.json"))) as? [String: Any])
        #expect(json["failures"] as? [String] == ["cat: serial: every job failed: cat: no-such-input: No such file or directory"])

        // Failures that are the scenario's data (hyperfine's --ignore-failure) fail nothing.
        try "return { name = 'data', ignore_failure = true, probes = { { name = 'cat', command = { 'cat', 'no-such-input' } } } }"
            .write(toFile: dir + "/data.lua", atomically: false, encoding: .utf8)
        let data = await bench(["run", "data.lua", "-r", "1", "-w", "0", "--strategy", "serial", "--export-json", "d.json"], in: dir)
        #expect(data.exitCode == 0, "\(data.stdout.text)\(data.stderr.text)")
        #expect(data.stderr.text.isEmpty && !data.stdout.text.contains("Error:"), "\(data.stdout.text)\(data.stderr.text)")
        let saved = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/d.json"))) as? [String: Any])
        let scenario = (saved["measurements"] as? [[String: Any]])?.first?["scenario"] as? [String: Any]
        #expect(scenario?["ignore_failure"] as? Bool == true && saved["failures"] == nil)
        let again = await bench(["report", "d.json", "--format", "json"], in: dir)
        let written = try String(contentsOfFile: dir + "/d.json", encoding: .utf8)
        #expect(again.exitCode == 0 && again.stdout.text == written, "\(again.stderr.text)")
    }

    @Test func reportRefusesWhatIsNotAResultDocument() async throws {
        let dir = try scratch(["bad.json": "{\"schema\": 1}", "broken.json": "{\"a\": [1, 2"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let old = await bench(["report", "bad.json"], in: dir)
        #expect(old.exitCode == 2)
        #expect(old.stderr.text.contains("schema 1 is not one this bench reads"))
        let broken = await bench(["report", "broken.json"], in: dir)
        #expect(broken.exitCode == 2)
        #expect(broken.stderr.text.contains("broken.json: not a JSON document"))
    }
}
