import Foundation

/// A comparison as an SVG grouped bar chart: a group per joined run, a bar per file (its
/// median, coloured by file, whiskers from min to max), the verdict under each bar that is
/// not the baseline's, and under the plot a legend with a line per file, as wide as the chart,
/// so that file names are whole (one too long loses its beginning, not the end that tells
/// files apart). Other labels that would not fit are shortened with "…".
public enum BaselineChart {
    static let width = 760.0
    static let plotHeight = 310.0
    static let margin = (left: 70.0, right: 20.0, top: 50.0, bottom: 60.0)
    static let legendLine = 18.0
    static let colors = ["#7f7f7f", "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf"]

    /// The SVG document.
    public static func render(_ c: BaselineComparison) -> String {
        let plotWidth = width - margin.left - margin.right
        let height = margin.top + plotHeight + margin.bottom + legendLine * Double(c.files.count + 1) + 10
        var body: [String] = []
        let scenarios = Set(c.rows.map(\.key.scenario))
        func groupLabel(_ row: BaselineComparison.Row) -> String { scenarios.count > 1 ? "\(row.key.scenario): \(row.key.label)" : row.key.label }
        let title = scenarios.count == 1 ? "\(scenarios.first!): each file against the baseline" : "each file against the baseline"
        body.append(SVG.text(width / 2, 24, SVG.fit(title, width - 20, size: 16), size: 16, anchor: "middle", weight: "bold"))
        body.append(SVG.text(width / 2, 42, SVG.fit(BaselineWords.rule(c), width - 20, size: 11), size: 11, anchor: "middle", fill: "#555"))

        let top = c.rows.flatMap { $0.cells.compactMap { $0?.run.wall.max } }.max() ?? 1
        let frame = SVG.PlotFrame(left: margin.left, top: margin.top, width: plotWidth, height: plotHeight)
        let unit = TimeUnit.fitting(largestOf: c.rows.flatMap { $0.cells.compactMap { $0?.run.wall.median } })
        let maxY = SVG.yAxis(frame, top: top * 1.1, unit: unit, title: "median wall time per batch", into: &body)
        func y(_ s: Double) -> Double { frame.y(s, max: maxY) }

        let groupWidth = plotWidth / Double(max(c.rows.count, 1))
        let slot = groupWidth / Double(c.files.count + 1)
        let barWidth = min(slot * 0.8, 50)
        for (g, row) in c.rows.enumerated() {
            for (f, cell) in row.cells.enumerated() {
                guard let cell else { continue }
                let cx = margin.left + groupWidth * Double(g) + slot * (Double(f) + 1)
                let w = cell.run.wall
                let barTop = y(w.median)
                let tip = cell.ratio.map { " (\(ReportWords.ratio($0)) × the baseline\(cell.verdict.map { ", \($0.rawValue)" } ?? ""))" } ?? ""
                body.append(
                    "<rect x=\"\(fixed(cx - barWidth / 2, 1))\" y=\"\(fixed(barTop, 1))\" width=\"\(fixed(barWidth, 1))\" height=\"\(fixed(margin.top + plotHeight - barTop, 1))\" fill=\"\(colors[f % colors.count])\" fill-opacity=\"0.85\"><title>\(SVG.escape("\(c.files[f].label): \(row.label(cell)): median \(unit.time(w.median))\(tip)"))</title></rect>"
                )
                body.append(SVG.line(cx, y(w.min), cx, y(w.max), stroke: "#000"))
                body.append(SVG.line(cx - barWidth / 6, y(w.min), cx + barWidth / 6, y(w.min), stroke: "#000"))
                body.append(SVG.line(cx - barWidth / 6, y(w.max), cx + barWidth / 6, y(w.max), stroke: "#000"))
                // Under the bar, how this file ran the run, where the files differ ("-j 1").
                if row.varies {
                    let how = row.label(cell)
                    let shown = how.hasPrefix(row.key.label) ? String(how.dropFirst(row.key.label.count)).trimmingCharacters(in: .whitespaces) : how
                    body.append(SVG.text(cx, margin.top + plotHeight + 14, SVG.fit(shown, slot - 2, size: 10), size: 10, anchor: "middle"))
                }
                if slot >= 30, cell.shownVerdict == .failed {
                    body.append(SVG.text(cx, min(barTop, y(w.max)) - 5, "failed", size: 10, anchor: "middle", fill: "#d62728"))
                } else if slot >= 30, let ratio = cell.ratio {
                    let fill = cell.verdict == .slower ? "#d62728" : cell.verdict == .faster ? "#2ca02c" : "#333"
                    body.append(SVG.text(cx, min(barTop, y(w.max)) - 5, "\(fixed(ratio.value, 2))×", size: 10, anchor: "middle", fill: fill))
                }
            }
            let centre = margin.left + groupWidth * (Double(g) + 0.5)
            body.append(
                SVG.text(
                    centre, margin.top + plotHeight + 32, SVG.fit(groupLabel(row), groupWidth - 6, size: 11), size: 11, anchor: "middle",
                    weight: "bold"))
        }
        body += legend(c, top: margin.top + plotHeight + margin.bottom)
        return SVG.svg(width: width, height: height, body: body)
    }

    /// A line per file from `top` down (its colour and its whole name), then what the marks mean.
    private static func legend(_ c: BaselineComparison, top: Double) -> [String] {
        var body: [String] = []
        for (f, file) in c.files.enumerated() {
            let ly = top + Double(f) * legendLine
            body.append(
                "<rect x=\"\(fixed(margin.left, 1))\" y=\"\(fixed(ly - 9, 1))\" width=\"12\" height=\"10\" fill=\"\(colors[f % colors.count])\"/>")
            let name = (f == 0 ? "baseline: " : "") + SVG.fittedFromTheEnd(file.label, width - margin.left - margin.right - 18, size: 11)
            body.append(SVG.text(margin.left + 18, ly, name, size: 11))
        }
        let ly = top + Double(c.files.count) * legendLine
        body.append(SVG.text(margin.left, ly, "bar: median; whiskers: min … max; label: × the baseline", size: 11, fill: "#555"))
        return body
    }
}
