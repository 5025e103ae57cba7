/// A variable of a random length in a job's environment, which moves where the child's stack
/// starts: hyperfine's `HYPERFINE_RANDOMIZED_ENVIRONMENT_OFFSET`, under bench's name.
public enum EnvironmentOffset {
    /// The variable's name.
    public static let name: ByteString = "BENCH_RANDOMIZED_ENVIRONMENT_OFFSET"
    /// Its longest value, in bytes: as hyperfine's, less than a page.
    public static let maximum = 4095

    /// `job` with the variable set to between 0 and `maximum` `X`s, drawn anew on each call.
    public static func applied(to job: Job) -> Job {
        var job = job
        job.environment[name] = ByteString(bytes: [UInt8](repeating: UInt8(ascii: "X"), count: Int.random(in: 0...maximum)))
        return job
    }
}
