/// A comparison as CSV: one row per run and file, the baseline's rows included (RFC 4180 quoting).
public struct BaselineCSV: ComparisonRenderer {
    /// The format's name.
    public let name = "csv"

    /// Makes the renderer.
    public init() {}

    /// The columns, in order.
    public static let header = [
        "scenario", "run", "file", "as", "compiler", "probe", "strategy", "concurrency", "samples", "wall_median_s", "wall_stddev_s",
        "ratio", "ratio_stddev", "p", "verdict",
    ]

    /// The CSV text.
    public func render(_ c: BaselineComparison, color: Bool) -> String {
        let q = CSVReport.quote
        var rows = [Self.header.joined(separator: ",")]
        for row in c.rows {
            for (i, cell) in row.cells.enumerated() {
                guard let cell else { continue }
                let r = cell.run
                rows.append(
                    [
                        q(TerminalText.line(row.key.scenario)), q(row.key.label), q(TerminalText.line(c.files[i].label)), q(row.label(cell)),
                        q(r.compiler.map { TerminalText.line($0) } ?? ""), q(r.probe.map { TerminalText.line($0) } ?? ""), r.strategy.rawValue,
                        String(r.concurrency), String(r.wall.samples.count), fixed(r.wall.median, 6), fixed(r.wall.stddev, 6),
                        cell.ratio.map { fixed($0.value, 4) } ?? "", cell.ratio.map { fixed($0.stddev, 4) } ?? "",
                        cell.test.map { String($0.p) } ?? "", cell.shownVerdict?.rawValue ?? (i == 0 ? "baseline" : ""),
                    ].joined(separator: ","))
            }
        }
        return rows.joined(separator: "\n") + "\n"
    }
}
