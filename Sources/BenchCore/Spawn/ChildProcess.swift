import CSystem
import Glibc

/// A running child and the parent's ends of its pipes: the state machine shared by the
/// blocking runner (threads, serial, workers) and the event loop of the `async` executor.
///
/// Owned by one thread at a time. The child's exit is seen through a pidfd, so waiting never
/// depends on the child closing its pipes (a grandchild may hold them open). The parent keeps
/// the pipes' write ends until it collects the child: a child's exit then wakes its parent once
/// (its pidfd), not also for each pipe hanging up an instant before; what the child wrote is
/// read after its exit, as ever. Its end comes in two steps, `markExited` (the wall ends, the
/// group's leftovers are killed) and `collect` (drain, reap, close), so that a runner can start
/// the next child in between.
final class ChildProcess {
    let job: Job
    let pid: pid_t
    let pidfd: Int32
    private(set) var stdoutFD: Int32
    private(set) var stderrFD: Int32
    private(set) var stdinFD: Int32
    /// The child's pipes; the parent closes their write ends in `collect`.
    private let pipes: OutputPipes
    private var stdinOffset = 0
    private var out: OutputBuffer
    private var err: OutputBuffer
    let started: Double
    /// When the parent saw the child exit; `nil` until then.
    private var ended: Double?
    /// The next moment something must happen without an event: the timeout, then the kill.
    private(set) var deadline: Double?
    private var terminateSent = false
    private var timedOut = false
    private var interrupted = false

    /// The standard input of every job without one: /dev/null, opened once for the process
    /// (close-on-exec, never closed) rather than once per job, or why it could not be.
    private static let nullInput: Result<Int32, SpawnError> = {
        let fd = bench_open_read("/dev/null")
        return fd >= 0 ? .success(fd) : .failure(.system(call: "open /dev/null", errno: errno))
    }()

    /// Where a job that discards its output writes: /dev/null, opened once for the process as
    /// `nullInput` is.
    private static let nullOutput: Result<Int32, SpawnError> = {
        let fd = open("/dev/null", O_WRONLY | O_CLOEXEC)
        return fd >= 0 ? .success(fd) : .failure(.system(call: "open /dev/null", errno: errno))
    }()

    /// Seconds between SIGTERM and SIGKILL for a child that outlived its timeout.
    static let killGrace = 1.0

    private init(job: Job, pid: pid_t, pidfd: Int32, stdin: Int32, pipes: OutputPipes, started: Double) {
        self.job = job
        self.pid = pid
        self.pidfd = pidfd
        self.stdinFD = stdin
        self.pipes = pipes
        self.stdoutFD = pipes.stdoutRead
        self.stderrFD = pipes.stderrRead
        self.started = started
        self.out = OutputBuffer(limit: job.outputLimit)
        self.err = OutputBuffer(limit: job.outputLimit)
        self.deadline = job.timeout.map { started + max(0, $0) }
    }

    /// Spawns the job's child with fresh pipes.
    static func start(_ job: Job) -> Result<ChildProcess, SpawnError> {
        OutputPipes.make(for: job).flatMap { start(job, pipes: $0) }
    }

    /// Spawns the job's child with `pipes` as its stdout and stderr; the child owns them from
    /// here on, and a child that cannot start closes them.
    static func start(_ job: Job, pipes: OutputPipes) -> Result<ChildProcess, SpawnError> {
        var output = (pipes.stdoutWrite, pipes.stderrWrite)
        if job.discardsOutput {
            // No pipes (`OutputPipes.none`), or, given some, their read ends see end-of-file at once.
            switch nullOutput {
            case .success(let null): output = (null, null)
            case .failure(let error):
                pipes.closeAll()
                return .failure(error)
            }
        }
        if job.sharesOutput { output = (1, 2) }
        let input: (read: Int32, write: Int32, owned: Bool)
        switch standardInput(for: job) {
        case .success(let fds): input = fds
        case .failure(let error):
            pipes.closeAll()
            return .failure(error)
        }
        let prepared = Spawn.prepare(argv: job.argv, environment: job.environment, workingDirectory: job.workingDirectory)
        // The job's clock starts here: the copying of its arguments and environment is bench's time, not the job's.
        let started = MonotonicClock.now()
        let spawned = prepared.flatMap { $0.start(stdin: input.read, stdout: output.0, stderr: output.1) }
        if input.owned { close(input.read) }
        guard case .success(let pid) = spawned, case let pidfd = bench_pidfd_open(pid), pidfd >= 0 else {
            let e = errno
            pipes.closeAll()
            if input.write >= 0 { close(input.write) }
            if case .success(let pid) = spawned {
                // No pidfd (a kernel before 5.3): do not leave the child behind.
                kill(-pid, SIGKILL)
                var status: Int32 = 0
                waitpid(pid, &status, 0)
                return .failure(.system(call: "pidfd_open", errno: e))
            }
            if case .failure(let error) = spawned { return .failure(error) }
            return .failure(.system(call: "posix_spawn", errno: e))
        }
        if input.write >= 0 { _ = bench_set_pipe_nonblocking(input.write) }
        return .success(ChildProcess(job: job, pid: pid, pidfd: pidfd, stdin: input.write, pipes: pipes, started: started))
    }

    /// The child's standard input and the parent's end of it: a pipe for the job's `stdin`
    /// bytes (`write` is the parent's end), its `stdinFile` opened for reading, or the shared
    /// /dev/null (`write` -1). `owned` says that the parent closes `read` once the child has it.
    private static func standardInput(for job: Job) -> Result<(read: Int32, write: Int32, owned: Bool), SpawnError> {
        if job.stdin != nil {
            guard let p = OutputPipes.pipe() else { return .failure(.system(call: "pipe", errno: errno)) }
            return .success((p.0, p.1, true))
        }
        if let file = job.stdinFile {
            let path = file.bytes.first == UInt8(ascii: "/") ? file : job.workingDirectory.map { $0 + "/" + file } ?? file
            return InputFile.open(path).map { ($0, -1, true) }
        }
        return nullInput.map { ($0, -1, false) }
    }

    /// Reads whatever `fd` (the stdout or stderr pipe) holds now; closes it at end of file.
    func drain(_ fd: Int32) {
        guard fd >= 0 else { return }
        withUnsafeTemporaryAllocation(byteCount: 65_536, alignment: 1) { buffer in
            while true {
                let n = read(fd, buffer.baseAddress, buffer.count)
                if n > 0 {
                    let chunk = UnsafeRawBufferPointer(rebasing: buffer[..<n])
                    if fd == stdoutFD { out.append(chunk) } else { err.append(chunk) }
                    continue
                }
                if n < 0 && errno == EINTR { continue }
                if n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) { closeOutput(fd) }
                return
            }
        }
    }

    /// Acts on a readiness report for the stdout or stderr pipe: drains it, or closes it
    /// without a read when it hung up with nothing left in it (`hasData` false), as most jobs'
    /// pipes end.
    func outputReady(_ fd: Int32, hasData: Bool) {
        if hasData { drain(fd) } else if fd >= 0 { closeOutput(fd) }
    }

    private func closeOutput(_ fd: Int32) {
        close(fd)
        if fd == stdoutFD { stdoutFD = -1 }
        if fd == stderrFD { stderrFD = -1 }
    }

    /// Writes as much of the job's stdin as the pipe takes; closes it when all is written or
    /// the child stopped reading.
    func writeStdin() {
        guard stdinFD >= 0, let data = job.stdin else { return }
        while stdinOffset < data.count {
            let n = data.bytes.withUnsafeBytes { write(stdinFD, $0.baseAddress! + stdinOffset, data.count - stdinOffset) }
            if n > 0 { stdinOffset += n; continue }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return }
            break
        }
        close(stdinFD)
        stdinFD = -1
    }

    /// Acts on the deadline if it has passed: SIGTERM to the group at the timeout, SIGKILL after the grace.
    func checkDeadline(now: Double) {
        guard let deadline, now >= deadline else { return }
        if !terminateSent {
            timedOut = true
            terminateSent = true
            kill(-pid, SIGTERM)
            self.deadline = now + Self.killGrace
        } else {
            kill(-pid, SIGKILL)
            self.deadline = nil
        }
    }

    /// Kills the child's whole process group now.
    func killGroup() { kill(-pid, SIGKILL) }

    /// Kills the child's whole process group because the run was interrupted; its result says so.
    func interrupt() {
        interrupted = true
        killGroup()
    }

    /// Takes note that the child has exited (its pidfd became readable): the job's wall ends
    /// here, and what is left of its process group is killed, so nothing of it runs beside the
    /// next job. What it leaves to do (drain, reap, close) waits for `collect`, which a runner
    /// may call after starting the next child.
    func markExited() {
        guard ended == nil else { return }
        ended = MonotonicClock.now()
        // The child has exited but is not reaped yet, so its pid still names its group and
        // cannot have been reused: killing the group reaches only its own leftovers.
        kill(-pid, SIGKILL)
    }

    /// Marks the child exited if it is not yet (a child given up on), drains its pipes, reaps
    /// it with its rusage and closes every descriptor: the job's result.
    func collect() -> JobResult {
        markExited()
        pipes.closeWriteEnds()
        drain(stdoutFD)
        drain(stderrFD)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        for fd in [stdoutFD, stderrFD, stdinFD, pidfd] where fd >= 0 { close(fd) }
        stdoutFD = -1
        stderrFD = -1
        stdinFD = -1
        let o = out.finish()
        let e = err.finish()
        let ended = self.ended ?? started
        return JobResult(
            name: job.name,
            exitCode: bench_wifexited(status) != 0 ? bench_wexitstatus(status) : nil,
            signal: bench_wifsignaled(status) != 0 ? bench_wtermsig(status) : nil,
            timedOut: timedOut, interrupted: interrupted,
            wall: ended - started,
            user: seconds(usage.ru_utime), sys: seconds(usage.ru_stime), maxRSS: usage.ru_maxrss,
            stdout: o.bytes, stderr: e.bytes, stdoutDropped: o.dropped, stderrDropped: e.dropped,
            started: started, ended: ended)
    }

    /// Runs the child to its end on the calling thread (`waitForExit`, then `collect`).
    func waitBlocking(cancel: Int32 = -1) -> JobResult {
        waitForExit(cancel: cancel)
        return collect()
    }

    /// Waits on the calling thread, with `poll` over the child's own descriptors and `cancel`
    /// (a `Cancellation`'s descriptor, or -1, which interrupts the child when readable), until
    /// the child has exited, and marks it exited. Its output is drained as it comes, its stdin
    /// written as the pipe takes it, its deadline kept.
    func waitForExit(cancel: Int32 = -1) {
        writeStdin()
        var cancel = cancel
        var fds: [pollfd] = []
        while true {
            fds.removeAll(keepingCapacity: true)
            fds.append(pollfd(fd: pidfd, events: Int16(POLLIN), revents: 0))
            fds.append(pollfd(fd: cancel, events: Int16(POLLIN), revents: 0))  // poll skips a negative fd
            for fd in [stdoutFD, stderrFD] where fd >= 0 { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            if stdinFD >= 0 { fds.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
            let timeout = MonotonicClock.pollTimeout(until: deadline)
            let n = poll(&fds, nfds_t(fds.count), timeout)
            if n < 0 && errno != EINTR { return markExited() }
            if deadline != nil { checkDeadline(now: MonotonicClock.now()) }
            guard n > 0 else { continue }
            if fds[0].revents != 0 { return markExited() }
            if fds[1].revents != 0 {
                interrupt()
                cancel = -1  // it stays readable: watch it no more
            }
            for p in fds.dropFirst(2) where p.revents != 0 {
                if p.fd == stdinFD {
                    writeStdin()
                } else {
                    outputReady(p.fd, hasData: p.revents & Int16(POLLIN) != 0)
                }
            }
        }
    }
}
