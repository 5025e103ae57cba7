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
        prepare(argv: argv, environment: environment, workingDirectory: workingDirectory).flatMap {
            $0.start(stdin: stdin, stdout: stdout, stderr: stderr, newSession: newSession)
        }
    }

    /// Checks `argv`, the environment and the directory, and makes the C arrays `exec` takes:
    /// everything of a start that needs no child yet, so that a caller can do it before its
    /// clock starts (`ChildProcess`: a job's wall time is the child's, not bench's copying of
    /// its environment).
    static func prepare(
        argv: [ByteString], environment: [ByteString: ByteString], workingDirectory: ByteString?
    ) -> Result<PreparedStart, SpawnError> {
        ignoreSIGPIPE
        guard !argv.isEmpty else { return .failure(.programNotFound("")) }
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
            envp = mergedEnvironment(environment)
        }
        return .success(PreparedStart(argv: argv, args: CStringArray(argv), envp: envp, workingDirectory: workingDirectory))
    }

    /// Writing to a pipe whose reader has gone (a child that closed its stdin early) must be an
    /// EPIPE error to handle, not a signal that kills bench. Children get default dispositions back.
    private static let ignoreSIGPIPE: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// bench's environment with `overrides` applied, byte for byte: the entries of `environ`
    /// whose name no override has, borrowed rather than copied (a start happens for every job:
    /// copying and hashing every variable of bench's was most of the runner's own time per
    /// job), then the overrides as `NAME=value`. Borrowing is safe because bench changes its
    /// environment only once, in `Cleanup.init` before any other thread exists, and glibc
    /// never frees the strings of `environ`; a later `setenv` or `putenv` would break that.
    private static func mergedEnvironment(_ overrides: [ByteString: ByteString]) -> CStringArray {
        let names = overrides.keys.map(\.bytes)
        guard let entries = bench_environ() else { return CStringArray(Self.sorted(overrides)) }
        var count = 0
        while entries[count] != nil { count += 1 }
        // Optional already, as the C array holds them, and with room for the whole array: handed
        // over as non-optional pointers each was cast on its own, and growing meant copying,
        // which together cost more than the scan.
        var kept: [UnsafeMutablePointer<CChar>?] = []
        kept.reserveCapacity(count + overrides.count + 1)
        for case let entry? in UnsafeBufferPointer(start: entries, count: count) {
            let bytes = UnsafeRawPointer(entry).assumingMemoryBound(to: UInt8.self)
            var nameLength = 0
            while bytes[nameLength] != 0 && bytes[nameLength] != UInt8(ascii: "=") { nameLength += 1 }
            let name = UnsafeBufferPointer(start: bytes, count: nameLength)
            let overridden = names.contains { $0.count == nameLength && $0.elementsEqual(name) }
            if !overridden { kept.append(entry) }
        }
        return CStringArray(Self.sorted(overrides), after: consume kept)
    }

    /// `overrides` as `NAME=value`, by name, so that a job's environment reads the same each time.
    private static func sorted(_ overrides: [ByteString: ByteString]) -> [ByteString] {
        overrides.sorted(by: { $0.key < $1.key }).map { $0.key + "=" + $0.value }
    }

    static func isDirectory(_ path: ByteString) -> Bool {
        var st = stat()
        return path.withCString { stat($0, &st) } == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }
}

/// A NULL-terminated array of C strings that lives as long as this value: copies of the
/// strings it was given, after any it borrows (entries of `environ`, which outlive it).
final class CStringArray {
    private var pointers: [UnsafeMutablePointer<CChar>?]
    /// Where the copies, which this value frees, begin.
    private let firstCopy: Int

    /// Copies `strings` after `borrowed`, whose storage it takes over (room reserved there for
    /// the copies and the final NULL is used, not reallocated).
    init(_ strings: [ByteString], after borrowed: consuming [UnsafeMutablePointer<CChar>?] = []) {
        firstCopy = borrowed.count
        pointers = consume borrowed
        pointers += strings.map { $0.withCString { strdup($0) } }
        pointers.append(nil)
    }

    deinit { for p in pointers[firstCopy...] { free(p) } }

    func withPointers<R>(_ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
