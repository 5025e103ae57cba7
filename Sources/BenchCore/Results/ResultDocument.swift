/// What a run measured, as data: what `--format json` writes, what `bench report` reads back,
/// what Lua reporters and `bench.measure` receive, and the one source every report is rendered
/// from. docs/json.md documents every field; change both together.
public struct ResultDocument: Sendable, Equatable {
    /// The schema version, raised when a field changes meaning or disappears.
    public static let schema = 2

    /// The version of bench that measured it.
    public var bench: String
    /// False when a signal interrupted the run: the measurements hold the samples taken before it.
    public var complete: Bool
    /// The machine it ran on.
    public var host: HostInfo
    /// The recipe, parameters, command line and start of the run; `nil` in a document from bench 0.2.
    public var provenance: Provenance?
    /// Each scenario measured, in the order the run measured them.
    public var measurements: [Measurement]

    /// Creates a document.
    public init(bench: String, complete: Bool, host: HostInfo, provenance: Provenance? = nil, measurements: [Measurement]) {
        self.bench = bench
        self.complete = complete
        self.host = host
        self.provenance = provenance
        self.measurements = measurements
    }

    /// Every warning of every measurement.
    public var warnings: [String] { measurements.flatMap(\.warnings) }

    /// Every disagreement of every measurement: when there is one, the results cannot be trusted.
    public var disagreements: [String] { measurements.flatMap(\.disagreements) }

    /// Every run of every measurement whose every job failed: the run failed.
    public var failures: [String] { measurements.flatMap(\.failures) }

    /// Every probe outcome of every measurement that is not the one its probe declared: the run failed.
    public var unexpectedOutcomes: [String] { measurements.flatMap(\.unexpectedOutcomes) }
}
