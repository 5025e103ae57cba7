import CSystem
import Glibc

/// One event loop of the `async` executor: on the thread that runs it, it starts its children
/// and watches all of them through one epoll set (pidfds and pipes), as asyncio's loop or
/// ninja's does. No thread is parked per child and no other thread takes part, so a child's exit
/// and the start of the next one are one wake-up of one thread.
final class EventLoop {
    private let epfd: Int32
    private let cancellation: Cancellation?

    // A child's tokens are its job's index times four plus which descriptor; the cancellation's is
    // the one no index reaches.
    private static let cancelToken = UInt64.max
    private enum Slot: UInt64 {
        case exit = 0
        case stdout, stderr, stdin
    }

    /// Makes the epoll set; a cancelled `cancellation` kills the running children and starts no more.
    init(cancellation: Cancellation?) throws(SpawnError) {
        self.cancellation = cancellation
        epfd = bench_epoll_create()
        guard epfd >= 0 else { throw .system(call: "epoll_create1", errno: errno) }
        if let fd = cancellation?.descriptor, fd >= 0 { _ = bench_epoll_add(epfd, fd, bench_epoll_in, Self.cancelToken) }
    }

    deinit { close(epfd) }

    /// Runs jobs taken from `queue`, at most `slots` children at once, and stores each result in
    /// the queue. A child's exit is followed at once by its successor's start: the exited child
    /// is drained, reaped and closed after that, and the next child's pipes are made beforehand,
    /// while the others run.
    func run(_ queue: BatchQueue, slots: Int) {
        var running: [Int: ChildProcess] = [:]
        var exited: [(index: Int, child: ChildProcess)] = []
        var spare = SparePipes()
        defer { spare.close() }
        var cancelled = false
        var exhausted = false
        var tokens = [UInt64](repeating: 0, count: 64)
        var events = [UInt32](repeating: 0, count: 64)
        while true {
            while !cancelled && !exhausted && running.count < max(1, slots) {
                guard let (index, job) = queue.take() else { exhausted = true; break }
                if let child = start(job, index: index, pipes: spare.take(), queue: queue) { running[index] = child }
            }
            for (index, child) in exited { queue.store(child.collect(), at: index) }
            exited.removeAll(keepingCapacity: true)
            if running.isEmpty { break }
            if !exhausted && !cancelled { spare.refill() }
            let nearest = running.values.lazy.compactMap(\.deadline).min()
            let timeout = MonotonicClock.pollTimeout(until: nearest)
            let n = Int(bench_epoll_wait(epfd, &tokens, &events, Int32(tokens.count), timeout))
            if nearest != nil {
                let now = MonotonicClock.now()
                for child in running.values { child.checkDeadline(now: now) }
            }
            for i in 0..<max(n, 0) {
                if tokens[i] == Self.cancelToken {
                    // It stays readable: watch it no more.
                    if let fd = cancellation?.descriptor { _ = bench_epoll_remove(epfd, fd) }
                    cancelled = true
                    for child in running.values { child.interrupt() }
                    continue
                }
                let index = Int(tokens[i] >> 2)
                guard let child = running[index], let slot = Slot(rawValue: tokens[i] & 3) else { continue }
                switch slot {
                case .stdout:
                    child.outputReady(child.stdoutFD, hasData: events[i] & bench_epoll_in != 0)
                    rearm(child.stdoutFD, bench_epoll_in, token: tokens[i])
                case .stderr:
                    child.outputReady(child.stderrFD, hasData: events[i] & bench_epoll_in != 0)
                    rearm(child.stderrFD, bench_epoll_in, token: tokens[i])
                case .stdin:
                    child.writeStdin()
                    rearm(child.stdinFD, bench_epoll_out, token: tokens[i])
                case .exit:
                    // Its descriptors stay open until it is collected, with no wait for events
                    // in between: none of them can report anything stale.
                    running[index] = nil
                    child.markExited()
                    exited.append((index, child))
                }
            }
        }
    }

    /// Watches `fd` for its next event, if it is still open (a one-shot watch is off once it has
    /// reported).
    private func rearm(_ fd: Int32, _ events: UInt32, token: UInt64) {
        if fd >= 0 { _ = bench_epoll_modify(epfd, fd, events | bench_epoll_oneshot, token) }
    }

    /// Starts one child with `pipes` (or the reason they could not be made) and adds its
    /// descriptors to the set; a child that cannot start or be watched is completed at once,
    /// as a failed result.
    private func start(_ job: Job, index: Int, pipes: Result<OutputPipes, SpawnError>, queue: BatchQueue) -> ChildProcess? {
        let child: ChildProcess
        switch pipes.flatMap({ ChildProcess.start(job, pipes: $0) }) {
        case .success(let c): child = c
        case .failure(let error):
            queue.store(.couldNotStart(job, error), at: index)
            return nil
        }
        child.writeStdin()
        let base = UInt64(index) << 2
        // Every descriptor is watched one event at a time (re-armed after it), because closing
        // one does not always take it out of the set: while a child spawned as it was open
        // still ran, it stayed in, readable or hung up, and the loop spun on it.
        let once = bench_epoll_oneshot
        var ok = bench_epoll_add(epfd, child.pidfd, bench_epoll_in | once, base | Slot.exit.rawValue) == 0
        ok = ok && bench_epoll_add(epfd, child.stdoutFD, bench_epoll_in | once, base | Slot.stdout.rawValue) == 0
        ok = ok && bench_epoll_add(epfd, child.stderrFD, bench_epoll_in | once, base | Slot.stderr.rawValue) == 0
        if child.stdinFD >= 0 {
            ok = ok && bench_epoll_add(epfd, child.stdinFD, bench_epoll_out | once, base | Slot.stdin.rawValue) == 0
        }
        if !ok {
            // Cannot watch it (descriptor limits): stop it rather than lose track of it.
            child.killGroup()
            var result = child.collect()
            result.error = "cannot watch the child: epoll_ctl failed"
            queue.store(result, at: index)
            return nil
        }
        return child
    }
}
