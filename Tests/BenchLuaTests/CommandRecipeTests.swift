import BenchCore
import BenchLua
import Testing

@Suite("The recipe bench time writes")
struct CommandRecipeTests {
    /// Every byte a command can hold (all but NUL) and a name can hold (not line breaks either),
    /// UTF-8 or not, comes back from the written Lua exactly, with every setting.
    @Test func aWrittenRecipeReadsBackEveryByteAndSetting() async throws {
        let line = ByteString((1...255).map { UInt8($0) })
        let name = ByteString((1...255).map { UInt8($0) }.filter { $0 != 10 && $0 != 13 })
        var c = CommandComparison()
        try c.add(line, name: name, scan: ParameterScan(), shell: ["sh"])
        try c.add("true", name: nil, scan: ParameterScan(), shell: nil)
        (c.warmup, c.runs, c.ignoreFailure, c.keepsOutput) = (2, 7, true, false)
        (c.minTime, c.maxRuns, c.overhead) = (2.5, 40, ["sh", "-c", ""])
        try c.setHook(.setup, lines: ["make -s"], option: "-s", shell: nil)
        try c.setHook(.prepare, lines: ["sync", "sync -f"], option: "-p", shell: nil)
        try c.setHook(.conclude, lines: ["true"], option: "-C", shell: ["sh"])
        try c.setHook(.cleanup, lines: ["rm -f 'x\u{1}'"], option: "-c", shell: nil)
        c.invocation = ["bench", "time", "a\nb"]
        let text = CommandRecipe.text(c)
        #expect(text.text.hasPrefix("-- bench time $'a\\x0Ab'\n"))
        let outcome = await runScript(bytes: text)
        guard case .success(.scenario(let s, _)) = outcome else {
            Issue.record("\(errorMessage(outcome))")
            return
        }
        #expect(s.name == "time" && s.compilers.isEmpty && s.strategies == [.serial])
        #expect(s.probes.map(\.name) == [name, "true"])
        #expect(s.probes.map(\.command) == [["sh", "-c", line], ["true"]])
        #expect((s.warmup, s.runs, s.ignoreFailure, s.discardsOutput, s.stopOnFailure) == (2, 7, true, true, false))
        #expect(s.minTime == 2.5 && s.maxRuns == 40 && s.overhead == ["sh", "-c", ""])
        #expect(s.hooks.isEmpty)
        for (probe, prepare) in zip(s.probes, [["sync"], ["sync", "-f"]] as [[ByteString]]) {
            #expect(
                probe.hooks
                    == ScenarioHooks(
                        setup: .job(Job(argv: ["make", "-s"])), prepare: .job(Job(argv: prepare)), conclude: .job(Job(argv: ["sh", "-c", "true"])),
                        cleanup: .job(Job(argv: ["rm", "-f", "x\u{1}"]))))
        }
        #expect(s.description == "bench time $'a\\x0Ab'")
    }

    /// Without `-r` the recipe asks for hyperfine's count and stops on a failure; with `-r`,
    /// `-N` and `-i`, exactly `runs`, no overhead and failures kept.
    @Test func theRecipeSaysHowHyperfineWouldMeasure() async throws {
        var c = CommandComparison()
        try c.add("ls /", name: nil, scan: ParameterScan(), shell: ["sh"])
        c.overhead = CommandComparison.overhead(shell: ["sh"])
        guard case .success(.scenario(let s, _)) = await runScript(bytes: CommandRecipe.text(c)) else {
            Issue.record("the recipe did not read back")
            return
        }
        #expect(s.minTime == 3 && s.maxRuns == nil && s.runs == 10 && s.overhead == ["sh", "-c", ""] && s.stopOnFailure && !s.ignoreFailure)
        (c.minTime, c.runs, c.overhead, c.ignoreFailure) = (nil, 4, nil, true)
        guard case .success(.scenario(let exact, _)) = await runScript(bytes: CommandRecipe.text(c)) else {
            Issue.record("the recipe did not read back")
            return
        }
        #expect(exact.minTime == nil && exact.runs == 4 && exact.overhead == nil && !exact.stopOnFailure && exact.ignoreFailure)
    }
}
