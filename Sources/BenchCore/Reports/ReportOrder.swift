/// hyperfine's `--sort`: the order of a table's rows and of a summary's comparisons.
public enum ReportOrder: String, Sendable, NamedChoice {
    /// Rows in the order measured; the summary from the fastest (or `relative_to`), the others
    /// from the fastest to the slowest.
    case auto
    /// Rows in the order measured; the summary as one list in that order, each run's median
    /// relative to the fastest's (or `relative_to`'s), hyperfine's "Relative speed comparison".
    case command
    /// Rows from the least mean wall time to the most; the summary as `auto`'s.
    case meanTime = "mean-time"

    /// `runs` in this order: as measured, or by their mean wall time (`mean-time`), ties as measured.
    public func rows(_ runs: [RunSummary]) -> [RunSummary] {
        guard self == .meanTime else { return runs }
        return runs.enumerated().sorted { ($0.element.wall.mean, $0.offset) < ($1.element.wall.mean, $1.offset) }.map(\.element)
    }

    /// The entries of `comparison` other than `first`, in the order its summary lists them: by
    /// median wall (the ratios' order), or as measured for `command`.
    public func others(of comparison: Comparison, besides first: Comparison.Entry) -> [Comparison.Entry] {
        let others = comparison.entries.filter { $0 != first }
        guard self != .command else { return others }
        return others.enumerated().sorted { ($0.element.run.wall.median, $0.offset) < ($1.element.run.wall.median, $1.offset) }.map(\.element)
    }
}
