import BenchCore
import BenchTestSupport
import Foundation
import Testing

@Suite("bench run scripts/fortran.lua", .serialized)
struct FortranScenarioTests {
    @Test func allFourStrategiesAgreeWithRealGfortran() async {
        let r = await bench(["run", "scripts/fortran.lua", "-n", "1", "-r", "1", "-w", "0", "--format", "study"])
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let lines = r.stdout.text.split(separator: "\n").map(String.init)
        let strategyLines = lines.filter { $0.contains(" seconds: ") }
        #expect(strategyLines.count == 4)
        for (line, strategy) in zip(strategyLines, ["async", "threads", "processes", "serial"]) {
            #expect(line.wholeMatch(of: /\d+\.\d{3} seconds: \w+: GNU Fortran .*/) != nil, "\(line)")
            #expect(line.contains(" seconds: \(strategy): "))
        }
        #expect(lines.contains { $0.wholeMatch(of: /\s+minimal\s+ok/) != nil })
        #expect(lines.contains { $0.wholeMatch(of: /\s+f2003utf8\s+fails/) != nil })
        #expect(!r.stdout.text.contains("DISAGREE"))
        #expect(lines.contains("  10 of 16 probes compile; -v shows the compiler's messages for the others"))
    }

    @Test func verboseShowsTheCompilersMessages() async {
        let r = await bench(["run", "scripts/fortran.lua", "--strategy", "async", "-r", "1", "-w", "0", "--format", "study", "-v"])
        #expect(r.exitCode == 0)
        #expect(r.stdout.text.contains("f2003utf8.f90"))
        #expect(r.stdout.text.contains("Error:"))
    }

    @Test func compilerOptionAndFCChooseTheCompiler() async {
        let missing = await bench(["run", "scripts/fortran.lua", "--compiler", "bench-no-such-fortran"])
        #expect(missing.exitCode == 2)
        #expect(
            missing.stderr
                == "bench: error: compiler 'bench-no-such-fortran' not found in PATH; install it (Debian: sudo apt-get install gfortran) or name another with --compiler\n"
        )
        let fc = await bench(["run", "scripts/fortran.lua", "--strategy", "serial"], environment: ["FC": "bench-no-such-fc"])
        #expect(fc.exitCode == 2)
        #expect(fc.stderr.text.contains("'bench-no-such-fc' not found"))
        #expect(fc.stderr.text.contains("bench: error: none of the compilers is installed (bench-no-such-fc)"))
    }

    @Test func aCompilerThatIsNotInstalledIsSkippedWithANote() async {
        let r = await bench(["run", "fortran", "-D", "compilers=bench-no-such-fc,gfortran", "-r", "1", "-w", "0", "--strategy", "serial"])
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        #expect(
            r.stderr.text
                == "fortran: skipped bench-no-such-fc: compiler 'bench-no-such-fc' not found in PATH; install it or name another with --compiler\n")
        #expect(r.stdout.text.contains("GNU Fortran") && !r.stdout.text.contains("Feature matrix"))
    }
}

@Suite("The README's example scenario")
struct ExampleScenarioTests {
    @Test func cOptimisationRunsEveryLevelItIsGiven() async {
        let r = await bench(["run", "scripts/c-optimisation.lua", "-D", "copies=3", "-Dlevels=-O1,-Os", "--strategy", "threads"])
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let lines = r.stdout.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("gcc") == true && lines.first?.hasSuffix(", 3 copies per level") == true)
        #expect(lines.dropFirst().map { String($0.prefix(4)) } == ["-O1 ", "-Os "])
        #expect(lines.dropFirst().allSatisfy { $0.hasSuffix("s CPU, threads, 2 at a time") || $0.hasSuffix("s CPU, threads, 1 at a time") })
    }
}

@Suite("Exit codes and messages")
struct ExitCodeTests {
    @Test(arguments: [
        ("syntax.lua", "local x = \nreturn {", "bench: error: syntax.lua:2: unexpected symbol near 'return'"),
        (
            "compile42.lua", "local j = bench.compile{source=42}",
            "bench: error: compile42.lua:1: bad argument #1 to 'compile' (compiler: compiler table or name expected, got nil)"
        ),
        (
            "bogus.lua", "return { compilers = { 'gfortran' }, probes = { { name = 'm', source = 'end' } }, strategies = { 'bogus' } }",
            "bench: error: bogus.lua: scenario: strategies: unknown strategy 'bogus' (valid: \(Strategy.validNames))"
        ),
        ("runtime.lua", "local t\nprint(t.x)", "bench: error: runtime.lua:2: attempt to index a nil value (local 't')"),
        (
            "missing-compiler.lua", "return { compilers = { 'bench-no-such-cc' }, probes = { { name = 'm', source = 'int main(){}' } }, ext = '.c' }",
            "bench: error: compiler 'bench-no-such-cc' not found in PATH; install it or name another with --compiler"
        ),
    ])
    func scriptErrorsExitTwoWithAOneLineReason(file: String, source: String, reason: String) async throws {
        let dir = try scratch([file: source])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await bench(["run", file], in: dir)
        #expect(r.exitCode == 2)
        #expect(r.stderr.text.split(separator: "\n").first.map(String.init) == reason)
    }

    @Test(arguments: [
        (["run", "nope.lua"], "bench: error: cannot read nope.lua: No such file or directory"),
        (
            ["run", "x.lua", "--strategy", "async,bogus"],
            "Error: unknown strategy 'bogus' (valid: \(Strategy.validNames))"
        ),
        (["run", "x.lua", "-j", "0"], "Error: concurrency must be a whole number from 1 to 1000000 or 'unbounded', not '0'"),
        (["run", "x.lua", "-n", "0"], "Error: -n/--repeat must be a whole number from 1 to 1000000, not 0"),
        (["run"], "Error: Missing expected argument '<script>'"),
        (["frobnicate"], "Error: Unexpected argument 'frobnicate'"),
    ])
    func usageErrorsExitTwo(arguments: [String], reason: String) async throws {
        let dir = try scratch([:])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await bench(arguments, in: dir)
        #expect(r.exitCode == 2)
        #expect(r.stderr.text.split(separator: "\n").first.map(String.init) == reason)
    }

    @Test func versionAndHelpExitZero() async {
        let v = await bench(["--version"])
        #expect(v.exitCode == 0 && v.stdout == "bench 0.5.0\n")
        let h = await bench(["run", "--help"])
        #expect(h.exitCode == 0 && h.stdout.text.contains("USAGE: bench run [<options>] <script>"))
    }

    @Test func strategiesThatDisagreeFailTheScenario() async throws {
        // A "compiler" that succeeds the first time and fails ever after: async and serial disagree.
        let dir = try scratch(
            [
                "flaky-cc":
                    "#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'flaky 1.0'; exit 0; fi\nif [ -e \"$0.seen\" ]; then echo 'error: flaky' >&2; exit 1; fi\ntouch \"$0.seen\"\n",
                "flaky.lua":
                    "return { compilers = { './flaky-cc' }, ext = '.c', probes = { { name = 'p', source = 'x' } }, strategies = { 'async', 'serial' } }",
            ], executable: ["flaky-cc"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await bench(["run", "flaky.lua", "-r", "1", "-w", "0", "--format", "study"], in: dir)
        #expect(r.exitCode == 1)
        #expect(r.stdout.text.contains("p  DISAGREE"))
        #expect(r.stderr.text.contains("flaky-cc: strategies disagree on probe 'p': async -j 1 ok, serial fails"))
    }

    @Test func scriptsSeeTheirArgumentsAndCanFailOrExit() async throws {
        let dir = try scratch([
            "args.lua": "print(table.concat(bench.args, '+'))",
            "fail.lua": "bench.fail('threshold exceeded')",
            "exit.lua": "print('before'); os.exit(4)",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = await bench(["run", "args.lua", "--", "one", "--two"], in: dir)
        #expect(a.exitCode == 0 && a.stdout.text == "one+--two\n")
        let f = await bench(["run", "fail.lua"], in: dir)
        #expect(f.exitCode == 1 && f.stderr == "bench: fail.lua:1: threshold exceeded\n")
        let e = await bench(["run", "exit.lua"], in: dir)
        #expect(e.exitCode == 4 && e.stdout == "before\n")
    }

    @Test func theTemporaryDirectoryIsRemoved() async throws {
        let dir = try scratch(["t.lua": "print(bench.tempdir())"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await bench(["run", "t.lua"], in: dir)
        let temp = r.stdout.text.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(temp.contains("/bench-"))
        #expect(!FileManager.default.fileExists(atPath: temp))
    }
}
