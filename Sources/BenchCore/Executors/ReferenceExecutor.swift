import Glibc

/// Runs a batch through a tool people already run builds with, as a reference for bench's own
/// strategies: `ninja -j N` over a generated `build.ninja`, `make -j N` over a generated
/// Makefile, `xargs -P N` over the argument lists. The tool is one child of bench's spawn
/// layer; its rusage, which includes everything it waited for, is the batch's child CPU: the
/// first job's result carries it (and the tool's peak RSS), the others none, since no job's
/// own is known; no job's own wall time is known either.
///
/// Each job's outcome is its exit status, which the tool alone would not tell: every job runs
/// as `JOB; echo $? > STATUS` in a POSIX shell. ninja and make run their commands through
/// `/bin/sh` anyway; xargs does not, so under `xargs` each job costs one `sh` more than the
/// tool needs (a report says so). The jobs of a batch must share their environment (which the
/// tool gets), and have no standard input or working directory of their own.
public struct ReferenceExecutor: Executor {
    /// The tool that runs the batch.
    public enum Tool: String, Sendable {
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
        throw .compilerNotFound("strategy \(tool.rawValue) needs \(tool.rawValue), not found in PATH; install it (Debian: sudo apt-get install \(tool.package))")
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
        let directory = try TempDirectory()
        defer { _ = directory.remove() }
        let status = { (i: Int) -> ByteString in directory.path + "/status-\(i)" }
        let lines = jobs.enumerated().map { i, job in
            job.argv.enumerated().map { k, word in ShellLine.quote(word, commandWord: k == 0) }.joined(separator: " ")
                + "; echo $? > " + ShellLine.quote(status(i))
        }
        let slots = String(concurrency(for: jobs.count))
        let argv: [ByteString]
        switch tool {
        case .ninja:
            let file = directory.path + "/build.ninja"
            var text = "rule run\n  command = $command\n"
            for (i, line) in lines.enumerated() {
                text += "build \(ninjaEscape(status(i).text)): run\n  command = \(line.replacingOccurrences(of: "$", with: "$$"))\n"
            }
            try write(text, to: file)
            argv = ["ninja", "-f", file, "-j", ByteString(slots), "-k", "0", "--quiet"]
        case .make:
            let file = directory.path + "/Makefile"
            var text = ".PHONY: all\nall:" + jobs.indices.map { " s\($0)" }.joined() + "\n"
            for (i, line) in lines.enumerated() { text += "s\(i):\n\t\(line.replacingOccurrences(of: "$", with: "$$"))\n" }
            try write(text, to: file)
            argv = ["make", "-f", file, "-j", ByteString(slots), "-k", "-s", "-r", "-R"]
        case .xargs:
            let file = directory.path + "/jobs"
            // One argument per line, taken as it is (-d): xargs runs `sh -c LINE` for each. No
            // line holds a newline: ShellLine writes control bytes as escapes.
            try write(lines.joined(separator: "\n") + "\n", to: file)
            argv = ["xargs", "-P", ByteString(slots), "-d", "\\n", "-n", "1", "-a", file, "sh", "-c"]
        }
        let run = Spawn.run(Job(name: ByteString(tool.rawValue), argv: argv, environment: environment), cancellation: cancellation)
        var results: [JobResult] = []
        for (i, job) in jobs.enumerated() {
            let code = (try? FileContents.read(status(i))).flatMap { Int32($0.text.trimmingCharacters(in: .whitespacesAndNewlines)) }
            var result = JobResult(
                name: job.name, exitCode: code, interrupted: run.interrupted,
                error: code == nil ? "\(tool.rawValue) did not run it (\(run.summary))" : nil)
            if code != 0 && code != nil { result.stderr = "exit \(code!) under \(tool.rawValue), which keeps no job's own output" }
            // The tool's rusage covers every job it waited for: it goes to the first result, so that the batch's sum is the tool's.
            if i == 0 { result.user = run.user; result.sys = run.sys; result.maxRSS = run.maxRSS }
            results.append(result)
            progress?.increment()
        }
        return (results, 0)
    }

    private func ninjaEscape(_ path: String) -> String {
        path.replacingOccurrences(of: "$", with: "$$").replacingOccurrences(of: " ", with: "$ ").replacingOccurrences(of: ":", with: "$:")
    }

    private func write(_ text: String, to path: ByteString) throws(BenchError) {
        let fd = path.withCString { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600) }
        guard fd >= 0 else { throw .io("cannot write \(TerminalText.line(path)): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard writeAll(fd, Array(text.utf8)) else { throw .io("cannot write \(TerminalText.line(path)): \(String(cString: strerror(errno)))") }
    }
}
