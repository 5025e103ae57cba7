/// The spread of a set of timing samples: what every report prints for a wall time.
public struct SampleSummary: Sendable, Equatable, Codable {
    /// The samples in the order they were taken.
    public let samples: [Double]
    /// The smallest sample.
    public let min: Double
    /// The median (the mean of the two middle samples for an even count).
    public let median: Double
    /// The arithmetic mean.
    public let mean: Double
    /// The sample standard deviation (n − 1 in the denominator); 0 for a single sample.
    public let stddev: Double
    /// The largest sample.
    public let max: Double

    /// Summarises `samples`, which must not be empty.
    public init(_ samples: [Double]) {
        precondition(!samples.isEmpty, "a summary needs at least one sample")
        self.samples = samples
        let sorted = samples.sorted()
        min = sorted[0]
        max = sorted[sorted.count - 1]
        median = Self.median(ofSorted: sorted)
        mean = samples.reduce(0, +) / Double(samples.count)
        if samples.count > 1 {
            let m = mean
            stddev = (samples.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(samples.count - 1)).squareRoot()
        } else {
            stddev = 0
        }
    }

    /// The median of already sorted values.
    static func median(ofSorted sorted: [Double]) -> Double {
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    /// Standard deviation over mean; 0 when the mean is 0.
    public var coefficientOfVariation: Double { mean > 0 ? stddev / mean : 0 }

    /// The median absolute deviation from the median.
    public var medianAbsoluteDeviation: Double {
        Self.median(ofSorted: samples.map { abs($0 - median) }.sorted())
    }

    /// The indices of samples whose modified z-score, 0.6745 (x − median) / MAD, exceeds 3.5
    /// (Iglewicz and Hoaglin's rule, the robust test hyperfine uses too); none when MAD is 0.
    public var outlierIndices: [Int] {
        let mad = medianAbsoluteDeviation
        guard mad > 0 else { return [] }
        return samples.indices.filter { abs(0.6745 * (samples[$0] - median) / mad) > 3.5 }
    }
}
