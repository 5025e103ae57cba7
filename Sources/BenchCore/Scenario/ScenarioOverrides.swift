/// What the command line says about a scenario; `nil` fields leave the scenario's own choice.
public struct ScenarioOverrides: Sendable, Equatable {
    /// `--compiler`: the one compiler to use (a scenario without compilers keeps none).
    public var compiler: ByteString?
    /// `-n/--repeat`: copies of each probe in one batch.
    public var repeats: Int?
    /// `-j`: jobs at once; a list makes a scaling scan.
    public var concurrency: [ConcurrencyLimit]?
    /// `-r/--runs`: timed runs of every batch.
    public var runs: Int?
    /// `-w/--warmup`: untimed runs first.
    public var warmup: Int?
    /// `--timeout`: seconds after which a job is killed, unless its scenario or the job itself
    /// says otherwise: a default, not an override.
    public var defaultTimeout: Double?
    /// `--strategy`: which strategies, in order.
    public var strategies: [Strategy]?
    /// `--launcher`: what runs every compile, instead of the scenario's launcher (a probe's own still wins).
    public var launcher: [ByteString]?

    /// Creates overrides; all empty by default.
    public init(
        compiler: ByteString? = nil, repeats: Int? = nil, concurrency: [ConcurrencyLimit]? = nil, runs: Int? = nil,
        warmup: Int? = nil, defaultTimeout: Double? = nil, strategies: [Strategy]? = nil, launcher: [ByteString]? = nil
    ) {
        self.compiler = compiler
        self.repeats = repeats
        self.concurrency = concurrency
        self.runs = runs
        self.warmup = warmup
        self.defaultTimeout = defaultTimeout
        self.strategies = strategies
        self.launcher = launcher
    }
}
