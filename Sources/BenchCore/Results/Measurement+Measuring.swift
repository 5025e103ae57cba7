/// What hyperfine's way of measuring changes in how a measurement's numbers read: the start-up
/// subtracted and the number of runs, said by the reports beside the table, and hyperfine's
/// warning for a time too small once the start-up is gone.
extension Measurement {
    /// hyperfine's limit below which a command's time, once the shell's start-up is subtracted,
    /// is too small to trust: 5 ms.
    public static let fastAfterOverhead = 0.005

    /// After a subtraction, a warning for each run whose median is below `fastAfterOverhead`,
    /// as hyperfine warns.
    var measuringWarnings: [String] {
        guard scenario.overhead != nil else { return [] }
        return runs.filter { $0.wall.median < Self.fastAfterOverhead }.map { run in
            "\(run.title): took less than \(fixed(Self.fastAfterOverhead * 1000, 0)) ms once the shell's start-up was subtracted; the "
                + "figure may be inaccurate, as the start-up is not measured much more precisely than that: -N runs no shell"
        }
    }

    /// "sh -c '' started in 0.728 ms (the median of 50 runs before the timed ones), subtracted
    /// from every time as hyperfine subtracts it", or `nil` when nothing was subtracted.
    public var overheadNote: String? {
        guard let o = scenario.overhead else { return nil }
        let line = TerminalText.line(o.command.map { ShellLine.quote($0) }.joined(separator: " "))
        return "\(line) started in \(TimeUnit.fitting(o.wall).time(o.wall)) (the median of \(o.runs) runs before the timed ones), "
            + "subtracted from every time as hyperfine subtracts it"
    }

    /// How many timed runs each batch took: "10", or "10 to 12" when `min_time` let them differ.
    public var runCounts: String {
        let counts = runs.map(\.wall.samples.count)
        guard let least = counts.min(), let most = counts.max(), least != most else { return String(counts.first ?? scenario.runs) }
        return "\(least) to \(most)"
    }
}
