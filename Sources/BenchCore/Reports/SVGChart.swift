import Foundation

/// A self-contained SVG picture of a result document, one panel per measurement. One
/// concurrency level: a bar per run (the median wall, coloured by strategy), whiskers from min
/// to max and the ideal as a dashed line, grouped per compiler or probe. Several levels (a `-j`
/// scan): median wall against concurrency, one line per strategy and compiler. Labels that would
/// not fit their space are shortened with "…", so none overlaps another.
public enum SVGChart {
    static let width = 760.0
    static let panelHeight = 420.0
    static let margin = (left: 70.0, right: 170.0, top: 50.0, bottom: 70.0)
    static let colors: [Strategy: String] = [
        .async: "#1f77b4", .threads: "#ff7f0e", .processes: "#2ca02c", .serial: "#7f7f7f", .ninja: "#9467bd", .make: "#8c564b", .xargs: "#e377c2",
    ]

    /// The SVG document.
    public static func render(_ document: ResultDocument) -> String {
        var body: [String] = []
        for (k, m) in document.measurements.enumerated() {
            body.append("<g transform=\"translate(0 \(fixed(Double(k) * panelHeight, 1)))\">")
            body += panel(m, host: document.host)
            body.append("</g>")
        }
        return SVG.svg(width: width, height: panelHeight * Double(max(document.measurements.count, 1)), body: body)
    }

    private static func panel(_ m: Measurement, host: HostInfo) -> [String] {
        let levels = Set(m.runs.filter { !$0.strategy.ignoresConcurrency }.map(\.level))
        var body = levels.count > 1 && m.scenario.batch == .all ? scan(m) : bars(m)
        let s = m.scenario
        let title = "\(s.name): \(ReportWords.counted(s.jobsPerBatch, "job")) per batch, median of \(ReportWords.counted(s.runs, "run"))"
        body.insert(SVG.text(width / 2, 24, SVG.fit(title, width - 20, size: 16), size: 16, anchor: "middle", weight: "bold"), at: 0)
        let machine = host == HyperfineExport.host ? "hyperfine --export-json, host unknown" : "\(host.cores) cores, \(host.cpu)"
        body.insert(SVG.text(width / 2, 42, SVG.fit(machine, width - 20, size: 11), size: 11, anchor: "middle", fill: "#555"), at: 1)
        return body
    }

    private static var plotWidth: Double { width - margin.left - margin.right }
    private static var plotHeight: Double { panelHeight - margin.top - margin.bottom }
    private static var frame: SVG.PlotFrame { SVG.PlotFrame(left: margin.left, top: margin.top, width: plotWidth, height: plotHeight) }

    private static func y(_ seconds: Double, max: Double) -> Double { frame.y(seconds, max: max) }

    /// The runs in groups: per compiler for whole-set batches, per probe (and compiler) for one-probe batches.
    private static func groups(_ m: Measurement) -> [(label: String, sublabel: String?, runs: [RunSummary])] {
        var found: [(label: String, sublabel: String?, runs: [RunSummary])] = []
        for name in m.compilerNames {
            let runs = m.runs(of: name)
            let compilerLabel = name.map { TerminalText.line($0) }
            switch m.scenario.batch {
            case .all: found.append((compilerLabel ?? "", nil, runs))
            case .probe:
                for probe in m.scenario.probes {
                    let mine = runs.filter { $0.probe == probe }
                    if !mine.isEmpty { found.append((TerminalText.line(probe), m.compilers.count > 1 ? compilerLabel : nil, mine)) }
                }
            }
        }
        return found
    }

    private static func bars(_ m: Measurement) -> [String] {
        var body: [String] = []
        let top = m.runs.map { Swift.max($0.wall.max, m.ideal(of: $0)) }.max() ?? 1
        let unit = TimeUnit.fitting(largestOf: m.runs.map(\.wall.median))
        let maxY = SVG.yAxis(frame, top: top * 1.08, unit: unit, title: "wall time per batch", into: &body)
        let groups = groups(m)
        let groupWidth = plotWidth / Double(max(groups.count, 1))
        let levels = Set(m.runs.filter { !$0.strategy.ignoresConcurrency }.map(\.concurrency)).count
        for (g, group) in groups.enumerated() {
            let slot = groupWidth / Double(group.runs.count + 1)
            let barWidth = Swift.min(slot * 0.7, 60)
            for (i, r) in group.runs.enumerated() {
                let cx = margin.left + groupWidth * Double(g) + slot * (Double(i) + 1)
                let color = colors[r.strategy] ?? "#444"
                let top = y(r.wall.median, max: maxY)
                body.append(
                    "<rect x=\"\(fixed(cx - barWidth / 2, 1))\" y=\"\(fixed(top, 1))\" width=\"\(fixed(barWidth, 1))\" height=\"\(fixed(margin.top + plotHeight - top, 1))\" fill=\"\(color)\" fill-opacity=\"0.85\"><title>\(SVG.escape(r.title)): median \(unit.time(r.wall.median))</title></rect>"
                )
                let lo = y(r.wall.min, max: maxY)
                let hi = y(r.wall.max, max: maxY)
                body.append(SVG.line(cx, lo, cx, hi, stroke: "#000"))
                body.append(SVG.line(cx - barWidth / 6, lo, cx + barWidth / 6, lo, stroke: "#000"))
                body.append(SVG.line(cx - barWidth / 6, hi, cx + barWidth / 6, hi, stroke: "#000"))
                let iy = y(m.ideal(of: r), max: maxY)
                body.append(
                    "<line x1=\"\(fixed(cx - barWidth / 2 - 3, 1))\" y1=\"\(fixed(iy, 1))\" x2=\"\(fixed(cx + barWidth / 2 + 3, 1))\" y2=\"\(fixed(iy, 1))\" stroke=\"#d62728\" stroke-width=\"2\" stroke-dasharray=\"5,3\"/>"
                )
                // Below each bar, only what the colour does not say: the level, when levels differ.
                if levels > 1 && !r.strategy.ignoresConcurrency {
                    body.append(
                        SVG.text(cx, margin.top + plotHeight + 14, SVG.fit("-j \(r.concurrency)", slot - 4, size: 10), size: 10, anchor: "middle"))
                }
                if slot >= 36 {
                    body.append(SVG.text(cx, Swift.min(top, hi) - 5, unit.number(r.wall.median), size: 10, anchor: "middle", fill: "#333"))
                }
            }
            let centre = margin.left + groupWidth * (Double(g) + 0.5)
            body.append(
                SVG.text(
                    centre, margin.top + plotHeight + 32, SVG.fit(group.label, groupWidth - 8, size: 12), size: 12, anchor: "middle", weight: "bold"))
            if let sub = group.sublabel {
                body.append(
                    SVG.text(centre, margin.top + plotHeight + 48, SVG.fit(sub, groupWidth - 8, size: 11), size: 11, anchor: "middle", fill: "#555"))
            }
        }
        return body + barLegend(m)
    }

    /// Right of the bars: a colour per strategy, then what a bar, its whiskers and the dashed line mean.
    private static func barLegend(_ m: Measurement) -> [String] {
        var body: [String] = []
        var strategies: [Strategy] = []
        for r in m.runs where !strategies.contains(r.strategy) { strategies.append(r.strategy) }
        let lx = margin.left + plotWidth + 16
        var ly = margin.top + 10
        for strategy in strategies {
            body.append("<rect x=\"\(fixed(lx, 1))\" y=\"\(fixed(ly - 9, 1))\" width=\"12\" height=\"10\" fill=\"\(colors[strategy] ?? "#444")\"/>")
            body.append(SVG.text(lx + 18, ly, strategy.rawValue, size: 11))
            ly += 18
        }
        ly += 6
        body.append(SVG.text(lx, ly, "bar: median", size: 11))
        body.append(SVG.text(lx, ly + 16, "whiskers: min … max", size: 11))
        body.append(
            "<line x1=\"\(fixed(lx, 1))\" y1=\"\(fixed(ly + 28, 1))\" x2=\"\(fixed(lx + 24, 1))\" y2=\"\(fixed(ly + 28, 1))\" stroke=\"#d62728\" stroke-width=\"2\" stroke-dasharray=\"5,3\"/>"
        )
        body.append(SVG.text(lx + 30, ly + 32, "ideal", size: 11))
        return body
    }

    private static func scan(_ m: Measurement) -> [String] {
        var body: [String] = []
        var levels: [Int] = []
        for r in m.runs where !r.strategy.ignoresConcurrency && !levels.contains(r.concurrency) { levels.append(r.concurrency) }
        levels.sort()
        let top = m.runs.map(\.wall.median).max() ?? 1
        let unit = TimeUnit.fitting(largestOf: m.runs.map(\.wall.median))
        let maxY = SVG.yAxis(frame, top: top * 1.1, unit: unit, title: "wall time per batch", into: &body)
        let step = plotWidth * 0.9 / Double(max(levels.count - 1, 1))
        func x(_ level: Int) -> Double {
            let i = Double(levels.firstIndex(of: level) ?? 0)
            return margin.left + plotWidth * (levels.count > 1 ? (0.05 + 0.9 * i / Double(levels.count - 1)) : 0.5)
        }
        for level in levels {
            body.append(SVG.text(x(level), margin.top + plotHeight + 18, SVG.fit(String(level), step - 4, size: 11), size: 11, anchor: "middle"))
        }
        body.append(SVG.text(margin.left + plotWidth / 2, margin.top + plotHeight + 40, "jobs at once (-j)", size: 12, anchor: "middle"))
        var legend = 0
        for name in m.compilerNames {
            for strategy in Strategy.allCases {
                let runs = m.runs.filter { $0.compiler == name && $0.strategy == strategy }.sorted { $0.concurrency < $1.concurrency }
                guard !runs.isEmpty else { continue }
                let color = colors[strategy] ?? "#444"
                let label = m.compilers.count > 1 ? "\(strategy.rawValue) (\(TerminalText.line(name ?? "")))" : strategy.rawValue
                let dash = m.compilers.count > 1 && m.compilers.first?.name != name ? " stroke-dasharray=\"2,2\"" : ""
                if strategy.ignoresConcurrency, let serial = runs.first {
                    let sy = y(serial.wall.median, max: maxY)
                    body.append(
                        "<line x1=\"\(fixed(margin.left, 1))\" y1=\"\(fixed(sy, 1))\" x2=\"\(fixed(margin.left + plotWidth, 1))\" y2=\"\(fixed(sy, 1))\" stroke=\"\(color)\" stroke-width=\"2\" stroke-dasharray=\"6,4\"/>"
                    )
                } else {
                    let points = runs.map { "\(fixed(x($0.concurrency), 1)),\(fixed(y($0.wall.median, max: maxY), 1))" }
                    body.append("<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"\(dash)/>")
                    for r in runs {
                        body.append(
                            "<circle cx=\"\(fixed(x(r.concurrency), 1))\" cy=\"\(fixed(y(r.wall.median, max: maxY), 1))\" r=\"3.5\" fill=\"\(color)\"><title>\(SVG.escape(r.title)): \(unit.time(r.wall.median))</title></circle>"
                        )
                    }
                }
                let ly = margin.top + 10 + Double(legend) * 18
                body.append(SVG.line(margin.left + plotWidth + 16, ly - 4, margin.left + plotWidth + 40, ly - 4, stroke: color, width: 3))
                body.append(SVG.text(margin.left + plotWidth + 46, ly, SVG.fit(label, margin.right - 50, size: 11), size: 11))
                legend += 1
            }
        }
        return body
    }
}
