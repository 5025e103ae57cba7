/// One command to run: what every executor takes, and what crosses to `processes` workers.
///
/// A job never goes through a shell: `argv[0]` is looked up in `PATH` unless it holds a `/`.
/// Every string in it is bytes, passed to the child exactly.
public struct Job: Sendable, Hashable {
    /// A label for reports; several jobs may share it (the copies of one probe, say).
    public var name: ByteString
    /// The program and its arguments; never empty.
    public var argv: [ByteString]
    /// The directory the child starts in; `nil` keeps bench's own.
    public var workingDirectory: ByteString?
    /// Variables set on top of bench's own environment for this child.
    public var environment: [ByteString: ByteString]
    /// Bytes written to the child's standard input, which is then closed; `nil` gives it
    /// `/dev/null`, or `stdinFile`.
    public var stdin: ByteString?
    /// A file the child reads as its standard input, opened anew for every start, so each
    /// reads it from its beginning (hyperfine's `--input`); relative to `workingDirectory`, or
    /// to bench's own. Used when `stdin` is `nil`; a file that cannot be opened is a job that
    /// could not start.
    public var stdinFile: ByteString?
    /// Seconds after which the child's whole process group is killed; `nil` waits for ever.
    public var timeout: Double?
    /// How many bytes of each of stdout and stderr are kept: the last ones, so errors at the end survive.
    public var outputLimit: Int
    /// True to send the child's stdout and stderr to /dev/null instead of reading them, as
    /// hyperfine does by default: reading a pipe costs the child time. The result's output is
    /// then empty. The reference runners (ninja, make, xargs) keep their own output handling.
    public var discardsOutput = false
    /// True to give the child bench's own standard output and error (its input stays
    /// `/dev/null`): for a command bench runs on the user's behalf and does not measure (`bench
    /// record`'s configure step), whose output is the user's to see. Nothing is kept of it. Its
    /// input is not the terminal's: in a process group of its own, a read from the terminal
    /// would stop it for ever.
    public var sharesOutput = false

    /// The number of bytes of each output stream kept by default (the tail).
    public static let defaultOutputLimit = 64 * 1024

    /// Creates a job; `argv` must not be empty.
    public init(
        name: ByteString? = nil, argv: [ByteString], workingDirectory: ByteString? = nil,
        environment: [ByteString: ByteString] = [:], stdin: ByteString? = nil, timeout: Double? = nil,
        outputLimit: Int = Job.defaultOutputLimit
    ) {
        precondition(!argv.isEmpty, "a job needs a program to run")
        self.name = name ?? argv[0]
        self.argv = argv
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.stdin = stdin
        self.timeout = timeout
        self.outputLimit = outputLimit
    }
}
