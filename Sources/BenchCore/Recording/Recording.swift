/// What `bench record` saw of one command (a configure step): the command, its wall time and
/// outcome, and every compiler invocation in it, in the order they started.
public struct Recording: Sendable, Equatable {
    /// The version of the recording's format that this bench writes and reads.
    public static let format = 1

    /// The version of bench that recorded it.
    public var bench: String
    /// When the recording started: UTC, ISO 8601 to the second.
    public var started: String
    /// The command, as given.
    public var command: [ByteString]
    /// The directory it ran in.
    public var workingDirectory: ByteString
    /// Seconds from its start to its exit.
    public var wall: Double
    /// Its exit status, when it exited.
    public var exit: Int?
    /// The signal that ended it, when one did.
    public var signal: Int?
    /// The machine it ran on.
    public var host: HostInfo
    /// Each shim (`path/cc`, `CC/gcc`) and what it ran.
    public var compilers: [(name: ByteString, runs: [ByteString])]
    /// The compiler invocations, by start time.
    public var invocations: [Invocation]
    /// How many invocations ran but are not in `invocations`: their record was cut short (a full
    /// disk, a shim killed while writing) or damaged.
    public var lost: Int

    /// Seconds during which at least one compiler ran: the sum of their wall times when they ran
    /// one at a time, as configure steps run them, less where they overlapped.
    public var compilerTime: Double {
        var covered = 0.0
        var end = -Double.infinity
        for invocation in invocations.sorted(by: { $0.start < $1.start }) {
            let stop = invocation.start + invocation.wall
            if stop > end {
                covered += stop - max(invocation.start, end)
                end = stop
            }
        }
        return covered
    }

    /// Creates a recording.
    public init(
        bench: String, started: String, command: [ByteString], workingDirectory: ByteString, wall: Double, exit: Int?, signal: Int?,
        host: HostInfo, compilers: [(name: ByteString, runs: [ByteString])], invocations: [Invocation], lost: Int = 0
    ) {
        self.bench = bench
        self.started = started
        self.command = command
        self.workingDirectory = workingDirectory
        self.wall = wall
        self.exit = exit
        self.signal = signal
        self.host = host
        self.compilers = compilers
        self.invocations = invocations
        self.lost = lost
    }

    /// Equal when every field is.
    public static func == (a: Recording, b: Recording) -> Bool {
        a.bench == b.bench && a.started == b.started && a.command == b.command && a.workingDirectory == b.workingDirectory
            && a.wall == b.wall && a.exit == b.exit && a.signal == b.signal && a.host == b.host
            && a.compilers.map(\.name) == b.compilers.map(\.name) && a.compilers.map(\.runs) == b.compilers.map(\.runs)
            && a.invocations == b.invocations && a.lost == b.lost
    }
}
