import CSystem
import Glibc

/// The one place where bench starts processes: `posix_spawn`, argv arrays and no shell, every
/// child in its own process group with default signal dispositions.
public enum Spawn {
    /// Runs one job to completion on the calling thread, draining its output as it comes and
    /// enforcing its timeout; a cancelled `cancellation` kills it (or keeps it from starting).
    /// Never throws: a job that cannot start is a failed result.
    public static func run(_ job: Job, cancellation: Cancellation? = nil) -> JobResult {
        if cancellation?.isCancelled == true { return .notStarted(job) }
        switch ChildProcess.start(job) {
        case .success(let child): return child.waitBlocking(cancel: cancellation?.descriptor ?? -1)
        case .failure(let error): return .failed(job, error.description)
        }
    }

    /// Starts `argv` with the given descriptors as its standard input, output and error, in a
    /// process group of its own, or with `newSession` in a session of its own.
    static func start(
        argv: [String], environment: [String: String] = [:], workingDirectory: String? = nil,
        stdin: Int32, stdout: Int32, stderr: Int32, newSession: Bool = false
    ) -> Result<pid_t, SpawnError> {
        ignoreSIGPIPE
        guard let program = argv.first else { return .failure(.programNotFound("")) }
        if let bad = argv.first(where: { $0.utf8.contains(0) }) {
            return .failure(.nulByte("argument '\(bad.prefix(40))'"))
        }
        if let dir = workingDirectory, dir.utf8.contains(0) { return .failure(.nulByte("the working directory")) }
        let envp: CStringArray?
        if environment.isEmpty {
            envp = nil
        } else {
            if environment.contains(where: { $0.key.utf8.contains(0) || $0.value.utf8.contains(0) || $0.key.contains("=") }) {
                return .failure(.nulByte("an environment variable name or value"))
            }
            envp = CStringArray(mergedEnvironment(environment))
        }
        let args = CStringArray(argv)
        var pid: pid_t = 0
        var rc: Int32 = 0
        // ETXTBSY is transient: the program was just written, and a process forked elsewhere in
        // that instant still holds the writer's descriptor until it execs. Retry for up to ~0.25 s.
        for attempt in 0..<8 {
            rc = args.withPointers { argvp in
                withOptionalPointers(envp) { envpp in
                    bench_spawn(&pid, program, argvp, envpp, workingDirectory, stdin, stdout, stderr, newSession ? 1 : 0)
                }
            }
            guard rc == ETXTBSY else { break }
            usleep(1_000 << attempt)
        }
        if rc == 0 { return .success(pid) }
        if let dir = workingDirectory, !isDirectory(dir) { return .failure(.badWorkingDirectory(dir)) }
        switch rc {
        case ENOENT, ENOTDIR: return .failure(.programNotFound(program))
        case EACCES, EPERM, ENOEXEC: return .failure(.permissionDenied(program))
        default: return .failure(.system(call: "posix_spawn", errno: rc))
        }
    }

    /// Writing to a pipe whose reader has gone (a child that closed its stdin early) must be an
    /// EPIPE error to handle, not a signal that kills bench. Children get default dispositions back.
    private static let ignoreSIGPIPE: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// bench's environment with `overrides` applied, as `NAME=value` entries.
    private static func mergedEnvironment(_ overrides: [String: String]) -> [String] {
        var entries: [String] = []
        guard var env = bench_environ() else { return overrides.map { "\($0.key)=\($0.value)" } }
        while let entry = env.pointee {
            let text = String(cString: entry)
            let name = text.prefix { $0 != "=" }
            if overrides[String(name)] == nil { entries.append(text) }
            env += 1
        }
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) { entries.append("\(name)=\(value)") }
        return entries
    }

    private static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }
}

/// A NULL-terminated array of C strings that lives as long as this value.
final class CStringArray {
    private var pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) {
        pointers = strings.map { strdup($0) }
        pointers.append(nil)
    }

    deinit { for p in pointers { free(p) } }

    func withPointers<R>(_ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}

private func withOptionalPointers<R>(
    _ array: CStringArray?, _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>?) -> R
) -> R {
    guard let array else { return body(nil) }
    return array.withPointers { body($0) }
}
