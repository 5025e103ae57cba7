/// The default report: aligned columns and hyperfine's words ("median ± σ", "range",
/// "ran 1.93 ± 0.05 times faster than"), colour only when asked (a terminal without NO_COLOR).
public enum TableReport {
    /// The report's text.
    public static func render(_ result: ScenarioResult, version: String, verbose: Bool, color: Bool) -> String {
        let paint = Paint(enabled: color)
        let s = result.scenario
        var out: [String] = []
        out.append(paint.bold(TerminalText.line(s.name)) + ": \(s.probes.count) probes × \(s.repeats) cop\(s.repeats == 1 ? "y" : "ies") = \(s.probes.count * s.repeats) jobs per batch; "
            + "\(s.runs) timed run\(s.runs == 1 ? "" : "s") after \(s.warmup == 0 ? "no" : String(s.warmup)) warm-up\(s.warmup > 1 ? "s" : ""), interleaved in rotating order")
        out.append("bench \(version) on \(result.host.os) \(result.host.kernel), \(result.host.cpu), \(result.host.cores) cores")
        if !result.complete { out.append(paint.yellow("incomplete: the run was interrupted; these are the samples taken so far")) }
        for compiler in result.compilers {
            let runs = result.runs.filter { $0.compiler == compiler }
            out.append("")
            out.append(paint.bold(TerminalText.line(compiler.version)) + " (\(TerminalText.line(compiler.path)))")
            var rows = [["strategy", "-j", "wall (median ± σ)", "range (min … max)", "child CPU", "bench CPU", "ideal", "efficiency", "vs serial"]]
            for r in runs {
                let w = r.wall
                rows.append([
                    r.strategy.rawValue, String(r.concurrency),
                    "\(seconds(w.median)) ± \(seconds(w.stddev))", "\(seconds(w.min)) … \(seconds(w.max))",
                    seconds(r.childCPU), "\(seconds(r.runnerCPU)) (\(format1(r.runnerShare * 100)) %)",
                    seconds(r.ideal), "\(format1(r.efficiency * 100)) %",
                    result.speedupOverSerial(r).map { fixed($0.value, 2) + "×" } ?? "",
                ])
            }
            out += align(rows, rightAligned: [1, 2, 3, 4, 5, 6, 7, 8]).enumerated().map { i, line in i == 0 ? paint.dim(line) : line }
            let levels = uniqueLevels(runs)
            if levels.count > 1 { out += scaling(runs, levels: levels) }
            for level in levels { out += summary(result, runs.filter { $0.level == level || $0.strategy == .serial }, paint: paint) }
            out += ["", "As the study printed it (medians):"]
                + runs.map { "  \(format3($0.wall.median)) seconds: \(levels.count > 1 ? $0.label : $0.strategy.rawValue): \(TerminalText.line(compiler.version))" }
            out += probeLines(runs, verbose: verbose)
        }
        let warnings = result.warnings
        if !warnings.isEmpty {
            out.append("")
            out += warnings.map { paint.yellow("Warning: ") + $0 }
        }
        for d in result.disagreements { out.append(paint.red("Error: ") + d) }
        return out.joined(separator: "\n") + "\n"
    }

    private static func seconds(_ s: Double) -> String { format3(s) + " s" }

    private static func uniqueLevels(_ runs: [RunSummary]) -> [ConcurrencyLimit] {
        var levels: [ConcurrencyLimit] = []
        for r in runs where r.strategy != .serial && !levels.contains(r.level) { levels.append(r.level) }
        return levels.isEmpty ? runs.prefix(1).map(\.level) : levels
    }

    /// Median wall per strategy (rows) and level (columns).
    private static func scaling(_ runs: [RunSummary], levels: [ConcurrencyLimit]) -> [String] {
        var rows = [["scaling (median wall)"] + levels.map { "-j \($0)" }]
        var strategies: [Strategy] = []
        for r in runs where !strategies.contains(r.strategy) { strategies.append(r.strategy) }
        for strategy in strategies {
            if strategy == .serial, let serial = runs.first(where: { $0.strategy == .serial }) {
                rows.append(["serial (runs once)"] + levels.map { _ in seconds(serial.wall.median) })
                continue
            }
            rows.append([strategy.rawValue] + levels.map { level in
                runs.first { $0.strategy == strategy && $0.level == level }.map { seconds($0.wall.median) } ?? "-"
            })
        }
        return [""] + align(rows, rightAligned: Set(1...levels.count))
    }

    /// hyperfine's summary: the fastest, then how many times faster it ran than each other one.
    private static func summary(_ result: ScenarioResult, _ group: [RunSummary], paint: Paint) -> [String] {
        guard group.count > 1, let fastest = group.min(by: { $0.wall.median < $1.wall.median }) else { return [] }
        var lines = ["", "Summary", "  " + paint.green(fastest.label) + " ran"]
        for r in group where r.label != fastest.label {
            let ratio = Ratio(r.wall, over: fastest.wall)
            lines.append("    \(fixed(ratio.value, 2)) ± \(fixed(ratio.stddev, 2)) times faster than \(r.label)")
        }
        return lines
    }

    private static func probeLines(_ runs: [RunSummary], verbose: Bool) -> [String] {
        guard let first = runs.first else { return [] }
        let agree = first.probes.indices.allSatisfy { i in runs.allSatisfy { $0.probes[i].ok == first.probes[i].ok } }
        let failing = first.probes.filter { !$0.ok }
        var lines = [""]
        lines.append("probes: \(first.probes.count - failing.count) of \(first.probes.count) compile"
            + (agree ? (runs.count > 1 ? ", the same with every strategy" : "") : "; the strategies DISAGREE (see below)"))
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

/// ANSI colour, or nothing.
struct Paint {
    let enabled: Bool
    private func wrap(_ code: String, _ s: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func bold(_ s: String) -> String { wrap("1", s) }
    func dim(_ s: String) -> String { wrap("2", s) }
    func green(_ s: String) -> String { wrap("32", s) }
    func yellow(_ s: String) -> String { wrap("33", s) }
    func red(_ s: String) -> String { wrap("31", s) }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
