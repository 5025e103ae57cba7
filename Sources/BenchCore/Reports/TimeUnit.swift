/// The unit times are shown in: seconds, milliseconds or microseconds, whichever shows a time
/// at 1 or more, as hyperfine picks its unit. A terminal table fits each row to its median (a
/// row reads in one unit, rows may differ: `true` in µs beside `make` in s); a Markdown table
/// and a chart fit the whole to its largest median, as their headers and axis name one unit.
/// The JSON and the CSV stay in seconds, for programs.
public struct TimeUnit: Sendable, Equatable {
    /// "s", "ms" or "µs".
    public let symbol: String
    /// How many of the unit make a second.
    let perSecond: Double
    /// Decimals shown: 3 for seconds, 1 for the others (a millisecond's tenth, as hyperfine).
    let digits: Int

    /// Seconds, with three decimals.
    public static let seconds = TimeUnit(symbol: "s", perSecond: 1, digits: 3)
    /// Milliseconds, with one decimal.
    public static let milliseconds = TimeUnit(symbol: "ms", perSecond: 1e3, digits: 1)
    /// Microseconds, with one decimal.
    public static let microseconds = TimeUnit(symbol: "µs", perSecond: 1e6, digits: 1)

    /// The unit `word` names: hyperfine's `-u` words (`second`, `millisecond`, `microsecond`)
    /// or a symbol (`s`, `ms`, `us`, `µs`).
    public static func named(_ word: String) -> TimeUnit? {
        switch word {
        case "second", "s": return .seconds
        case "millisecond", "ms": return .milliseconds
        case "microsecond", "us", "µs": return .microseconds
        default: return nil
        }
    }

    /// The unit that shows `seconds` at 1 or more; seconds for zero or what is not finite.
    static func fitting(_ seconds: Double) -> TimeUnit {
        guard seconds.isFinite && seconds > 0 else { return .seconds }
        return seconds >= 1 ? .seconds : seconds >= 1e-3 ? .milliseconds : .microseconds
    }

    /// The unit for a table or chart whose main times are `times` (in seconds): fitted to the largest.
    static func fitting(largestOf times: [Double]) -> TimeUnit {
        fitting(times.filter(\.isFinite).max() ?? 1)
    }

    /// `seconds` in this unit, without the symbol: "174.3".
    func number(_ seconds: Double) -> String { fixed(seconds * perSecond, digits) }

    /// `seconds` in this unit with its symbol: "174.3 ms".
    func time(_ seconds: Double) -> String { number(seconds) + " " + symbol }

    /// A median and its standard deviation: "174.3 ms ± 2.1 ms".
    func spread(_ w: SampleSummary) -> String { "\(time(w.median)) ± \(time(w.stddev))" }

    /// A range: "170.1 ms … 180.9 ms".
    func range(_ w: SampleSummary) -> String { "\(time(w.min)) … \(time(w.max))" }
}
