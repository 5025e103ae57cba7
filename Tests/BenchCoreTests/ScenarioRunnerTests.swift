import BenchCore
import Foundation
import Synchronization
import Testing

/// An executor that runs nothing: it logs each batch and answers from `outcome`, so that the
/// runner's order, warm-ups, hooks and agreement are tested without a process.
final class RecordingExecutor: Executor {
    let strategy: Strategy
    let limit: ConcurrencyLimit
    let cancellation: Cancellation? = nil
    let log: BatchLog
    let outcome: @Sendable (Strategy, Job) -> Bool

    init(_ strategy: Strategy, _ limit: ConcurrencyLimit, log: BatchLog, outcome: @escaping @Sendable (Strategy, Job) -> Bool) {
        self.strategy = strategy
        self.limit = limit
        self.log = log
        self.outcome = outcome
    }

    func execute(_ jobs: [Job], progress: JobCounter?) throws(BenchError) -> (results: [JobResult], helperCPU: Double) {
        log.entries.withLock { $0.append("\(strategy.rawValue):\(jobs.map(\.name.text).joined(separator: ","))") }
        return (jobs.map { JobResult(name: $0.name, exitCode: outcome(strategy, $0) ? 0 : 1, wall: 0.01, user: 0.01) }, 0)
    }
}

/// A shared log the executors of one runner write to.
final class BatchLog: Sendable {
    init() {}
    let entries = Mutex<[String]>([])
    var all: [String] { entries.withLock { $0 } }
}

@Suite("The scenario runner")
struct ScenarioRunnerTests {
    let log = BatchLog()

    func runner(outcome: @escaping @Sendable (Strategy, Job) -> Bool = { _, _ in true }) -> ScenarioRunner {
        let log = self.log
        var runner = ScenarioRunner { strategy, limit in RecordingExecutor(strategy, limit, log: log, outcome: outcome) }
        runner.pauseBeforeMeasuring = 0  // its executors start nothing
        return runner
    }

    func files() throws -> WorkFiles { WorkFiles(directory: try TempDirectory()) }

    static let commands = [Probe(name: "a", command: ["true"]), Probe(name: "b", command: ["true"])]

    @Test func roundsRotateAndWarmUpsRunEachGroupOnce() throws {
        var files = try files()
        defer { files.directory.remove() }
        let scenario = Scenario(
            name: "s", compilers: [], probes: Self.commands, batch: .all, strategies: [.async, .threads, .serial], runs: 3, warmup: 1)
        let m = try runner().run(try ValidatedScenario(scenario), compilers: [], files: &files)
        #expect(
            log.all.map { $0.split(separator: ":")[0] } == [
                "async",  // the warm-up: the first batch only
                "async", "threads", "serial",
                "threads", "serial", "async",
                "serial", "async", "threads",
            ])
        #expect(log.all[1] == "async:a,b")
        #expect(m.runs.map(\.wall.samples.count) == [3, 3, 3])
        #expect(m.disagreements.isEmpty)
    }

    @Test func oneProbeBatchesAreComparedWithEachOther() throws {
        var files = try files()
        defer { files.directory.remove() }
        let scenario = Scenario(name: "s", compilers: [], probes: Self.commands, repeats: 2, strategies: [.serial], runs: 1, warmup: 1)
        #expect(scenario.batch == .probe)
        let m = try runner().run(try ValidatedScenario(scenario), compilers: [], files: &files)
        #expect(log.all == ["serial:a,a", "serial:b,b", "serial:a,a", "serial:b,b"])
        #expect(m.runs.map(\.probe) == ["a", "b"])
        #expect(m.comparisons.map(\.kind) == [.probes])
        #expect(m.comparisons.first?.entries.map(\.label) == ["a", "b"])
    }

    @Test func strategiesThatDisagreeOnAProbeAreNamed() throws {
        var files = try files()
        defer { files.directory.remove() }
        let scenario = Scenario(name: "s", compilers: [], probes: Self.commands, batch: .all, strategies: [.async, .serial], runs: 1, warmup: 0)
        let m = try runner { strategy, job in !(strategy == .async && job.name == "b") }.run(
            try ValidatedScenario(scenario), compilers: [], files: &files)
        #expect(m.disagreements == ["strategies disagree on probe 'b': async -j \(m.runs[0].concurrency) fails, serial ok"])
    }

    @Test func hooksRunAroundTheBatches() throws {
        var files = try files()
        defer { files.directory.remove() }
        let scenario = Scenario(
            name: "s", compilers: [], probes: Self.commands, batch: .all, strategies: [.async, .serial], runs: 2, warmup: 1,
            hooks: ScenarioHooks(setup: .function(1), prepare: .function(2), cleanup: .function(3)))
        var events: [String] = []
        _ = try runner().run(try ValidatedScenario(scenario), compilers: [], files: &files) { reference, event in
            events.append("\(reference):\(event.point.rawValue):\(event.strategy?.rawValue ?? "-"):\(event.timed)")
        }
        #expect(
            events == [
                "1:setup:-:false",
                "2:prepare:async:false",
                "2:prepare:async:true", "2:prepare:serial:true",
                "2:prepare:serial:true", "2:prepare:async:true",
                "3:cleanup:-:false",
            ])
    }

    @Test func aFailingHookJobStopsTheScenario() throws {
        var files = try files()
        defer { files.directory.remove() }
        let scenario = Scenario(
            name: "s", compilers: [], probes: Self.commands, strategies: [.serial], runs: 1, warmup: 0,
            hooks: ScenarioHooks(setup: .job(Job(name: "fill", argv: ["sh", "-c", "echo no cache >&2; exit 3"]))))
        #expect(throws: BenchError.hookFailed("the setup job 'fill' failed (exit 3): no cache\\x0A")) {
            try runner().run(try ValidatedScenario(scenario), compilers: [], files: &files)
        }
        #expect(log.all.isEmpty)
    }

    @Test func probesBuildTheirCommandsWithPlaceholdersAndSafeFileNames() throws {
        var files = try files()
        defer { files.directory.remove() }
        let cc = Compiler(name: "gcc", path: "/usr/bin/gcc", version: "gcc 12")
        let link = Probe(name: "sys/inotify.h", source: "x", flags: ["-Wall"], libs: ["-lm"])
        let job = try ProbeJob.make(link, compiler: cc, flags: ["-O2"], ext: nil, timeout: nil, files: &files)
        let dir = files.directory.path.text
        #expect(job.argv.map(\.text) == ["/usr/bin/gcc", "-O2", "-Wall", dir + "/sys_inotify.h.c", "-o", dir + "/sys_inotify.h-1.out", "-lm"])
        let other = try ProbeJob.make(Probe(name: "sys_inotify.h", source: "y"), compiler: cc, flags: [], ext: nil, timeout: nil, files: &files)
        #expect(other.argv[1].text == dir + "/sys_inotify.h-2.c")  // same safe name, other source: no collision
        let pre = Probe(name: "E", source: "#include <x>", command: ["{compiler}", "-E", "{source}", "-o", "{output}", "-I{dir}"])
        let e = try ProbeJob.make(pre, compiler: cc, flags: [], ext: nil, timeout: 5, files: &files)
        #expect(e.argv.map(\.text) == ["/usr/bin/gcc", "-E", dir + "/E.c", "-o", dir + "/E-3.out", "-I" + dir])
        #expect(e.timeout == 5 && e.environment["TMPDIR"] == files.directory.path)
    }

    @Test func aDryRunShowsEachBatchOnceAndTheHooksAndRunsNothing() throws {
        var files = try files()
        defer { files.directory.remove() }
        let lines = BatchLog()
        let log = self.log
        let runner = ScenarioRunner { strategy, limit in
            DryRunExecutor(standingFor: RecordingExecutor(strategy, limit, log: log, outcome: { _, _ in true })) { line in
                lines.entries.withLock { $0.append(line) }
            }
        }
        let scenario = Scenario(
            name: "s", compilers: [], probes: Self.commands, strategies: [.async, .serial], concurrency: [.limited(1), .limited(2)], runs: 2,
            warmup: 1, hooks: ScenarioHooks(setup: .job(Job(argv: ["touch", "a b"])), cleanup: .function(3)))
        var called = false
        let m = try runner.run(try ValidatedScenario(scenario), compilers: [], files: &files) { _, _ in called = true }
        let run = "TMPDIR=\(files.directory.path.text) true"
        #expect(
            lines.all == [
                "# s: 1 job per batch probe a; the batch would run 7 times (1 warm-up, then 2 runs of async, serial)", run,
                "# s: 1 job per batch probe b; the batch would run 7 times (1 warm-up, then 2 runs of async, serial)", run,
                "# s: the setup hook, once per compiler, before its first batch", "touch 'a b'",
                "# s: the cleanup hook, once per compiler, after its last batch, is a Lua function: not called under --dry-run",
            ])
        #expect(log.all.isEmpty && !called && m.runs.isEmpty)
    }

    @Test func aScenarioIsValidatedWhereItIsMadeRunnable() {
        let twice = Scenario(name: "s", compilers: [], probes: Self.commands, strategies: [.serial, .serial])
        #expect(throws: BenchError.invalidValue("scenario 's': strategy 'serial' is listed twice")) { try ValidatedScenario(twice) }
        #expect(throws: BenchError.invalidValue("scenario 's' has no probes")) {
            try ValidatedScenario(Scenario(name: "s", compilers: [], probes: []))
        }
    }
}
