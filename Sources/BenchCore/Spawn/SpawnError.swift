import Glibc

/// Why a child could not be started; its description is the reason shown in a job's result.
public enum SpawnError: Error, Equatable, CustomStringConvertible {
    /// The program is not in `PATH`, or the path does not exist.
    case programNotFound(String)
    /// The program exists but cannot be executed.
    case permissionDenied(String)
    /// The program is a file the kernel cannot execute (a script without a `#!` line).
    case notExecutable(String)
    /// The limit on processes (`ulimit -u`) was reached, and stayed so for a second.
    case processLimit(String)
    /// The working directory does not exist or is not a directory.
    case badWorkingDirectory(String)
    /// An argument or environment entry holds a NUL byte, which `exec` cannot pass.
    case nulByte(String)
    /// The job's standard input file cannot be opened for reading, with the errno.
    case inputFile(String, errno: Int32)
    /// A system call failed, with its errno.
    case system(call: String, errno: Int32)

    /// The message for people.
    public var description: String {
        switch self {
        case .programNotFound(let p):
            return p.contains("/") ? "cannot run '\(p)': no such file" : "cannot run '\(p)': not found in PATH"
        case .permissionDenied(let p): return "cannot run '\(p)': permission denied"
        case .notExecutable(let p): return "cannot run '\(p)': not a program the kernel can start (a script needs a '#!' line)"
        case .processLimit(let p):
            var limit = rlimit()
            let said = getrlimit(Int32(__RLIMIT_NPROC.rawValue), &limit) == 0 && limit.rlim_cur != rlim_t.max ? " (ulimit -u: \(limit.rlim_cur))" : ""
            return "cannot start '\(p)': the limit on processes was reached\(said); lower -j or raise the limit"
        case .badWorkingDirectory(let d): return "cannot run in '\(d)': no such directory"
        case .nulByte(let what): return "cannot run: \(what) contains a NUL byte"
        case .inputFile(let p, let e): return "cannot read standard input from '\(p)': \(String(cString: strerror(e)))"
        case .system(let call, let e): return "\(call) failed: \(String(cString: strerror(e)))"
        }
    }
}
