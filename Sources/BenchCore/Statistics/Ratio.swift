/// How many times longer one mean time is than another, with its uncertainty propagated from
/// both standard deviations, as hyperfine reports "1.93 ± 0.05 times faster".
public struct Ratio: Sendable, Equatable {
    /// slower.mean / faster.mean.
    public let value: Double
    /// The propagated standard deviation of `value`.
    public let stddev: Double

    /// The ratio of `numerator` to `denominator` (their means).
    public init(_ numerator: SampleSummary, over denominator: SampleSummary) {
        value = denominator.mean > 0 ? numerator.mean / denominator.mean : 0
        let a = numerator.mean > 0 ? numerator.stddev / numerator.mean : 0
        let b = denominator.mean > 0 ? denominator.stddev / denominator.mean : 0
        stddev = value * (a * a + b * b).squareRoot()
    }
}
