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
            "time", "-w", "1", "-m", "2", "-M", "3", "-L", "word", "a,b", "echo {word}", "-p", "true", "--export-recipe", "t.lua",
            "--format", "json", "--output", "time.json",
        ])
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let run = await box.run(["run", "t.lua", "--format", "json", "--output", "run.json"])
        #expect(run.exitCode == 0, "\(run.stderr.text)")
        let (timed, timedScenario) = try measured(box, "time.json")
        let (ran, ranScenario) = try measured(box, "run.json")
        #expect(timed == ["echo a", "echo b"] && ran == timed)
        for key in ["name", "description", "runs", "warmup", "discard_output", "probes", "min_time_s", "max_runs", "randomized_environment_offset"] {
            #expect("\(timedScenario[key] ?? "-")" == "\(ranScenario[key] ?? "-")", "\(key)")
        }
        #expect(
            timedScenario["description"] as? String
                == "bench time -w 1 -m 2 -M 3 -L word a,b 'echo {word}' -p true --export-recipe t.lua --format json --output time.json")
        let overheads = [timedScenario, ranScenario].map { ($0["overhead"] as? [String: Any])?["command"] as? [String] }
        #expect(overheads == [["sh", "-c", ""], ["sh", "-c", ""]] && timedScenario["max_runs"] as? Int == 3)
    }

    @Test func aFailingCommandStopsTheRunWithHyperfinesWordsUnlessIgnored() async throws {
        let box = try Sandbox([:])
        let words =
            "Use the '-i'/'--ignore-failure' option (in a scenario, ignore_failure = true) if you want to ignore this. "
            + "Alternatively, use the '--show-output' option to debug what went wrong.\n"
        for (arguments, message) in [
            (["-r", "2", "false", "true"], "'false': Command terminated with non-zero exit code: 1. "),
            (
                ["-N", "-w", "1", "-r", "2", "-n", "killed", "sh -c 'kill -9 $$'"],
                "'killed': The process has been terminated by a signal (SIGKILL). "
            ),
        ] {
            let failing = await box.run(["time"] + arguments)
            #expect(failing.exitCode == 1 && failing.stdout.text.isEmpty, "\(arguments): \(failing.stderr.text)")
            #expect(failing.stderr.text == "bench: error: " + message + words, "\(arguments)")
        }
        let ignored = await box.run(["time", "-r", "2", "-i", "false", "true", "--format", "json", "--output", "t.json"])
        #expect(ignored.exitCode == 0, "\(ignored.stderr.text)")
        #expect(try measured(box, "t.json").scenario["ignore_failure"] as? Bool == true)
    }

    @Test func withoutRunsEachCommandRunsAsOftenAsHyperfineWouldWithinMinAndMax() async throws {
        let box = try Sandbox([:])
        // `true` takes far less than 3 s / 4: -M bounds it; `sleep 2` takes 3 s / 2 s = 1 run, so -m's 2.
        let cases: [([String], [Int])] = [
            (["-N", "-m", "2", "-M", "4", "true", "sleep 2"], [4, 2]),
            (["-N", "-M", "3", "true"], [3]),
            (["-N", "-r", "5", "true"], [5]),
        ]
        for (arguments, counts) in cases {
            let r = await box.run(["time"] + arguments + ["--format", "json", "--output", "t.json"])
            #expect(r.exitCode == 0, "\(arguments): \(r.stderr.text)")
            let data = try Data(contentsOf: URL(fileURLWithPath: box.directory + "/t.json"))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let runs = try #require((object["measurements"] as? [[String: Any]])?.first?["runs"] as? [[String: Any]])
            #expect(runs.compactMap { ($0["wall_s"] as? [String: Any])?["samples"] as? [Double] }.map(\.count) == counts, "\(arguments)")
            let scenario = try measured(box, "t.json").scenario
            #expect((scenario["min_time_s"] as? Double) == (arguments.contains("-r") ? nil : 3), "\(arguments)")
        }
    }

    @Test func theShellsStartUpIsMeasuredAndSubtractedUnlessThereIsNoShell() async throws {
        let box = try Sandbox([:])
        for (arguments, command) in [(["true"], ["sh", "-c", ""]), (["-S", "bash", "true"], ["bash", "-c", ""]), (["-N", "true"], nil)] {
            let r = await box.run(["time", "-r", "2"] + arguments + ["--format", "json", "--output", "t.json"])
            #expect(r.exitCode == 0, "\(arguments): \(r.stderr.text)")
            let overhead = try measured(box, "t.json").scenario["overhead"] as? [String: Any]
            #expect(overhead?["command"] as? [String] == command, "\(arguments)")
            if command != nil { #expect(overhead?["runs"] as? Int == 50 && (overhead?["wall_s"] as? Double ?? 0) > 0) }
            let table = await box.run(["report", "t.json"])
            let note = table.stdout.text.split(separator: "\n").filter {
                $0.hasSuffix("(the median of 50 runs before the timed ones), subtracted from every time as hyperfine subtracts it")
            }
            #expect(note.count == (command == nil ? 0 : 1), "\(arguments): \(table.stdout.text)")
        }
    }

    /// `--input FILE` is every run's standard input, read from its beginning each time (the
    /// command fails unless it reads all of it), in `bench time` and in the recipe it saves;
    /// `null` is /dev/null, as in hyperfine.
    @Test func inputIsEveryRunsStandardInputFromItsBeginning() async throws {
        let box = try Sandbox(["in.txt": "hello\n", "other.txt": "other\n"])
        let reads = "test \"$(cat)\" = hello"
        let r = await box.run(["time", "-r", "3", "--input", "in.txt", reads, "--export-recipe", "t.lua", "--style", "none"])
        #expect(r.exitCode == 0, "\(r.summary)")
        #expect(try String(contentsOfFile: box.directory + "/t.lua", encoding: .utf8).contains("stdin_file = \"in.txt\""))
        let again = await box.run(["run", "t.lua", "-r", "3", "--format", "json", "--output", "run.json"])
        #expect(again.exitCode == 0, "\(again.summary)")
        // --dry-run's line for the job, run by a shell whose own input is /dev/null, reads the file too.
        let dry = await box.run(["run", "t.lua", "--dry-run"])
        let line = dry.stdout.text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(line.hasSuffix(" < in.txt"), "\(dry.summary)")
        let pasted = await box.run(["time", "-r", "1", "--style", "none", line])
        #expect(pasted.exitCode == 0, "\(line): \(pasted.summary)")
        let wrong = await box.run(["time", "-r", "1", "--input", "other.txt", reads])
        #expect(wrong.exitCode == 1 && wrong.stderr.text.hasPrefix("bench: error: '\(reads)': Command terminated with non-zero exit code: 1."))
        let null = await box.run(["time", "-r", "2", "--input", "null", "test -z \"$(cat)\"", "--style", "none"])
        #expect(null.exitCode == 0, "\(null.summary)")
    }

    /// Every run, warm-ups too, gets `BENCH_RANDOMIZED_ENVIRONMENT_OFFSET` of a random length
    /// up to 4,095 bytes, as hyperfine's commands get theirs; the document says so.
    @Test func everyRunHasAnEnvironmentOfItsOwnSize() async throws {
        let box = try Sandbox([:])
        let r = await box.run([
            "time", "-N", "-w", "2", "-r", "20", "sh -c 'printf \"%s\\n\" ${#BENCH_RANDOMIZED_ENVIRONMENT_OFFSET} >> lengths'",
            "--format", "json", "--output", "t.json",
        ])
        #expect(r.exitCode == 0, "\(r.summary)")
        let lengths = try String(contentsOfFile: box.directory + "/lengths", encoding: .utf8).split(separator: "\n").compactMap { Int($0) }
        #expect(lengths.count == 22 && lengths.allSatisfy { (0...4095).contains($0) } && Set(lengths).count > 1, "\(lengths)")
        #expect(try measured(box, "t.json").scenario["randomized_environment_offset"] as? Bool == true)
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
            (["time", "--input", "missing.txt", "true"], "--input 'missing.txt': No such file or directory"),
            (["time", "--input", ".", "true"], "--input '.': Is a directory"),
        ]
        for (arguments, message) in cases {
            let r = await box.run(arguments)
            #expect(r.exitCode == 2 && r.stderr.text.hasPrefix("Error: \(message)\n"), "\(arguments): \(r.stderr.text)")
        }
        #expect(box.leftovers().isEmpty)
    }
}
