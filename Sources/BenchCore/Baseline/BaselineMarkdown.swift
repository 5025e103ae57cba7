/// A comparison as Markdown for a pull request: the files, one table per scenario (a row per
/// run and file), the conclusion and the warnings.
public struct BaselineMarkdown: ComparisonRenderer {
    /// The format's name.
    public let name = "markdown"

    /// Makes the renderer.
    public init() {}

    /// The Markdown text.
    public func render(_ c: BaselineComparison, color: Bool) -> String {
        let md = MarkdownReport.markdown
        var lines = c.files.enumerated().map { i, file in
            "- \(i == 0 ? "Baseline" : "Against"): `\(file.label.replacingOccurrences(of: "`", with: "'"))`: \(md(BaselineWords.origin(file)))"
        }
        lines += ["", md(BaselineWords.rule(c)) + "."]
        // How each file ran a run, only where the files ran one differently, as in the table.
        let showAs = c.rows.contains(where: \.varies)
        var scenarios: [String] = []
        for row in c.rows where !scenarios.contains(row.key.scenario) { scenarios.append(row.key.scenario) }
        for scenario in scenarios {
            lines += ["", "**\(md(scenario))**", ""]
            let unit = BaselineWords.unit(c, scenario: scenario)
            lines.append("| Run | File |" + (showAs ? " As |" : "") + " Median [\(unit.symbol)] | ± σ [\(unit.symbol)] | vs baseline | p | Verdict |")
            lines.append("|:---|:---|" + (showAs ? ":---|" : "") + "---:|---:|---:|---:|:---|")
            for row in c.rows where row.key.scenario == scenario {
                for (i, cell) in row.cells.enumerated() {
                    var cells = [i == 0 ? md(row.key.label) : "", md(c.files[i].label)]
                    if let cell {
                        cells +=
                            (showAs ? [md(row.label(cell))] : []) + [
                                unit.number(cell.run.wall.median), unit.number(cell.run.wall.stddev),
                                BaselineWords.versus(cell, index: i),
                                cell.test.map { BaselineWords.p($0.p) } ?? "", Self.verdict(cell),
                            ]
                    } else {
                        cells += ["not measured", "", "", "", ""] + (showAs ? [""] : [])
                    }
                    lines.append("| " + cells.joined(separator: " | ") + " |")
                }
            }
        }
        lines += ["", md(BaselineWords.conclusion(c))]
        if !c.warnings.isEmpty { lines += [""] + c.warnings.map { "- Warning: " + md($0) } }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The verdict, in bold unless it is "same".
    private static func verdict(_ cell: BaselineComparison.Cell) -> String {
        let word = BaselineWords.verdict(cell)
        return word.isEmpty || word == "same" ? word : "**\(word)**"
    }
}
