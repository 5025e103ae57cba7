import BenchCore
import BenchTestSupport
import Foundation
import Testing

/// `bench time`'s hooks, as hyperfine's: `-s`, `-p`, `-C` and `-c`, one for every command or
/// one for each; and a scenario's `conclude` and probes' own hooks, which they become.
@Suite("bench time hooks", .serialized)
struct TimeHookTests {
    /// The lines the hooks and commands appended to `log` in `box`, then the log emptied.
    func log(_ box: Sandbox) throws -> [String] {
        let path = box.directory + "/log"
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func eachCommandHasItsOwnHooksAroundItsOwnRunsAndTheRecipeKeepsThem() async throws {
        let box = try Sandbox([:])
        let r = await box.run([
            "time", "-r", "2", "-w", "1", "-s", "echo s{x} >> log", "-p", "echo p{x} >> log", "-C", "echo C{x} >> log", "-c",
            "echo c{x} >> log", "-L", "x", "A,B", "echo {x} >> log", "--export-recipe", "t.lua", "--format", "json", "--output", "t.json",
        ])
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        // The warm-up round, then two timed rounds in rotating order; each command's cleanup after its own last run.
        let expected = [
            "sA", "pA", "A", "CA", "sB", "pB", "B", "CB",
            "pA", "A", "CA", "pB", "B", "CB",
            "pB", "B", "CB", "cB", "pA", "A", "CA", "cA",
        ]
        #expect(try log(box) == expected)
        let run = await box.run(["run", "t.lua", "--format", "json", "--output", "run.json"])
        #expect(run.exitCode == 0, "\(run.stderr.text)")
        #expect(try log(box) == expected)
        let dry = await box.run(["run", "t.lua", "--dry-run"])
        #expect(
            dry.stdout.text.contains("# time: the conclude hook of probe echo B >> log, after each of its batches, untimed\nsh -c 'echo CB >> log'\n")
        )
    }

    @Test func aHookGivenOncePerCommandGoesToEachInOrder() async throws {
        let box = try Sandbox([:])
        let r = await box.run(["time", "-N", "-r", "1", "-C", "sh -c 'echo one >> log'", "-C", "sh -c 'echo two >> log'", "true", "false", "-i"])
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        #expect(try log(box) == ["one", "two"])
    }

    @Test func anyOtherCountOfAHookIsAUsageErrorNamingBoth() async throws {
        let box = try Sandbox([:])
        let cases: [([String], String)] = [
            (["-p", "a", "-p", "b", "-p", "c", "x", "y"], "3 -p/--prepare for 2 commands: give one for every command, or one for each, in order"),
            (
                ["-C", "a", "-C", "b", "-L", "n", "1,2,3", "x{n}"],
                "2 -C/--conclude for 3 commands: give one for every command, or one for each, in order"
            ),
            (["-c", "a", "-c", "b", "x"], "2 -c/--cleanup for 1 command: give one for every command, or one for each, in order"),
        ]
        for (arguments, message) in cases {
            let r = await box.run(["time"] + arguments)
            #expect(r.exitCode == 2 && r.stderr.text.hasPrefix("Error: \(message)\n"), "\(arguments): \(r.stderr.text)")
        }
        #expect(box.leftovers().isEmpty)
    }

    @Test func aScenarioConcludesEveryBatchWithAFunctionOrAJob() async throws {
        let script = """
            local points = {}
            local function note(e) points[#points + 1] = e.point .. ":" .. e.probe .. ":" .. tostring(e.timed) end
            bench.measure{ name = "c", probes = { { name = "t", command = { "true" } } }, strategies = { "serial" },
                           runs = 2, warmup = 1, prepare = note, conclude = note }
            print(table.concat(points, " "))
            bench.measure{ name = "j", probes = { { name = "t", command = { "true" }, conclude = { "sh", "-c", "echo j >> log" } } },
                           strategies = { "serial" }, runs = 2, warmup = 0 }
            """
        let box = try Sandbox(["c.lua": script])
        let r = await box.run(["run", "c.lua", "-q"])
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        #expect(
            r.stdout.text
                == "prepare:t:false conclude:t:false prepare:t:true conclude:t:true prepare:t:true conclude:t:true\n")
        #expect(try log(box) == ["j", "j"])
    }

    @Test func aProbesOwnHooksNeedOneProbeBatches() async throws {
        let script = """
            return { name = "all", compilers = { "cc" }, batch = "all",
                     probes = { { name = "m", source = "int main(void){return 0;}", prepare = { "true" } } } }
            """
        let box = try Sandbox(["all.lua": script])
        let r = await box.run(["run", "all.lua"])
        #expect(r.exitCode == 2, "\(r.stderr.text)")
        #expect(r.stderr.text.contains("probe 'm' has hooks of its own, which run around its batches: give batch = \"probe\""), "\(r.stderr.text)")
    }
}
