import CSystem
import Glibc

/// The parent's handle on one `processes` worker: a bench process that reads jobs as lines
/// (`WorkerCodec`) on its stdin and answers each with a result line on its stdout.
final class WorkerProcess {
    private let pid: pid_t
    private let toWorker: Int32
    private let fromWorker: Int32
    private let lines: LineReader
    /// CPU seconds of the jobs this worker ran (their rusage, which the kernel also adds to the worker's).
    private var jobsCPU = 0.0
    /// When the worker was sent SIGTERM plus `stopGrace`: the end of its time to answer the jobs
    /// it holds and exit. `nil` until then.
    private var stopDeadline: Double?

    private init(pid: pid_t, toWorker: Int32, fromWorker: Int32) {
        self.pid = pid
        self.toWorker = toWorker
        self.fromWorker = fromWorker
        self.lines = LineReader(fd: fromWorker)
    }

    /// Starts `command` through the spawn layer with a pipe each way; its stderr is bench's. The
    /// worker leads a session of its own, so that if it dies mid-job its job can still be found.
    static func launch(_ command: [ByteString]) -> Result<WorkerProcess, SpawnError> {
        var input: [Int32] = [-1, -1]
        var output: [Int32] = [-1, -1]
        guard bench_pipe(&input) == 0 else { return .failure(.system(call: "pipe", errno: errno)) }
        guard bench_pipe(&output) == 0 else {
            let e = errno
            close(input[0]); close(input[1])
            return .failure(.system(call: "pipe", errno: e))
        }
        let started = Spawn.start(argv: command, stdin: input[0], stdout: output[1], stderr: 2, newSession: true)
        close(input[0])
        close(output[1])
        switch started {
        case .success(let pid): return .success(WorkerProcess(pid: pid, toWorker: input[1], fromWorker: output[0]))
        case .failure(let error):
            close(input[1]); close(output[0])
            return .failure(error)
        }
    }

    /// Seconds a worker gets to kill its job and exit after SIGTERM, before SIGKILL.
    static let stopGrace = 2.0

    /// How long after a job's timeout and kill grace the host waits for the worker's answer
    /// before it kills the worker itself.
    static let answerMargin = 0.5

    /// Writes one job to the worker's stdin, where it waits until the worker has answered the
    /// jobs sent before it; false if the worker is gone.
    func send(_ job: Job) -> Bool {
        var line = WorkerCodec.encode(job)
        line.append(UInt8(ascii: "\n"))
        return writeAll(toWorker, line)
    }

    /// Waits for the result of `job`, the oldest job sent and not answered, which the worker
    /// runs from now on; a failure means the worker is gone (and reaped, with its job). When
    /// `cancellation` is cancelled, the worker is sent SIGTERM: it kills its job's process
    /// group, answers, and exits. The job's timeout holds even if the worker cannot enforce it
    /// (a job that stopped its worker with SIGSTOP): the host then kills the worker's whole
    /// session, and the failure carries the job's timed-out result.
    func receive(_ job: Job, cancellation: Cancellation?) -> Result<JobResult, WorkerFailure> {
        let started = MonotonicClock.now()
        let deadline = job.timeout.map { started + $0 + ChildProcess.killGrace + Self.answerMargin }
        if let answer = answer(cancellation, deadline: deadline), let result = WorkerCodec.result(answer) {
            jobsCPU += result.user + result.sys
            return .success(result)
        }
        let late = deadline.map { MonotonicClock.now() >= $0 } ?? false
        let end = stop(force: true)
        guard late else { return .failure(.init(reason: "worker \(pid) \(end.description)", workerCPU: end.workerCPU)) }
        let ended = MonotonicClock.now()
        let result = JobResult(
            name: job.name, timedOut: true, wall: ended - started,
            stderr: "bench: the job's worker stopped answering; bench killed the worker and its job\n",
            started: started, ended: ended)
        return .failure(.init(reason: "worker \(pid) stopped answering", workerCPU: end.workerCPU, result: result))
    }

    /// The worker's next answer line, or `nil` once it is gone or `deadline` has passed. After a
    /// cancellation, the worker is sent SIGTERM once, and every answer still due (the job it ran,
    /// then the one waiting in its pipe) is waited for until `stopDeadline`: a second SIGTERM
    /// would reach a worker busy ending and make it stop at once, saying "SIGTERM again".
    private func answer(_ cancellation: Cancellation?, deadline: Double?) -> [UInt8]? {
        let stopping: Double
        if let stopDeadline {
            stopping = stopDeadline
        } else {
            let wait = deadline.map { max(0, $0 - MonotonicClock.now()) }
            if let line = lines.next(cancel: cancellation?.descriptor ?? -1, timeout: wait) { return line }
            guard cancellation?.isCancelled == true else { return nil }  // end of file (the worker died) or too late
            kill(pid, SIGTERM)
            stopping = MonotonicClock.now() + Self.stopGrace
            stopDeadline = stopping
        }
        return lines.next(timeout: max(0, stopping - MonotonicClock.now()))
    }

    /// Ends the worker: closes its stdin (it exits at end of input) and reaps it. With `force`,
    /// it is killed first, and so is every process of its session: its job, orphaned mid-run.
    func stop(force: Bool = false) -> WorkerEnd {
        close(toWorker)
        close(fromWorker)
        if force {
            kill(pid, SIGKILL)
            // Wait for its end without reaping it: until reaped, its pid (the session's id) cannot be reused.
            var info = siginfo_t()
            while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
            ProcessTable.killSession(pid)
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        // wait4 reports the worker's own CPU plus that of the children it reaped (its jobs).
        let own = cpuSeconds(usage) - jobsCPU
        if bench_wifsignaled(status) != 0 {
            return WorkerEnd(description: "died of \(SignalName.name(of: bench_wtermsig(status)))", workerCPU: own)
        }
        return WorkerEnd(description: "exited with status \(bench_wexitstatus(status))", workerCPU: own)
    }
}

/// How a worker ended and the CPU seconds it used itself.
struct WorkerEnd {
    let description: String
    let workerCPU: Double
}

/// Why a worker could not return a job's result.
struct WorkerFailure: Error {
    let reason: String
    let workerCPU: Double
    /// The job's result when the host decided it (a timeout the worker could not enforce).
    var result: JobResult?
}
