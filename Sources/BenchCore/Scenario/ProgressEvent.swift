/// What a `ScenarioRunner` tells its progress display.
public enum ProgressEvent: Sendable {
    /// A batch starts: what it is ("async -j 2"), where in the run ("run 2/5"), its size, and the
    /// counter its finished jobs are counted in.
    case batch(label: String, phase: String, jobs: Int, counter: JobCounter)
    /// The measurement is over: nothing more to show for it.
    case finished
}
