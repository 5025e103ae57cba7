/// What a measurement's tables show: the unit its times fit, and only the columns that mean
/// something for it. Runs that each ran one job at a time (`serial`, every run of a comparison
/// of commands) have no `-j`, ideal, efficiency or speed-up over serial; a comparison of
/// commands with one strategy needs no strategy column.
struct TableShape {
    /// True when the strategy column tells runs apart.
    let showsStrategy: Bool
    /// True for the `-j`, ideal, efficiency and "vs serial" columns.
    let showsConcurrency: Bool
    /// True for commands compared one run each per batch, without compilers (`bench time`).
    let isCommandComparison: Bool
    /// True when a command comparison's CPU is said as hyperfine says it, user and system
    /// apart, instead of their sum: every run has both (a document from before has neither).
    let showsUserAndSys: Bool

    /// The shape of `m`'s tables.
    init(_ m: Measurement) {
        isCommandComparison = m.compilers.isEmpty && m.scenario.batch == .probe && m.scenario.repeats == 1
        showsConcurrency = !m.runs.allSatisfy(\.strategy.ignoresConcurrency)
        showsStrategy = !isCommandComparison || Set(m.runs.map(\.strategy)).count > 1
        showsUserAndSys = isCommandComparison && m.runs.allSatisfy { $0.user != nil && $0.sys != nil }
    }

    /// What a probe is called in this measurement's lines: "command" or "probe".
    var probeWord: String { isCommandComparison ? "command" : "probe" }
}
