/// What a command costs before it does anything, measured on its own and subtracted from every
/// job's times: the start-up of the shell the commands run through (`sh -c ''`), as hyperfine
/// measures and subtracts it.
public struct Overhead: Sendable, Equatable {
    /// The command measured: the shell and `-c ''`.
    public var command: [ByteString]
    /// How many times it ran.
    public var runs: Int
    /// Its median wall-clock seconds, from the spawn to the exit, as a one-job batch measures it.
    public var wall: Double
    /// Its median user CPU seconds.
    public var user: Double
    /// Its median system CPU seconds.
    public var sys: Double

    /// How many times the runner measures the overhead before the timed rounds: hyperfine's 50.
    public static let count = 50

    /// Creates an overhead.
    public init(command: [ByteString], runs: Int, wall: Double, user: Double, sys: Double) {
        self.command = command
        self.runs = runs
        self.wall = wall
        self.user = user
        self.sys = sys
    }

    /// The overhead that `samples`, each a one-job batch of `command`, measured: the median of
    /// each time (hyperfine takes the mean; one disturbed start among 50 would move a mean by
    /// more than a fast command's whole time).
    public init(command: [ByteString], samples: [BatchResult]) {
        func median(_ values: [Double]) -> Double { SampleSummary(values).median }
        let jobs = samples.flatMap(\.results)
        self.init(
            command: command, runs: samples.count, wall: median(samples.map(\.wall)), user: median(jobs.map(\.user)),
            sys: median(jobs.map(\.sys)))
    }

    /// `batch` with the overhead taken from each job's wall, user and system times, and from the
    /// batch's wall once per job that ran in turn (the jobs over the concurrency, rounded up),
    /// none below zero.
    public func subtracted(from batch: BatchResult) -> BatchResult {
        var out = batch
        for i in out.results.indices {
            out.results[i].wall = max(0, out.results[i].wall - wall)
            out.results[i].user = max(0, out.results[i].user - user)
            out.results[i].sys = max(0, out.results[i].sys - sys)
        }
        let inTurn = (batch.results.count + max(1, batch.concurrency) - 1) / max(1, batch.concurrency)
        out.wall = max(0, batch.wall - wall * Double(inTurn))
        return out
    }
}
