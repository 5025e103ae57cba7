/// A benchmark described as data: compile every probe with every compiler, `repeats` copies
/// each in one batch, once per strategy. What a script's returned table becomes.
public struct Scenario: Sendable, Equatable {
    /// A short name for reports.
    public var name: String
    /// One sentence saying what the scenario measures.
    public var description: String?
    /// Compiler names or paths.
    public var compilers: [ByteString]
    /// The programs to compile, in report order.
    public var probes: [Probe]
    /// The source file extension, with its dot; `nil` takes the usual one for the compiler.
    public var ext: ByteString?
    /// Flags passed to the compiler before the source file.
    public var flags: [ByteString]
    /// Copies of each probe compiled in one batch (the study's `-n`).
    public var repeats: Int
    /// The strategies to compare, in report order.
    public var strategies: [Strategy]
    /// How many compiler runs at once; several levels make a scaling scan.
    public var concurrency: [ConcurrencyLimit]
    /// Timed runs of every batch (samples).
    public var runs: Int
    /// Untimed batches of each compiler (with the first strategy) before the timed rounds.
    public var warmup: Int
    /// Seconds after which a compile is killed with its process group and reported as timed out; `nil` waits for ever.
    public var timeout: Double?

    /// Creates a scenario; the defaults are those of the study (every strategy, one copy, one job per core).
    public init(
        name: String, description: String? = nil, compilers: [ByteString], probes: [Probe], ext: ByteString? = nil,
        flags: [ByteString] = [], repeats: Int = 1, strategies: [Strategy] = Strategy.allCases,
        concurrency: [ConcurrencyLimit] = [.cores], runs: Int = 5, warmup: Int = 1, timeout: Double? = nil
    ) {
        self.name = name
        self.description = description
        self.compilers = compilers
        self.probes = probes
        self.ext = ext
        self.flags = flags
        self.repeats = repeats
        self.strategies = strategies
        self.concurrency = concurrency
        self.runs = runs
        self.warmup = warmup
        self.timeout = timeout
    }

    /// The scenario with the command line's choices put over its own.
    public func applying(_ options: RunOptions) -> Scenario {
        var s = self
        if let compiler = options.compiler { s.compilers = [compiler] }
        if let repeats = options.repeats { s.repeats = repeats }
        if let strategies = options.strategies { s.strategies = strategies }
        if let concurrency = options.concurrency { s.concurrency = concurrency }
        if let runs = options.runs { s.runs = runs }
        if let warmup = options.warmup { s.warmup = warmup }
        if let timeout = options.timeout { s.timeout = timeout }
        return s
    }
}

/// One program a scenario compiles.
public struct Probe: Sendable, Codable, Hashable {
    /// Its name: unique in its scenario, and its file name without extension.
    public var name: ByteString
    /// Its source, written to its file byte for byte.
    public var source: ByteString

    /// Creates a probe.
    public init(name: ByteString, source: ByteString) {
        self.name = name
        self.source = source
    }
}

/// What the command line says about a run; `nil` fields leave the scenario's own choice.
public struct RunOptions: Sendable, Equatable {
    /// `--compiler`: the one compiler to use.
    public var compiler: ByteString?
    /// `-n/--repeat`: copies of each probe in one batch.
    public var repeats: Int?
    /// `-j`: jobs at once; a list makes a scaling scan.
    public var concurrency: [ConcurrencyLimit]?
    /// `-r/--runs`: timed runs of every batch.
    public var runs: Int?
    /// `-w/--warmup`: untimed runs first.
    public var warmup: Int?
    /// `--timeout`: seconds after which any job without a timeout of its own is killed.
    public var timeout: Double?
    /// `--dry-run`: print every command instead of running it.
    public var dryRun: Bool
    /// `--strategy`: which strategies, in order.
    public var strategies: [Strategy]?
    /// `-v`: show the compiler's messages for failing probes.
    public var verbose: Bool
    /// The arguments after `--`, for the script, byte for byte.
    public var arguments: [ByteString]
    /// `--format`: a built-in format or a reporter the script registered; `nil` keeps the scenario's.
    public var format: String?
    /// `--output`: where the report goes instead of stdout.
    public var outputPath: ByteString?
    /// `--plot`: where to write the SVG chart.
    public var plotPath: ByteString?
    /// `--quiet`: no progress line.
    public var quiet: Bool
    /// Colour in the table (a terminal, and NO_COLOR unset).
    public var color: Bool

    /// Creates options; all empty by default.
    public init(
        compiler: ByteString? = nil, repeats: Int? = nil, concurrency: [ConcurrencyLimit]? = nil,
        runs: Int? = nil, warmup: Int? = nil, strategies: [Strategy]? = nil, verbose: Bool = false,
        arguments: [ByteString] = [], format: String? = nil, outputPath: ByteString? = nil, plotPath: ByteString? = nil,
        quiet: Bool = false, color: Bool = false, timeout: Double? = nil, dryRun: Bool = false
    ) {
        self.compiler = compiler
        self.repeats = repeats
        self.concurrency = concurrency
        self.runs = runs
        self.warmup = warmup
        self.strategies = strategies
        self.verbose = verbose
        self.arguments = arguments
        self.format = format
        self.outputPath = outputPath
        self.plotPath = plotPath
        self.quiet = quiet
        self.color = color
        self.timeout = timeout
        self.dryRun = dryRun
    }
}
