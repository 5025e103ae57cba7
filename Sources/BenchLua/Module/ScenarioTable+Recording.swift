import BenchCore
import CLua

extension LuaStack {
    /// A scenario's `recording = { command=, wall_s=, compiler_s=, invocations=, dependent= }`:
    /// the recorded step a replay replays, checked as `RecordedStep.problem` says; `nil` when absent.
    func recordedStep(_ t: inout LuaTableReader) throws(LuaCallError) -> RecordedStep? {
        guard t.push("recording") != LUA_TNIL else {
            bench_lua_pop(L, 1)
            return nil
        }
        defer { bench_lua_pop(L, 1) }
        var r = try LuaTableReader(self, at: -1, arg: t.arg, label: "recording", expected: "recording table")
        guard let command = try r.bytes("command"), let wall = try r.finiteNumber("wall_s"), let compilerTime = try r.finiteNumber("compiler_s"),
            let invocations = try r.integer("invocations", in: 0...Limits.jobsPerBatch.upperBound)
        else { throw .argument(t.arg, "recording: command, wall_s, compiler_s and invocations are all needed") }
        let step = RecordedStep(
            command: command.text, wall: wall, compilerTime: compilerTime, invocations: invocations,
            dependent: try r.integer("dependent", in: 0...Limits.jobsPerBatch.upperBound))
        try r.finish()
        if let problem = step.problem { throw .argument(t.arg, "recording.\(problem)") }
        return step
    }
}
