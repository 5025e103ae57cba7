/// A probe's outcome over the runs of one compiler: what the reports' probe lines say.
struct ProbeVerdict {
    let name: ByteString
    /// Ok in every run.
    let ok: Bool
    /// The same outcome in every run.
    let agreed: Bool
    /// How many copies failed, where they did (the first failing run).
    let failedCopies: Int
    /// The first failing run's message.
    let message: ByteString

    /// One verdict per probe of `m` that `runs` ran, in scenario order.
    static func all(_ m: Measurement, _ runs: [RunSummary]) -> [ProbeVerdict] {
        let outcomes = runs.map(\.outcomesByName)
        return m.scenario.probes.compactMap { name in
            let seen = outcomes.compactMap { $0[name] }
            guard !seen.isEmpty else { return nil }
            let failure = seen.first { !$0.ok }
            return ProbeVerdict(
                name: name, ok: failure == nil, agreed: Set(seen.map(\.ok)).count == 1,
                failedCopies: failure?.failedCopies ?? 0, message: failure?.message ?? "")
        }
    }
}
