import BenchCore
import BenchTestSupport
import Foundation
import Testing

/// Issue 25 (reliability, round three): each item's test, named by the item.
extension ReliabilityTests {
    /// Item 16: an error raised with a value that is not a string says where, and what it was.
    @Test(arguments: [
        (
            "error({code = 1})",
            "bench: error: e.lua:2: error raised with a table value, not a message (give error() a string, or a value whose metatable has __tostring)"
        ),
        (
            "error(true)",
            "bench: error: e.lua:2: error raised with a boolean value, not a message (give error() a string, or a value whose metatable has __tostring)"
        ),
        ("error(setmetatable({}, { __tostring = function() return 'e.lua: custom' end }))", "bench: error: e.lua: custom"),
    ])
    func anErrorValueThatIsNotAStringIsShownWithItsPlace(statement: String, message: String) async throws {
        let box = try Sandbox(["e.lua": "local x = 1\n\(statement)\n"])
        let r = await box.run(["run", "e.lua"], timeout: 30)
        #expect(r.exitCode == 2, "\(r.summary)")
        #expect(r.stderr.text.split(separator: "\n").first.map(String.init) == message, "\(r.stderr.text)")
        box.expectNothingLeft()
    }

    /// Item 10: a script read from a pipe runs, and what ran is what was hashed (bench read the
    /// pipe once for the hash and ran nothing).
    @Test func aScriptFromAPipeRunsTheBytesThatWereHashed() async throws {
        let script = "-- from a pipe\nreturn { name = 'piped', probes = { { name = 't', command = { 'true' } } } }\n"
        let box = try Sandbox([:])
        let r = await spawn(
            Job(
                argv: [ByteString(benchBinary()), "run", "/dev/stdin", "-r", "1", "-w", "0", "--strategy", "serial", "--export-json", "p.json"],
                workingDirectory: ByteString(box.directory), environment: ["TMPDIR": ByteString(box.tmp)], stdin: ByteString(script), timeout: 60))
        #expect(r.exitCode == 0, "\(r.stdout.text)\(r.stderr.text)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: box.directory + "/p.json"))) as? [String: Any])
        #expect((json["recipe"] as? [String: Any])?["sha256"] as? String == SHA256.hex(Array(script.utf8)))
        let measurements = try #require(json["measurements"] as? [[String: Any]])
        #expect(measurements.map { ($0["scenario"] as? [String: Any])?["name"] as? String } == ["piped"])
    }

    /// Item 20: a comparison that joined nothing is no pass: exit 2, saying why.
    @Test func aComparisonThatJoinedNothingExitsTwoSayingWhy() async throws {
        let box = try Sandbox([
            "one.lua": "return { name = 'one', probes = { { name = 't', command = { 'true' } } } }",
            "two.lua": "return { name = 'two', probes = { { name = 't', command = { 'true' } } } }",
        ])
        for name in ["one", "two"] {
            let r = await box.run(["run", "\(name).lua", "-r", "2", "-w", "0", "--strategy", "serial", "--export-json", "\(name).json"], timeout: 60)
            #expect(r.exitCode == 0, "\(r.summary)")
        }
        let r = await box.run(["compare", "one.json", "two.json"], timeout: 60)
        #expect(r.exitCode == 2, "\(r.summary)")
        #expect(
            r.stderr.text == "bench: error: nothing of two.json was compared with one.json: runs join by scenario, strategy, probe, "
                + "compiler and -j, and its scenarios (two) are not the baseline's (one)\n")
        let run = await box.run(["run", "two.lua", "-r", "2", "-w", "0", "--strategy", "serial", "--baseline", "one.json"], timeout: 60)
        #expect(run.exitCode == 2, "\(run.summary)")
        #expect(run.stderr.text.hasPrefix("bench: error: nothing of this run was compared with one.json"), "\(run.stderr.text)")
    }

    /// Item 2: an output that names an input (by any path) is refused before anything runs,
    /// and the input is left as it was.
    @Test(arguments: [
        (["run", "r.lua", "--output", "r.lua"], "--output 'r.lua' is the script, 'r.lua'"),
        (["run", "r.lua", "--export-json", "./link.lua"], "--export-json './link.lua' is the script, 'r.lua'"),
        (["run", "r.lua", "--baseline", "a.json", "--export-json", "a.json"], "--export-json 'a.json' is the baseline, 'a.json'"),
        (["report", "a.json", "--output", "a.json"], "--output 'a.json' is the document shown, 'a.json'"),
        (["compare", "a.json", "b.json", "--plot", "b.json"], "--plot 'b.json' is a document compared, 'b.json'"),
    ])
    func anOutputThatIsAnInputIsRefused(arguments: [String], message: String) async throws {
        let script = "return { name = 'r', probes = { { name = 't', command = { 'true' } } } }"
        let box = try Sandbox(["r.lua": script])
        _ = symlink("r.lua", box.directory + "/link.lua")
        for name in ["a", "b"] {
            let r = await box.run(["run", "r.lua", "-r", "1", "-w", "0", "--strategy", "serial", "--export-json", "\(name).json"], timeout: 60)
            #expect(r.exitCode == 0, "\(r.summary)")
        }
        let before = try ["r.lua", "a.json", "b.json"].map { try String(contentsOfFile: box.directory + "/" + $0, encoding: .utf8) }
        let r = await box.run(arguments, timeout: 60)
        #expect(r.exitCode == 2, "\(arguments): \(r.summary)")
        #expect(r.stderr.text == "bench: error: \(message): writing it would replace what bench reads; give another file\n", "\(r.stderr.text)")
        let after = try ["r.lua", "a.json", "b.json"].map { try String(contentsOfFile: box.directory + "/" + $0, encoding: .utf8) }
        #expect(after == before)
    }

    /// Item 4: output that could not be written (a full disk, /dev/full) is a failure, from the
    /// script's own prints as from bench's reports.
    @Test(arguments: [
        (["run", "r.lua"], "bench: error: cannot write to standard output: No space left on device\n"),
        (
            ["run", "r.lua", "-r", "1", "-w", "0", "--strategy", "serial", "--format", "csv"],
            "bench: error: cannot write to standard output: No space left on device\n"
        ),
        (["report", "a.json"], "bench: error: cannot write to standard output: No space left on device\n"),
    ])
    func outputThatCannotBeWrittenIsAFailure(arguments: [String], message: String) async throws {
        let script =
            "print('measuring') return { name = 'r', probes = { { name = 't', command = { 'true' } } }, runs = 1, warmup = 0, strategies = { 'serial' } }"
        let box = try Sandbox(["r.lua": script])
        let saved = await box.run(["run", "r.lua", "--export-json", "a.json"], timeout: 60)
        #expect(saved.exitCode == 0, "\(saved.summary)")
        let r = await box.run(arguments, under: "exec >/dev/full", timeout: 60)
        #expect(r.exitCode == 2, "\(arguments): \(r.summary)")
        #expect(r.stderr.text == message, "\(arguments): \(r.stderr.text)")
    }

    /// Items 5, 6 and 7: every number of a result document is checked against what a run can
    /// produce, with the field's path in the message and exit 2, in every command and format;
    /// duplicate keys are refused. (Samples of 1e19 crashed every report; 1.7e308 spun --plot.)
    @Test(arguments: [
        (
            #""samples": \[[^]]*\]"#, #""samples": [1e19, 0.1]"#,
            "field 'measurements[0].runs[0].wall_s.samples[0]': a number from 0.0 to 1000000000.0 expected, got 1e+19"
        ),
        (
            #""samples": \[[^]]*\]"#, #""samples": [1.7e308, 0.1]"#,
            "field 'measurements[0].runs[0].wall_s.samples[0]': a number from 0.0 to 1000000000.0 expected, got 1.7e+308"
        ),
        (
            #""samples": \[[^]]*\]"#, #""samples": [-0.5, 0.1]"#,
            "field 'measurements[0].runs[0].wall_s.samples[0]': a number from 0.0 to 1000000000.0 expected, got -0.5"
        ),
        (
            #""repeats": 1,"#, #""repeats": 9223372036854775807,"#,
            "field 'measurements[0].scenario.repeats': a whole number from 1 to 1000000 expected, got 9223372036854775807"
        ),
        (#""repeats": 1,"#, #""repeats": -1,"#, "field 'measurements[0].scenario.repeats': a whole number from 1 to 1000000 expected, got -1"),
        (#""cores": 2,"#, #""cores": 0,"#, "field 'host.cores': a whole number from 1 to 1000000 expected, got 0"),
        (#""jobs": 1,"#, #""jobs": -3,"#, "field 'measurements[0].runs[0].jobs': a whole number from 1 to 1000000 expected, got -3"),
        (#""failed": 0,"#, #""failed": -1,"#, "field 'measurements[0].runs[0].failed': a whole number from 0 to 1 expected, got -1"),
        (
            #""child_cpu_s": [0-9.e-]+,"#, #""child_cpu_s": 1e19,"#,
            "field 'measurements[0].runs[0].child_cpu_s': a number from 0.0 to 1000000000.0 expected, got 1e+19"
        ),
        (
            #""runner_cpu_s": [0-9.e-]+,"#, #""runner_cpu_s": 1e300,"#,
            "field 'measurements[0].runs[0].runner_cpu_s': a number from 0.0 to 1000000000.0 expected, got 1e+300"
        ),
        (#""cores": 2,"#, #""cores": 2, "cores": 64,"#, "the key 'cores' twice in one object"),
    ])
    func aDocumentsNumbersAreCheckedAgainstWhatARunCanProduce(pattern: String, replacement: String, message: String) async throws {
        let box = try Sandbox(["r.lua": "return { name = 'r', probes = { { name = 't', command = { 'true' } } } }"])
        let saved = await box.run(["run", "r.lua", "-r", "2", "-w", "0", "--strategy", "serial", "--export-json", "good.json"], timeout: 60)
        #expect(saved.exitCode == 0, "\(saved.summary)")
        let good = try String(contentsOfFile: box.directory + "/good.json", encoding: .utf8)
        let bad = good.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        #expect(bad != good, "the pattern \(pattern) matched nothing")
        try bad.write(toFile: box.directory + "/bad.json", atomically: false, encoding: .utf8)
        for arguments in [
            ["report", "bad.json"], ["report", "bad.json", "--format", "study", "--plot", "c.svg"], ["compare", "good.json", "bad.json"],
            ["compare", "bad.json", "good.json", "--format", "markdown", "--plot", "d.svg"],
        ] {
            let r = await box.run(arguments, timeout: 30)
            #expect(r.exitCode == 2, "\(arguments): \(r.summary)")
            #expect(r.stderr.text.contains(message) && r.stderr.text.hasPrefix("bench: error: bad.json"), "\(arguments): \(r.stderr.text)")
        }
    }

    /// Item 21: --dry-run prints the hooks' commands too, and runs none of them.
    @Test func aDryRunPrintsTheHooksCommands() async throws {
        let box = try Sandbox([
            "h.lua": """
            return { name = "h", probes = { { name = "t", command = { "true" } } },
                     setup = { "touch", "set-up" }, prepare = { "rm", "-f", "x y" }, cleanup = function() error("called") end }
            """
        ])
        let r = await box.run(["run", "h.lua", "--dry-run", "--strategy", "serial"], timeout: 30)
        #expect(r.exitCode == 0, "\(r.summary)")
        #expect(
            Array(r.stdout.text.split(separator: "\n").dropFirst(2)) == [
                "# h: the setup hook, once per compiler, before its first batch", "touch set-up",
                "# h: the prepare hook, before every batch, untimed", "rm -f 'x y'",
                "# h: the cleanup hook, once per compiler, after its last batch, is a Lua function: not called under --dry-run",
            ], "\(r.stdout.text)")
        #expect(!FileManager.default.fileExists(atPath: box.directory + "/set-up"))
    }

    /// Item 22: a compiler whose name carries a version is suggested in Debian's package of that
    /// version (`clang-19` suggested `clang`, which does not give `clang-19`).
    @Test(arguments: [("clang-19", "clang-19"), ("clang++-19", "clang-19"), ("gcc-12", "gcc-12"), ("gfortran-12", "gfortran-12"), ("clang", "clang")])
    func aVersionedCompilerIsSuggestedInItsVersionsPackage(compiler: String, package: String) async throws {
        let box = try Sandbox(["r.lua": "return { name = 'r', compilers = { '\(compiler)' }, probes = { { name = 'p', source = '' } } }"])
        let r = await bench(["run", "r.lua"], in: box.directory, environment: ["PATH": box.directory, "TMPDIR": box.tmp], timeout: 60)
        #expect(r.exitCode == 2, "\(r.summary)")
        #expect(
            r.stderr.text == "bench: error: compiler '\(compiler)' not found in PATH; install it (Debian: sudo apt-get install \(package)) "
                + "or name another with --compiler\n", "\(r.stderr.text)")
    }

    /// Item 22: the Markdown comparison has an "As" column only where the files ran a run
    /// differently, as the table and docs/sharing.md say; the chart's legend gives each file's
    /// whole name, on a line of its own (they were cut to 20 characters and ran together).
    @Test func theMarkdownAndTheChartNameWhatTheyShouldWhole() async throws {
        let box = try Sandbox([
            "r.lua": "return { name = 'r', probes = { { name = 't', command = { 'sleep', '0.01' } } }, strategies = { 'serial' }, warmup = 0 }"
        ])
        mkdir(box.directory + "/results", 0o755)
        let names = ["results/2026-12-01-main-before-the-change.json", "results/2026-12-05-feature-branch-after-the-change.json"]
        for name in names {
            let r = await box.run(["run", "r.lua", "-r", "3", "--export-json", name], timeout: 60)
            #expect(r.exitCode == 0, "\(r.summary)")
        }
        // The widest threshold there is: the verdict is not what this test is about.
        let r = await box.run(["compare"] + names + ["--format", "markdown", "--plot", "c.svg", "--threshold", "100"], timeout: 60)
        #expect(r.exitCode == 0, "\(r.summary)")
        let table = r.stdout.text.split(separator: "\n").filter { $0.hasPrefix("|") }.prefix(2)
        #expect(Array(table) == ["| Run | File | Median [ms] | ± σ [ms] | vs baseline | p | Verdict |", "|:---|:---|---:|---:|---:|---:|:---|"])
        let chart = try String(contentsOfFile: box.directory + "/c.svg", encoding: .utf8)
        #expect(chart.contains(">baseline: \(names[0])</text>") && chart.contains(">\(names[1])</text>"), "\(chart)")
    }

    /// Item 22: a `-D` list names the item at fault, not the whole list ("'2,0' is below the
    /// least allowed, 1"), before any job runs.
    @Test func aListParameterNamesTheItemAtFault() async throws {
        let box = try Sandbox([
            "l.lua": """
            local levels = bench.param("levels", { default = { 1, 2 }, min = 1, max = 64, help = "levels to try" })
            bench.spawn({ "touch", "ran" })
            """
        ])
        let r = await box.run(["run", "l.lua", "-D", "levels=2,0"], timeout: 60)
        #expect(r.exitCode == 2, "\(r.summary)")
        #expect(
            r.stderr.text == """
                bench: error: -D levels=2,0: levels is a list of integers: '0' (in '2,0') is below the least allowed, 1
                l's parameters (-D name=value):
                  levels  list of integers  default 1,2  (from 1 to 64)  levels to try

                """, "\(r.stderr.text)")
        #expect(!FileManager.default.fileExists(atPath: box.directory + "/ran"))
    }
}
