/// A variable of a random length in a job's environment, which moves where the child's stack
/// starts: hyperfine's `HYPERFINE_RANDOMIZED_ENVIRONMENT_OFFSET`, under bench's name.
public enum EnvironmentOffset {
    /// The variable's name.
    public static let name: ByteString = "BENCH_RANDOMIZED_ENVIRONMENT_OFFSET"
    /// Its longest value, in bytes: as hyperfine's, less than a page.
    public static let maximum = 4095

    /// `jobs` with the variable set to one length, between 0 and `maximum` `X`s, drawn anew on
    /// each call: one run's (one batch's) jobs share it, as the `make`, `ninja` and `xargs`
    /// strategies need a batch's jobs to share one environment. Made as bytes: built as a
    /// `String` it cost 90 µs of bench's CPU a run, enough for the scheduler to place children
    /// differently and read 1 ms commands several per cent slower.
    public static func applied(to jobs: [Job]) -> [Job] {
        let value = ByteString(bytes: [UInt8](repeating: UInt8(ascii: "X"), count: Int.random(in: 0...maximum)))
        return jobs.map { job in
            var job = job
            job.environment[name] = value
            return job
        }
    }
}
