/// What a `ScenarioRunner` tells its progress display.
public enum ProgressEvent: Sendable {
    /// A batch starts: what it is ("async -j 2"), where in the run, its size, and the counter
    /// its finished jobs are counted in.
    case batch(label: String, phase: BatchPhase, jobs: Int, counter: JobCounter)
    /// The measurement is over: nothing more to show for it.
    case finished
}

/// Where a batch is in the run: a warm-up round, or a timed run. A value, not yet its text: a
/// display that draws a few times a second writes it then, not before every batch.
public enum BatchPhase: Sendable, CustomStringConvertible {
    /// Warm-up round `round` of `of`.
    case warmup(Int, of: Int)
    /// Timed run `run` of `of`, or of a number not known yet (under `min_time`, before the first run).
    case run(Int, of: Int?)

    /// "warm-up 1/3", "run 2/5", or "run 1".
    public var description: String {
        switch self {
        case .warmup(let round, let of): return "warm-up \(round)/\(of)"
        case .run(let run, let of?): return "run \(run)/\(of)"
        case .run(let run, nil): return "run \(run)"
        }
    }
}
