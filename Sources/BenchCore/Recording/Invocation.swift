/// One run of a compiler that `bench record` saw: what the build system ran, where, with what
/// inputs, and what came of it, byte for byte.
public struct Invocation: Sendable, Equatable {
    /// The arguments as the build system gave them, the name it ran first (`cc`, `/usr/bin/gcc`).
    public var argv: [ByteString]
    /// What the shim ran in its place: the launcher's words (`ccache`), if any, then the real
    /// compiler's path. The arguments after `argv[0]` followed.
    public var compiler: [ByteString]
    /// The directory it ran in.
    public var workingDirectory: ByteString
    /// The variables whose values differ from those the recorded command started with (a
    /// configure's `LC_ALL=C`), and the names it removed.
    public var environment: [ByteString: ByteString]
    /// The variables of the command's start that this invocation did not have.
    public var unset: [ByteString]
    /// The inputs it named, each path as named (relative to `workingDirectory` unless absolute)
    /// with its bytes at the time: sources, response files, the objects a link step read.
    public var files: [InvocationInput]
    /// What it read on standard input, for a compiler that reads its source there (`cc -E -`);
    /// `nil` for any other.
    public var stdin: ByteString?
    /// Seconds from the recording's start to the compiler's start.
    public var start: Double
    /// Seconds from the compiler's start to its exit.
    public var wall: Double
    /// CPU seconds of the compiler and its own children.
    public var user: Double
    /// System CPU seconds of the compiler and its own children.
    public var sys: Double
    /// Its exit status, when it exited.
    public var exit: Int?
    /// The signal that ended it, when one did.
    public var signal: Int?
    /// What it wrote; `nil` for a stream that was a terminal and so was left alone.
    public var stdout: ByteString?
    /// What it wrote to stderr; `nil` for a terminal.
    public var stderr: ByteString?
    /// Its process id and its parent's (the build system's process that ran it).
    public var pid: Int, parent: Int
}

/// An input file of an invocation: its path as the invocation named it, and its bytes.
public struct InvocationInput: Sendable, Equatable {
    /// The path as the arguments named it.
    public var path: ByteString
    /// Its contents when the compiler started.
    public var bytes: ByteString

    /// An input named `path` holding `bytes`.
    public init(path: ByteString, bytes: ByteString) {
        self.path = path
        self.bytes = bytes
    }
}
