/// How many times longer one median time is than another, with its uncertainty propagated
/// from both spreads, as hyperfine reports "1.93 ± 0.05 times faster". Medians, because they
/// are what every report shows (and a disturbed sample moves them least).
public struct Ratio: Sendable, Equatable {
    /// numerator.median / denominator.median.
    public let value: Double
    /// The propagated standard deviation of `value`: each side's standard deviation relative to its median.
    public let stddev: Double

    /// The ratio of `numerator` to `denominator` (their medians).
    public init(_ numerator: SampleSummary, over denominator: SampleSummary) {
        value = denominator.median > 0 ? numerator.median / denominator.median : 0
        let a = numerator.median > 0 ? numerator.stddev / numerator.median : 0
        let b = denominator.median > 0 ? denominator.stddev / denominator.median : 0
        stddev = value * (a * a + b * b).squareRoot()
    }
}
