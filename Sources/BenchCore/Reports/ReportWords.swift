/// The phrases every report uses to say what was measured, so that they all say it alike.
enum ReportWords {
    /// `shape(s)`, or "3 commands" for a comparison of commands, one run of each per batch
    /// (what `bench time` and hyperfine measure).
    static func shape(_ m: Measurement) -> String {
        let s = m.scenario
        guard TableShape(m).isCommandComparison else { return shape(s) }
        return counted(s.probes.count, "command")
    }

    /// "16 probes × 8 copies = 128 jobs per batch", or for one-probe batches "2 probes, 1 copy per batch".
    static func shape(_ s: ScenarioSettings) -> String {
        let copies = "\(s.repeats) cop\(s.repeats == 1 ? "y" : "ies")"
        let through = s.launcher.isEmpty ? "" : ", compiled through " + s.launcher.map { TerminalText.line($0) }.joined(separator: " ")
        switch s.batch {
        case .all: return "\(counted(s.probes.count, "probe")) × \(copies) = \(s.jobsPerBatch) jobs per batch" + through
        case .probe: return "\(counted(s.probes.count, "probe")), each its own batch of \(copies)" + through
        }
    }

    /// "3 timed runs after 1 warm-up, interleaved in rotating order"; under `min_time`, "10 to
    /// 12 timed runs (at least 10 and 3.0 s of each, at most 12, as hyperfine counts them) after ...".
    static func sampling(_ m: Measurement) -> String {
        let s = m.scenario
        let counts = m.runCounts
        let rule = s.minTime.map {
            " (at least \(s.runs) and \(fixed($0, 1)) s of each\(s.maxRuns.map { ", at most \($0)" } ?? ""), as hyperfine counts them)"
        }
        return
            "\(counts) timed run\(counts == "1" ? "" : "s")\(rule ?? "") after \(s.warmup == 0 ? "no" : String(s.warmup)) warm-up\(s.warmup == 1 ? "" : "s"), interleaved in rotating order"
    }

    /// How `entry` ran against `other`, as hyperfine says it: "1.79 ± 0.04 times faster than",
    /// or, when `entry` is the slower (a `relative_to` that is not the fastest), "1.25 ± 0.03
    /// times slower than".
    static func ran(_ entry: Comparison.Entry, against other: Comparison.Entry) -> String {
        let ratio = Ratio(other.run.wall, over: entry.run.wall)
        if ratio.value >= 1 || ratio.value == 0 { return "\(self.ratio(ratio)) times faster than" }
        return "\(self.ratio(Ratio(entry.run.wall, over: other.run.wall))) times slower than"
    }

    /// "1.79 ± 0.04": a ratio and its propagated standard deviation.
    static func ratio(_ r: Ratio) -> String { "\(fixed(r.value, 2)) ± \(fixed(r.stddev, 2))" }

    /// "1 job", "2 jobs": `n` and `noun`, with an `s` unless `n` is 1.
    static func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
