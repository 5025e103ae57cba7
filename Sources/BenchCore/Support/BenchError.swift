/// The errors bench reports to a person; each message says what was wrong and what is valid.
public enum BenchError: Error, Equatable, CustomStringConvertible {
    /// A value given on the command line or by a script is not one of the valid ones.
    case invalidValue(String)
    /// A program bench needs (a compiler, a launcher, a reference runner) could not be found, or a compiler could not say its version.
    case programNotFound(String)
    /// A file could not be read or written.
    case io(String)
    /// bench could not get the memory, threads or descriptors a batch needs.
    case resources(String)
    /// A scenario's `setup`, `prepare` or `cleanup` failed, so its batches would measure something else.
    case hookFailed(String)
    /// A job of a scenario could not be started (no such program, not executable, the limit on
    /// processes): its run would measure the machine's refusal, not the job.
    case couldNotStart(String)
    /// A job failed in a scenario that stops on failure (`stop_on_failure`, `bench time`
    /// without `-i`): hyperfine's words, naming the command.
    case commandFailed(String)
    /// The run was interrupted (a signal) before this could finish.
    case interrupted

    /// The message for people.
    public var description: String {
        switch self {
        case .invalidValue(let m), .programNotFound(let m), .io(let m), .resources(let m), .hookFailed(let m), .couldNotStart(let m),
            .commandFailed(let m):
            return m
        case .interrupted: return "interrupted"
        }
    }
}
