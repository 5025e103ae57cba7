import CSystem
import Glibc

/// A command checked and made ready for `posix_spawn` (`Spawn.prepare`): its arguments and
/// environment as the C arrays `exec` takes. Start it as many times as needed.
final class PreparedStart {
    private let argv: [ByteString]
    private let args: CStringArray
    private let envp: CStringArray?
    private let workingDirectory: ByteString?

    init(argv: [ByteString], args: CStringArray, envp: CStringArray?, workingDirectory: ByteString?) {
        self.argv = argv
        self.args = args
        self.envp = envp
        self.workingDirectory = workingDirectory
    }

    /// Starts the command with the given descriptors as its standard input, output and error,
    /// in a process group of its own, or with `newSession` in a session of its own.
    func start(stdin: Int32, stdout: Int32, stderr: Int32, newSession: Bool = false) -> Result<pid_t, SpawnError> {
        let program = argv[0]
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
        if let dir = workingDirectory, !Spawn.isDirectory(dir) { return .failure(.badWorkingDirectory(dir.text)) }
        switch rc {
        case ENOENT, ENOTDIR: return .failure(.programNotFound(program.text))
        case EACCES, EPERM: return .failure(.permissionDenied(program.text))
        case ENOEXEC: return .failure(.notExecutable(program.text))
        case EAGAIN: return .failure(.processLimit(program.text))
        default: return .failure(.system(call: "posix_spawn", errno: rc))
        }
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
