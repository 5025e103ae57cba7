import Testing

@testable import BenchCore

@Suite("Number formatting")
struct NumberFormatTests {
    /// Rounded half away from zero, with every decimal asked for, and no minus on a zero.
    @Test(arguments: [
        (2.0, 3, "2.000"), (1.9995, 3, "2.000"), (0.1, 1, "0.1"), (-0.04, 1, "0.0"), (-1.25, 1, "-1.3"), (1234.5678, 0, "1235"),
    ])
    func ordinaryNumbers(x: Double, digits: Int, text: String) {
        #expect(fixed(x, digits) == text)
    }

    /// Total over every double: a number too large for whole-number arithmetic (which trapped
    /// above Int.max) is written out in full, and one not finite as Swift writes it.
    @Test func everyDoubleIsWrittenWithoutATrap() {
        #expect(fixed(1e19, 3) == "10000000000000000000.000")
        #expect(fixed(-9.3e18, 0) == "-9300000000000000000")
        #expect(fixed(.greatestFiniteMagnitude, 1).count == 311 && fixed(.greatestFiniteMagnitude, 1).hasPrefix("17976931348623157"))
        #expect(fixed(.infinity, 3) == "inf" && fixed(.nan, 3) == "nan")
        #expect(formatSeconds(1e300).hasPrefix("10000000000000000") && formatSeconds(1e300).hasSuffix(".000 s") && formatSeconds(2e-7) == "0.2 µs")
    }
}
