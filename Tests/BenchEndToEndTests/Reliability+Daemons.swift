import BenchTestSupport
import Testing

/// The daemon sweep between the batches of a measurement: due at most every
/// `Cleanup.sweepInterval`, and always once when the measurements end.
extension ReliabilityTests {
    /// Two runs of a command that leaves a daemon (and waits 50 ms, so that the daemon has left
    /// its process group when the command ends) take under the sweep's interval: the first
    /// batch's sweep is due, the second's is not, and the one at the end of the measurements
    /// must kill the daemon the second run left.
    @Test func daemonsLeftByTimedCommandsDoNotOutliveTheRun() async throws {
        let box = try Sandbox([:])
        let r = await box.run(["time", "-N", "-r", "2", "--style", "none", "sh -c 'setsid sleep 3600.68 & sleep 0.05'"], timeout: 60)
        #expect(r.exitCode == 0, "\(r.summary)")
        box.expectNothingLeft("bench time")
    }

    /// The same through a recipe with two commands, one run each.
    @Test func daemonsLeftByARecipeDoNotOutliveTheRun() async throws {
        let box = try Sandbox([
            "r.lua": """
            return { name = 'r', strategies = { 'serial' }, warmup = 0, runs = 1, probes = {
              { name = 'a', command = { 'sh', '-c', 'setsid sleep 3600.69 & sleep 0.05' } },
              { name = 'b', command = { 'sh', '-c', 'setsid sleep 3600.70 & sleep 0.05' } } } }
            """
        ])
        let r = await box.run(["run", "r.lua", "--format", "json", "--output", "r.json"], timeout: 60)
        #expect(r.exitCode == 0, "\(r.summary)")
        box.expectNothingLeft("bench run", besides: ["r.json"])
    }
}
