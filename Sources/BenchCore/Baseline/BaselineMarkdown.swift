/// A comparison as Markdown for a pull request: the files, one table per scenario (a row per
/// run and file), the conclusion and the warnings.
public enum BaselineMarkdown {
    /// The Markdown text.
    public static func render(_ c: BaselineComparison) -> String {
        let md = MarkdownReport.markdown
        var lines = c.files.enumerated().map { i, file in
            "- \(i == 0 ? "Baseline" : "Against"): `\(file.label.replacingOccurrences(of: "`", with: "'"))`: \(md(BaselineWords.origin(file)))"
        }
        lines += ["", md(BaselineWords.rule(c)) + "."]
        var scenarios: [String] = []
        for row in c.rows where !scenarios.contains(row.key.scenario) { scenarios.append(row.key.scenario) }
        for scenario in scenarios {
            lines += ["", "**\(md(scenario))**", ""]
            lines.append("| Run | File | As | Median [s] | ± σ [s] | vs baseline | p | Verdict |")
            lines.append("|:---|:---|:---|---:|---:|---:|---:|:---|")
            for row in c.rows where row.key.scenario == scenario {
                for (i, cell) in row.cells.enumerated() {
                    var cells = [i == 0 ? md(row.key.label) : "", md(c.files[i].label)]
                    if let cell {
                        cells += [
                            md(row.label(cell)), format3(cell.run.wall.median), format3(cell.run.wall.stddev),
                            i == 0 ? "baseline" : cell.ratio.map(BaselineWords.ratio) ?? "no baseline run",
                            cell.test.map { BaselineWords.p($0.p) } ?? "", cell.verdict.map { $0 == .same ? "same" : "**\($0.rawValue)**" } ?? "",
                        ]
                    } else {
                        cells += ["not measured", "", "", "", "", ""]
                    }
                    lines.append("| " + cells.joined(separator: " | ") + " |")
                }
            }
        }
        lines += ["", md(BaselineWords.conclusion(c))]
        if !c.warnings.isEmpty { lines += [""] + c.warnings.map { "- Warning: " + md($0) } }
        return lines.joined(separator: "\n") + "\n"
    }
}
