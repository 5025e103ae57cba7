/// The phrases every rendering of a comparison shares, so that the table, the Markdown and the
/// chart say the same thing the same way.
enum BaselineWords {
    /// "fortran 3f2a9c1e4b7d, bench 0.3.0, 2026-12-01T22:10:05Z, AMD EPYC 7B13, 2 cores": where a file came from.
    /// A file read from hyperfine's export says so, and that it records no more.
    static func origin(_ file: BaselineComparison.File) -> String {
        let d = file.document
        if d.isHyperfineExport { return "hyperfine --export-json (it records no host, start time or version)" }
        var parts: [String] = []
        if let recipe = d.provenance?.recipe { parts.append("\(recipe.name) \(recipe.sha256.prefix(12))") }
        parts.append("bench \(d.bench)")
        if let started = d.provenance?.started { parts.append(started) }
        parts.append("\(d.host.cpu), \(d.host.cores) cores")
        return TerminalText.line(parts.joined(separator: ", "))
    }

    /// How verdicts are reached, in one line.
    static func rule(_ c: BaselineComparison) -> String {
        "slower or faster: beyond \(percent(c.threshold)) of the baseline's median and p < \(BaselineComparison.significance) (Welch's t-test on the wall-time samples)"
    }

    /// "5 %", "2.5 %".
    static func percent(_ fraction: Double) -> String {
        var s = fixed(fraction * 100, 2)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s + " %"
    }

    /// The unit of a scenario's times in a comparison's Markdown: the one its largest median fits.
    static func unit(_ c: BaselineComparison, scenario: String) -> TimeUnit {
        TimeUnit.fitting(largestOf: c.rows.filter { $0.key.scenario == scenario }.flatMap { $0.cells.compactMap { $0?.run.wall.median } })
    }

    /// "< 0.001", "0.049", "1.000".
    static func p(_ p: Double) -> String { p < 0.001 ? "< 0.001" : fixed(p, 3) }

    /// What the "vs baseline" column says of `cell`, file `index` of its row.
    static func versus(_ cell: BaselineComparison.Cell, index: Int) -> String {
        if cell.failed { return "every job failed" }
        if index == 0 { return "baseline" }
        if cell.verdict == .failed { return "the baseline failed" }
        return cell.ratio.map(ReportWords.ratio) ?? "no baseline run"
    }

    /// The verdict column: the verdict, or "failed" for a baseline whose every job failed.
    static func verdict(_ cell: BaselineComparison.Cell) -> String {
        cell.shownVerdict?.rawValue ?? ""
    }

    /// The closing sentences: which runs failed, which are slower, or that none is.
    static func conclusion(_ c: BaselineComparison) -> String {
        var sentences: [String] = []
        let failed = c.failedRows
        if !failed.isEmpty {
            let names = failed.map { row in
                let files = row.cells.enumerated().compactMap { i, cell in cell?.failed == true ? c.files[i].label : nil }
                return "\(row.key.scenario): \(row.key.label) (\(files.joined(separator: ", ")))"
            }
            sentences.append(
                "\(ReportWords.counted(failed.count, "run")) failed, every job of \(failed.count == 1 ? "it" : "each"), "
                    + "so \(failed.count == 1 ? "its" : "their") times measure failures: \(names.joined(separator: "; ")).")
        }
        let slower = c.slowerRows
        guard !slower.isEmpty else {
            return (sentences + ["No \(failed.isEmpty ? "" : "other ")run is slower than the baseline beyond \(percent(c.threshold))."]).joined(
                separator: " ")
        }
        let names = slower.map { row in
            let files = row.cells.enumerated().compactMap { i, cell in
                cell?.verdict == .slower ? "\(c.files[i].label) \(fixed(cell!.ratio!.value, 2))×" : nil
            }
            return "\(row.key.scenario): \(row.key.label) (\(files.joined(separator: ", ")))"
        }
        sentences.append("\(slower.count) run\(slower.count == 1 ? " is" : "s are") slower than the baseline: \(names.joined(separator: "; ")).")
        return sentences.joined(separator: " ")
    }
}
