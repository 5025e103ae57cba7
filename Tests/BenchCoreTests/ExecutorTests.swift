import BenchCore
import BenchTestSupport
import Foundation
import Glibc
import Testing

/// The largest number of jobs whose [started, ended] intervals overlap.
func peakOverlap(_ results: [JobResult]) -> Int {
    var events: [(time: Double, delta: Int)] = []
    for r in results {
        events.append((r.started, 1))
        events.append((r.ended, -1))
    }
    events.sort { $0.time < $1.time || ($0.time == $1.time && $0.delta < $1.delta) }
    var current = 0
    var peak = 0
    for e in events {
        current += e.delta
        peak = max(peak, current)
    }
    return peak
}

/// Runs a batch on a thread of its own and awaits it: `Executor.run` blocks its caller, and
/// tests run on Swift's cooperative pool, which must never be blocked (it has one thread per core).
func run(_ executor: any Executor, _ jobs: [Job]) async -> [JobResult] {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: try! executor.run(jobs).results) }.start()
    }
}

@Suite("Executors", .serialized)
struct ExecutorTests {
    static let limit = 3

    func executor(_ strategy: Strategy, limit: ConcurrencyLimit = .limited(ExecutorTests.limit)) -> any Executor {
        Executors.make(strategy, limit: limit, workerCommand: [ByteString(benchBinary()), "worker"])
    }

    /// 200 short jobs with different outcomes; the job's index is in its output.
    static let jobs: [Job] = (0..<200).map { i in
        Job(name: "job\(i)", argv: ["/bin/sh", "-c", "sleep 0.01; echo $0; exit $(($0 % 4))", "\(i)"])
    }

    @Test(arguments: [Strategy.async, .threads, .processes])
    func neverExceedsAndReachesItsLimit(strategy: Strategy) async {
        let results = await run(executor(strategy), Self.jobs)
        #expect(results.count == 200)
        #expect(peakOverlap(results) == Self.limit)
    }

    @Test func serialRunsOneAtATime() async {
        let results = await run(executor(.serial), Array(Self.jobs.prefix(40)))
        #expect(peakOverlap(results) == 1)
    }

    @Test func allFourExecutorsReturnTheSameResultsInJobOrder() async {
        let jobs = Array(Self.jobs.prefix(60))
        for strategy in Strategy.own {
            let results = await run(executor(strategy), jobs)
            #expect(results.map(\.name) == jobs.map(\.name), "\(strategy)")
            #expect(results.map(\.stdout) == (0..<60).map { "\($0)\n" }, "\(strategy)")
            #expect(results.map(\.exitCode) == (0..<60).map { Int32($0 % 4) }, "\(strategy)")
        }
    }

    @Test func unboundedStartsEveryJobAtOnce() async {
        let jobs = (0..<20).map { _ in Job(argv: ["sleep", "0.3"]) }
        let results = await run(executor(.async, limit: .unbounded), jobs)
        #expect(peakOverlap(results) == 20)
    }

    @Test(arguments: Strategy.own)
    func failuresToStartAreResultsNotCrashes(strategy: Strategy) async {
        let jobs = [Job(argv: ["true"]), Job(argv: ["bench-no-such-program"]), Job(argv: ["true"], workingDirectory: "/no/dir")]
        let results = await run(executor(strategy), jobs)
        #expect(results[0].ok)
        #expect(results[1].error == "cannot run 'bench-no-such-program': not found in PATH")
        #expect(results[2].error == "cannot run in '/no/dir': no such directory")
    }

    /// A job that discards its output has /dev/null as stdout and stderr (the shell checks,
    /// and says so only through its exit status), in every strategy, the workers' too.
    @Test(arguments: Strategy.own)
    func aJobThatDiscardsItsOutputWritesToDevNull(strategy: Strategy) async {
        let check = "echo out; echo err >&2; [ \"$(readlink /proc/$$/fd/1)\" = /dev/null ] && [ \"$(readlink /proc/$$/fd/2)\" = /dev/null ]"
        var discarding = Job(argv: ["/bin/sh", "-c", ByteString(check)])
        discarding.discardsOutput = true
        let results = await run(executor(strategy), [discarding, Job(argv: ["/bin/sh", "-c", ByteString(check)])])
        #expect(results[0].ok && results[0].stdout.isEmpty && results[0].stderr.isEmpty, "\(results[0])")
        #expect(results[1].exitCode == 1 && results[1].stdout == "out\n" && results[1].stderr == "err\n", "\(results[1])")
    }

    @Test func aWorkerThatDiesFailsItsJobAndTheBatchCompletes() async {
        // A "worker" that exits at once: every job is reported failed with the reason.
        let pool = ProcessPoolExecutor(limit: .limited(2), workerCommand: ["/bin/sh", "-c", "exit 7"])
        let results = await run(pool, (0..<5).map { _ in Job(argv: ["true"]) })
        #expect(results.count == 5)
        #expect(results.allSatisfy { $0.error?.contains("exited with status 7") == true })
    }

    @Test func aJobThatKillsItsWorkerIsReportedAndTheWorkerReplaced() async {
        // The job kills its parent (the worker); the next jobs run on a fresh worker.
        let jobs = [Job(argv: ["/bin/sh", "-c", "kill -KILL $PPID; sleep 1"]), Job(argv: ["echo", "after"]), Job(argv: ["echo", "again"])]
        let results = await run(ProcessPoolExecutor(limit: .limited(1), workerCommand: [ByteString(benchBinary()), "worker"]), jobs)
        #expect(results[0].error?.contains("died of SIGKILL") == true)
        #expect(results[1].stdout.text == "after\n")
        #expect(results[2].stdout.text == "again\n")
    }

    @Test func timeoutsWorkInTheEventLoop() async {
        let jobs = [Job(argv: ["sleep", "30"], timeout: 0.3), Job(argv: ["echo", "fine"])]
        let results = await run(executor(.async), jobs)
        #expect(results[0].timedOut)
        #expect(results[1].stdout.text == "fine\n")
    }

    @Test func floodingChildrenDoNotStallTheEventLoop() async {
        let flood = Job(argv: ["/bin/sh", "-c", "head -c 5000000 /dev/zero; head -c 5000000 /dev/zero >&2"])
        let results = await run(executor(.async), Array(repeating: flood, count: 6))
        #expect(results.allSatisfy { $0.ok && $0.stdoutDropped + $0.stdout.count == 5_000_000 })
    }

    @Test(arguments: Strategy.own)
    func cancellingABatchKillsWhatRunsAndStartsNothingMore(strategy: Strategy) async {
        let cancellation = Cancellation()
        let executor = Executors.make(strategy, limit: .limited(4), workerCommand: [ByteString(benchBinary()), "worker"], cancellation: cancellation)
        let jobs = (0..<20).map { _ in Job(argv: ["sleep", "30"]) }
        Thread {
            usleep(300_000)
            cancellation.cancel(signal: SIGINT)
        }.start()
        let started = MonotonicClock.now()
        let results = await run(executor, jobs)
        #expect(MonotonicClock.now() - started < 10)
        let running = strategy == .serial ? 1 : 4
        #expect(results.allSatisfy { $0.interrupted && !$0.ok })
        #expect(
            results.prefix(running).allSatisfy { $0.error == nil && $0.summary.hasPrefix("interrupted after") },
            "\(results.prefix(running).map { $0.summary })")
        #expect(results.dropFirst(running).allSatisfy { $0.error == "not started: the run was interrupted" })
        #expect(cancellation.exitStatus == 130)
    }

    @Test func aJobWaitingBehindOneThatKillsItsWorkerRunsOnTheReplacement() async {
        // One worker: from its second job on, the next job waits in its pipe while it runs one.
        let executor = Executors.make(.processes, limit: .limited(1), workerCommand: [ByteString(benchBinary()), "worker"])
        let jobs = ["a", "b", nil, "c", "d"].map { word in
            word.map { Job(argv: ["echo", ByteString($0)]) } ?? Job(argv: ["sh", "-c", "kill -9 $PPID"])
        }
        let results = await run(executor, jobs)
        #expect(results[2].error?.contains("died of SIGKILL") == true, "\(results[2].summary)")
        #expect([0, 1, 3, 4].map { results[$0].ok ? results[$0].stdout.text : results[$0].summary } == ["a\n", "b\n", "c\n", "d\n"])
    }

    @Test func cancellingReportsTheJobsWaitingInTheWorkersPipesAsNotStarted() async {
        let cancellation = Cancellation()
        let executor = Executors.make(
            .processes, limit: .limited(2), workerCommand: [ByteString(benchBinary()), "worker"], cancellation: cancellation)
        // Once each worker has answered a quick job, it runs a sleep with another waiting behind it.
        let jobs = (0..<4).map { _ in Job(argv: ["true"]) } + (0..<10).map { _ in Job(argv: ["sleep", "30"]) }
        Thread {
            usleep(1_500_000)
            cancellation.cancel(signal: SIGINT)
        }.start()
        let results = await run(executor, jobs)
        #expect(results.prefix(4).allSatisfy { $0.ok })
        let sleeps = results.dropFirst(4).map { $0.error ?? $0.summary }
        let interrupted = sleeps.filter { $0.hasPrefix("interrupted after") }.count
        let notStarted = sleeps.filter { $0 == "not started: the run was interrupted" }.count
        #expect(interrupted == 2 && notStarted == 8, "\(sleeps)")
    }

    /// `serial`, `threads` and `async` collect a child (its output, rusage and descriptors) only
    /// once the next one has started: every result must still be its own job's.
    @Test(arguments: Strategy.own)
    func everyResultIsItsOwnJobsWhenChildrenAreCollectedLate(strategy: Strategy) async {
        let busy = "i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done; echo busy $0; echo err $0 >&2"
        let jobs = (0..<12).map { i in
            switch i % 3 {
            case 0: Job(name: "busy\(i)", argv: ["/bin/sh", "-c", ByteString(busy), "\(i)"])
            case 1: Job(name: "quick\(i)", argv: ["/bin/sh", "-c", "echo quick $0; exit 3", "\(i)"])
            default: Job(name: "stdin\(i)", argv: ["wc", "-c"], stdin: ByteString(String(repeating: "x", count: 100_000 + i)))
            }
        }
        let results = await run(executor(strategy, limit: .limited(2)), jobs)
        for (i, r) in results.enumerated() {
            switch i % 3 {
            case 0:
                #expect(r.ok && r.stdout.text == "busy \(i)\n" && r.stderr.text == "err \(i)\n", "\(strategy) \(i): \(r.summary)")
                #expect(r.user + r.sys > 0.02, "\(strategy) \(i): \(r.user + r.sys) s of CPU")
            case 1:
                #expect(r.exitCode == 3 && r.stdout.text == "quick \(i)\n" && r.stderr.isEmpty, "\(strategy) \(i): \(r.summary)")
                #expect(r.user + r.sys < 0.02, "\(strategy) \(i): \(r.user + r.sys) s of CPU")
            default:
                #expect(r.ok && r.stdout.text.trimmingCharacters(in: .whitespacesAndNewlines) == "\(100_000 + i)", "\(strategy) \(i): \(r.summary)")
            }
            #expect(r.started <= r.ended && r.wall == r.ended - r.started)
        }
    }

    @Test func theConcurrencyUsedIsCappedByTheOpenFileLimitAndTheWorkerCap() {
        #expect(ConcurrencyLimit.unbounded.slots(for: 5000, capacity: 32) == 32)
        #expect(ConcurrencyLimit.limited(8).slots(for: 5000, capacity: 32) == 8)
        #expect(ConcurrencyLimit.limited(8).slots(for: 5000, capacity: 0) == 1)
        let pool = ProcessPoolExecutor(limit: .unbounded, workerCommand: [])
        #expect(pool.concurrency(for: 2000) == min(ProcessPoolExecutor.maxWorkers, Host.childCapacity))
    }

    @Test func concurrencyLimitParsing() throws {
        #expect(try ConcurrencyLimit.parse("4") == .limited(4))
        #expect(try ConcurrencyLimit.parse("unbounded") == .unbounded)
        #expect(throws: BenchError.self) { try ConcurrencyLimit.parse("0") }
        #expect(throws: BenchError.self) { try ConcurrencyLimit.parse("many") }
        #expect(ConcurrencyLimit.limited(8).slots(for: 3) == 3)
        #expect(ConcurrencyLimit.unbounded.slots(for: 50) == 50)
    }
}

/// `stdinFile`, in every strategy (it crosses to `processes` workers too).
extension ExecutorTests {
    /// Each job opens the file anew, so each reads all of it; a relative path is the job's
    /// working directory's; a file that cannot be opened, or a directory, is a job that could
    /// not start, and says which file and why.
    @Test(arguments: Strategy.own)
    func everyJobReadsItsFileFromItsBeginning(strategy: Strategy) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-stdin-\(getpid())-\(strategy)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "twelve bytes".write(to: folder.appendingPathComponent("in.txt"), atomically: true, encoding: .utf8)
        var absolute = Job(argv: ["wc", "-c"])
        absolute.stdinFile = ByteString(folder.path + "/in.txt")
        var relative = Job(argv: ["wc", "-c"], workingDirectory: ByteString(folder.path))
        relative.stdinFile = "in.txt"
        var missing = Job(argv: ["wc", "-c"])
        missing.stdinFile = "no-such-input.txt"
        var folderInput = Job(argv: ["wc", "-c"])
        folderInput.stdinFile = ByteString(folder.path)
        let results = await run(executor(strategy, limit: .limited(2)), [absolute, absolute, relative, relative, missing, folderInput])
        for r in results.prefix(4) {
            #expect(r.ok && r.stdout.text.trimmingCharacters(in: .whitespaces) == "12\n", "\(strategy): \(r.summary)")
        }
        #expect(results[4].failedToStart, "\(strategy)")
        #expect(results[4].error == "cannot read standard input from 'no-such-input.txt': No such file or directory", "\(strategy)")
        #expect(results[5].failedToStart && results[5].error == "cannot read standard input from '\(folder.path)': Is a directory", "\(strategy)")
    }
}
