/// One pair of output pipes made ahead of the child that will get them, so that a runner makes
/// them while its other children run, not between one child's exit and the next one's start.
/// Its owner closes what is left with `close` when it stops.
struct SparePipes {
    private var pipes: OutputPipes?

    /// The pipes `job` gets: the ones made ahead, or fresh ones if there are none (or why they
    /// could not be made); none at all for a job that discards its output (the `async` event
    /// loop, which watches every child's pipes, gives no job).
    mutating func take(for job: Job? = nil) -> Result<OutputPipes, SpawnError> {
        if job?.discardsOutput == true { return .success(.none) }
        defer { pipes = nil }
        return pipes.map { .success($0) } ?? OutputPipes.make()
    }

    /// Makes the next pair if there is none, unless `job`, the one just started, discarded its
    /// output: the jobs of a batch are alike, so the next will not need them either. A
    /// failure is left for `take` to report.
    mutating func refill(after job: Job? = nil) {
        if job?.discardsOutput != true, pipes == nil, case .success(let fresh) = OutputPipes.make() { pipes = fresh }
    }

    /// Closes a pair no child got.
    func close() { pipes?.closeAll() }
}
