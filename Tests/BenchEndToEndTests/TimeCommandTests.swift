import BenchCore
import BenchTestSupport
import Foundation
import Testing

/// `bench time`: commands from the command line, with hyperfine's options.
@Suite("bench time", .serialized)
struct TimeCommandTests {
    /// The probes (commands) of a saved document, and its scenario's settings.
    func measured(_ box: Sandbox, _ file: String) throws -> (names: [String], scenario: [String: Any]) {
        let data = try Data(contentsOf: URL(fileURLWithPath: box.directory + "/" + file))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let measurement = try #require((object["measurements"] as? [[String: Any]])?.first)
        let runs = try #require(measurement["runs"] as? [[String: Any]])
        return (runs.compactMap { $0["probe"] as? String }, try #require(measurement["scenario"] as? [String: Any]))
    }

    @Test func commandsAndParametersAreTimedAndTheDocumentRoundTrips() async throws {
        let box = try Sandbox(["F": String(repeating: "bench time\n", count: 20_000)])
        let cases: [([String], [String])] = [
            (["gzip -1 -c F", "gzip -9 -c F"], ["gzip -1 -c F", "gzip -9 -c F"]),
            (["-L", "lvl", "1,9", "gzip -{lvl} -c F"], ["gzip -1 -c F", "gzip -9 -c F"]),
            (["-P", "n", "1", "3", "sleep 0.0{n}"], ["sleep 0.01", "sleep 0.02", "sleep 0.03"]),
            (["-P", "d", "0.01", "0.05", "-D", "0.02", "-n", "wait {d}", "sleep {d}"], ["wait 0.01", "wait 0.03", "wait 0.05"]),
            (["echo hi > /dev/null"], ["echo hi > /dev/null"]),
        ]
        for (arguments, names) in cases {
            let r = await box.run(["time", "-r", "2"] + arguments + ["--format", "json", "--output", "t.json"])
            #expect(r.exitCode == 0 && r.stdout.text.isEmpty, "\(arguments): \(r.stderr.text)")
            let (shown, scenario) = try measured(box, "t.json")
            #expect(shown == names, "\(arguments)")
            #expect(scenario["runs"] as? Int == 2 && scenario["warmup"] as? Int == 0 && scenario["discard_output"] as? Bool == true)
            let again = await box.run(["report", "t.json", "--format", "json"])
            #expect(again.stdout.text == (try String(contentsOfFile: box.directory + "/t.json", encoding: .utf8)), "\(arguments)")
        }
    }

    @Test func theRecipeItWritesMeasuresTheSameWay() async throws {
        let box = try Sandbox([:])
        let r = await box.run([
            "time", "-N", "-w", "1", "-r", "3", "-L", "word", "a,b", "echo {word}", "-p", "true", "--export-recipe", "t.lua",
            "--format", "json", "--output", "time.json",
        ])
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let run = await box.run(["run", "t.lua", "--format", "json", "--output", "run.json"])
        #expect(run.exitCode == 0, "\(run.stderr.text)")
        let (timed, timedScenario) = try measured(box, "time.json")
        let (ran, ranScenario) = try measured(box, "run.json")
        #expect(timed == ["echo a", "echo b"] && ran == timed)
        for key in ["name", "description", "runs", "warmup", "discard_output", "probes"] {
            #expect("\(timedScenario[key] ?? "-")" == "\(ranScenario[key] ?? "-")", "\(key)")
        }
        #expect(
            timedScenario["description"] as? String
                == "bench time -N -w 1 -r 3 -L word a,b 'echo {word}' -p true --export-recipe t.lua --format json --output time.json")
    }

    @Test func aFailingCommandFailsTheRunUnlessIgnored() async throws {
        let box = try Sandbox([:])
        let failing = await box.run(["time", "-r", "2", "false", "true"])
        #expect(failing.exitCode == 1, "\(failing.stderr.text)")
        #expect(failing.stderr.text == "bench: every job failed in 1 run; its timings measure failures:\n  false: serial: every job failed: exit 1\n")
        let ignored = await box.run(["time", "-r", "2", "-i", "false", "true"])
        #expect(ignored.exitCode == 0, "\(ignored.stderr.text)")
    }

    @Test func mistakesAreUsageErrorsBeforeAnythingRuns() async throws {
        let box = try Sandbox([:])
        let cases: [([String], String)] = [
            (["time"], "give at least one command to time"),
            (["time", "-N", "echo 'x"], "'echo 'x' with -N: a single quote is not closed"),
            (["time", "-P", "n", "3", "1", "echo {n}"], "-P n 3 1: the lower bound is above the upper one"),
            (["time", "-n", "a", "-n", "b", "true"], "2 --command-name for 1 command"),
            (["time", "true", "true"], "two commands are named 'true': name them apart with -n"),
            (["time", "-N", "-S", "bash", "true"], "-N runs no shell: give -N or --shell, not both"),
            (["time", "-D", "0.5", "true"], "-D/--parameter-step-size is the step of -P: give -P too"),
        ]
        for (arguments, message) in cases {
            let r = await box.run(arguments)
            #expect(r.exitCode == 2 && r.stderr.text.hasPrefix("Error: \(message)\n"), "\(arguments): \(r.stderr.text)")
        }
        #expect(box.leftovers().isEmpty)
    }
}
