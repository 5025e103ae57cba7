import CSystem
import Glibc

/// The floor for starting and reaping processes through bench's own spawn layer: one thread,
/// nothing but `posix_spawn` (with the attributes every child gets) and a wait, no pipes, no
/// pidfd and no rusage, at most `concurrency` children at once. No single thread can start and
/// reap the same command faster, so its time per job is what the executors are measured
/// against (executors that spawn from several threads at once can beat it).
public enum SpawnFloor {
    /// What one floor batch took.
    public struct Outcome: Sendable, Equatable {
        /// The number of children run.
        public var jobs: Int
        /// Children at once.
        public var concurrency: Int
        /// Wall seconds from the first spawn to the last reap.
        public var wall: Double
        /// Children that did not exit with status 0.
        public var failed: Int

        /// Creates an outcome.
        public init(jobs: Int, concurrency: Int, wall: Double, failed: Int) {
            self.jobs = jobs
            self.concurrency = concurrency
            self.wall = wall
            self.failed = failed
        }
    }

    /// Runs `job`'s command `count` times, its standard streams on /dev/null, and times it; its
    /// timeout, stdin and output limit do not apply. Meant for commands that exit at once
    /// (`/bin/true`). A cancelled `cancellation` starts no more children and waits for those running.
    public static func measure(_ job: Job, count: Int, concurrency: Int, cancellation: Cancellation? = nil) -> Result<Outcome, SpawnError> {
        let null = open("/dev/null", O_RDWR | O_CLOEXEC)
        guard null >= 0 else { return .failure(.system(call: "open /dev/null", errno: errno)) }
        defer { close(null) }
        var running = Set<pid_t>()
        var started = 0
        var failed = 0
        var failure: SpawnError?
        let start = MonotonicClock.now()
        while true {
            while failure == nil && running.count < max(1, concurrency) && started < count && cancellation?.isCancelled != true {
                switch Spawn.start(
                    argv: job.argv, environment: job.environment, workingDirectory: job.workingDirectory,
                    stdin: null, stdout: null, stderr: null)
                {
                case .success(let pid): running.insert(pid)
                case .failure(let error): failure = error
                }
                started += 1
            }
            if running.isEmpty { break }
            // Look before reaping: bench may have other children (its guardian) that are not ours to reap.
            var info = siginfo_t()
            guard waitid(P_ALL, 0, &info, WEXITED | WNOWAIT) == 0 else {
                if errno == EINTR { continue }
                break
            }
            // Another child's exit would be seen again and again: wait for one of ours by name instead.
            let exited = info._sifields._sigchld.si_pid
            let pid = running.contains(exited) ? exited : running.first!
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            running.remove(pid)
            if bench_wifexited(status) == 0 || bench_wexitstatus(status) != 0 { failed += 1 }
        }
        let wall = MonotonicClock.now() - start
        if let failure { return .failure(failure) }
        return .success(Outcome(jobs: started, concurrency: min(max(1, concurrency), count), wall: wall, failed: failed))
    }
}
