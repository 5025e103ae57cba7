import Glibc

/// Seconds on `CLOCK_MONOTONIC`: nanosecond resolution, never jumps, shared by all processes of the machine.
public enum MonotonicClock {
    /// The current monotonic time in seconds.
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// The timeout `poll` or `epoll_wait` takes to wake at `deadline`: whole milliseconds, rounded
    /// up so that it never wakes early, 0 once passed; -1 (wait for ever) without a deadline.
    static func pollTimeout(until deadline: Double?) -> Int32 {
        deadline.map { Int32(clamping: Int(max(0, ($0 - now()) * 1000).rounded(.up))) } ?? -1
    }
}

/// Formats seconds as people read them: "3.630 s", "12.4 ms", "850 µs".
public func formatSeconds(_ s: Double) -> String {
    if s >= 1 { return String(format3(s)) + " s" }
    if s >= 1e-3 { return format1(s * 1e3) + " ms" }
    return format1(s * 1e6) + " µs"
}

/// `x` with three decimals.
func format3(_ x: Double) -> String { fixed(x, 3) }
/// `x` with one decimal.
func format1(_ x: Double) -> String { fixed(x, 1) }

/// `x` rounded to `digits` decimals, without Foundation's locale-dependent formatting.
func fixed(_ x: Double, _ digits: Int) -> String {
    guard x.isFinite else { return String(x) }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let negative = x < 0
    let scaled = (abs(x) * scale).rounded()
    let whole = Int(scaled / scale)
    let frac = Int(scaled - Double(whole) * scale)
    var text = String(whole)
    if digits > 0 {
        let f = String(frac)
        text += "." + String(repeating: "0", count: digits - f.count) + f
    }
    return negative && scaled != 0 ? "-" + text : text
}
