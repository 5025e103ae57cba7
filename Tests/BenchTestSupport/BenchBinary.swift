import BenchCore
import Foundation
import Glibc

/// The repository's root, for `scripts/`.
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// The `bench` binary built beside this test bundle, or the one `BENCH_BINARY` names (to watch
/// the tests fail against an older build).
public func benchBinary() -> String {
    if let other = ProcessInfo.processInfo.environment["BENCH_BINARY"], !other.isEmpty { return other }
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
    if dir.lastPathComponent == "MacOS" || dir.pathExtension == "xctest" { dir = dir.deletingLastPathComponent() }
    return dir.appendingPathComponent("bench").path
}

/// Runs `bench ARGS` as a user would (in `directory`); a hung bench fails the test after `timeout` seconds.
public func bench(_ arguments: [String], in directory: String = repositoryRoot, environment: [String: String] = [:], timeout: Double = 300) async
    -> JobResult
{
    await bench(bytes: arguments.map { ByteString($0) }, in: directory, environment: environment, timeout: timeout)
}

/// `bench` with arguments given as bytes (any bytes, valid UTF-8 or not).
public func bench(bytes arguments: [ByteString], in directory: String = repositoryRoot, environment: [String: String] = [:], timeout: Double = 300)
    async
    -> JobResult
{
    let env = Dictionary(uniqueKeysWithValues: environment.map { (ByteString($0.key), ByteString($0.value)) })
    return await spawn(
        Job(
            argv: [ByteString(benchBinary())] + arguments, workingDirectory: ByteString(directory), environment: env, timeout: timeout,
            outputLimit: 1 << 20))
}

/// Runs `job` on a thread of its own, so that no thread of the cooperative pool waits for it.
public func spawn(_ job: Job) async -> JobResult {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: Spawn.run(job)) }.start()
    }
}

/// A fresh directory holding the given files; removed by the caller.
///
/// Files are written through close-on-exec descriptors: tests spawn processes in parallel, and
/// a child that inherited the descriptor of a script being written would keep that script
/// "busy" (ETXTBSY) for as long as it lives.
public func scratch(_ files: [String: String], executable: Set<String> = []) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bench-e2e-\(UUID().uuidString.prefix(8))").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for (name, text) in files {
        let path = URL(fileURLWithPath: dir + "/" + name)
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(path.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, executable.contains(name) ? 0o755 : 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path.path]) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path.path]) }
    }
    return dir
}
