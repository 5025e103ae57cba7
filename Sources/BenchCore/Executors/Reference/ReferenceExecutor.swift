import Glibc

/// Runs a batch through a tool people already run builds with, as a reference for bench's own
/// strategies: each tool (`NinjaTool`, `MakeTool`, `XargsTool`) says what it reads and how it
/// is started; this type does the rest, the same for each. The tool is one child of bench's spawn
/// layer; its rusage, which includes everything it waited for, is the batch's child CPU: the
/// first job's result carries it (and the tool's peak RSS), the others none, since no job's
/// own is known; no job's own wall time is known either.
///
/// Each job's outcome: when every job of the batch writes an output file of its own (`-o
/// FILE`, as compiles do), make and xargs run the jobs as they are, with no shell, and a job
/// succeeded when its output exists afterwards (compilers remove it when they fail; bench
/// removes it before each batch). Otherwise, and always under ninja, which runs every command
/// through `/bin/sh` anyway, each job runs as `JOB; echo $? > STATUS` in a POSIX shell, so its
/// exit status is known: under make and xargs that is one process per job more than the tool
/// needs, which `note(for:jobs:)` says for the report. The jobs of a batch must share their
/// environment (which the tool gets), and have no standard input or working directory of
/// their own.
public struct ReferenceExecutor: Executor {
    /// The tool that runs the batch.
    let tool: any ReferenceTool
    /// Jobs at once: the tool's `-j` or `-P`.
    public let limit: ConcurrencyLimit
    /// Stops the batch when cancelled: the tool is killed with its process group.
    public let cancellation: Cancellation?

    /// The executor of a reference runner's `strategy` (`nil` for bench's own strategies).
    public init?(_ strategy: Strategy, limit: ConcurrencyLimit, cancellation: Cancellation? = nil) {
        guard let tool = ReferenceTools.tool(for: strategy) else { return nil }
        self.tool = tool
        self.limit = limit
        self.cancellation = cancellation
    }

    /// The tool's name as a strategy.
    public var strategy: Strategy { tool.strategy }

    /// Throws unless `strategy` can run here: a reference runner's tool must be installed.
    public static func checkAvailable(_ strategy: Strategy) throws(BenchError) {
        guard let tool = ReferenceTools.tool(for: strategy) else { return }
        let name = tool.strategy.rawValue
        guard Executable.which(ByteString(name)) == nil else { return }
        throw .programNotFound("strategy \(name) needs \(name), not found in PATH; install it (Debian: sudo apt-get install \(tool.package))")
    }

    /// Each job's output file, when `tool` runs `jobs` as they are: every job of the batch names
    /// an output of its own (`-o FILE`), and the tool can run them without a shell.
    static func outputs(_ jobs: [Job], under tool: any ReferenceTool) -> [ByteString]? {
        guard tool.canRunAsTheyAre(jobs) else { return nil }
        var found: [ByteString] = []
        for job in jobs {
            guard let i = job.argv.firstIndex(of: "-o"), i + 1 < job.argv.count, i > 0 else { return nil }
            found.append(job.argv[i + 1])
        }
        return Set(found).count == found.count ? found : nil
    }

    /// What a report must say of how `strategy` ran `jobs`, if anything: the shell it added.
    public static func note(for strategy: Strategy, jobs: [Job]) -> String? {
        guard let tool = ReferenceTools.tool(for: strategy), !tool.runsEveryJobThroughAShell, outputs(jobs, under: tool) == nil else {
            return nil
        }
        return
            "each job ran as `JOB; echo $? > STATUS` through /bin/sh, to know its exit status (its jobs write no output file of their own): one process per job more than \(strategy.rawValue) itself needs"
    }

    /// Runs the batch through the tool; see the type's description for what the results hold.
    public func execute(_ jobs: [Job], progress: JobCounter?) throws(BenchError) -> (results: [JobResult], helperCPU: Double) {
        guard let environment = jobs.first?.environment else { return ([], 0) }
        for job in jobs {
            guard job.stdin == nil, job.stdinFile == nil, job.workingDirectory == nil else {
                throw .invalidValue(
                    "strategy \(strategy.rawValue) runs jobs as the tool runs them: without standard input or a working directory of their own")
            }
            guard job.environment == environment else {
                throw .invalidValue("strategy \(strategy.rawValue) gives every job of a batch one environment; these jobs have different ones")
            }
        }
        // Inside the run's directory where the jobs have one (their TMPDIR), so that even a
        // killed bench leaves nothing of the tool's files behind: the run's clean-up removes it.
        let directory = try TempDirectory(in: environment["TMPDIR"])
        defer { _ = directory.remove() }
        let status = { (i: Int) -> ByteString in directory.path + "/status-\(i)" }
        let outputs = Self.outputs(jobs, under: tool)
        for output in outputs ?? [] { _ = output.withCString { unlink($0) } }
        let home = tool.runsElsewhere ? Self.currentDirectory() : nil
        let lines = jobs.enumerated().map { i, job in
            var line = PortableShellLine()
            var command = job.argv.enumerated().map { k, word in line.word(word, commandWord: k == 0) }.joined(separator: " ")
            if let home { command = "cd \(line.word(home)) && " + command }
            if outputs == nil { command += "; echo $? > " + line.word(status(i)) }
            return line.line(command)
        }
        let argv = try tool.command(jobs: jobs, lines: lines, direct: outputs != nil, slots: concurrency(for: jobs.count), in: directory)
        let run = Spawn.run(Job(name: ByteString(strategy.rawValue), argv: argv, environment: environment), cancellation: cancellation)
        var results: [JobResult] = []
        for (i, job) in jobs.enumerated() {
            let code: Int32?
            if let outputs {
                var st = stat()
                code = outputs[i].withCString { stat($0, &st) } == 0 ? 0 : (run.interrupted ? nil : 1)
            } else {
                code = (try? FileContents.read(status(i))).flatMap { Int32($0.text.trimmingCharacters(in: .whitespacesAndNewlines)) }
            }
            var result = JobResult(
                name: job.name, exitCode: code, interrupted: run.interrupted,
                error: code == nil ? "\(strategy.rawValue) did not run it (\(run.summary))" : nil)
            if let code, code != 0 {
                result.stderr = ByteString(
                    outputs != nil
                        ? "no output file: the job failed under \(strategy.rawValue), which keeps no job's own messages"
                        : "exit \(code) under \(strategy.rawValue), which keeps no job's own messages")
            }
            // The tool's rusage covers every job it waited for: it goes to the first result, so that the batch's sum is the tool's.
            if i == 0 { result.user = run.user; result.sys = run.sys; result.maxRSS = run.maxRSS }
            results.append(result)
            progress?.increment()
        }
        return (results, 0)
    }

    /// bench's working directory, where the jobs run.
    private static func currentDirectory() -> ByteString? {
        guard let p = getcwd(nil, 0) else { return nil }
        defer { free(p) }
        return ByteString(cString: p)
    }
}
