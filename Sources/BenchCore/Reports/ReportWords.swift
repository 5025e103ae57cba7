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
}
