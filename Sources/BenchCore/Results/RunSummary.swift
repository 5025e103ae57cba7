/// One batch configuration sampled `runs` times: a strategy at one concurrency level, with one
/// compiler (or none) and every probe or one probe; every sample and what it cost.
public struct RunSummary: Sendable, Equatable {
    /// The strategy.
    public var strategy: Strategy
    /// The compiler's name, as in the measurement's `compilers`; `nil` in a comparison of commands.
    public var compiler: ByteString?
    /// The probe of a one-probe batch (`batch = "probe"`); `nil` when the batch held every probe.
    public var probe: ByteString?
    /// The parameters its probe was made with and their values (`bench time -L lvl 1,9`: `lvl`
    /// = `1`); empty for none.
    public var parameters: [String: String]
    /// The concurrency level asked for (serial runs once, at the first level).
    public var level: ConcurrencyLimit
    /// The jobs allowed at once in practice (1 for serial).
    public var concurrency: Int
    /// Jobs per batch.
    public var jobs: Int
    /// Wall time of the batch, one sample per timed run.
    public var wall: SampleSummary
    /// Median over samples of the children's user + system CPU seconds per batch.
    public var childCPU: Double
    /// Median over samples of the children's user CPU seconds per batch; `nil` in a document
    /// written before bench kept it.
    public var user: Double?
    /// Median over samples of the children's system CPU seconds per batch; `nil` as `user`.
    public var sys: Double?
    /// Median over samples of bench's own CPU seconds per batch (host and workers).
    public var runnerCPU: Double
    /// Median over samples of the longest single job, in seconds.
    public var longestJob: Double
    /// The largest peak RSS of any child in any sample, KiB.
    public var peakRSS: Int
    /// The usable cores of the host.
    public var cores: Int
    /// The most jobs that failed in any sample.
    public var failed: Int
    /// Each probe's outcome over all samples.
    public var probes: [ProbeOutcome]
    /// What a reader must know of how it was run (a reference runner's added shell), if anything.
    public var notes: [String]

    /// Creates a summary.
    public init(
        strategy: Strategy, compiler: ByteString?, probe: ByteString? = nil, level: ConcurrencyLimit, concurrency: Int, jobs: Int,
        wall: SampleSummary, childCPU: Double, runnerCPU: Double, longestJob: Double, peakRSS: Int,
        cores: Int, failed: Int, probes: [ProbeOutcome], notes: [String] = [], user: Double? = nil, sys: Double? = nil,
        parameters: [String: String] = [:]
    ) {
        self.parameters = parameters
        self.user = user
        self.sys = sys
        self.strategy = strategy
        self.compiler = compiler
        self.probe = probe
        self.level = level
        self.concurrency = concurrency
        self.jobs = jobs
        self.wall = wall
        self.childCPU = childCPU
        self.runnerCPU = runnerCPU
        self.longestJob = longestJob
        self.peakRSS = peakRSS
        self.cores = cores
        self.failed = failed
        self.probes = probes
        self.notes = notes
    }

    /// The best wall time this machine allows, given the least child CPU and the shortest
    /// longest job measured for the same batch (by whichever run): the CPU spread over
    /// min(cores, concurrency), but never less than that job. `Measurement.ideal(of:)` supplies them.
    func ideal(leastChildCPU: Double, shortestLongestJob: Double) -> Double {
        idealWall(childCPU: leastChildCPU, longestJob: shortestLongestJob, cores: cores, concurrency: concurrency)
    }

    /// bench's own CPU as a share of the children's.
    public var runnerShare: Double { childCPU > 0 ? runnerCPU / childCPU : 0 }

    /// "serial" or "async -j 2".
    public var strategyLabel: String { strategy.ignoresConcurrency ? strategy.rawValue : "\(strategy.rawValue) -j \(concurrency)" }

    /// Everything that tells this run from the others, for warnings: "gzip -9: serial" or "async -j 2 (gfortran)".
    public var title: String {
        let subject = probe.map { TerminalText.line($0) + ": " } ?? ""
        return subject + strategyLabel + (compiler.map { " (\(TerminalText.line($0)))" } ?? "")
    }

    /// Each probe's outcome by name, for look-ups that must stay linear in the number of probes
    /// (a report over 200,000 probes searched each one's list: quadratic, over 20 s).
    public var outcomesByName: [ByteString: ProbeOutcome] {
        Dictionary(probes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
