/// What a result document keeps of the scenario it measured: its name and the choices that
/// shaped every batch (the probes' sources and commands stay in the recipe).
public struct ScenarioSettings: Sendable, Equatable {
    /// The scenario's name.
    public var name: String
    /// Its description, if it has one.
    public var description: String?
    /// What one batch held.
    public var batch: BatchShape
    /// The probes' names, in report order.
    public var probes: [ByteString]
    /// Copies of each probe per batch.
    public var repeats: Int
    /// Timed runs of every batch.
    public var runs: Int
    /// Untimed warm-up batches of each compiler.
    public var warmup: Int
    /// The timeout of its jobs, if any.
    public var timeout: Double?
    /// What ran each compile (`ccache`), or empty.
    public var launcher: [ByteString]
    /// True when failing jobs are the scenario's data (`ignore_failure`), not a failed run.
    public var ignoreFailure: Bool
    /// True when the jobs' output went to /dev/null, unread (`discard_output`).
    public var discardsOutput: Bool
    /// True when the table also prints the study's lines (`study_lines`).
    public var showsStudyLines: Bool
    /// Seconds each batch was sampled for at least (`min_time`), with `runs` the least number of
    /// runs; `nil` when every batch ran exactly `runs` times.
    public var minTime: Double?
    /// The most timed runs of a batch under `minTime` (`max_runs`), if bounded.
    public var maxRuns: Int?
    /// What was subtracted from every job's times (`overhead`), as measured; `nil` for nothing.
    public var overhead: Overhead?
    /// The recorded step the scenario replays (`recording`), if any.
    public var recording: RecordedStep?
    /// The probe the others were compared with (`relative_to`), if not the fastest.
    public var relativeTo: ByteString?
    /// True when every run's jobs had an environment of a random size
    /// (`randomized_environment_offset`).
    public var randomizesEnvironmentOffset = false

    /// Creates settings.
    public init(
        name: String, description: String? = nil, batch: BatchShape, probes: [ByteString], repeats: Int, runs: Int, warmup: Int,
        timeout: Double? = nil, launcher: [ByteString] = [], ignoreFailure: Bool = false, discardsOutput: Bool = false,
        showsStudyLines: Bool = false, minTime: Double? = nil, maxRuns: Int? = nil, overhead: Overhead? = nil
    ) {
        self.name = name
        self.description = description
        self.batch = batch
        self.probes = probes
        self.repeats = repeats
        self.runs = runs
        self.warmup = warmup
        self.timeout = timeout
        self.launcher = launcher
        self.ignoreFailure = ignoreFailure
        self.discardsOutput = discardsOutput
        self.showsStudyLines = showsStudyLines
        self.minTime = minTime
        self.maxRuns = maxRuns
        self.overhead = overhead
    }

    /// The settings of `scenario`, with `overhead` as the runner measured it.
    public init(_ scenario: Scenario, overhead: Overhead? = nil) {
        self.init(
            name: scenario.name, description: scenario.description, batch: scenario.batch, probes: scenario.probes.map(\.name),
            repeats: scenario.repeats, runs: scenario.runs, warmup: scenario.warmup, timeout: scenario.timeout, launcher: scenario.launcher,
            ignoreFailure: scenario.ignoreFailure, discardsOutput: scenario.discardsOutput, showsStudyLines: scenario.showsStudyLines,
            minTime: scenario.minTime, maxRuns: scenario.maxRuns, overhead: overhead)
        recording = scenario.recording
        relativeTo = scenario.relativeTo
        randomizesEnvironmentOffset = scenario.randomizesEnvironmentOffset
    }

    /// Jobs in one batch.
    public var jobsPerBatch: Int { (batch == .all ? probes.count : 1) * repeats }
}
