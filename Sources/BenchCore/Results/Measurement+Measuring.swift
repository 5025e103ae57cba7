/// What hyperfine's way of measuring changed in how a measurement's numbers read, said under
/// its table among the warnings (the table itself is the same for every scenario).
extension Measurement {
    /// hyperfine's limit below which a command's time, once the shell's start-up is subtracted,
    /// is too small to trust: 5 ms.
    public static let fastAfterOverhead = 0.005

    /// A line saying what was subtracted from every sample, how much and how it was measured;
    /// one saying how many runs each batch took under `min_time`; and, after a subtraction, one
    /// for each run whose median is below `fastAfterOverhead`, as hyperfine warns.
    var measuringNotes: [String] {
        var notes: [String] = []
        let s = scenario
        if let o = s.overhead {
            let line = TerminalText.line(o.command.map { ShellLine.quote($0) }.joined(separator: " "))
            notes.append(
                "the start-up of \(line) (\(fixed(o.wall * 1000, 3)) ms, the median of \(o.runs) runs before the timed ones) "
                    + "was subtracted from every job's time, as hyperfine subtracts it")
            for run in runs where run.wall.median < Self.fastAfterOverhead {
                notes.append(
                    "\(run.title): took less than \(fixed(Self.fastAfterOverhead * 1000, 0)) ms once the start-up was subtracted; the "
                        + "figure may be inaccurate, as the start-up is not measured much more precisely than that: -N runs no shell")
            }
        }
        if let minTime = s.minTime {
            let bound = s.maxRuns.map { ", at most \($0)" } ?? ""
            let counts = runs.map { "\($0.title) \($0.wall.samples.count)" }.joined(separator: "; ")
            notes.append("timed runs, at least \(s.runs) and \(fixed(minTime, 1)) s of each batch\(bound), as hyperfine counts them: \(counts)")
        }
        return notes
    }
}
