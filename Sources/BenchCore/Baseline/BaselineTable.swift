/// A comparison as aligned columns: per scenario, each joined run with one line per file (its
/// median ± σ, the ratio to the baseline, p and the verdict), then the conclusion and warnings.
/// A run whose every job failed shows no ratio: its verdict is `failed`.
public struct BaselineTable: ComparisonRenderer {
    /// The format's name.
    public let name = "table"

    /// Makes the renderer.
    public init() {}

    /// The table's text; `color` marks slower and failed runs red and faster ones green.
    public func render(_ c: BaselineComparison, color: Bool) -> String {
        let paint = Paint(enabled: color)
        var out: [String] = []
        let width = c.files.map(\.label.count).max() ?? 0
        for (i, file) in c.files.enumerated() {
            out.append((i == 0 ? "baseline " : "against  ") + TerminalText.line(file.label).padding(width) + "  " + BaselineWords.origin(file))
        }
        out.append(BaselineWords.rule(c))
        let showAs = c.rows.contains(where: \.varies)
        var scenarios: [String] = []
        for row in c.rows where !scenarios.contains(row.key.scenario) { scenarios.append(row.key.scenario) }
        for scenario in scenarios {
            out.append("")
            out.append(paint.bold(TerminalText.line(scenario)))
            var header = ["run", "file", "median ± σ", "vs baseline", "p", "verdict"]
            if showAs { header.insert("as", at: 2) }
            var table = [header]
            var verdicts: [BaselineComparison.Verdict?] = [nil]
            for row in c.rows where row.key.scenario == scenario {
                for (i, cell) in row.cells.enumerated() {
                    var line = [i == 0 ? row.key.label : "", TerminalText.line(c.files[i].label)]
                    if let cell {
                        line += [
                            TimeUnit.fitting(cell.run.wall.median).spread(cell.run.wall),
                            BaselineWords.versus(cell, index: i),
                            cell.test.map { BaselineWords.p($0.p) } ?? "",
                            BaselineWords.verdict(cell),
                        ]
                        if showAs { line.insert(row.label(cell), at: 2) }
                    } else {
                        line += ["not measured", "", "", ""]
                        if showAs { line.insert("", at: 2) }
                    }
                    table.append(line)
                    verdicts.append(cell?.shownVerdict)
                }
            }
            let right: Set<Int> = showAs ? [3, 4, 5] : [2, 3, 4]
            for (k, (line, verdict)) in zip(TableReport.align(table, rightAligned: right), verdicts).enumerated() {
                switch verdict {
                case _ where k == 0: out.append(paint.dim(line))
                case .slower, .failed: out.append(paint.red(line))
                case .faster: out.append(paint.green(line))
                default: out.append(line)
                }
            }
        }
        out.append("")
        out.append(BaselineWords.conclusion(c))
        out += c.warnings.map { paint.yellow("Warning: ") + TerminalText.line($0) }
        return out.joined(separator: "\n") + "\n"
    }
}
