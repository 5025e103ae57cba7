/// The ways bench can run a batch of jobs; the names are what scripts and `--strategy` use.
public enum Strategy: String, Sendable, NamedChoice {
    /// Event loops on bench's own threads, one per usable core, watch every child: no thread is parked per child.
    case async
    /// A fixed pool of OS threads, each spawning and waiting for one child at a time.
    case threads
    /// A pool of `bench` worker processes fed jobs over pipes (like Python's ProcessPoolExecutor).
    case processes
    /// One job after another on the calling thread.
    case serial
    /// The batch as a generated `build.ninja`, run by `ninja -j N`: a reference runner.
    case ninja
    /// The batch as a generated Makefile, run by `make -j N`: a reference runner.
    case make
    /// The batch as argument lists, run by `xargs -P N`: a reference runner.
    case xargs

    /// bench's own strategies: what a scenario runs unless it or `--strategy` names others.
    public static let own: [Strategy] = [.async, .threads, .processes, .serial]

    /// True for the reference runners, which run a batch through another tool; a strategy of
    /// bench's own that is not run by default is still bench's own.
    public var isReference: Bool { ReferenceTools.tool(for: self) != nil }

    /// True for a strategy that runs one job at a time whatever the level asked for (`serial`):
    /// it is measured once, at the first level, labelled without `-j`, and is what the others'
    /// speed-ups are against.
    public var ignoresConcurrency: Bool { self == .serial }

    /// Parses a name; the error lists the valid ones.
    public static func parse(_ name: String) throws(BenchError) -> Strategy {
        guard let strategy = Strategy(rawValue: name) else {
            throw .invalidValue("unknown strategy '\(name)' (valid: \(validNames))")
        }
        return strategy
    }
}
