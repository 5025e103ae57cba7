import BenchCore
import BenchTestSupport
import Foundation
import Glibc
import Testing

/// Issue 7, items 3, 4, 5, 11 and 12: bounded numbers, source-only chunks, unique names,
/// pasteable dry runs, and an exit that cannot be swallowed.
extension ReliabilityTests {
    @Test(arguments: [
        (["--timeout", "1e300"], "--timeout must be a number of seconds above 0 and at most 31536000 (a year), not 1e+300"),
        (["-n", "4000000000000000000"], "-n/--repeat must be a whole number from 1 to 1000000, not 4000000000000000000"),
        (["-r", "9223372036854775807"], "-r/--runs must be a whole number from 1 to 100000"),
        (["--warmup=-1"], "-w/--warmup must be a whole number from 0 to 100000, not -1"),
        (["-j", "99999999999"], "concurrency must be a whole number from 1 to 1000000 or 'unbounded'"),
    ])
    func numbersFromTheCommandLineAreCheckedAgainstTheirRange(arguments: [String], message: String) async throws {
        let box = try Sandbox(["slow-cc": Self.slowCompiler, "s.lua": Self.oneProbe], executable: ["slow-cc"])
        let r = await box.run(["run", "s.lua", "--dry-run"] + arguments, timeout: 30)
        #expect(r.exitCode == 2, "\(arguments): \(r.summary)")
        #expect(r.stderr.text.contains(message), "\(arguments): \(r.stderr)")
        box.expectNothingLeft()
    }

    @Test(arguments: [
        ("repeats = 2^62", "repeats: whole number from 1 to 1000000 expected"),
        ("runs = math.maxinteger", "runs: whole number from 1 to 100000 expected"),
        ("warmup = math.mininteger", "warmup: whole number from 0 to 100000 expected"),
        ("timeout = 1e308", "timeout: number of seconds above 0 and at most 31536000 expected"),
        ("concurrency = 2^40", "concurrency: concurrency must be a whole number from 1 to 1000000"),
        (
            "repeats = 1000000, probes = { { name = 'a', source = 'x' }, { name = 'b', source = 'y' } }",
            "2 probes × 1000000 copies is more jobs than one batch can hold (at most 1000000)"
        ),
    ])
    func numbersInAScenarioAreCheckedAgainstTheirRange(field: String, message: String) async throws {
        let scenario = "return { compilers = { './slow-cc' }, ext = '.c', probes = { { name = 'm', source = 'x' } }, \(field) }"
        let box = try Sandbox(["slow-cc": Self.slowCompiler, "s.lua": scenario], executable: ["slow-cc"])
        let r = await box.run(["run", "s.lua"], timeout: 30)
        #expect(r.exitCode == 2, "\(field): \(r.summary)")
        #expect(r.stderr.text.contains(message), "\(field): \(r.stderr)")
        #expect(box.lines("calls") == 0)
        box.expectNothingLeft()
    }

    @Test func onlyLuaSourceIsLoadedAndMutatedChunksCrashNothing() async throws {
        let box = try Sandbox([
            "make.lua": """
            local f = assert(io.open("chunk.luac", "wb"))
            f:write(string.dump(function(a) return a + 1 end))
            f:close()
            """,
            "loaders.lua": """
            local function print(...)  -- one line per call
              local t = table.pack(...)
              for i = 1, t.n do t[i] = tostring(t[i]):gsub("\\n", " ") end
              io.write(table.concat(t, "\\t", 1, t.n), "\\n")
            end
            local binary = string.dump(function() return 1 end)
            print(load(binary))
            print(load(binary, "x", "b"))
            print(loadfile("chunk.luac"))
            print(pcall(dofile, "chunk.luac"))
            print(pcall(require, "chunk"))
            package.path = "./?.luac;" .. package.path
            print(pcall(require, "chunk"))
            print(load("return 1 + 1")(), load(function() local done; return nil end))
            -- Random mutations of a real chunk: each must be refused, never run.
            math.randomseed(11)
            local refused = 0
            for i = 1, 300 do
              local bytes = { binary:byte(1, -1) }
              for _ = 1, math.random(1, 4) do bytes[math.random(1, #bytes)] = math.random(0, 255) end
              local mutated = string.char(table.unpack(bytes))
              if not load(mutated) and not load(mutated, "m", "bt") then refused = refused + 1 end
            end
            print(refused)
            """,
        ])
        #expect(await box.run(["run", "make.lua"]).exitCode == 0)
        let r = await box.run(["run", "./chunk.luac"])
        #expect(r.exitCode == 2)
        #expect(r.stderr.text.contains("attempt to load a binary chunk (mode is 't')"), "\(r.stderr)")
        let l = await box.run(["run", "loaders.lua"])
        #expect(l.signal == nil && l.exitCode == 0, "\(l.summary) \(l.stderr)")
        let lines = l.stdout.text.split(separator: "\n").map(String.init)
        try #require(lines.count == 8, "\(l.stdout)")
        #expect(lines[0].hasPrefix("nil\t") && lines[0].contains("attempt to load a binary chunk"))
        #expect(lines[1] == "nil\tbench loads Lua source only: binary chunks are refused")
        #expect(lines[2].hasPrefix("nil\t") && lines[2].contains("attempt to load a binary chunk"))
        #expect(lines[3].hasPrefix("false\t") && lines[3].contains("binary chunk"))
        #expect(lines[4].hasPrefix("false\t") && lines[4].contains("module 'chunk' not found"))
        #expect(lines[5].hasPrefix("false\t") && lines[5].contains("error loading module 'chunk'") && lines[5].contains("binary chunk"))
        #expect(lines[6].hasPrefix("2\tfunction: "))
        #expect(lines[7] == "300")
        for i in 0..<20 {  // mutated chunk files given to bench run itself
            var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: box.directory + "/chunk.luac")))
            bytes[(i * 7) % bytes.count] ^= UInt8(truncatingIfNeeded: 37 * (i + 1))
            try Data(bytes).write(to: URL(fileURLWithPath: box.directory + "/m.luac"))
            let m = await box.run(["run", "m.luac"])
            #expect(m.signal == nil && m.exitCode == 2, "mutation \(i): \(m.summary)")
        }
        box.expectNothingLeft(besides: ["chunk.luac", "m.luac"])
    }

    @Test func namesAreIdentities() async throws {
        let box = try Sandbox(
            [
                "slow-cc": Self.slowCompiler,
                "probes.lua":
                    "return { compilers = { './slow-cc' }, ext = '.c', probes = { { name = 'm', source = 'x' }, { name = 'm', source = 'y' } } }",
                "compilers.lua": "return { compilers = { './slow-cc', './slow-cc' }, ext = '.c', probes = { { name = 'm', source = 'x' } } }",
                "strategies.lua":
                    "return { compilers = { './slow-cc' }, ext = '.c', strategies = { 'async', 'async' }, probes = { { name = 'm', source = 'x' } } }",
                "reporters.lua": "bench.reporter('mine', print)\nbench.reporter('mine', print)",
            ], executable: ["slow-cc"])
        let expected = [
            "probes.lua": "two probes are named 'm'; probe names must be unique",
            "compilers.lua": "compiler './slow-cc' is listed twice",
            "strategies.lua": "strategy 'async' is listed twice",
            "reporters.lua": "reporters.lua:2: bad argument #1 to 'reporter' (a reporter named 'mine' is already registered; choose another name)",
        ]
        for (script, message) in expected {
            let r = await box.run(["run", script])
            #expect(r.exitCode == 2, "\(script)")
            #expect(r.stderr.text.contains(message), "\(script): \(r.stderr)")
        }
        let strategies = await box.run(["run", "probes.lua", "--strategy", "serial,serial"])
        #expect(strategies.exitCode == 2 && strategies.stderr.text.contains("two probes are named 'm'"), "\(strategies.stderr)")
        #expect(box.lines("calls") == 0)
        box.expectNothingLeft()
    }

    @Test func dryRunLinesAreSafeToPasteAndRunExactlyTheJob() async throws {
        let box = try Sandbox([
            "d.lua": """
            local ok, err = pcall(bench.job, { "printf", "hi", env = { ["$(touch pwned)"] = "1" } })
            print(ok, err)
            local job = { "printf", "%s|%s|%s", "it's $(touch pwned)", "tab\\there\\nnew line", "caf\\233\\27[31m",
                          env = { SAFE_NAME = "a b'c" }, name = "weird" }
            bench.spawn(job)
            local r = bench.spawn(bench.job(job))
            """
        ])
        let dry = await box.run(["run", "d.lua", "--dry-run"])
        #expect(dry.exitCode == 0, "\(dry.stderr)")
        let lines = dry.stdout.text.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("false\t") == true && lines.first?.contains("is not a variable name") == true, "\(lines)")
        let commands = lines.filter { $0.hasPrefix("SAFE_NAME=") }
        try #require(commands.count == 2, "\(dry.stdout)")
        #expect(!dry.stdout.bytes.contains(0x1B), "a control byte reached the terminal")
        // Pasted into bash, the line runs the job exactly, and nothing else.
        let pasted = await spawn(Job(argv: ["bash", "-c", ByteString(commands[0])], workingDirectory: ByteString(box.directory)))
        #expect(pasted.stdout == ByteString("it's $(touch pwned)|tab\there\nnew line|caf".utf8.map { $0 }) + ByteString([0xE9, 0x1B]) + "[31m")
        #expect(!FileManager.default.fileExists(atPath: box.directory + "/pwned"))
        box.expectNothingLeft()
    }

    @Test func failAndExitCannotBeSwallowed() async throws {
        let box = try Sandbox(
            [
                "pcall.lua": "print(pcall(bench.fail, 'check failed'))\nprint('after')\nreturn nil",
                "usage.lua": "print(pcall(bench.usage_error, 'give -D log=FILE'))\nprint('after')",
                "loop.lua": "while true do pcall(os.exit, 3) end",
                "coroutine.lua": "local co = coroutine.wrap(function() pcall(bench.fail, 'deep') end)\npcall(co)\nprint('after')",
                "close.lua":
                    "local t <close> = setmetatable({}, { __close = function() print('closed') end })\nlocal ok = pcall(os.exit, 4)\nprint('after')",
                "slow-cc": Self.slowCompiler,
                "reporter.lua":
                    "return { compilers = { './slow-cc' }, ext = '.c', runs = 1, warmup = 0, strategies = { 'serial' }, probes = { { name = 'm', source = 'x' } }, report = function() os.exit(5) end }",
                "number.lua":
                    "bench.reporter('num', function() return 42 end)\nreturn { compilers = { './slow-cc' }, ext = '.c', runs = 1, warmup = 0, strategies = { 'serial' }, probes = { { name = 'm', source = 'x' } }, report = 'num' }",
            ], executable: ["slow-cc"])
        let p = await box.run(["run", "pcall.lua"])
        #expect(p.exitCode == 1 && p.stdout.text == "" && p.stderr.text == "bench: check failed\n", "\(p.stdout)\(p.stderr)")
        let u = await box.run(["run", "usage.lua"])
        #expect(u.exitCode == 2 && u.stdout.text == "" && u.stderr.text == "bench: error: give -D log=FILE\n", "\(u.stdout)\(u.stderr)")
        let l = await box.run(["run", "loop.lua"], timeout: 20)
        #expect(l.exitCode == 3, "\(l.summary)")
        let c = await box.run(["run", "coroutine.lua"])
        #expect(c.exitCode == 1 && !c.stdout.text.contains("after"), "\(c.stdout)\(c.stderr)")
        let g = await box.run(["run", "close.lua"])
        #expect(g.exitCode == 4 && !g.stdout.text.contains("after"), "\(g.stdout)\(g.stderr)")
        let r = await box.run(["run", "reporter.lua", "--output", "out.txt"])
        #expect(r.exitCode == 5, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: box.directory + "/out.txt"))
        let n = await box.run(["run", "number.lua"])
        #expect(n.exitCode == 2)
        #expect(n.stderr.text == "bench: error: reporter 'num' returned a number; a reporter returns a string or nil\n", "\(n.stderr)")
        box.expectNothingLeft(besides: ["calls"])
    }
}
