import CSystem
import Glibc

/// Runs a command (a configure step) with its compilers replaced by shims, and gathers what the
/// shims saw into a `Recording`.
public enum Recorder {
    /// Runs `command` in bench's working directory, with bench's standard output and error (its
    /// input `/dev/null`) and bench's environment plus `shims.environment`, its invocations
    /// written into `folder` (empty, of the run's own). A cancelled `cancellation` stops the command (its process group). Throws only
    /// when the command could not start or the folder cannot be read; the command's own failure
    /// is the recording's `exit`, and a record that could not be written or read its `lost`.
    public static func record(
        _ command: [ByteString], shims: ShimFolder, folder: ByteString, cancellation: Cancellation?, bench: String
    ) throws(BenchError) -> Recording {
        let startEnvironment = environment()
        let started = Provenance.now()
        var job = Job(
            argv: [shims.resolve(command[0])] + command.dropFirst(), environment: shims.environment.merging(["BENCH_RECORD_DIR": folder]) { $1 })
        job.sharesOutput = true
        let start = MonotonicClock.now()
        let result = Spawn.run(job, cancellation: cancellation)
        if let error = result.error { throw .couldNotStart(error) }
        var invocations: [Invocation] = []
        let (whole, partial) = try files(in: folder)
        var lost = partial
        for file in whole {
            // One damaged record (a shim killed mid-write) must not lose the others.
            do {
                let bytes = try FileContents.read(folder + "/" + file)
                invocations.append(try InvocationFile.read(bytes, start: start, startEnvironment: startEnvironment, shims: shims))
            } catch {
                lost += 1
            }
        }
        invocations.sort { ($0.start, $0.pid) < ($1.start, $1.pid) }
        var cwd = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        return Recording(
            bench: bench, started: started, command: command, workingDirectory: getcwd(&cwd, cwd.count) != nil ? ByteString(cString: cwd) : "",
            wall: result.wall, exit: result.exitCode.map(Int.init), signal: result.signal.map(Int.init), host: HostInfo.current(),
            compilers: shims.compilers,
            invocations: invocations, lost: lost)
    }

    /// bench's own environment, by name.
    public static func environment() -> [ByteString: ByteString] {
        var variables: [ByteString: ByteString] = [:]
        guard var entry = bench_environ() else { return variables }
        while let pointer = entry.pointee {
            let bytes = ByteString(cString: pointer)
            let name = ByteString(bytes: bytes.bytes.prefix { $0 != UInt8(ascii: "=") })
            variables[name] = ByteString(bytes: bytes.bytes.dropFirst(name.count + 1))
            entry += 1
        }
        return variables
    }

    /// The whole records in `folder`, and how many were cut short (`.partial`: a shim killed while
    /// writing, a full disk).
    private static func files(in folder: ByteString) throws(BenchError) -> (whole: [ByteString], partial: Int) {
        guard let directory = folder.withCString({ opendir($0) }) else {
            throw .io("cannot read the recording's folder \(TerminalText.line(folder)): \(String(cString: strerror(errno)))")
        }
        defer { closedir(directory) }
        var names: [ByteString] = []
        var partial = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in ByteString(bytes: raw.prefix { $0 != 0 }) }
            if name.bytes.reversed().starts(with: Array(".invocation".utf8).reversed()) { names.append(name) }
            if name.bytes.reversed().starts(with: Array(".partial".utf8).reversed()) { partial += 1 }
        }
        return (names.sorted(), partial)
    }
}
