/// What became of one job: how it ended, what it cost, and the tail of what it printed.
///
/// A job that failed (non-zero exit, a signal, a timeout, or no start at all) is a normal
/// result, never a thrown error: a batch always returns one result per job.
public struct JobResult: Sendable, Equatable {
    /// The job's name.
    public var name: ByteString
    /// The exit status, when the child exited by itself.
    public var exitCode: Int32?
    /// The signal that ended the child, when one did.
    public var signal: Int32?
    /// Whether bench killed the child because its timeout ran out.
    public var timedOut: Bool
    /// Whether the run was interrupted (Ctrl-C, SIGTERM) while this job ran or before it started.
    public var interrupted: Bool
    /// Why the job could not run at all (program missing, bad directory, worker died); `nil` if it ran.
    public var error: String?
    /// True when the spawn layer could not start the child (no such program, not executable, a
    /// bad directory, the limit on processes or descriptors): a problem of the command or the
    /// machine, which a scenario reports as one instead of as the job's outcome.
    public var failedToStart = false
    /// Wall-clock seconds from just before the spawn to the child's exit.
    public var wall: Double
    /// User CPU seconds of the child and the descendants it waited for (`wait4` rusage).
    public var user: Double
    /// System CPU seconds of the child and the descendants it waited for.
    public var sys: Double
    /// Peak resident set size of the child, in KiB.
    public var maxRSS: Int
    /// The end of the child's standard output: at most the job's `outputLimit` bytes, exactly as written.
    public var stdout: ByteString
    /// The end of the child's standard error.
    public var stderr: ByteString
    /// Bytes of stdout that were cut from the front to respect the limit.
    public var stdoutDropped: Int
    /// Bytes of stderr that were cut from the front to respect the limit.
    public var stderrDropped: Int
    /// Monotonic time (seconds, `CLOCK_MONOTONIC`) at the spawn, comparable across processes.
    public var started: Double
    /// Monotonic time at the child's exit.
    public var ended: Double

    /// Creates a result; fields not given are those of a job that never ran.
    public init(
        name: ByteString, exitCode: Int32? = nil, signal: Int32? = nil, timedOut: Bool = false,
        interrupted: Bool = false, error: String? = nil, wall: Double = 0, user: Double = 0, sys: Double = 0, maxRSS: Int = 0,
        stdout: ByteString = "", stderr: ByteString = "", stdoutDropped: Int = 0, stderrDropped: Int = 0,
        started: Double = 0, ended: Double = 0
    ) {
        self.name = name
        self.exitCode = exitCode
        self.signal = signal
        self.timedOut = timedOut
        self.interrupted = interrupted
        self.error = error
        self.wall = wall
        self.user = user
        self.sys = sys
        self.maxRSS = maxRSS
        self.stdout = stdout
        self.stderr = stderr
        self.stdoutDropped = stdoutDropped
        self.stderrDropped = stderrDropped
        self.started = started
        self.ended = ended
    }

    /// A result for a job that could not run, with the reason.
    public static func failed(_ job: Job, _ reason: String, at time: Double = MonotonicClock.now()) -> JobResult {
        JobResult(name: job.name, error: reason, started: time, ended: time)
    }

    /// A result for a job the spawn layer could not start, saying why.
    public static func couldNotStart(_ job: Job, _ error: SpawnError) -> JobResult {
        var result = failed(job, error.description)
        result.failedToStart = true
        return result
    }

    /// The result `--dry-run` gives a job it printed instead of running: success, in no time.
    public static func dryRun(_ job: Job) -> JobResult { JobResult(name: job.name, exitCode: 0) }

    /// The kept end of stderr, saying first how much was cut before it, if anything was.
    public var stderrTail: ByteString {
        stderrDropped == 0 ? stderr : ByteString("[\(stderrDropped) bytes of stderr cut; the last \(stderr.count) follow]\n") + stderr
    }

    /// A result for a job that never started because the run was interrupted first.
    public static func notStarted(_ job: Job) -> JobResult {
        var result = JobResult.failed(job, "not started: the run was interrupted")
        result.interrupted = true
        return result
    }

    /// True when the child ran to its end uninterrupted, was not killed for its timeout, and exited with status 0.
    public var ok: Bool { error == nil && !timedOut && !interrupted && exitCode == 0 }

    /// One short phrase for people: "exit 0", "killed by SIGSEGV", "timed out after 2.0 s", or the error.
    public var summary: String {
        if let error { return error }
        if interrupted { return "interrupted after \(formatSeconds(wall)): killed by bench" }
        if timedOut { return "timed out after \(formatSeconds(wall))" }
        if let signal { return "killed by \(SignalName.name(of: signal))" }
        return "exit \(exitCode ?? -1)"
    }
}
