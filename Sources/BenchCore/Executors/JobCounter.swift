import Synchronization

/// Counts finished jobs across threads, for the progress line.
public final class JobCounter: Sendable {
    private let count = Atomic<Int>(0)

    /// Creates a counter at zero.
    public init() {}

    /// Adds one finished job.
    public func increment() { count.add(1, ordering: .relaxed) }

    /// Jobs finished so far.
    public var value: Int { count.load(ordering: .relaxed) }

    /// Starts again from zero.
    public func reset() { count.store(0, ordering: .relaxed) }
}
