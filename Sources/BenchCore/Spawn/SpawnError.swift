import Glibc

/// Why a child could not be started; its description is the reason shown in a job's result.
public enum SpawnError: Error, Equatable, CustomStringConvertible {
    /// The program is not in `PATH`, or the path does not exist.
    case programNotFound(String)
    /// The program exists but cannot be executed.
    case permissionDenied(String)
    /// The working directory does not exist or is not a directory.
    case badWorkingDirectory(String)
    /// An argument or environment entry holds a NUL byte, which `exec` cannot pass.
    case nulByte(String)
    /// A system call failed, with its errno.
    case system(call: String, errno: Int32)

    /// The message for people.
    public var description: String {
        switch self {
        case .programNotFound(let p):
            return p.contains("/") ? "cannot run '\(p)': no such file" : "cannot run '\(p)': not found in PATH"
        case .permissionDenied(let p): return "cannot run '\(p)': permission denied"
        case .badWorkingDirectory(let d): return "cannot run in '\(d)': no such directory"
        case .nulByte(let what): return "cannot run: \(what) contains a NUL byte"
        case .system(let call, let e): return "\(call) failed: \(String(cString: strerror(e)))"
        }
    }
}
