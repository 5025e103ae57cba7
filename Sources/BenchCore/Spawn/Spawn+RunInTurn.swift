extension Spawn {
    /// Runs jobs one after another on the calling thread, as many calls to `run` would: each
    /// child has exited, and its process group been killed, before the next one starts. Takes
    /// each job from `next` until it returns `nil`, and hands each result to `store` with the
    /// job's index, in the order the jobs were taken.
    ///
    /// Between one child's exit and the next one's spawn there is nothing else: the next child's
    /// pipes are made while the current one runs, and a child that has exited is drained, reaped
    /// and closed once its successor has started. That is the work a bare spawn-and-wait loop
    /// does not do, moved off the path every job waits on.
    ///
    /// A cancelled `cancellation` kills the running child; the jobs `next` still gives are
    /// stored as not started.
    static func runInTurn(
        cancellation: Cancellation?, next: () -> (index: Int, job: Job)?, store: (JobResult, Int) -> Void
    ) {
        var exited: (child: ChildProcess, index: Int)?
        var spare = SparePipes()
        defer { spare.close() }
        func collectExited() {
            if let (child, index) = exited { store(child.collect(), index) }
            exited = nil
        }
        while let (index, job) = next() {
            if cancellation?.isCancelled == true {
                collectExited()
                store(.notStarted(job), index)
                continue
            }
            let started = spare.take(for: job).flatMap { ChildProcess.start(job, pipes: $0) }
            collectExited()
            switch started {
            case .success(let child):
                spare.refill(after: job)
                child.waitForExit(cancel: cancellation?.descriptor ?? -1)
                exited = (child, index)
            case .failure(let error):
                store(.couldNotStart(job, error), index)
            }
        }
        collectExited()
    }
}
