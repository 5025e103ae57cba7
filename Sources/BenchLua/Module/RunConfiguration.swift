import BenchCore

/// The run's configuration: what the command line hands the script host.
public struct RunConfiguration: Sendable {
    /// The command that starts one `processes` worker.
    public var workerCommand: [ByteString]
    /// The command line's choices that scripts see (`bench.options`, `bench.args`).
    public var options: ScriptOptions
    /// bench's version, as `bench.version`.
    public var version: String
    /// Stops the run when cancelled (by a signal): batches end, and Lua code raises "interrupted".
    public var cancellation: Cancellation?
    /// Registers the run's temporaries and sweeps leftover daemons after each batch.
    public var cleanup: Cleanup?
    /// Told of each batch a measurement runs, for a progress display.
    public var progress: (@Sendable (ProgressEvent) -> Void)?
    /// The folders whose `lib/` `require` searches after the script's own folder.
    public var recipePath: RecipePath
    /// The command line that started the run, for the result document's provenance.
    public var commandLine: [ByteString]
    /// Where the script's `print` and `--dry-run`'s commands go, line by line; `nil` for stdout.
    public var output: (@Sendable (String) -> Void)?

    /// Creates a configuration.
    public init(
        workerCommand: [ByteString], options: ScriptOptions = ScriptOptions(), version: String, cancellation: Cancellation? = nil,
        cleanup: Cleanup? = nil, progress: (@Sendable (ProgressEvent) -> Void)? = nil, recipePath: RecipePath = RecipePath(folders: []),
        commandLine: [ByteString] = [], output: (@Sendable (String) -> Void)? = nil
    ) {
        self.workerCommand = workerCommand
        self.options = options
        self.version = version
        self.cancellation = cancellation
        self.cleanup = cleanup
        self.progress = progress
        self.recipePath = recipePath
        self.commandLine = commandLine
        self.output = output
    }
}

/// The command line's choices as a script sees them.
public struct ScriptOptions: Sendable, Equatable {
    /// What overrides every scenario's own choices.
    public var overrides: ScenarioOverrides
    /// The arguments after `--`, byte for byte (`bench.args`).
    public var arguments: [ByteString]
    /// The `-D name=value` given, for the recipe's `bench.param`.
    public var definitions: [ParameterDefinition]
    /// `--dry-run`: print every command instead of running it.
    public var dryRun: Bool
    /// `-v`: show failing probes' messages.
    public var verbose: Bool
    /// `--format`, as the script may want to know it.
    public var format: String?

    /// Creates options; all empty by default.
    public init(
        overrides: ScenarioOverrides = ScenarioOverrides(), arguments: [ByteString] = [], definitions: [ParameterDefinition] = [],
        dryRun: Bool = false, verbose: Bool = false, format: String? = nil
    ) {
        self.overrides = overrides
        self.arguments = arguments
        self.definitions = definitions
        self.dryRun = dryRun
        self.verbose = verbose
        self.format = format
    }
}

/// How a script ended.
public enum ScriptOutcome: Equatable, Sendable {
    /// It ran to its end and returned nothing: it did its own work.
    case finished
    /// It called `os.exit(code)` or `bench.fail(message)`.
    case exit(Int32, message: String?)
    /// It returned a scenario table for the host to measure, with how to report it.
    case scenario(Scenario, report: ReportChoice)
}

/// How a returned scenario wants its results reported.
public enum ReportChoice: Equatable, Sendable {
    /// The scenario said nothing: `--format`, else the table.
    case unspecified
    /// A format by name: built-in, or registered with `bench.reporter`.
    case named(String)
    /// The scenario's own Lua function, kept by the host under this reference.
    case function(Int32)
}

/// A script error that stops the run: exit status 2, with a message naming the file and line.
public struct ScriptError: Error, Equatable, CustomStringConvertible {
    /// The message, first line the reason, then any traceback.
    public let message: String

    /// An error with `message`.
    public init(message: String) { self.message = message }
    /// The message for people.
    public var description: String { message }
}
