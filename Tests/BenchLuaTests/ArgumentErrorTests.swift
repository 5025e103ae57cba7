import BenchCore
import Foundation
import Testing

/// Every `bench.*` function called wrongly gives a Lua error in lauxlib's words, naming the
/// function, the argument and the script's line; none crashes.
@Suite("Argument errors")
struct ArgumentErrorTests {
    /// The fields of a job table as the manual lists them (`bench.job{argv..., name=, ...}` in
    /// docs/scenarios.md): the message for an unknown field must name the same ones, so that a
    /// new field is documented where users look.
    static let documentedJobFields: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = (try? String(contentsOf: root.appendingPathComponent("docs/scenarios.md"), encoding: .utf8)) ?? ""
        guard let start = text.range(of: "`bench.job{argv..., "), let end = text[start.upperBound...].range(of: "}`") else {
            return "(docs/scenarios.md has no bench.job row)"
        }
        return text[start.upperBound..<end.lowerBound].split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "=", with: "")
        }
        .joined(separator: ", ")
    }()

    static let cases: [(call: String, message: String)] = [
        ("bench.compile{source=42}", "bad argument #1 to 'compile' (compiler: compiler table or name expected, got nil)"),
        ("bench.compile{compiler='gcc', source=42}", "bad argument #1 to 'compile' (source: string expected, got 42.0)"),
        ("bench.compile(42)", "bad argument #1 to 'compile' (table expected, got number)"),
        (
            "bench.compile{compiler='gcc', source='x', nmae='y'}",
            "bad argument #1 to 'compile' (unknown field 'nmae' (valid: compiler, name, source, flags, libs, ext, launcher, timeout))"
        ),
        ("bench.compile{compiler='gcc', source='x', name='a\\nb'}", "bad argument #1 to 'compile' (name: a probe name must be one line)"),
        (
            "bench.measure{ probes = { { name = 'x', source = 'y' } } }",
            "bad argument #1 to 'measure' (scenario 'measurement 1': probe 'x': a scenario without compilers runs each probe's command; give it one (command = { \"prog\", \"arg\" }))"
        ),
        (
            "bench.measure{ probes = { { name = 'x', command = { 'true' }, flgs = 1 } } }",
            "bad argument #1 to 'measure' (probes[1]: unknown field 'flgs' (valid: name, source, flags, libs, ext, launcher, command, expected, files, cwd, stdin, stdin_file, env, setup, prepare, conclude, cleanup, parameters))"
        ),
        (
            "bench.measure{ probes = { { name = 'x', command = { '{compiler}' } } } }",
            "bad argument #1 to 'measure' (scenario 'measurement 1': probe 'x': command uses {compiler}, but the scenario has no compilers)"
        ),
        ("bench.compile{compiler='gcc', source='x', flags={{}}}", "bad argument #1 to 'compile' (flags[1]: string expected, got table)"),
        ("bench.compiler()", "bad argument #1 to 'compiler' (string expected, got no value)"),
        ("bench.compiler({})", "bad argument #1 to 'compiler' (string expected, got table)"),
        ("bench.job()", "bad argument #1 to 'job' (job table expected, got no value)"),
        ("bench.job{}", "bad argument #1 to 'job' (the command is empty (put the program and its arguments in the table's sequence))"),
        (
            "bench.job{'ls', timout=3}",
            "bad argument #1 to 'job' (unknown field 'timout' (valid: \(documentedJobFields)))"
        ),
        ("bench.job{'ls', timeout=-1}", "bad argument #1 to 'job' (timeout: number of seconds above 0 and at most 31536000 expected, got -1.0)"),
        ("bench.job{'ls', env={A={}}}", "bad argument #1 to 'job' (env: names and values must be strings)"),
        ("bench.job{'ls', {}}", "bad argument #1 to 'job' ([2]: string expected, got table)"),
        ("bench.job{'ls', stdin='x', stdin_file='f'}", "bad argument #1 to 'job' (give stdin (the bytes) or stdin_file (a file to read), not both)"),
        (
            "bench.measure{ probes = { { name = 'x', command = { 'true' }, stdin = 'x', stdin_file = 'f' } } }",
            "bad argument #1 to 'measure' (probes[1]: give stdin (the bytes) or stdin_file (a file to read), not both)"
        ),
        ("bench.job{'ls', [5]='x'}", "bad argument #1 to 'job' (unexpected key of type number (only names and a sequence 1..n))"),
        ("bench.spawn()", "bad argument #1 to 'spawn' (job table expected, got no value)"),
        ("bench.spawn(true)", "bad argument #1 to 'spawn' (job table expected, got boolean)"),
        ("bench.run()", "bad argument #1 to 'run' (table of jobs expected, got no value)"),
        ("bench.run({42})", "bad argument #1 to 'run' (jobs[1]: job table expected, got number)"),
        (
            "bench.run({}, {strategy='bogus'})",
            "bad argument #2 to 'run' (strategy: unknown strategy 'bogus' (valid: \(Strategy.validNames)))"
        ),
        (
            "bench.run({}, {concurrency=0})",
            "bad argument #2 to 'run' (concurrency: concurrency must be a whole number from 1 to 1000000 or 'unbounded', not '0')"
        ),
        ("bench.run({}, 5)", "bad argument #2 to 'run' (table expected, got number)"),
        ("bench.which(nil)", "bad argument #1 to 'which' (string expected, got nil)"),
        ("bench.fail()", "bad argument #1 to 'fail' (string expected, got no value)"),
        ("os.exit('x')", "bad argument #1 to 'exit' (exit status 0-255 or boolean expected, got string)"),
    ]

    @Test(arguments: cases.map(\.call))
    func wrongArgumentsAreLuaErrorsWithFileAndLine(call: String) async {
        let expected = Self.cases.first { $0.call == call }!.message
        let outcome = await runScript("local x = 1\n\(call)\n", name: "args.lua")
        #expect(headline(outcome) == "args.lua:2: " + expected)
    }
}
