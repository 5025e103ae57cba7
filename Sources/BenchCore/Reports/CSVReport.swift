/// CSV, one row per run of every measurement, the same numbers as the other formats (RFC 4180 quoting).
public struct CSVReport: DocumentRenderer {
    /// The format's name.
    public let name = "csv"
    /// What it is for.
    public let purpose = "one row per run"

    /// Makes the renderer.
    public init() {}

    /// The columns, in order.
    public static let header = [
        "scenario", "compiler", "probe", "strategy", "concurrency", "jobs", "runs", "wall_min_s", "wall_median_s", "wall_mean_s",
        "wall_stddev_s", "wall_max_s", "child_cpu_s", "runner_cpu_s", "ideal_s", "efficiency",
        "speedup_vs_serial", "relative_to_fastest", "failed",
    ]

    /// The CSV text.
    public func render(_ document: ResultDocument, options: RenderingOptions) -> String {
        let quote = Self.quote
        var rows = [Self.header.joined(separator: ",")]
        for m in document.measurements {
            for r in m.runs {
                let w = r.wall
                let fields: [String] = [
                    quote(TerminalText.line(m.scenario.name)), quote(r.compiler.map { TerminalText.line($0) } ?? ""),
                    quote(r.probe.map { TerminalText.line($0) } ?? ""), r.strategy.rawValue, String(r.concurrency), String(r.jobs),
                    String(w.samples.count), fixed(w.min, 6), fixed(w.median, 6), fixed(w.mean, 6), fixed(w.stddev, 6), fixed(w.max, 6),
                    fixed(r.childCPU, 6), fixed(r.runnerCPU, 6), fixed(m.ideal(of: r), 6), fixed(m.efficiency(of: r), 4),
                    m.speedupOverSerial(r).map { fixed($0.value, 4) } ?? "", fixed(m.relativeToFastest(r).value, 4),
                    String(r.failed),
                ]
                rows.append(fields.joined(separator: ","))
            }
        }
        return rows.joined(separator: "\n") + "\n"
    }

    static func quote(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
