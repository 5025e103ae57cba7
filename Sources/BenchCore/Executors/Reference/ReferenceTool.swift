/// How one reference runner (ninja, make, xargs) is given a batch: the files it reads and the
/// command that runs it. `ReferenceExecutor` does the rest, the same for each: it checks the
/// jobs, writes each job's shell line, runs the tool and reads the outcomes.
protocol ReferenceTool: Sendable {
    /// Its strategy, whose name is also the program's.
    var strategy: Strategy { get }
    /// The Debian package that has it.
    var package: String { get }
    /// True when it runs every command through `/bin/sh` whatever the command (ninja), so that a
    /// job's shell line costs it no process more.
    var runsEveryJobThroughAShell: Bool { get }
    /// True when it runs in a directory of its own, so that each job's line must go back to
    /// bench's directory first.
    var runsElsewhere: Bool { get }
    /// True when it can run `jobs` as they are, with no shell, once each writes an output file
    /// of its own (their outcomes are then whether their output files exist).
    func canRunAsTheyAre(_ jobs: [Job]) -> Bool
    /// Writes into `directory` what the tool reads, and answers the command that runs the batch
    /// `slots` at a time: `jobs` as they are when `direct`, else `lines` (a POSIX `sh` line per
    /// job, which writes its exit status to `directory.path + "/status-N"`).
    func command(jobs: [Job], lines: [String], direct: Bool, slots: Int, in directory: TempDirectory) throws(BenchError) -> [ByteString]
}

/// The reference runners by strategy.
enum ReferenceTools {
    /// The tool of `strategy`, if it is a reference runner's.
    static func tool(for strategy: Strategy) -> (any ReferenceTool)? {
        switch strategy {
        case .ninja: return NinjaTool()
        case .make: return MakeTool()
        case .xargs: return XargsTool()
        case .async, .threads, .processes, .serial: return nil
        }
    }
}
