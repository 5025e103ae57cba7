import BenchCore
import CLua

extension BenchModule {
    /// `bench.floor(job, {count=, concurrency=})` → `{jobs=, concurrency=, wall_s=, failed=}`: the
    /// job's command run `count` times (default 1,000) at most `concurrency` at once (a number,
    /// default `-j`'s first level, else one per core), by the bare spawn-and-wait loop of
    /// `SpawnFloor`, the floor the strategies are measured against.
    static func floor(_ s: LuaStack, _ host: ScriptHost) throws(LuaCallError) -> Int32 {
        let job = host.withDefaults(try s.job(at: 1, arg: 1, label: "job"))
        var count = 1000
        var concurrency = (host.configuration.options.overrides.concurrency?.first ?? .cores).slots(for: Limits.jobsPerBatch.upperBound)
        if lua_type(s.L, 2) > LUA_TNIL {
            var options = try LuaTableReader(s, at: 2, arg: 2)
            let range = Limits.jobsPerBatch
            let expected = "integer from \(range.lowerBound) to \(range.upperBound)"
            if let n = try options.integer("count", in: range, expected: expected) { count = n }
            if let n = try options.integer("concurrency", in: range, expected: expected) { concurrency = n }
            try options.finish()
        }
        try checkParameters(s, host)
        if host.isInterrupted { throw .message("interrupted") }
        let outcome: SpawnFloor.Outcome
        // The floor is no executor's: a dry run shows its command once, through its executor.
        if host.run.dryRun {
            do { _ = try host.runAlone(job, "bench.floor: \(count) runs, \(concurrency) at a time") } catch {
                throw .message("bench.floor: \(error)")
            }
            outcome = SpawnFloor.Outcome(jobs: count, concurrency: min(concurrency, count), wall: 0, failed: 0)
        } else {
            switch SpawnFloor.measure(job, count: count, concurrency: concurrency, cancellation: host.configuration.cancellation) {
            case .success(let o): outcome = o
            case .failure(let error): throw .message("bench.floor: \(error)")
            }
        }
        lua_createtable(s.L, 0, 4)
        s.push(outcome.jobs); s.setField(-2, "jobs")
        s.push(outcome.concurrency); s.setField(-2, "concurrency")
        s.push(outcome.wall); s.setField(-2, "wall_s")
        s.push(outcome.failed); s.setField(-2, "failed")
        return 1
    }
}
