import Foundation

/// The built-in report formats, by the names `--format` and a scenario's `report` use.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal, hyperfine's words.
    case table
    /// The documented JSON document (every sample).
    case json
    /// One row per run.
    case csv
    /// A table to paste into an issue.
    case markdown
    /// The study's own lines: "2.041 seconds: async: GNU Fortran ...".
    case study

    /// The valid names, comma-separated.
    public static var validNames: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The report's text for `result`.
    public func render(_ result: ScenarioResult, version: String, verbose: Bool, color: Bool) -> String {
        switch self {
        case .table: return TableReport.render(result, version: version, verbose: verbose, color: color)
        case .json: return ReportDocument.make(result, version: version).serialized() + "\n"
        case .csv: return CSVReport.render(result)
        case .markdown: return MarkdownReport.render(result)
        case .study: return StudyReport.render(result, verbose: verbose) + "\n"
        }
    }
}

/// CSV, one row per run, the same numbers as the other formats (RFC 4180 quoting).
public enum CSVReport {
    /// The columns, in order.
    public static let header = [
        "compiler", "strategy", "concurrency", "jobs", "runs", "wall_min_s", "wall_median_s", "wall_mean_s",
        "wall_stddev_s", "wall_max_s", "child_cpu_s", "runner_cpu_s", "ideal_s", "efficiency",
        "speedup_vs_serial", "relative_to_fastest", "failed",
    ]

    /// The CSV text.
    public static func render(_ result: ScenarioResult) -> String {
        var rows = [header.joined(separator: ",")]
        for r in result.runs {
            let w = r.wall
            let fields: [String] = [
                quote(TerminalText.line(r.compiler.name)), r.strategy.rawValue, String(r.concurrency), String(r.jobs), String(w.samples.count),
                fixed(w.min, 6), fixed(w.median, 6), fixed(w.mean, 6), fixed(w.stddev, 6), fixed(w.max, 6),
                fixed(r.childCPU, 6), fixed(r.runnerCPU, 6), fixed(r.ideal, 6), fixed(r.efficiency, 4),
                result.speedupOverSerial(r).map { fixed($0.value, 4) } ?? "", fixed(result.relativeToFastest(r).value, 4),
                String(r.failed),
            ]
            rows.append(fields.joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    private static func quote(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}

/// A Markdown table to paste into an issue, like the study's README.
public enum MarkdownReport {
    /// The Markdown text.
    public static func render(_ result: ScenarioResult) -> String {
        let s = result.scenario
        var lines = [
            "**\(markdown(s.name))**: \(s.probes.count) probes × \(s.repeats) copies = \(s.probes.count * s.repeats) jobs per batch, "
                + "median of \(s.runs) interleaved runs after \(s.warmup) warm-up\(s.warmup == 1 ? "" : "s"); \(result.host.os) \(result.host.kernel), "
                + "\(result.host.cpu), \(result.host.cores) cores.",
            "",
            "| Compiler | Strategy | -j | Median wall [s] | ± σ [s] | Min … max [s] | Ideal [s] | Efficiency | vs serial |",
            "|:---|:---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for r in result.runs {
            let w = r.wall
            let speedup = result.speedupOverSerial(r).map { fixed($0.value, 2) + "×" } ?? ""
            lines.append("| \(markdown(r.compiler.version)) | \(r.strategy.rawValue) | \(r.concurrency) | "
                + "\(format3(w.median)) | \(format3(w.stddev)) | \(format3(w.min)) … \(format3(w.max)) | \(format3(r.ideal)) | "
                + "\(format1(r.efficiency * 100)) % | \(speedup) |")
        }
        return lines.joined(separator: "\n") + "\n"
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
