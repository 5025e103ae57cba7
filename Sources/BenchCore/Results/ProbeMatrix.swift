/// Which probes each compiler accepts, when a measurement has several compilers: the feature
/// matrix of a configure step (the study compared gfortran, ifx and nvfortran this way).
public struct ProbeMatrix: Sendable, Equatable {
    /// The compilers, as the measurement lists them.
    public var compilers: [ByteString]
    /// One row per probe, in scenario order.
    public var rows: [Row]

    /// A probe and, per compiler, whether every copy succeeded (`nil`: that compiler did not run it).
    public struct Row: Sendable, Equatable {
        /// The probe's name.
        public var probe: ByteString
        /// One per compiler, in `compilers`' order.
        public var accepted: [Bool?]
    }

    /// The matrix of `m`, or `nil` when it has fewer than two compilers. A probe's outcome is
    /// its verdict over every run of that compiler: accepted only if every run accepted it.
    public init?(_ m: Measurement) {
        guard m.compilers.count > 1 else { return nil }
        compilers = m.compilers.map(\.name)
        let outcomes = m.compilers.map { compiler in m.runs(of: compiler.name).map(\.outcomesByName) }
        rows = m.scenario.probes.map { probe in
            Row(
                probe: probe,
                accepted: outcomes.map { runs in
                    let seen = runs.compactMap { $0[probe] }
                    return seen.isEmpty ? nil : seen.allSatisfy(\.ok)
                })
        }
    }

    /// "✓", "✗", or "-" where the compiler did not run the probe.
    public static func mark(_ accepted: Bool?) -> String { accepted.map { $0 ? "✓" : "✗" } ?? "-" }

    /// How many probes each compiler accepts, in `compilers`' order.
    public var acceptedCounts: [Int] {
        compilers.indices.map { c in rows.filter { $0.accepted[c] == true }.count }
    }
}
