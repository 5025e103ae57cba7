import BenchCore
import Testing

/// Welch's t-test against SciPy 1.17's `scipy.stats.ttest_ind(a, b, equal_var=False)`, run
/// once on these samples and its figures written here.
@Suite("Welch's t-test")
struct WelchTestTests {
    static let scipy: [(a: [Double], b: [Double], t: Double, p: Double, df: Double)] = [
        ([0.174, 0.171, 0.180, 0.177], [0.427, 0.431, 0.419], -62.165068260521785, 4.933558221827973e-06, 3.193635073806452),
        ([1, 2, 3, 4, 5], [2, 4, 6, 8, 10, 12], -2.3763541031440183, 0.04928433820673053, 6.972255729794934),
        ([0.3121, 0.3089, 0.3150], [0.3130, 0.3102, 0.3144], -0.2479205232213193, 0.8177446599847638, 3.5829407389040604),
        ([10.0, 10.1], [10.5, 10.7, 10.6, 10.4, 10.8, 10.9, 11.0], -6.789028582272225, 0.00044912174446666396, 6.152542372881373),
    ]

    @Test(arguments: 0..<scipy.count)
    func agreesWithSciPy(_ i: Int) {
        let c = Self.scipy[i]
        let test = WelchTest(c.a, c.b)
        #expect(abs(test.t - c.t) <= 1e-9 * abs(c.t))
        #expect(abs(test.degreesOfFreedom - c.df) <= 1e-9 * c.df)
        #expect(abs(test.p - c.p) <= 1e-7 * c.p, "p = \(test.p), SciPy \(c.p)")
    }

    @Test func isSymmetricInItsSamples() {
        let c = Self.scipy[1]
        let forward = WelchTest(c.a, c.b)
        let backward = WelchTest(c.b, c.a)
        #expect(forward.t == -backward.t && abs(forward.p - backward.p) < 1e-15)
    }

    @Test func samplesWithoutSpreadAreEqualOrClearlyApart() {
        #expect(WelchTest([1, 2, 3], [1, 2, 3]).p == 1)
        #expect(WelchTest([2, 2, 2], [2, 2, 2]).p == 1)
        #expect(WelchTest([2, 2, 2], [3, 3, 3]).p == 0)
    }
}
