import BenchCore
import BenchLua
import Testing

@Suite("Lua bridge")
struct BridgeTests {
    @Test func jobTablesRoundTripThroughSwift() async {
        let outcome = await runScript(
            """
            local j = bench.job{ "echo", "hello", 42, name = "greet", cwd = "/tmp", env = { A = "1" }, timeout = 5 }
            assert(j[1] == "echo" and j[2] == "hello" and j[3] == "42", "argv")
            assert(j.name == "greet" and j.cwd == "/tmp" and j.env.A == "1" and j.timeout == 5, "fields")
            local r = bench.spawn(j)
            assert(r.ok == true and r.exit == 0 and r.stdout == "hello 42\\n", "result " .. r.summary)
            assert(r.wall_s > 0 and r.user_s >= 0 and r.sys_s >= 0 and r.peak_rss_kib > 0, "costs")
            local s = bench.spawn{ "/bin/sh", "-c", "kill -TERM $$" }
            assert(s.ok == false and s.signal == 15 and s.signal_name == "SIGTERM" and s.exit == nil, "signal")
            local m = bench.spawn("bench-no-such-program")
            assert(m.ok == false and m.error:find("not found in PATH"), "missing")
            """)
        #expect(errorMessage(outcome) == "")
        #expect(value(outcome) == .finished)
    }

    @Test func runReturnsResultsInJobOrderForEveryStrategy() async {
        let outcome = await runScript(
            """
            local jobs = {}
            for i = 1, 12 do jobs[i] = bench.job{ "/bin/sh", "-c", "echo $0", i } end
            for _, s in ipairs{ "async", "threads", "serial" } do
              local b = bench.run(jobs, { strategy = s, concurrency = 3 })
              assert(b.strategy == s and b.concurrency == (s == "serial" and 1 or 3) and b.jobs == 12 and b.wall_s > 0, s)
              for i = 1, 12 do assert(b.results[i].stdout == i .. "\\n", s .. " order") end
            end
            local u = bench.run(jobs, { concurrency = "unbounded" })
            assert(u.concurrency == 12 and u.strategy == "async")
            """)
        #expect(errorMessage(outcome) == "")
    }

    @Test func floorRunsTheCommandCountTimesAndCountsFailures() async {
        let ok = await runScript(
            """
            local f = bench.floor(bench.job{ "/bin/true" }, { count = 20, concurrency = 3 })
            assert(f.jobs == 20 and f.concurrency == 3 and f.failed == 0 and f.wall_s > 0)
            local g = bench.floor(bench.job{ "false" }, { count = 5, concurrency = 8 })
            assert(g.jobs == 5 and g.concurrency == 5 and g.failed == 5)
            """)
        #expect(errorMessage(ok) == "")
        let bad = await runScript(#"bench.floor(bench.job{ "/bin/true" }, { count = 0 })"#)
        #expect(errorMessage(bad).contains("count") && errorMessage(bad).contains("1 to 1000000"))
        let missing = await runScript(#"bench.floor(bench.job{ "/nonexistent/program" }, { count = 2 })"#)
        #expect(errorMessage(missing).contains("bench.floor:"))
    }

    @Test func compileWritesSourcesOnceAndGivesEveryJobItsOwnOutput() async {
        let outcome = await runScript(
            """
            local cc = assert(bench.compiler("gcc"))
            assert(cc.path:find("gcc") and cc.version:find("gcc"), cc.version)
            local a = bench.compile{ compiler = cc, name = "m", source = "int main(void){return 0;}" }
            local b = bench.compile{ compiler = "gcc", name = "m", source = "int main(void){return 0;}" }
            local c = bench.compile{ compiler = cc, name = "m", source = "int main(void){return 1;}" }
            assert(a[#a - 2] == b[#b - 2], "same source, same file")
            assert(a[#a - 2] ~= c[#c - 2], "other source, other file")
            assert(a[#a] ~= b[#b], "own output")
            local r = bench.run({ a, b, c })
            for i = 1, 3 do assert(r.results[i].ok, r.results[i].stderr) end
            local bad = bench.run({ bench.compile{ compiler = cc, name = "bad", source = "int main(void){ return x; }" } })
            assert(not bad.results[1].ok and bad.results[1].stderr:find("error"), "compile error is reported")
            assert(bench.which("sh") and bench.which("bench-no-such-program") == nil)
            assert(type(bench.clock()) == "number" and bench.cores >= 1 and table.concat(bench.strategies, ",") == "\(Strategy.allCases.map(\.rawValue).joined(separator: ","))")
            assert(bench.tempdir():find("bench%-"))
            """)
        #expect(errorMessage(outcome) == "")
    }

    @Test func argumentsAfterTheTerminatorAndOptionsReachTheScript() async {
        let outcome = await runScript(
            """
            assert(bench.args[1] == "x" and bench.args[2] == "y")
            assert(bench.options.compiler == "gfortran" and bench.options.repeats == 3 and bench.options.concurrency == "2,4")
            assert(bench.options.strategies[1] == "serial" and bench.options.verbose == true)
            """,
            options: ScriptOptions(
                overrides: ScenarioOverrides(compiler: "gfortran", repeats: 3, concurrency: [.limited(2), .limited(4)], strategies: [.serial]),
                arguments: ["x", "y"], verbose: true))
        do {
            #expect(errorMessage(outcome) == "")
        }
    }

    @Test func timeoutAndDryRunOptionsReachTheModule() async {
        let timed = await runScript(
            """
            assert(bench.options.timeout == 0.2 and bench.options.dry_run == false)
            local r = bench.spawn{ "sleep", "30" }                  -- no timeout of its own: --timeout's
            -- Under load the kill can come late (315 ms seen), so bound the wall, not its digits.
            assert(r.timed_out and r.wall_s >= 0.2 and r.wall_s < 10 and r.summary:find("^timed out after "), r.summary)
            local b = bench.run({ { "sleep", "30" }, { "sleep", "0.5", timeout = 5 } })
            assert(b.results[1].timed_out and b.results[2].ok, b.results[2].summary)
            local u = bench.own_usage()
            assert(u.peak_rss_kib > 0 and u.user_s >= 0 and u.sys_s >= 0)
            """, options: ScriptOptions(overrides: ScenarioOverrides(defaultTimeout: 0.2)))
        #expect(errorMessage(timed) == "")
        let dry = await runScript(
            """
            assert(bench.options.dry_run == true)
            local r = bench.spawn{ "sh", "-c", "exit 3" }
            assert(r.ok and r.exit == 0 and r.wall_s == 0)
            local b = bench.run({ { "false" }, { "false" } }, { concurrency = 1 })
            assert(b.failed == 0 and b.concurrency == 1 and b.jobs == 2 and #b.results == 2)
            """, options: ScriptOptions(dryRun: true))
        #expect(errorMessage(dry) == "")
    }

    @Test func aSwiftErrorInsideALuaCallIsALuaErrorAtTheCallersLine() async {
        // bench.compile fails in Swift (no such compiler); the script catches it with pcall.
        let outcome = await runScript(
            """
            local ok, err = pcall(bench.compile, { compiler = "bench-no-such-cc", source = "x", ext = ".c" })
            assert(not ok)
            local ok2, err2 = pcall(function() return bench.compile{ compiler = "bench-no-such-cc", source = "x", ext = ".c" } end)
            error(err2, 0)
            """, name: "swifterr.lua")
        #expect(headline(outcome).hasPrefix("swifterr.lua:3: compiler 'bench-no-such-cc' not found in PATH"))
    }

    @Test func aLuaErrorInsideACallbackNamesItsFileAndLine() async {
        let outcome = await runScript(
            """
            local t = setmetatable({}, { __index = function() error("from the callback") end })
            local _ = t.anything
            """, name: "callback.lua")
        #expect(headline(outcome) == "callback.lua:1: from the callback")
        #expect(errorMessage(outcome).contains("stack traceback:"))
    }

    @Test func syntaxErrorsNameFileAndLine() async {
        let outcome = await runScript("local x = \nreturn {", name: "syntax.lua")
        #expect(headline(outcome) == "syntax.lua:2: unexpected symbol near 'return'")
    }

    @Test func osExitAndFailEndTheRunThroughTheHost() async {
        #expect(value(await runScript("os.exit(3)")) == .exit(3, message: nil))
        #expect(value(await runScript("os.exit(true)")) == .exit(0, message: nil))
        guard case .exit(1, let message?)? = value(await runScript("\nbench.fail('probe minimal failed')", name: "f.lua")) else {
            Issue.record("bench.fail did not end the run with status 1")
            return
        }
        #expect(message.hasSuffix("f.lua:2: probe minimal failed"))
    }

    @Test func aReturnedTableBecomesAScenario() async {
        let outcome = await runScript(
            """
            return { name = "c", compilers = "gcc", probes = { { name = "m", source = "int main(){}" } },
                     ext = ".c", flags = { "-O2" }, repeats = 4, strategies = "async,serial", concurrency = "unbounded" }
            """)
        let expected = Scenario(
            name: "c", compilers: ["gcc"], probes: [Probe(name: "m", source: "int main(){}")],
            ext: ".c", flags: ["-O2"], repeats: 4, strategies: [.async, .serial], concurrency: [.unbounded])
        #expect(value(outcome) == .scenario(expected, report: .unspecified))
        let map = await runScript("return { probes = { b = 'x', a = 'y' }, compilers = { 'gcc' } }", name: "map.lua")
        guard case .scenario(let s, _)? = value(map) else { Issue.record("no scenario"); return }
        #expect(s.name == "map")
        #expect(s.probes.map(\.name) == ["a", "b"])
    }

    @Test(arguments: [
        (
            "return { strategies = { 'bogus' } }",
            "s.lua: scenario: strategies: unknown strategy 'bogus' (valid: \(Strategy.validNames))"
        ),
        (
            "return { repeat_count = 3 }",
            "s.lua: scenario: unknown field 'repeat_count' (valid: name, description, compilers, probes, ext, flags, launcher, env, repeats, batch, strategies, concurrency, runs, warmup, timeout, ignore_failure, discard_output, recording, study_lines, stop_on_failure, min_time, max_runs, relative_to, randomized_environment_offset, overhead, setup, prepare, conclude, cleanup, report)"
        ),
        ("return { concurrency = 0 }", "s.lua: scenario: concurrency: concurrency must be a whole number from 1 to 1000000 or 'unbounded', not '0'"),
        (
            "return { compilers = { 'gcc' }, probes = { { name = 'm', source = 'x', flgs = { '-Wall' } } } }",
            "s.lua: scenario: probes[1]: unknown field 'flgs' (valid: name, source, flags, libs, ext, launcher, command, expected, files, cwd, stdin, stdin_file, env, setup, prepare, conclude, cleanup, parameters)"
        ),
        ("return { batch = 'each' }", "s.lua: scenario: batch: 'each' is not a batch shape (valid: all, probe)"),
        ("return 42", "s.lua: the script returned a number; return a scenario table, or nothing"),
    ])
    func badScenarioTablesAreRefusedWithTheValidValues(source: String, message: String) async {
        #expect(headline(await runScript(source, name: "s.lua")) == message)
    }
}
