/// Commands timed against each other as hyperfine times them (`bench time`): each through a
/// shell or split into words, one at a time, interleaved round after round, their output
/// unread unless asked for.
public struct CommandComparison: Sendable, Equatable {
    /// One command to time.
    public struct Command: Sendable, Equatable {
        /// Its name in reports: the command as typed, or `-n`'s.
        public var name: ByteString
        /// What runs: the shell's words and the line, or the line's own words.
        public var argv: [ByteString]
        /// What runs untimed around its runs (`-s`, `-p`, `-C`, `-c`), each as `argv` is made.
        public var hooks: [HookEvent.Point: [ByteString]] = [:]
        /// The parameters it was made with (`-P`, `-L`) and their values; empty for none.
        public var parameters: [String: String] = [:]
    }

    /// The commands, in report order.
    public var commands: [Command] = []
    /// Untimed runs of each command first (`-w`).
    public var warmup = 0
    /// Timed runs of each command: exactly (`-r`), or, with `minTime`, at least (`-m`, 10).
    public var runs = 10
    /// Seconds of timed runs each command gets at least, its count estimated from its first run
    /// as hyperfine does (3 s); `nil` when `-r` makes `runs` exact.
    public var minTime: Double? = CommandComparison.defaultMinTime
    /// The most timed runs of a command under `minTime` (`-M`); `nil` for no bound of its own.
    public var maxRuns: Int?
    /// The command whose time is subtracted from every command's: the shell's start-up (`sh -c
    /// ''`) as hyperfine subtracts it; `nil` without a shell (`-N`).
    public var overhead: [ByteString]?
    /// The command the others are compared with (`--reference`, the first command), instead of the fastest.
    public var relativeTo: ByteString?
    /// True when a failing command is data, not an error (`-i`); otherwise it stops the run.
    public var ignoreFailure = false
    /// True when the commands' output is read and kept (`--show-output`), not sent to /dev/null.
    public var keepsOutput = false
    /// The file every command reads on standard input (`--input`); `nil`: /dev/null.
    public var input: ByteString?
    /// How bench was asked for this, as its words: the recipe's first line.
    public var invocation: [ByteString] = []

    /// An empty comparison; add commands with `add`.
    public init() {}

    /// The shell that runs commands by default, as hyperfine's: `sh -c LINE`.
    public static let defaultShell: [ByteString] = ["sh"]

    /// hyperfine's least time of runs per command, without `-r`: 3 seconds.
    public static let defaultMinTime = 3.0

    /// What a command run through `shell` costs before it does anything: `shell -c ''`, which
    /// hyperfine measures and subtracts; `nil` without a shell.
    public static func overhead(shell: [ByteString]?) -> [ByteString]? { shell.map { $0 + ["-c", ""] } }

    /// What `line` runs as: through `shell` (its words, then `-c` and the line), or, without
    /// one (hyperfine's `-N`), the line's own words.
    public static func argv(_ line: ByteString, shell: [ByteString]?) throws(BenchError) -> [ByteString] {
        guard let shell else {
            do { return try ShellWords.split(line) } catch { throw .invalidValue("'\(TerminalText.line(line))' with -N: \(error)") }
        }
        return shell + ["-c", line]
    }

    /// Adds `line` once per combination of `scan`'s values, named `name` (or the line as typed),
    /// with `{NAME}` replaced in both.
    public mutating func add(_ line: ByteString, name: ByteString?, scan: ParameterScan, shell: [ByteString]?) throws(BenchError) {
        for combination in scan.combinations {
            let typed = ParameterScan.substitute(line, combination)
            let shown = ParameterScan.substitute(name ?? line, combination)
            let parameters = Dictionary(combination.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            commands.append(Command(name: Self.oneLine(shown), argv: try Self.argv(typed, shell: shell), parameters: parameters))
        }
    }

    /// Gives the commands their `point` hook, as `option` (`-p/--prepare`) gave it: one line for
    /// every command, or one for each, in order (hyperfine's rule); `{NAME}` replaced by each
    /// command's parameter values, and the line run as the commands are. Any other count of
    /// lines is an error naming both counts.
    public mutating func setHook(_ point: HookEvent.Point, lines: [ByteString], option: String, shell: [ByteString]?) throws(BenchError) {
        guard !lines.isEmpty else { return }
        guard lines.count == 1 || lines.count == commands.count else {
            throw .invalidValue(
                "\(lines.count) \(option) for \(ReportWords.counted(commands.count, "command")): give one for every command, or one for each, in order"
            )
        }
        for i in commands.indices {
            let values = commands[i].parameters.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
            let line = ParameterScan.substitute(lines.count == 1 ? lines[0] : lines[i], values)
            commands[i].hooks[point] = try Self.argv(line, shell: shell)
        }
    }

    /// `name` on one line, as a probe name must be: line breaks shown as `\n`.
    private static func oneLine(_ name: ByteString) -> ByteString {
        name.replacing("\r", with: "\\r").replacing("\n", with: "\\n")
    }
}
