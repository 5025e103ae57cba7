/// A comparison as data: every file, each run's summary, ratio and verdict.
public struct BaselineJSON: ComparisonRenderer {
    /// The format's name.
    public let name = "json"

    /// Makes the renderer.
    public init() {}

    /// The comparison as JSON.
    public func render(_ comparison: BaselineComparison, color: Bool) -> String { comparison.json.serialized() + "\n" }
}
