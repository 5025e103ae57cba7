/// The default report: aligned columns and hyperfine's words ("median ± σ", "range",
/// "ran 1.93 ± 0.05 times faster than"), colour only when asked (a terminal without NO_COLOR).
public struct TableReport: DocumentRenderer {
    /// The format's name.
    public let name = "table"
    /// What it is for.
    public let purpose = "aligned columns for a terminal, hyperfine's words"

    /// Makes the renderer.
    public init() {}

    /// The report's text for every measurement of `document`.
    public func render(_ document: ResultDocument, options: RenderingOptions) -> String {
        let (verbose, paint) = (options.verbose, Paint(enabled: options.color))
        var out: [String] = []
        for (k, m) in document.measurements.enumerated() {
            if k > 0 { out.append("") }
            out.append(
                paint.bold(TerminalText.line(m.scenario.name)) + ": " + ReportWords.shape(m) + "; "
                    + ReportWords.sampling(m))
            if k == 0 {
                let h = document.host
                out.append(
                    document.isHyperfineExport ? HyperfineExport.about : "bench \(document.bench) on \(h.os) \(h.kernel), \(h.cpu), \(h.cores) cores")
            }
            if !m.complete { out.append(paint.yellow("incomplete: the run was interrupted; these are the samples taken so far")) }
            out += Self.body(m, verbose: verbose, paint: paint, options: options)
            if let projection = Projection(m) { out += [""] + projection.sentences }
        }
        let warnings = document.warnings
        if !warnings.isEmpty {
            out.append("")
            out += warnings.map { paint.yellow("Warning: ") + $0 }
        }
        for d in document.disagreements + document.failures { out.append(paint.red("Error: ") + d) }
        return out.joined(separator: "\n") + "\n"
    }

    private static func body(_ m: Measurement, verbose: Bool, paint: Paint, options: RenderingOptions) -> [String] {
        let unit = options.timeUnit
        var out: [String] = []
        let perProbe = m.scenario.batch == .probe
        let shape = TableShape(m)
        for name in m.compilerNames {
            let runs = m.runs(of: name)
            out.append("")
            if let compiler = m.compiler(named: name) {
                out.append(paint.bold(TerminalText.line(compiler.version)) + " (\(TerminalText.line(compiler.path)))")
            }
            out += runTable(m, options.sort.rows(runs), shape: shape, unit: unit).enumerated().map { i, line in i == 0 ? paint.dim(line) : line }
            if let note = m.overheadNote { out.append(paint.dim(note)) }
            let levels = m.levels(of: runs)
            if !perProbe && levels.count > 1 { out += scaling(runs, levels: levels, unit: unit) }
            for comparison in m.comparisons where comparison.kind != .compilers && comparison.entries.first?.run.compiler == name {
                out += summary(
                    comparison, paint: paint, showContext: comparison.kind == .probes && Set(runs.map(\.strategy)).count > 1 || levels.count > 1,
                    sort: options.sort)
            }
            if !perProbe, m.scenario.showsStudyLines, let compiler = m.compiler(named: name) {
                out +=
                    ["", "As the study printed it (medians):"]
                    + runs.map {
                        "  \(format3($0.wall.median)) seconds: \(levels.count > 1 ? $0.strategyLabel : $0.strategy.rawValue): \(TerminalText.line(compiler.version))"
                    }
            }
            out += probeLines(m, runs, verbose: verbose, word: shape.probeWord)
        }
        for comparison in m.comparisons where comparison.kind == .compilers {
            out += summary(comparison, paint: paint, showContext: true, sort: options.sort)
        }
        if let matrix = ProbeMatrix(m) { out += matrixLines(matrix) }
        return out
    }

    /// The table of `runs`: a row per run, with the columns `shape` keeps.
    private static func runTable(_ m: Measurement, _ runs: [RunSummary], shape: TableShape, unit chosen: TimeUnit?) -> [String] {
        let perProbe = m.scenario.batch == .probe
        var rows: [[String]] = [
            (perProbe ? [shape.probeWord] : []) + (shape.showsStrategy ? ["strategy"] : []) + (shape.showsConcurrency ? ["-j"] : [])
                + ["wall (median ± σ)", "range (min … max)", "child CPU", "bench CPU"]
                + (shape.showsConcurrency ? ["ideal", "efficiency", "vs serial"] : [])
        ]
        for r in runs {
            let unit = chosen ?? TimeUnit.fitting(r.wall.median)
            var row = perProbe ? [TerminalText.line(r.probe ?? "")] : []
            if shape.showsStrategy { row.append(r.strategy.rawValue) }
            if shape.showsConcurrency { row.append(String(r.concurrency)) }
            let cpu = shape.showsUserAndSys ? "User: \(unit.time(r.user ?? 0)), System: \(unit.time(r.sys ?? 0))" : unit.time(r.childCPU)
            row += [unit.spread(r.wall), unit.range(r.wall), cpu, "\(unit.time(r.runnerCPU)) (\(format1(r.runnerShare * 100)) %)"]
            if shape.showsConcurrency {
                row += [
                    unit.time(m.ideal(of: r)), "\(format1(m.efficiency(of: r) * 100)) %",
                    m.speedupOverSerial(r).map { fixed($0.value, 2) + "×" } ?? "",
                ]
            }
            rows.append(row)
        }
        let firstNumber = (perProbe ? 1 : 0) + (shape.showsStrategy ? 1 : 0)
        return align(rows, rightAligned: Set(firstNumber..<rows[0].count))
    }

    /// Which probes each compiler accepts, a row per probe.
    private static func matrixLines(_ matrix: ProbeMatrix) -> [String] {
        let names = matrix.compilers.map { TerminalText.line($0) }
        var rows = [["probes × compilers"] + names]
        for row in matrix.rows { rows.append([TerminalText.line(row.probe)] + row.accepted.map(ProbeMatrix.mark)) }
        rows.append(["accepted"] + zip(matrix.acceptedCounts, names).map { count, _ in "\(count) of \(matrix.rows.count)" })
        return ["", "Feature matrix (✓ accepted, ✗ refused):"] + align(rows, rightAligned: [])
    }

    /// Median wall per strategy (rows) and level (columns).
    private static func scaling(_ runs: [RunSummary], levels: [ConcurrencyLimit], unit chosen: TimeUnit?) -> [String] {
        let unit = chosen ?? TimeUnit.fitting(largestOf: runs.map(\.wall.median))
        var rows = [["scaling (median wall)"] + levels.map { "-j \($0)" }]
        var strategies: [Strategy] = []
        for r in runs where !strategies.contains(r.strategy) { strategies.append(r.strategy) }
        for strategy in strategies {
            if strategy.ignoresConcurrency, let serial = runs.first(where: { $0.strategy.ignoresConcurrency }) {
                rows.append(["serial (runs once)"] + levels.map { _ in unit.time(serial.wall.median) })
                continue
            }
            rows.append(
                [strategy.rawValue]
                    + levels.map { level in
                        runs.first { $0.strategy == strategy && $0.level == level }.map { unit.time($0.wall.median) } ?? "-"
                    })
        }
        return [""] + align(rows, rightAligned: Set(1...levels.count))
    }

    /// hyperfine's summary: the fastest (or the scenario's `relative_to`), then how many times
    /// faster (or slower) it ran than each other one.
    private static func summary(_ comparison: Comparison, paint: Paint, showContext: Bool, sort: ReportOrder) -> [String] {
        guard let base = comparison.comparedWith else { return [] }
        let title = sort == .command ? "Relative speed comparison" : "Summary"
        let heading =
            comparison.kind == .compilers
            ? "\(title) (compilers, \(comparison.context))"
            : showContext && !comparison.context.isEmpty ? "\(title) (\(comparison.context))" : title
        guard sort != .command else {
            // hyperfine's list: every run in order, its median over the one compared with.
            let rows = comparison.entries.map { e in
                let ratio = Ratio(e.run.wall, over: base.run.wall)
                return [fixed(ratio.value, 2), e == base ? "" : "± " + fixed(ratio.stddev, 2), e.label]
            }
            return ["", heading] + align(rows, rightAligned: [0, 1]).map { "  " + $0 }
        }
        var lines = ["", heading, "  " + paint.green(base.label) + " ran"]
        for entry in sort.others(of: comparison, besides: base) {
            lines.append("    \(ReportWords.ran(base, against: entry)) \(entry.label)")
        }
        return lines
    }

    private static func probeLines(_ m: Measurement, _ runs: [RunSummary], verbose: Bool, word: String) -> [String] {
        let outcomes = ProbeVerdict.all(m, runs)
        guard !outcomes.isEmpty else { return [] }
        let failing = outcomes.filter { !$0.ok }
        let agree = outcomes.allSatisfy(\.agreed)
        let verb = m.compilers.isEmpty ? "succeed" : "compile"
        var lines = [""]
        lines.append(
            "\(word)s: \(outcomes.count - failing.count) of \(outcomes.count) \(verb)"
                + (agree ? (Set(runs.map(\.strategy)).count > 1 ? ", the same with every strategy" : "") : "; the strategies DISAGREE (see below)"))
        if !failing.isEmpty {
            lines.append("failing: " + failing.map { TerminalText.line($0.name) }.joined(separator: ", ") + (verbose ? "" : " (-v shows why)"))
            if verbose {
                for p in failing {
                    lines.append("  \(TerminalText.line(p.name)):")
                    lines += TerminalText.lines(p.message).split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }
                }
            }
        }
        return lines
    }

    /// Pads cells to the widest in each column; the columns in `rightAligned` are right-aligned.
    static func align(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - row[c].count)
                return rightAligned.contains(c) ? pad + row[c] : row[c] + pad
            }.joined(separator: "   ").trimmingTrailingSpaces()
        }
    }
}
