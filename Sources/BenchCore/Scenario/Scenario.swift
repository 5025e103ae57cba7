/// A benchmark described as data: every probe's job, with every compiler (or none: a comparison
/// of commands), sampled with every strategy. What a script's returned table becomes, and what
/// `bench.measure` takes.
public struct Scenario: Sendable, Equatable {
    /// A short name for reports.
    public var name: String
    /// One sentence saying what the scenario measures.
    public var description: String?
    /// Compiler names or paths; empty for a comparison of commands, whose probes name their programs.
    public var compilers: [ByteString]
    /// The jobs to run, in report order.
    public var probes: [Probe]
    /// The source file extension, with its dot; `nil` takes the usual one for the compiler.
    public var ext: ByteString?
    /// Flags passed to the compiler before each probe's own flags and the source file.
    public var flags: [ByteString]
    /// Copies of each probe in one batch (the study's `-n`).
    public var repeats: Int
    /// What one batch holds: every probe, or one probe.
    public var batch: BatchShape
    /// The strategies to compare, in report order.
    public var strategies: [Strategy]
    /// How many jobs run at once; several levels make a scaling scan.
    public var concurrency: [ConcurrencyLimit]
    /// Timed runs of every batch (samples).
    public var runs: Int
    /// Untimed batches of each compiler (with the first strategy) before the timed rounds.
    public var warmup: Int
    /// Seconds after which a job is killed with its process group and reported as timed out; `nil` waits for ever.
    public var timeout: Double?
    /// What runs untimed around the batches: hyperfine's `setup`, `prepare` and `cleanup`.
    public var hooks: ScenarioHooks
    /// What runs each compile (`ccache`, `distcc`, with its arguments): put before the compiler
    /// in the default command and in a command that starts with `{compiler}`; empty for none.
    public var launcher: [ByteString]
    /// Variables set for every job of the scenario (its probes; its hook jobs have their own),
    /// on top of bench's environment: `CCACHE_DIR`, `DISTCC_HOSTS`.
    public var environment: [ByteString: ByteString]
    /// True when a failing job is the scenario's data, not a failure of the run (hyperfine's
    /// `--ignore-failure`): a run whose every job failed then does not fail the run.
    public var ignoreFailure = false
    /// True when its jobs' stdout and stderr go to /dev/null, unread, as hyperfine runs
    /// commands: for comparisons of commands, whose output is not their result.
    public var discardsOutput = false
    /// True when the table also prints the study's own lines ("2.041 seconds: async: ..."):
    /// for the study's recipe, whose readers compare them with the study's.
    public var showsStudyLines = false
    /// The recorded step whose compiles the scenario replays (`recording`), for the projection
    /// of what concurrency would save it; `nil` for any other scenario.
    public var recording: RecordedStep?
    /// True when a job that fails stops the run with an error (hyperfine's default, `bench
    /// time` without `-i`), instead of being an outcome in the report.
    public var stopOnFailure = false
    /// A command whose own time is subtracted from every job's (`{ "sh", "-c", "" }`: the
    /// shell's start-up, as hyperfine subtracts it); measured `OverheadMeasurement.count` times
    /// before the timed rounds. `nil` subtracts nothing.
    public var overhead: [ByteString]?
    /// Seconds each batch is sampled for at least (hyperfine's 3 s): with it, `runs` is the
    /// least number of timed runs and each batch takes as many more as its first run says fit
    /// in this time, up to `maxRuns`. `nil` takes exactly `runs`.
    public var minTime: Double?
    /// The most timed runs of a batch under `minTime` (hyperfine's `-M`); `nil` for no bound
    /// but bench's own (`Limits.runs`).
    public var maxRuns: Int?
    /// The probe the others are compared with in the reports' summaries (hyperfine's
    /// `--reference`), one-probe batches only; `nil` compares them with the fastest.
    public var relativeTo: ByteString?
    /// True when every run gives its jobs `EnvironmentOffset.name`, of a random length, as
    /// hyperfine gives its commands: where a child's stack starts depends on the size of its
    /// environment, and one fixed place can make a 1 ms command's every run faster or slower
    /// by a tenth; a random one spreads that over the runs.
    public var randomizesEnvironmentOffset = false

    /// Creates a scenario; the defaults are those of the study (every strategy, one copy, one job
    /// per core), and a scenario without compilers compares its probes one batch each.
    public init(
        name: String, description: String? = nil, compilers: [ByteString], probes: [Probe], ext: ByteString? = nil,
        flags: [ByteString] = [], repeats: Int = 1, batch: BatchShape? = nil, strategies: [Strategy] = Strategy.own,
        concurrency: [ConcurrencyLimit] = [.cores], runs: Int = 5, warmup: Int = 1, timeout: Double? = nil,
        hooks: ScenarioHooks = ScenarioHooks(), launcher: [ByteString] = [], environment: [ByteString: ByteString] = [:]
    ) {
        self.name = name
        self.description = description
        self.compilers = compilers
        self.probes = probes
        self.ext = ext
        self.flags = flags
        self.repeats = repeats
        self.batch = batch ?? (compilers.isEmpty ? .probe : .all)
        self.strategies = strategies
        self.concurrency = concurrency
        self.runs = runs
        self.warmup = warmup
        self.timeout = timeout
        self.hooks = hooks
        self.launcher = launcher
        self.environment = environment
    }

    /// The scenario with the command line's choices put over its own.
    public func applying(_ overrides: ScenarioOverrides) -> Scenario {
        var s = self
        if let launcher = overrides.launcher { s.launcher = launcher }
        if let compiler = overrides.compiler, !s.compilers.isEmpty { s.compilers = [compiler] }
        if let repeats = overrides.repeats { s.repeats = repeats }
        if let strategies = overrides.strategies { s.strategies = strategies }
        if let concurrency = overrides.concurrency { s.concurrency = concurrency }
        if let runs = overrides.runs {
            // `-r` is exact: no more runs for the time they take.
            s.runs = runs
            s.minTime = nil
            s.maxRuns = nil
        }
        if let warmup = overrides.warmup { s.warmup = warmup }
        if s.timeout == nil { s.timeout = overrides.defaultTimeout }
        return s
    }

    /// `jobs` as one run of this scenario starts them: with `EnvironmentOffset`'s variable, of a
    /// length drawn for this run, when the scenario `randomizesEnvironmentOffset`.
    func jobsForOneRun(_ jobs: [Job]) -> [Job] {
        randomizesEnvironmentOffset ? EnvironmentOffset.applied(to: jobs) : jobs
    }
}

/// What one batch of a scenario holds.
public enum BatchShape: String, Sendable, NamedChoice {
    /// Every probe, `repeats` copies each: the strategies are compared on the whole set.
    case all
    /// One probe, `repeats` copies: the probes are compared with each other, as hyperfine compares commands.
    case probe
}
