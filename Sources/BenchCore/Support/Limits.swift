import Foundation

/// The range of every number a script or the command line gives bench, so that no value can
/// overflow a computation, trap, or ask for memory bench cannot have. A value outside its range
/// is a usage error (exit 2) or a Lua error that states the range.
public enum Limits {
    /// Timeouts (a job's, a scenario's, `--timeout`), in seconds: above 0, at most a year.
    public static let timeout: ClosedRange<Double> = Double.leastNonzeroMagnitude...31_536_000
    /// Bytes of each output stream a job keeps (`capture`): at most 1 GiB.
    public static let capture: ClosedRange<Int> = 0...(1 << 30)
    /// Copies of each probe in one batch (`-n`, `repeats`).
    public static let repeats: ClosedRange<Int> = 1...1_000_000
    /// Jobs in one batch (probes × copies, or a `bench.run` list).
    public static let jobsPerBatch: ClosedRange<Int> = 1...1_000_000
    /// Timed runs of every batch (`-r`, `runs`).
    public static let runs: ClosedRange<Int> = 1...100_000
    /// Untimed warm-up batches (`-w`, `warmup`).
    public static let warmup: ClosedRange<Int> = 0...100_000
    /// Jobs at once (`-j N`).
    public static let concurrency: ClosedRange<Int> = 1...1_000_000

    /// A time in a saved result document, in seconds (a sample, CPU time, the longest job): at
    /// most about 31 years, far beyond any run, and small enough that every sum and chart axis
    /// of them stays finite.
    public static let documentSeconds: ClosedRange<Double> = 0...1e9
    /// A peak memory in a saved result document, in KiB: at most 1 PiB.
    public static let documentKiB: ClosedRange<Int> = 0...(1 << 40)
    /// The cores of a machine in a saved result document.
    public static let cores: ClosedRange<Int> = 1...1_000_000

    /// The noise threshold of a comparison (`--threshold`), in percent of the baseline's median.
    public static let thresholdPercent: ClosedRange<Double> = 0...100

    /// The threshold `text` gives ("5", "5%", "2.5 %") as a fraction; the error states the range.
    public static func threshold(_ text: String, _ what: String) throws(BenchError) -> Double {
        var digits = text.trimmingCharacters(in: .whitespaces)
        if digits.hasSuffix("%") { digits = String(digits.dropLast()).trimmingCharacters(in: .whitespaces) }
        guard let percent = Double(digits), percent.isFinite, thresholdPercent.contains(percent) else {
            throw .invalidValue("\(what) must be a percentage from 0 to 100 (such as 5 or 2.5%), not '\(TerminalText.line(text))'")
        }
        return percent / 100
    }

    /// Throws unless `value` lies in `range`; `what` names it in the message.
    public static func check(_ value: Int, in range: ClosedRange<Int>, _ what: String) throws(BenchError) {
        guard range.contains(value) else {
            throw .invalidValue("\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(value)")
        }
    }

    /// Throws unless `seconds` is a timeout bench can keep.
    public static func checkTimeout(_ seconds: Double, _ what: String) throws(BenchError) {
        guard seconds.isFinite, timeout.contains(seconds) else {
            throw .invalidValue("\(what) must be a number of seconds above 0 and at most \(Int(timeout.upperBound)) (a year), not \(seconds)")
        }
    }

    /// Whether `seconds` is a timeout bench can keep.
    public static func isTimeout(_ seconds: Double) -> Bool { seconds.isFinite && timeout.contains(seconds) }
}
