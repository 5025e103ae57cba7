import CSystem
import Foundation
import Glibc
import Synchronization

/// One event-loop thread that starts and watches every child of the `async` executor through
/// epoll (pidfds and pipes), so no thread is parked per running child and no thread of Swift's
/// cooperative pool ever blocks: tasks suspend on a continuation the loop resumes.
///
/// The loop also enforces the concurrency limit: submissions beyond it wait in its queue, and
/// the loop starts the next one the moment a child exits, without a round trip through a task
/// (which, on a machine whose cores are busy with compilers, waits for a scheduler slot).
final class Reactor: Sendable {
    private struct Submission: Sendable {
        let job: Job
        let continuation: CheckedContinuation<JobResult, Never>
    }

    private let epfd: Int32
    private let wakeFD: Int32
    private let cancelFD: Int32
    private let limit: Int
    private let pending = Mutex<[Submission]>([])
    private let stopping = Atomic<Bool>(false)
    private let stopped = DispatchSemaphore(value: 0)

    /// Starts the loop thread; at most `limit` children run at once, and a readable `cancel`
    /// (a `Cancellation`'s descriptor, or -1) kills them all and fails what is queued.
    init(limit: Int, cancel: Int32 = -1) throws(SpawnError) {
        self.limit = max(1, limit)
        cancelFD = cancel
        epfd = bench_epoll_create()
        guard epfd >= 0 else { throw .system(call: "epoll_create1", errno: errno) }
        wakeFD = bench_eventfd()
        guard wakeFD >= 0, bench_epoll_add(epfd, wakeFD, bench_epoll_in, Token.wake) == 0 else {
            let e = errno
            close(epfd)
            throw .system(call: "eventfd", errno: e)
        }
        if cancel >= 0 { _ = bench_epoll_add(epfd, cancel, bench_epoll_in, Token.cancel) }
        if case .failure(let error) = OSThread.start(stackSize: 512 * 1024, { [self] in loop() }) {
            close(wakeFD)
            close(epfd)
            throw error
        }
    }

    /// Runs one job; the calling task suspends until the child has exited and been reaped.
    func run(_ job: Job) async -> JobResult {
        await withCheckedContinuation { continuation in
            pending.withLock { $0.append(Submission(job: job, continuation: continuation)) }
            wake()
        }
    }

    /// Lets the loop finish the children it has, then ends its thread and closes its descriptors.
    func shutdown() {
        stopping.store(true, ordering: .releasing)
        wake()
        stopped.wait()
        close(wakeFD)
        close(epfd)
    }

    private func wake() {
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }

    private struct Entry {
        let child: ChildProcess
        let continuation: CheckedContinuation<JobResult, Never>
    }

    // Tokens: 0 the wake-up eventfd, 1 the cancellation; a child's are its id (from 1) times
    // four plus which descriptor.
    private enum Token {
        static let wake: UInt64 = 0
        static let cancel: UInt64 = 1
    }
    private enum Slot: UInt64 { case exit = 0, stdout, stderr, stdin }

    private func loop() {
        var children: [UInt64: Entry] = [:]
        var queue: [Submission] = []
        var head = 0
        var nextID: UInt64 = 1
        var cancelled = false
        var tokens = [UInt64](repeating: 0, count: 64)
        var events = [UInt32](repeating: 0, count: 64)
        while true {
            // Admit queued jobs up to the limit; a cancelled loop fails them instead.
            while head < queue.count && (cancelled || children.count < limit) {
                let submission = queue[head]
                head += 1
                if cancelled {
                    submission.continuation.resume(returning: .notStarted(submission.job))
                } else {
                    start(submission, id: nextID, into: &children)
                    nextID += 1
                }
            }
            if head == queue.count && head > 0 {
                queue.removeAll(keepingCapacity: true)
                head = 0
            }
            if children.isEmpty && queue.isEmpty && stopping.load(ordering: .acquiring) && pending.withLock({ $0.isEmpty }) { break }
            let nearest = children.values.compactMap(\.child.deadline).min()
            let timeout = nearest.map { Int32(clamping: Int(max(0, ($0 - MonotonicClock.now()) * 1000).rounded(.up))) } ?? -1
            let n = Int(bench_epoll_wait(epfd, &tokens, &events, 64, timeout))
            if nearest != nil {
                let now = MonotonicClock.now()
                for entry in children.values { entry.child.checkDeadline(now: now) }
            }
            for i in 0..<max(n, 0) {
                let token = tokens[i]
                if token == Token.wake {
                    var count: UInt64 = 0
                    _ = read(wakeFD, &count, 8)
                    queue += pending.withLock { list in defer { list.removeAll() }; return list }
                    continue
                }
                if token == Token.cancel {
                    // It stays readable: watch it no more.
                    _ = bench_epoll_remove(epfd, cancelFD)
                    cancelled = true
                    for entry in children.values { entry.child.interrupt() }
                    continue
                }
                let id = token >> 2
                guard let entry = children[id], let slot = Slot(rawValue: token & 3) else { continue }
                switch slot {
                case .stdout: entry.child.drain(entry.child.stdoutFD)
                case .stderr: entry.child.drain(entry.child.stderrFD)
                case .stdin:
                    entry.child.writeStdin()
                    // A closed descriptor leaves the epoll set by itself.
                case .exit:
                    children[id] = nil
                    entry.continuation.resume(returning: entry.child.finish())
                }
            }
        }
        stopped.signal()
    }

    private func start(_ submission: Submission, id: UInt64, into children: inout [UInt64: Entry]) {
        let child: ChildProcess
        switch ChildProcess.start(submission.job) {
        case .success(let c): child = c
        case .failure(let error):
            submission.continuation.resume(returning: .failed(submission.job, error.description))
            return
        }
        child.writeStdin()
        var ok = bench_epoll_add(epfd, child.pidfd, bench_epoll_in, id << 2 | Slot.exit.rawValue) == 0
        ok = ok && bench_epoll_add(epfd, child.stdoutFD, bench_epoll_in, id << 2 | Slot.stdout.rawValue) == 0
        ok = ok && bench_epoll_add(epfd, child.stderrFD, bench_epoll_in, id << 2 | Slot.stderr.rawValue) == 0
        if child.stdinFD >= 0 {
            ok = ok && bench_epoll_add(epfd, child.stdinFD, bench_epoll_out, id << 2 | Slot.stdin.rawValue) == 0
        }
        if !ok {
            // Cannot watch it (descriptor limits): stop it rather than lose track of it.
            child.killGroup()
            var result = child.finish()
            result.error = "cannot watch the child: epoll_ctl failed"
            submission.continuation.resume(returning: result)
            return
        }
        children[id] = Entry(child: child, continuation: submission.continuation)
    }
}
