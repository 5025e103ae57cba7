import Glibc

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

/// `x` rounded to `digits` decimals (0 to 9), without Foundation's locale-dependent formatting;
/// total over every double: one too large for whole-number arithmetic is written by C's
/// `printf` (bench never sets a locale, so its decimal point is a point), and one not finite
/// as Swift writes it.
func fixed(_ x: Double, _ digits: Int) -> String {
    guard x.isFinite else { return String(x) }
    let digits = min(max(digits, 0), 9)
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let negative = x < 0
    let scaled = (abs(x) * scale).rounded()
    guard scaled < 9e18 else { return printed(x, digits) }
    let whole = Int(scaled / scale)
    let frac = Int(scaled - Double(whole) * scale)
    var text = String(whole)
    if digits > 0 {
        let f = String(frac)
        text += "." + String(repeating: "0", count: digits - f.count) + f
    }
    return negative && scaled != 0 ? "-" + text : text
}

/// `x` with `digits` decimals by C's `printf`.
private func printed(_ x: Double, _ digits: Int) -> String {
    var buffer = [CChar](repeating: 0, count: 400)  // the largest double has 309 digits
    _ = withVaList([x]) { vsnprintf(&buffer, buffer.count, "%.\(digits)f", $0) }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
