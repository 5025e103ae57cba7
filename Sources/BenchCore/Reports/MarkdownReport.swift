/// Markdown to paste into an issue: per measurement, one sentence saying what ran where, a table
/// like hyperfine's export (with its "Relative" column), and the comparisons.
public struct MarkdownReport: DocumentRenderer {
    /// The format's name.
    public let name = "markdown"
    /// What it is for.
    public let purpose = "tables to paste into an issue"

    /// Makes the renderer.
    public init() {}

    /// The Markdown text.
    public func render(_ document: ResultDocument, options: RenderingOptions) -> String {
        let markdown = Self.markdown
        var lines: [String] = []
        let h = document.host
        for (k, m) in document.measurements.enumerated() {
            if k > 0 { lines.append("") }
            let s = m.scenario
            lines.append(
                "**\(markdown(s.name))**: \(ReportWords.shape(m)), median of \(m.runCounts) interleaved runs after \(ReportWords.counted(s.warmup, "warm-up")); "
                    + (document.isHyperfineExport
                        ? markdown(HyperfineExport.about) + "."
                        : "bench \(markdown(document.bench)), \(markdown(h.os)) \(markdown(h.kernel)), \(markdown(h.cpu)), \(h.cores) cores.")
                    + (m.complete ? "" : " Incomplete: the run was interrupted."))
            lines.append("")
            lines += Self.runTable(m, unit: options.timeUnit, sort: options.sort)
            if let note = m.overheadNote { lines += ["", markdown(note) + "."] }
            for c in m.comparisons {
                guard let base = c.comparedWith else { continue }
                let others = options.sort.others(of: c, besides: base).map { e in "\(ReportWords.ran(base, against: e)) \(markdown(e.label))" }
                // As the table: a comparison of commands with one strategy needs no "(serial)".
                let shape = TableShape(m)
                let context = c.context.isEmpty || (shape.isCommandComparison && !shape.showsStrategy) ? "" : " (\(markdown(c.context)))"
                lines.append("")
                lines.append("\(markdown(base.label))\(context) ran " + others.joined(separator: ", ") + ".")
            }
            if let matrix = ProbeMatrix(m) {
                lines += [
                    "", "| Probe | " + matrix.compilers.map { markdown($0.text) }.joined(separator: " | ") + " |",
                    "|:---|" + matrix.compilers.map { _ in ":---:|" }.joined(),
                ]
                for row in matrix.rows {
                    lines.append("| \(markdown(row.probe.text)) | " + row.accepted.map(ProbeMatrix.mark).joined(separator: " | ") + " |")
                }
                lines.append("| accepted | " + matrix.acceptedCounts.map { "\($0) of \(matrix.rows.count)" }.joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table of a measurement's runs, like hyperfine's export (its "Relative" column), with
    /// the columns `TableShape` keeps and the times in its unit.
    private static func runTable(_ m: Measurement, unit chosen: TimeUnit?, sort: ReportOrder) -> [String] {
        let shape = TableShape(m)
        let unit = chosen ?? TimeUnit.fitting(largestOf: m.runs.map(\.wall.median))
        let u = unit.symbol
        var header = (shape.showsStrategy ? ["Strategy"] : []) + (shape.showsConcurrency ? ["-j"] : [])
        header +=
            ["Median wall [\(u)]", "± σ [\(u)]", "Min … max [\(u)]"] + (shape.showsConcurrency ? ["Ideal [\(u)]", "Efficiency", "vs serial"] : [])
        header.append("Relative")
        var alignment = (shape.showsStrategy ? [":---"] : []) + Array(repeating: "---:", count: header.count - (shape.showsStrategy ? 1 : 0))
        if m.scenario.batch == .probe { header.insert(shape.isCommandComparison ? "Command" : "Probe", at: 0); alignment.insert(":---", at: 0) }
        if !m.compilers.isEmpty { header.insert("Compiler", at: 0); alignment.insert(":---", at: 0) }
        var lines = ["| " + header.joined(separator: " | ") + " |", "|" + alignment.joined(separator: "|") + "|"]
        for r in sort.rows(m.runs) {
            let w = r.wall
            var cells = (shape.showsStrategy ? [r.strategy.rawValue] : []) + (shape.showsConcurrency ? [String(r.concurrency)] : [])
            cells += [unit.number(w.median), unit.number(w.stddev), "\(unit.number(w.min)) … \(unit.number(w.max))"]
            if shape.showsConcurrency {
                cells += [
                    unit.number(m.ideal(of: r)), "\(format1(m.efficiency(of: r) * 100)) %",
                    m.speedupOverSerial(r).map { fixed($0.value, 2) + "×" } ?? "",
                ]
            }
            cells.append(ReportWords.ratio(m.relativeToFastest(r)))
            if m.scenario.batch == .probe { cells.insert(markdown(r.probe?.text ?? ""), at: 0) }
            if !m.compilers.isEmpty { cells.insert(markdown(m.compiler(of: r)?.version ?? r.compiler?.text ?? ""), at: 0) }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines
    }

    /// `text` safe inside a Markdown table cell: one line, control characters escaped, `|` and
    /// the characters that start emphasis or code backslash-escaped.
    static func markdown(_ text: String) -> String {
        var out = ""
        for c in TerminalText.line(text) {
            if "|\\*_`[]<>#".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
