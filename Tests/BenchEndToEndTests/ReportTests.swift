import BenchCore
import BenchTestSupport
import Foundation
import Testing

/// A small C scenario, quick enough to run many times.
let cScenario = """
    return { compilers = { "gcc" }, ext = ".c", repeats = 2,
             probes = { { name = "ok", source = "int main(void){return 0;}" }, { name = "bad", source = "int main(void){return x;}" } } }
    """

@Suite("Reports from the bench binary", .serialized)
struct ReportEndToEndTests {
    @Test func jsonGoesToTheOutputFileAndParses() async throws {
        let dir = try scratch(["c.lua": cScenario])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await bench(["run", "c.lua", "-r", "2", "-w", "0", "--format", "json", "--output", "out.json"], in: dir)
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        #expect(r.stdout.text.isEmpty)
        #expect(r.stderr.text.isEmpty)  // no progress line: stderr is not a terminal
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/out.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let runs = try #require((object["measurements"] as? [[String: Any]])?.first?["runs"] as? [[String: Any]])
        #expect(runs.map { $0["strategy"] as? String } == ["async", "threads", "processes", "serial"])
        for run in runs {
            let wall = try #require(run["wall_s"] as? [String: Any])
            #expect((wall["samples"] as? [Double])?.count == 2)
            #expect((run["efficiency"] as? Double).map { $0 > 0 && $0 <= 1.5 } == true)
            #expect((run["child_cpu_s"] as? Double).map { $0 > 0 } == true)
            #expect(run["failed"] as? Int == 2)  // both copies of "bad"
        }
        let processes = runs[2]
        #expect((processes["runner_cpu_s"] as? Double).map { $0 > 0 } == true)  // the workers count
    }

    @Test func aScanRunsEveryStrategyAtEveryLevel() async throws {
        let dir = try scratch(["c.lua": cScenario])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await bench(["run", "c.lua", "-r", "1", "-w", "0", "-j", "1,2", "--strategy", "async,threads,serial", "--plot", "scan.svg"], in: dir)
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let lines = r.stdout.text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.wholeMatch(of: try! Regex("scaling \\(median wall\\) +-j 1 +-j 2")) != nil }, "\(r.stdout.text)")
        // One unit for the whole scan, whichever fits its largest median.
        for strategy in ["async", "threads"] {
            let time = "\\d+\\.\\d+ (s|ms)"
            #expect(lines.contains { $0.wholeMatch(of: try! Regex("\(strategy) +\(time) +\(time)")) != nil }, "\(strategy)")
        }
        #expect(lines.contains { $0.hasPrefix("serial (runs once)") })
        #expect(try String(contentsOfFile: dir + "/scan.svg", encoding: .utf8).contains("<polyline"))
    }

    @Test func aLuaReportFunctionGetsTheDocument() async throws {
        let dir = try scratch([
            "rep.lua": """
            local s = \(cScenario.replacingOccurrences(of: "return {", with: "{"))
            s.report = function(r)
              return string.format("%s %d %s %s\\n", r.measurements[1].scenario.name, #r.measurements[1].runs, r.measurements[1].runs[1].strategy, tostring(r.measurements[1].runs[1].wall_s.median > 0))
            end
            return s
            """
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await bench(["run", "rep.lua", "-r", "1", "-w", "0", "--strategy", "async,serial"], in: dir)
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        #expect(r.stdout.text == "rep 2 async true\n")
        let o = await bench(["run", "rep.lua", "-r", "1", "-w", "0", "--strategy", "serial", "--output", "rep.txt"], in: dir)
        #expect(o.exitCode == 0 && o.stdout.isEmpty)
        #expect(try String(contentsOfFile: dir + "/rep.txt", encoding: .utf8) == "rep 1 serial true\n")
    }

    @Test func aRegisteredReporterIsAFormat() async throws {
        let dir = try scratch([
            "reg.lua": """
            bench.reporter("count", function(r) print("runs: " .. #r.measurements[1].runs) end)
            \(cScenario)
            """
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await bench(["run", "reg.lua", "-r", "1", "-w", "0", "--strategy", "async", "--format", "count"], in: dir)
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        #expect(r.stdout.text == "runs: 1\n")
        let bad = await bench(["run", "reg.lua", "--format", "yaml"], in: dir)
        #expect(bad.exitCode == 2)
        #expect(bad.stderr == "bench: error: unknown format 'yaml' (valid: \(Renderers.documentNames); registered by the script: count)\n")
    }

    @Test func anErrorInsideAReporterExitsTwoWithItsFileAndLine() async throws {
        let dir = try scratch([
            "boom.lua": """
            local s = \(cScenario.replacingOccurrences(of: "return {", with: "{"))
            s.report = function(r)
              local x = r.measurements[1].runs[1]
              error("reporter broke on " .. x.strategy)
            end
            return s
            """
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await bench(["run", "boom.lua", "-r", "1", "-w", "0", "--strategy", "serial"], in: dir)
        #expect(r.exitCode == 2)
        #expect(r.stderr.text.split(separator: "\n").first == "bench: error: boom.lua:5: reporter broke on serial")
    }

    @Test func theFlagshipShipsTheExampleReporter() async {
        let r = await bench(["run", "scripts/fortran.lua", "-r", "1", "-w", "0", "--strategy", "async,serial", "--format", "speedup"])
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        #expect(r.stdout.text.contains("  async     -j 2 "))
        #expect(r.stdout.text.contains("  serial    -j 1    1.00x  efficiency"))
    }
}
