import Glibc

/// Runs a batch through a tool people already run builds with, as a reference for bench's own
/// strategies: `ninja -j N` over a generated `build.ninja`, `make -j N` over a generated
/// Makefile, `xargs -P N` over the argument lists. The tool is one child of bench's spawn
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
    public enum Tool: String, Sendable {
        /// `ninja`, `make` (GNU make) and `xargs` (GNU findutils).
        case ninja, make, xargs

        /// The Debian package that has it.
        var package: String { self == .ninja ? "ninja-build" : self == .make ? "make" : "findutils" }
    }

    /// Which tool.
    public let tool: Tool
    /// Jobs at once: the tool's `-j` or `-P`.
    public let limit: ConcurrencyLimit
    /// Stops the batch when cancelled: the tool is killed with its process group.
    public let cancellation: Cancellation?

    /// Creates the executor.
    public init(tool: Tool, limit: ConcurrencyLimit, cancellation: Cancellation? = nil) {
        self.tool = tool
        self.limit = limit
        self.cancellation = cancellation
    }

    /// The tool's name as a strategy.
    public var strategy: Strategy { Strategy(rawValue: tool.rawValue)! }

    /// Throws unless `strategy` can run here: a reference runner's tool must be installed.
    public static func checkAvailable(_ strategy: Strategy) throws(BenchError) {
        guard strategy.isReference, let tool = Tool(rawValue: strategy.rawValue) else { return }
        guard Executable.which(ByteString(tool.rawValue)) == nil else { return }
        throw .programNotFound("strategy \(tool.rawValue) needs \(tool.rawValue), not found in PATH; install it (Debian: sudo apt-get install \(tool.package))")
    }

    /// Each job's output file, when every job of the batch names its own (`-o FILE`).
    static func outputs(_ jobs: [Job]) -> [ByteString]? {
        var found: [ByteString] = []
        for job in jobs {
            guard let i = job.argv.firstIndex(of: "-o"), i + 1 < job.argv.count, i > 0 else { return nil }
            found.append(job.argv[i + 1])
        }
        return Set(found).count == found.count ? found : nil
    }

    /// True when `tool` runs `jobs` as they are, reading their outcomes from their output files.
    static func runsDirectly(_ tool: Tool, _ jobs: [Job]) -> Bool {
        guard tool != .ninja, outputs(jobs) != nil else { return false }
        return tool != .xargs || Set(jobs.map { $0.argv[0] }).count == 1
    }

    /// What a report must say of how `strategy` ran `jobs`, if anything: the shell it added.
    public static func note(for strategy: Strategy, jobs: [Job]) -> String? {
        guard strategy == .make || strategy == .xargs, let tool = Tool(rawValue: strategy.rawValue), !runsDirectly(tool, jobs) else { return nil }
        return "each job ran as `JOB; echo $? > STATUS` through /bin/sh, to know its exit status (its jobs write no output file of their own): one process per job more than \(tool.rawValue) itself needs"
    }

    /// Runs the batch through the tool; see the type's description for what the results hold.
    public func execute(_ jobs: [Job], progress: JobCounter?) throws(BenchError) -> (results: [JobResult], helperCPU: Double) {
        guard let environment = jobs.first?.environment else { return ([], 0) }
        for job in jobs {
            guard job.stdin == nil, job.workingDirectory == nil else {
                throw .invalidValue("strategy \(tool.rawValue) runs jobs as the tool runs them: without standard input or a working directory of their own")
            }
            guard job.environment == environment else {
                throw .invalidValue("strategy \(tool.rawValue) gives every job of a batch one environment; these jobs have different ones")
            }
        }
        // Inside the run's directory where the jobs have one (their TMPDIR), so that even a
        // killed bench leaves nothing of the tool's files behind: the run's clean-up removes it.
        let directory = try TempDirectory(in: environment["TMPDIR"])
        defer { _ = directory.remove() }
        let status = { (i: Int) -> ByteString in directory.path + "/status-\(i)" }
        let outputs = Self.runsDirectly(tool, jobs) ? Self.outputs(jobs) : nil
        for output in outputs ?? [] { _ = output.withCString { unlink($0) } }
        // ninja runs in its directory (-C), so that no path of the build file can hold a byte
        // ninja cannot write (a newline in TMPDIR); each job goes back to bench's own first.
        let home = tool == .ninja ? Self.currentDirectory() : nil
        let lines = jobs.enumerated().map { i, job in
            var line = PortableShellLine()
            var command = job.argv.enumerated().map { k, word in line.word(word, commandWord: k == 0) }.joined(separator: " ")
            if let home { command = "cd \(line.word(home)) && " + command }
            if outputs == nil { command += "; echo $? > " + line.word(status(i)) }
            return line.line(command)
        }
        let slots = String(concurrency(for: jobs.count))
        let argv: [ByteString]
        switch tool {
        case .ninja:
            // Run in the tool's directory, which keeps ninja's log (.ninja_log) there too.
            var text = "rule run\n  command = $command\n"
            for (i, line) in lines.enumerated() {
                text += "build status-\(i): run\n  command = \(line.replacingOccurrences(of: "$", with: "$$"))\n"
            }
            _ = try directory.write("build.ninja", ByteString(text))
            argv = ["ninja", "-C", directory.path, "-f", "build.ninja", "-j", ByteString(slots), "-k", "0", "--quiet"]
        case .make:
            var text = ".PHONY: all" + jobs.indices.map { " s\($0)" }.joined() + "\nall:" + jobs.indices.map { " s\($0)" }.joined() + "\n"
            for (i, line) in lines.enumerated() { text += "s\(i):\n\t\(line.replacingOccurrences(of: "$", with: "$$"))\n" }
            let file = try directory.write("Makefile", ByteString(text))
            argv = ["make", "-f", file, "-j", ByteString(slots), "-k", "-s", "-r", "-R"]
        case .xargs:
            if outputs != nil {
                // The common program as xargs' command, each job's arguments a line, every byte escaped for xargs.
                var text: [UInt8] = []
                for job in jobs { text += Array(job.argv.dropFirst().map(xargsEscape).joined(separator: [32])) + [10] }
                let file = try directory.write("jobs", ByteString(text))
                argv = ["xargs", "-P", ByteString(slots), "-L", "1", "-a", file, jobs[0].argv[0]]
            } else {
                // One argument per line, taken as it is (-d): xargs runs `sh -c LINE` for each. No
                // line holds a newline: PortableShellLine makes words with control bytes by printf.
                let file = try directory.write("jobs", ByteString(lines.joined(separator: "\n") + "\n"))
                argv = ["xargs", "-P", ByteString(slots), "-d", "\\n", "-n", "1", "-a", file, "sh", "-c"]
            }
        }
        let run = Spawn.run(Job(name: ByteString(tool.rawValue), argv: argv, environment: environment), cancellation: cancellation)
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
                error: code == nil ? "\(tool.rawValue) did not run it (\(run.summary))" : nil)
            if let code, code != 0 {
                result.stderr = ByteString(outputs != nil ? "no output file: the job failed under \(tool.rawValue), which keeps no job's own messages"
                    : "exit \(code) under \(tool.rawValue), which keeps no job's own messages")
            }
            // The tool's rusage covers every job it waited for: it goes to the first result, so that the batch's sum is the tool's.
            if i == 0 { result.user = run.user; result.sys = run.sys; result.maxRSS = run.maxRSS }
            results.append(result)
            progress?.increment()
        }
        return (results, 0)
    }

    /// `word` as xargs reads it, byte for byte: each ASCII byte but a letter or digit after a
    /// backslash (bytes above 0x7F are no xargs syntax and stay as they are).
    private func xargsEscape(_ word: ByteString) -> [UInt8] {
        guard !word.isEmpty else { return Array("''".utf8) }
        var out: [UInt8] = []
        for b in word.bytes {
            let plain = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
            if !plain { out.append(UInt8(ascii: "\\")) }
            out.append(b)
        }
        return out
    }

    /// bench's working directory, where the jobs run.
    private static func currentDirectory() -> ByteString? {
        guard let p = getcwd(nil, 0) else { return nil }
        defer { free(p) }
        return ByteString(cString: p)
    }
}
