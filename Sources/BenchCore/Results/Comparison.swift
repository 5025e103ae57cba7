/// Runs that a report sets side by side, as hyperfine compares commands: the fastest (or the
/// scenario's `relative_to`) first, then how many times faster (or slower) it ran than each other one.
public struct Comparison: Sendable, Equatable {
    /// What is compared with what: strategies, probes or compilers.
    public enum Kind: String, Sendable {
        case strategies, probes, compilers
    }

    /// What the entries differ in.
    public var kind: Kind
    /// What the entries share, for a heading ("gfortran, -j 2"); empty when nothing needs saying.
    public var context: String
    /// Each run with the name it goes by in this comparison.
    public var entries: [Entry]

    /// One run and its name here.
    public struct Entry: Sendable, Equatable {
        /// The name ("async -j 2", "gzip -9", "gcc").
        public var label: String
        /// The run.
        public var run: RunSummary
    }

    /// The entry the scenario compares the others with (`relative_to`, `bench time --reference`),
    /// if it names one.
    public var relativeTo: Entry?

    /// The entry with the lowest median wall.
    public var fastest: Entry? { entries.min { $0.run.wall.median < $1.run.wall.median } }

    /// The entry the others are compared with: the scenario's `relative_to`, or the fastest.
    public var comparedWith: Entry? { relativeTo ?? fastest }
}
