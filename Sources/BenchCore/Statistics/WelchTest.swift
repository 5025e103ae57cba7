import Glibc

/// Welch's t-test of two independent samples whose variances may differ: does their mean
/// differ by more than chance would make it? The same test as SciPy's
/// `ttest_ind(a, b, equal_var=False)`, two-sided.
public struct WelchTest: Sendable, Equatable {
    /// The t statistic, (mean(a) − mean(b)) / standard error of the difference.
    public let t: Double
    /// The Welch–Satterthwaite degrees of freedom.
    public let degreesOfFreedom: Double
    /// The two-sided p-value: the chance of a |t| at least this large if the means were equal.
    public let p: Double

    /// Tests `a` against `b`. Samples of fewer than two values, or two samples without any
    /// spread, have no variance to judge by: equal means give p = 1, different ones p = 0.
    public init(_ a: [Double], _ b: [Double]) {
        let meanA = Self.mean(a)
        let meanB = Self.mean(b)
        let errorA = a.count > 1 ? Self.variance(a, mean: meanA) / Double(a.count) : 0
        let errorB = b.count > 1 ? Self.variance(b, mean: meanB) / Double(b.count) : 0
        let error = errorA + errorB
        guard a.count > 1, b.count > 1, error > 0 else {
            t = meanA == meanB ? 0 : (meanA > meanB ? .infinity : -.infinity)
            degreesOfFreedom = Double(max(1, a.count + b.count - 2))
            p = meanA == meanB ? 1 : 0
            return
        }
        t = (meanA - meanB) / error.squareRoot()
        let df = error * error / (errorA * errorA / Double(a.count - 1) + errorB * errorB / Double(b.count - 1))
        degreesOfFreedom = df
        p = Self.twoSidedP(t: t, degreesOfFreedom: df)
    }

    /// P(|T| ≥ |t|) for Student's t with `degreesOfFreedom`: the regularised incomplete beta
    /// function I_x(df/2, 1/2) at x = df / (df + t²).
    static func twoSidedP(t: Double, degreesOfFreedom df: Double) -> Double {
        guard t.isFinite else { return 0 }
        return min(1, max(0, regularizedIncompleteBeta(df / (df + t * t), a: df / 2, b: 0.5)))
    }

    /// I_x(a, b) by its continued fraction (Lentz's method), on the side where it converges fast.
    static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log(1 - x))
        if x < (a + 1) / (a + b + 2) { return front * continuedFraction(x, a: a, b: b) / a }
        return 1 - front * continuedFraction(1 - x, a: b, b: a) / b
    }

    private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...300 {
            let m = Double(m)
            // The even step, then the odd step, of the fraction's terms.
            var term = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + term * d; if abs(d) < tiny { d = tiny }
            c = 1 + term / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            term = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + term * d; if abs(d) < tiny { d = tiny }
            c = 1 + term / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            result *= step
            if abs(step - 1) < 1e-15 { break }
        }
        return result
    }

    private static func mean(_ x: [Double]) -> Double { x.isEmpty ? 0 : x.reduce(0, +) / Double(x.count) }

    private static func variance(_ x: [Double], mean m: Double) -> Double {
        x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)
    }
}
