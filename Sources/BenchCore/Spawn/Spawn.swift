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
        case .failure(let error): return .couldNotStart(job, error)
        }
    }

    /// Starts `argv` with the given descriptors as its standard input, output and error, in a
    /// process group of its own, or with `newSession` in a session of its own.
    static func start(
        argv: [ByteString], environment: [ByteString: ByteString] = [:], workingDirectory: ByteString? = nil,
        stdin: Int32, stdout: Int32, stderr: Int32, newSession: Bool = false
    ) -> Result<pid_t, SpawnError> {
        ignoreSIGPIPE
        guard let program = argv.first else { return .failure(.programNotFound("")) }
        if let bad = argv.first(where: { $0.contains(0) }) {
            return .failure(.nulByte("argument '\(bad.text.prefix(40))'"))
        }
        if let dir = workingDirectory, dir.contains(0) { return .failure(.nulByte("the working directory")) }
        let envp: CStringArray?
        if environment.isEmpty {
            envp = nil
        } else {
            if environment.contains(where: { $0.key.contains(0) || $0.value.contains(0) || $0.key.contains(UInt8(ascii: "=")) }) {
                return .failure(.nulByte("an environment variable name or value"))
            }
            envp = CStringArray(mergedEnvironment(environment))
        }
        let args = CStringArray(argv)
        var pid: pid_t = 0
        var rc: Int32 = 0
        // ETXTBSY is transient: the program was just written, and a process forked elsewhere in
        // that instant still holds the writer's descriptor until it execs. EAGAIN (the limit on
        // processes) may pass as other jobs end. Retry either for up to about a second.
        for attempt in 0..<12 {
            rc = args.withPointers { argvp in
                withOptionalPointers(envp) { envpp in
                    program.withCString { path in
                        withOptionalCString(workingDirectory) { cwd in
                            bench_spawn(&pid, path, argvp, envpp, cwd, stdin, stdout, stderr, newSession ? 1 : 0)
                        }
                    }
                }
            }
            guard rc == ETXTBSY || rc == EAGAIN else { break }
            usleep(1_000 << min(attempt, 8))
        }
        if rc == 0 { return .success(pid) }
        if let dir = workingDirectory, !isDirectory(dir) { return .failure(.badWorkingDirectory(dir.text)) }
        switch rc {
        case ENOENT, ENOTDIR: return .failure(.programNotFound(program.text))
        case EACCES, EPERM: return .failure(.permissionDenied(program.text))
        case ENOEXEC: return .failure(.notExecutable(program.text))
        case EAGAIN: return .failure(.processLimit(program.text))
        default: return .failure(.system(call: "posix_spawn", errno: rc))
        }
    }

    /// Writing to a pipe whose reader has gone (a child that closed its stdin early) must be an
    /// EPIPE error to handle, not a signal that kills bench. Children get default dispositions back.
    private static let ignoreSIGPIPE: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// bench's environment with `overrides` applied, as `NAME=value` entries, byte for byte.
    private static func mergedEnvironment(_ overrides: [ByteString: ByteString]) -> [ByteString] {
        var entries: [ByteString] = []
        if var env = bench_environ() {
            while let entry = env.pointee {
                let bytes = ByteString(cString: entry)
                let name = ByteString(bytes: bytes.bytes.prefix { $0 != UInt8(ascii: "=") })
                if overrides[name] == nil { entries.append(bytes) }
                env += 1
            }
        }
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) { entries.append(name + "=" + value) }
        return entries
    }

    private static func isDirectory(_ path: ByteString) -> Bool {
        var st = stat()
        return path.withCString { stat($0, &st) } == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }
}

/// A NULL-terminated array of C strings that lives as long as this value.
final class CStringArray {
    private var pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [ByteString]) {
        pointers = strings.map { $0.withCString { strdup($0) } }
        pointers.append(nil)
    }

    deinit { for p in pointers { free(p) } }

    func withPointers<R>(_ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}

private func withOptionalCString<R>(_ string: ByteString?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
    guard let string else { return body(nil) }
    return string.withCString { body($0) }
}

private func withOptionalPointers<R>(
    _ array: CStringArray?, _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>?) -> R
) -> R {
    guard let array else { return body(nil) }
    return array.withPointers { body($0) }
}
