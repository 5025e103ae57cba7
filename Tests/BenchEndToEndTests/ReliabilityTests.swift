import BenchCore
import BenchTestSupport
import Foundation
import Glibc
import Testing

/// Issue 4: no lost work, no stray processes, no crash on any input. Every test runs the real
/// bench binary on real processes in a `Sandbox`, and checks what it reports and, where it
/// applies, that no process of the run is left and nothing is left in its `TMPDIR`.
@Suite("Reliability", .serialized)
struct ReliabilityTests {
    static let strategies = Strategy.own.map(\.rawValue)

    /// A fake compiler: logs each compile to `calls`, then takes 20 ms. A source holding
    /// "hang" makes it (and a grandchild) hang instead.
    static let slowCompiler = """
        #!/bin/sh
        if [ "$1" = --version ]; then echo 'slow-cc 1.0'; exit 0; fi
        echo "$1" >> calls
        if grep -q hang "$1"; then sleep 3600.77 & sleep 3600.77; wait; fi
        sleep 0.02
        """

    /// A scenario of 25 probes × 8 copies: a batch of 200 compiles with the slow compiler.
    static let twoHundredJobs = """
        local probes = {}
        for i = 1, 25 do probes[i] = { name = "p" .. i, source = "int main(void) { return 0; }" } end
        return { compilers = { "./slow-cc" }, ext = ".c", probes = probes, repeats = 8, concurrency = 2,
                 runs = 3, warmup = 0, strategies = { bench.args[1] } }
        """

    // MARK: 1. Timeouts

    @Test(arguments: strategies)
    func aTimeoutKillsTheJobsWholeGroupAndTheBatchGoesOn(strategy: String) async throws {
        let box = try Sandbox([
            "t.lua": """
            local r = bench.run({
              { "sh", "-c", "sleep 3600.71 & sleep 3600.71; wait", name = "hang" },
              { "sh", "-c", "exit 3", name = "quick" },
              { "sh", "-c", "sleep 3600.72", name = "own", timeout = 0.3 },
            }, { strategy = bench.args[1], concurrency = 3 })
            for _, x in ipairs(r.results) do print(x.name, x.timed_out, x.summary, x.wall_s >= 0.25) end
            -- Which timeout applied: --timeout's 0.5 s to "hang", its own 0.3 s to "own" (each
            -- well under the next candidate, whatever the load adds).
            print(r.results[1].wall_s >= 0.5 and r.results[1].wall_s < 1.4, r.results[3].wall_s >= 0.3 and r.results[3].wall_s < 0.5)
            """
        ])
        let r = await box.run(["run", "t.lua", "--timeout", "0.5", "--", strategy])
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let lines = r.stdout.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines.first?.hasPrefix("hang\ttrue\ttimed out after ") == true, "\(lines)")
        #expect(lines.dropFirst().first == "quick\tfalse\texit 3\tfalse")
        #expect(lines.dropFirst(2).first?.hasPrefix("own\ttrue\ttimed out after ") == true, "\(lines)")
        #expect(lines.last == "true\ttrue", "\(lines)")
        #expect(box.survivors().isEmpty)
        #expect(box.leftovers().isEmpty)
    }

    @Test func aScenarioTimeoutFailsTheHangingProbeOnly() async throws {
        let box = try Sandbox(
            [
                "slow-cc": Self.slowCompiler,
                "s.lua": """
                return { compilers = { "./slow-cc" }, ext = ".c", timeout = 0.5, runs = 1, warmup = 0,
                         probes = { { name = "fine", source = "ok" }, { name = "stuck", source = "hang" } } }
                """,
            ], executable: ["slow-cc"])
        let r = await box.run(["run", "s.lua", "--format", "json", "--output", "out.json"])
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: box.directory + "/out.json"))) as! [String: Any]
        let runs = (json["measurements"] as! [[String: Any]])[0]["runs"] as! [[String: Any]]
        #expect(runs.count == 4)
        for run in runs {
            let probes = (run["probes"] as! [[String: Any]]).map { "\($0["name"]!)=\($0["ok"]!)" }
            #expect(probes == ["fine=1", "stuck=0"])
        }
        #expect(box.survivors().isEmpty)
        #expect(box.leftovers().isEmpty)
    }

    // MARK: 2. Interrupts

    @Test(arguments: zip(strategies + ["processes"], [SIGINT, SIGINT, SIGINT, SIGINT, SIGTERM]))
    func aSignalInTheMiddleOfA200JobBatchStopsEverythingAndKeepsTheFinishedSamples(strategy: String, signal: Int32) async throws {
        let box = try Sandbox(["slow-cc": Self.slowCompiler, "s.lua": Self.twoHundredJobs], executable: ["slow-cc"])
        // 230 compiles: the first batch (200) is done, the second is under way.
        let r = await box.interrupt(["run", "s.lua", "--format", "json", "--output", "out.json", "--", strategy], with: [signal]) {
            box.lines("calls") >= 230
        }
        #expect(r.exitCode == 128 + signal, "\(r.stderr.text)")
        #expect(r.stderr.text.contains("interrupted by \(SignalName.name(of: signal))"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: box.directory + "/out.json"))) as! [String: Any]
        #expect(json["complete"] as? Bool == false)
        let runs = (json["measurements"] as! [[String: Any]])[0]["runs"] as! [[String: Any]]
        #expect(runs.count == 1)
        #expect(((runs.first?["wall_s"] as? [String: Any])?["samples"] as? [Double])?.count == 1)
        #expect(box.lines("calls") < 400, "the interrupted batch went on")
        #expect(box.survivors().isEmpty)
        #expect(box.leftovers().isEmpty)
    }

    @Test(arguments: strategies)
    func ctrlCDuringALuaBatchKillsChildrenAndGrandchildren(strategy: String) async throws {
        let box = try Sandbox([
            "s.lua": """
            local jobs = {}
            for i = 1, 200 do jobs[i] = { "sh", "-c", "echo x >> started; sleep 3600.73 & sleep 3600.73; wait" } end
            local r = bench.run(jobs, { strategy = bench.args[1], concurrency = 8 })
            print(r.results[1].summary)
            """
        ])
        let r = await box.interrupt(["run", "s.lua", "--", strategy], with: [SIGINT]) { box.lines("started") >= 1 }
        #expect(r.exitCode == 130, "\(r.stderr.text)")
        #expect(box.lines("started") <= 8 + 1)
        #expect(box.survivors().isEmpty)
        #expect(box.leftovers().isEmpty)
    }

    @Test func aSecondCtrlCEndsAtOnceAndStillCleansUp() async throws {
        // The first Ctrl-C stops the batch; the report function then never returns.
        let box = try Sandbox(
            [
                "slow-cc": Self.slowCompiler,
                "s.lua": Self.twoHundredJobs.replacingOccurrences(
                    of: "strategies = { bench.args[1] }", with: "strategies = { bench.args[1] }, report = function() while true do end end"),
            ],
            executable: ["slow-cc"])
        let r = await box.interrupt(["run", "s.lua", "--output", "out.txt", "--", "async"], with: [SIGINT, SIGINT]) {
            box.lines("calls") >= 20
        }
        #expect(r.exitCode == 130)
        #expect(r.stderr.text.contains("SIGINT again: stopping at once"), "\(r.stderr.text)")
        #expect(box.survivors().isEmpty)
        #expect(box.leftovers().isEmpty)
    }

    @Test func ctrlCStopsAnEndlessLuaLoop() async throws {
        let box = try Sandbox(["loop.lua": "io.open('started', 'w'):close()\nlocal n = 0\nwhile true do n = n + 1 end"])
        let r = await box.interrupt(["run", "loop.lua"], with: [SIGINT]) { FileManager.default.fileExists(atPath: box.directory + "/started") }
        #expect(r.exitCode == 130)
        #expect(r.stderr.text == "bench: interrupted by SIGINT; every child was stopped and temporary files removed\n")
        #expect(box.leftovers().isEmpty)
    }

    // MARK: 3. Faulty children

    @Test(arguments: strategies)
    func faultyChildrenAreReportedWithTheReasonAndCostBoundedMemory(strategy: String) async throws {
        let box = try Sandbox([
            "not-executable": "#!/bin/sh\n",
            "s.lua": """
            local r = bench.run({
              { "sh", "-c", "kill -SEGV $$", name = "segv" },
              { "sh", "-c", "head -c 100000000 /dev/zero; head -c 100000000 /dev/zero >&2", name = "flood" },
              { "/nonexistent/program", name = "missing" },
              { "./not-executable", name = "noexec" },
              { "/bin/true", cwd = "/nonexistent-dir", name = "badcwd" },
              { "gcc", "-x", "c", "-", "-o", "/nonexistent-dir/a.out", stdin = "int main(void) { return 0; }", name = "unwritable" },
            }, { strategy = bench.args[1] })
            for _, x in ipairs(r.results) do
              print(x.name, x.ok, x.signal_name or "-", x.summary, x.stdout_dropped, x.stderr_dropped, #x.stdout, #x.stderr)
            end
            print("unwritable says", r.results[6].stderr:match("/nonexistent%-dir/a%.out") or "nothing")
            """,
        ])
        let r = await box.run(["run", "s.lua", "--", strategy])
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let lines = r.stdout.text.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        try #require(lines.count == 7, "\(r.stdout.text)")
        #expect(lines[0].prefix(4) == ["segv", "false", "SIGSEGV", "killed by SIGSEGV"])
        #expect(lines[1] == ["flood", "true", "-", "exit 0", "99934464", "99934464", "65536", "65536"])
        #expect(lines[2][3] == "cannot run '/nonexistent/program': no such file")
        #expect(lines[3][3] == "cannot run './not-executable': permission denied")
        #expect(lines[4][3] == "cannot run in '/nonexistent-dir': no such directory")
        #expect(lines[5].prefix(2) == ["unwritable", "false"])
        #expect(lines[6] == ["unwritable says", "/nonexistent-dir/a.out"])
        // 200 MB went through bench; it kept 64 KiB of each stream. Its whole peak (with
        // workers, for processes) stays far below what keeping the output would need.
        #expect(r.maxRSS < 100 * 1024, "bench's peak RSS was \(r.maxRSS) KiB")
        #expect(box.survivors().isEmpty)
        #expect(box.leftovers().isEmpty)
    }

    @Test func anUnwritableOutputFileIsRefusedBeforeAnythingRuns() async throws {
        let box = try Sandbox(["slow-cc": Self.slowCompiler, "s.lua": Self.twoHundredJobs], executable: ["slow-cc"])
        let r = await box.run(["run", "s.lua", "--output", "no-such-dir/out.json", "--", "async"])
        #expect(r.exitCode == 2)
        #expect(r.stderr.text == "bench: error: cannot write --output 'no-such-dir/out.json': no such directory 'no-such-dir'\n")
        let p = await box.run(["run", "s.lua", "--plot", ".", "--", "async"])
        #expect(p.exitCode == 2)
        #expect(p.stderr.text == "bench: error: cannot write --plot '.': it is a directory\n")
        #expect(box.lines("calls") == 0)
    }

    // MARK: 4. Faulty workers

    @Test func aWorkerThatDiesMidJobIsReplacedAndItsJobsGroupKilled() async throws {
        let box = try Sandbox([
            "s.lua": """
            local jobs = {}
            for i = 1, 12 do jobs[i] = { "sh", "-c", "echo " .. i, name = "j" .. i } end
            -- This one kills its worker, leaving a grandchild that must not outlive it.
            jobs[5] = { "sh", "-c", "sleep 3600.74 & kill -9 $PPID; wait", name = "killer" }
            local r = bench.run(jobs, { strategy = "processes", concurrency = 2 })
            local ok = 0
            for _, x in ipairs(r.results) do if x.ok then ok = ok + 1 end end
            print(ok, r.results[5].summary)
            """
        ])
        let r = await box.run(["run", "s.lua"])
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let fields = r.stdout.text.split(separator: "\t")
        #expect(fields.first == "11")
        #expect(fields.last?.contains("died of SIGKILL") == true, "\(r.stdout.text)")
        #expect(box.survivors().isEmpty)
        #expect(box.leftovers().isEmpty)
    }

    // MARK: 6. Faulty scripts

    @Test func everyBenchFunctionRefusesGeneratedBadArgumentsWithALuaError() async throws {
        let box = try Sandbox([:])
        let r = await box.run(["run", repositoryRoot + "/Tests/BenchEndToEndTests/Fixtures/fuzz.lua"])
        #expect(r.signal == nil, "bench crashed: \(r.summary)")
        #expect(r.exitCode == 0, "\(r.stdout.text)\(r.stderr.text)")
        let last = r.stdout.text.split(separator: "\n").last.map(String.init) ?? ""
        let numbers = last.split(separator: " ").compactMap { Int($0) }
        #expect(numbers.count == 2 && numbers[0] == numbers[1] && numbers[0] >= 9 * 200, "\(last)")
        #expect(box.survivors().isEmpty)
        #expect(box.leftovers().isEmpty)
    }

    @Test func anErrorInsideAReporterOfARequiredModuleNamesItsFileAndLine() async throws {
        let box = try Sandbox([
            "lib/broken.lua": "local bench = require 'bench'\nbench.reporter('broken', function(results)\n  return results.nope.field\nend)\n",
            "s.lua":
                "require 'lib.broken'\nreturn { compilers = { 'gcc' }, ext = '.c', runs = 1, warmup = 0, strategies = { 'async' },\n  probes = { { name = 'm', source = 'int main(void) { return 0; }' } } }",
        ])
        let r = await box.run(["run", "s.lua", "--format", "broken"])
        #expect(r.exitCode == 2)
        #expect(
            r.stderr.text.hasPrefix("bench: error: ") && r.stderr.text.contains("lib/broken.lua:3: attempt to index a nil value (field 'nope')"),
            "\(r.stderr.text)")
        #expect(box.leftovers().isEmpty)
    }

    // MARK: 7. Shared recipes are code

    @Test func dryRunPrintsEveryCommandAndRunsNone() async throws {
        let box = try Sandbox(
            [
                "slow-cc": Self.slowCompiler,
                "s.lua": Self.twoHundredJobs,
                "imperative.lua": """
                local r = bench.run({ { "touch", "ran" }, { "sh", "-c", "echo it's > ran" } })
                bench.spawn{ "touch", "ran" }
                os.execute("touch ran")
                print(r.results[1].ok, io.popen("touch ran"))
                """,
            ], executable: ["slow-cc"])
        let s = await box.run(["run", "s.lua", "--dry-run", "--", "threads"])
        #expect(s.exitCode == 0, "\(s.stderr.text)")
        let commands = s.stdout.text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(commands.count == 1 + 200)  // ./slow-cc --version, then one batch
        #expect(commands.last?.hasSuffix("/p25.c -o " + (commands.last?.split(separator: " ").last ?? "")) == true)
        #expect(commands.last?.hasSuffix("/p25-200.out") == true, "\(commands.last ?? "")")
        #expect(commands.dropFirst().allSatisfy { $0.contains("/slow-cc ") && $0.hasPrefix("TMPDIR=") })
        #expect(s.stdout.text.contains("the batch would run 3 times"))
        #expect(box.lines("calls") == 0)
        let i = await box.run(["run", "imperative.lua", "--dry-run"])
        #expect(i.exitCode == 0, "\(i.stderr.text)")
        #expect(i.stdout.text.contains("touch ran\nsh -c 'echo it'\\''s > ran'\n"))
        #expect(i.stdout.text.hasSuffix("true\tnil\tnot run under --dry-run\n"))
        #expect(!FileManager.default.fileExists(atPath: box.directory + "/ran"))
        #expect(box.leftovers().isEmpty)
    }
}
