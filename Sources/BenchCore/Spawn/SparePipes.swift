/// One pair of output pipes made ahead of the child that will get them, so that a runner makes
/// them while its other children run, not between one child's exit and the next one's start.
/// Its owner closes what is left with `close` when it stops.
struct SparePipes {
    private var pipes: OutputPipes?

    /// The pipes made ahead, or fresh ones if there are none (or why they could not be made).
    mutating func take() -> Result<OutputPipes, SpawnError> {
        defer { pipes = nil }
        return pipes.map { .success($0) } ?? OutputPipes.make()
    }

    /// Makes the next pair if there is none; a failure is left for `take` to report.
    mutating func refill() {
        if pipes == nil, case .success(let fresh) = OutputPipes.make() { pipes = fresh }
    }

    /// Closes a pair no child got.
    func close() { pipes?.closeAll() }
}
