import BenchTestSupport
import Foundation
import Glibc
import Testing

@testable import BenchCore

/// A scratch directory for one bench run, with a `TMPDIR` of its own. Every process of the run
/// inherits that `TMPDIR` (compilers get one inside it), and every file bench makes lands under
/// it, so after the run its survivors and leftovers can be listed exactly, while other tests run.
final class Sandbox: Sendable {
    /// Where the run starts, holding the files given.
    let directory: String
    /// The run's `TMPDIR`.
    let tmp: String
    /// What `directory` held before any run: the files given and `tmp`.
    private let initialEntries: Set<String>

    init(_ files: [String: String], executable: Set<String> = []) throws {
        directory = try scratch(files, executable: executable)
        tmp = directory + "/tmp"
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: false)
        initialEntries = Set(try FileManager.default.contentsOfDirectory(atPath: directory))
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    private var environment: [String: String] { ["TMPDIR": tmp] }

    /// Runs `bench ARGS` to its end.
    func run(_ arguments: [String], timeout: Double = 300) async -> JobResult {
        await bench(arguments, in: directory, environment: environment, timeout: timeout)
    }

    /// Runs `bench ARGS` from a shell that runs `limits` first (`ulimit -v 300000`), so that
    /// bench starts under them.
    func run(_ arguments: [String], under limits: String, timeout: Double = 300) async -> JobResult {
        let script = ByteString(limits + " && exec \"$0\" \"$@\"")  // $0: the bench binary
        let env = Dictionary(uniqueKeysWithValues: environment.map { (ByteString($0.key), ByteString($0.value)) })
        return await spawn(
            Job(
                argv: ["/bin/sh", "-c", script, ByteString(benchBinary())] + arguments.map { ByteString($0) },
                workingDirectory: ByteString(directory), environment: env, timeout: timeout, outputLimit: 1 << 20))
    }

    /// Runs `bench ARGS`, with arguments given as bytes.
    func run(bytes arguments: [ByteString], timeout: Double = 300) async -> JobResult {
        await bench(bytes: arguments, in: directory, environment: environment, timeout: timeout)
    }

    /// Starts `bench ARGS`, waits until `ready` holds (at most a minute), sends `signals`
    /// `apart` seconds apart, and returns how bench ended.
    func interrupt(
        _ arguments: [String], with signals: [Int32], apart: Double = 0.5, when ready: @escaping @Sendable () -> Bool
    ) async -> JobResult {
        let env = Dictionary(uniqueKeysWithValues: environment.map { (ByteString($0.key), ByteString($0.value)) })
        let job = Job(
            argv: ([benchBinary()] + arguments).map { ByteString($0) }, workingDirectory: ByteString(directory), environment: env,
            timeout: 120, outputLimit: 1 << 20)
        return await withCheckedContinuation { continuation in
            Thread {
                guard case .success(let child) = ChildProcess.start(job) else {
                    continuation.resume(returning: .failed(job, "bench did not start"))
                    return
                }
                let deadline = MonotonicClock.now() + 60
                while !ready() && MonotonicClock.now() < deadline { usleep(20_000) }
                for (i, signal) in signals.enumerated() {
                    if i > 0 { usleep(useconds_t(apart * 1e6)) }
                    kill(child.pid, signal)
                }
                continuation.resume(returning: child.waitBlocking())
            }.start()
        }
    }

    /// The command lines of processes whose environment names this sandbox's `TMPDIR`, after
    /// giving killed ones up to two seconds to disappear. Zombies have no environment left.
    func survivors() -> [String] {
        let marker = Array("TMPDIR=\(tmp)".utf8)
        var found: [String] = []
        for _ in 0..<20 {
            found = []
            let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.filter { Int($0) != nil } ?? []
            for pid in pids where Int32(pid) != getpid() {
                guard let env = FileManager.default.contents(atPath: "/proc/\(pid)/environ"),
                    env.split(separator: 0).contains(where: { $0.starts(with: marker) })
                else { continue }
                let cmdline = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") ?? Data()
                found.append("\(pid): " + String(decoding: cmdline.map { $0 == 0 ? 32 : $0 }, as: UTF8.self))
            }
            if found.isEmpty { return [] }
            usleep(100_000)
        }
        return found
    }

    /// Expects that no process of the run is left, nothing is left in its `TMPDIR`, and the
    /// directory it ran in holds nothing new but `written`, the files the test asked bench for.
    func expectNothingLeft(
        _ what: String = "", besides written: Set<String> = [], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let survivors = survivors()
        #expect(survivors.isEmpty, "\(what) left processes: \(survivors)", sourceLocation: sourceLocation)
        let leftovers = leftovers()
        #expect(leftovers.isEmpty, "\(what) left files: \(leftovers)", sourceLocation: sourceLocation)
        let strays = strays(besides: written)
        #expect(strays.isEmpty, "\(what) left files where it ran: \(strays)", sourceLocation: sourceLocation)
    }

    /// What is new in the directory the run started in, but `written`.
    func strays(besides written: Set<String> = []) -> [String] {
        let now = Set((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
        return now.subtracting(initialEntries).subtracting(written).sorted()
    }

    /// What is left in the run's `TMPDIR`.
    func leftovers() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: tmp)) ?? ["(TMPDIR itself is gone)"]
    }

    /// The number of lines of `file` in the sandbox (0 if it does not exist).
    func lines(_ file: String) -> Int {
        (try? String(contentsOfFile: directory + "/" + file, encoding: .utf8))?.split(separator: "\n").count ?? 0
    }
}
