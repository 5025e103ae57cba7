/// The phrases every report uses to say what was measured, so that they all say it alike.
enum ReportWords {
    /// "16 probes × 8 copies = 128 jobs per batch", or for one-probe batches "2 probes, 1 copy per batch".
    static func shape(_ s: ScenarioSettings) -> String {
        let copies = "\(s.repeats) cop\(s.repeats == 1 ? "y" : "ies")"
        let through = s.launcher.isEmpty ? "" : ", compiled through " + s.launcher.map { TerminalText.line($0) }.joined(separator: " ")
        switch s.batch {
        case .all: return "\(s.probes.count) probe\(s.probes.count == 1 ? "" : "s") × \(copies) = \(s.jobsPerBatch) jobs per batch" + through
        case .probe: return "\(s.probes.count) probe\(s.probes.count == 1 ? "" : "s"), each its own batch of \(copies)" + through
        }
    }

    /// "3 timed runs after 1 warm-up, interleaved in rotating order".
    static func sampling(_ s: ScenarioSettings) -> String {
        "\(s.runs) timed run\(s.runs == 1 ? "" : "s") after \(s.warmup == 0 ? "no" : String(s.warmup)) warm-up\(s.warmup == 1 ? "" : "s"), interleaved in rotating order"
    }

    /// "0.500 s": a time in seconds, as every column of times shows it.
    static func seconds(_ s: Double) -> String { format3(s) + " s" }

    /// "0.500 s ± 0.012 s": a median and its standard deviation.
    static func spread(_ w: SampleSummary) -> String { "\(seconds(w.median)) ± \(seconds(w.stddev))" }

    /// "1.79 ± 0.04": a ratio and its propagated standard deviation.
    static func ratio(_ r: Ratio) -> String { "\(fixed(r.value, 2)) ± \(fixed(r.stddev, 2))" }
}
