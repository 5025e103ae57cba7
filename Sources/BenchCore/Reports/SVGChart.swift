import Foundation

/// A self-contained SVG picture of a result. One concurrency level: a bar per strategy (the
/// median wall), whiskers from min to max and the ideal as a dashed line, grouped per compiler.
/// Several levels (a `-j` scan): median wall against concurrency, one line per strategy.
public enum SVGChart {
    static let width = 760.0
    static let height = 420.0
    static let margin = (left: 70.0, right: 150.0, top: 50.0, bottom: 70.0)
    static let colors: [Strategy: String] = [.async: "#1f77b4", .threads: "#ff7f0e", .processes: "#2ca02c", .serial: "#7f7f7f"]

    /// The SVG document.
    public static func render(_ result: ScenarioResult) -> String {
        let levels = Set(result.runs.filter { $0.strategy != .serial }.map(\.level))
        var body = levels.count > 1 ? scan(result) : bars(result)
        let s = result.scenario
        body.insert(text(width / 2, 24, "\(s.name): \(s.probes.count * s.repeats) jobs per batch, median of \(s.runs) runs", size: 16, anchor: "middle", weight: "bold"), at: 0)
        body.insert(text(width / 2, 42, "\(result.host.cores) cores, \(result.host.cpu)", size: 11, anchor: "middle", fill: "#555"), at: 1)
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif">
            <rect width="100%" height="100%" fill="white"/>
            \(body.joined(separator: "\n"))
            </svg>

            """
    }

    private static var plotWidth: Double { width - margin.left - margin.right }
    private static var plotHeight: Double { height - margin.top - margin.bottom }

    private static func y(_ seconds: Double, max: Double) -> Double {
        margin.top + plotHeight * (1 - seconds / max)
    }

    /// The y axis with "nice" ticks up to at least `top`, and its label; returns the axis maximum.
    private static func axis(_ top: Double, into body: inout [String]) -> Double {
        let step = niceStep(top / 5)
        let max = (top / step).rounded(.up) * step
        var tick = 0.0
        while tick <= max + step / 2 {
            let ty = y(tick, max: max)
            body.append(line(margin.left, ty, margin.left + plotWidth, ty, stroke: "#e5e5e5"))
            body.append(text(margin.left - 8, ty + 4, trimmed(tick), size: 11, anchor: "end"))
            tick += step
        }
        body.append(line(margin.left, margin.top, margin.left, margin.top + plotHeight, stroke: "#333"))
        body.append(line(margin.left, margin.top + plotHeight, margin.left + plotWidth, margin.top + plotHeight, stroke: "#333"))
        body.append("<text x=\"18\" y=\"\(fixed(margin.top + plotHeight / 2, 1))\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 18 \(fixed(margin.top + plotHeight / 2, 1)))\">wall time per batch (s)</text>")
        return max
    }

    private static func bars(_ result: ScenarioResult) -> [String] {
        var body: [String] = []
        let top = result.runs.map { Swift.max($0.wall.max, $0.ideal) }.max() ?? 1
        let maxY = axis(top * 1.05, into: &body)
        let groups = result.compilers.map { c in result.runs.filter { $0.compiler == c } }
        let groupWidth = plotWidth / Double(max(groups.count, 1))
        for (g, runs) in groups.enumerated() {
            let slot = groupWidth / Double(runs.count + 1)
            let barWidth = slot * 0.7
            for (i, r) in runs.enumerated() {
                let cx = margin.left + groupWidth * Double(g) + slot * (Double(i) + 1)
                let color = colors[r.strategy] ?? "#444"
                let top = y(r.wall.median, max: maxY)
                body.append("<rect x=\"\(fixed(cx - barWidth / 2, 1))\" y=\"\(fixed(top, 1))\" width=\"\(fixed(barWidth, 1))\" height=\"\(fixed(margin.top + plotHeight - top, 1))\" fill=\"\(color)\" fill-opacity=\"0.85\"><title>\(escape(r.label)): median \(format3(r.wall.median)) s</title></rect>")
                let lo = y(r.wall.min, max: maxY), hi = y(r.wall.max, max: maxY)
                body.append(line(cx, lo, cx, hi, stroke: "#000"))
                body.append(line(cx - barWidth / 6, lo, cx + barWidth / 6, lo, stroke: "#000"))
                body.append(line(cx - barWidth / 6, hi, cx + barWidth / 6, hi, stroke: "#000"))
                let iy = y(r.ideal, max: maxY)
                body.append("<line x1=\"\(fixed(cx - barWidth / 2 - 4, 1))\" y1=\"\(fixed(iy, 1))\" x2=\"\(fixed(cx + barWidth / 2 + 4, 1))\" y2=\"\(fixed(iy, 1))\" stroke=\"#d62728\" stroke-width=\"2\" stroke-dasharray=\"5,3\"/>")
                body.append(text(cx, margin.top + plotHeight + 16, r.label, size: 11, anchor: "middle"))
                body.append(text(cx, Swift.min(top, hi) - 6, format3(r.wall.median), size: 10, anchor: "middle", fill: "#333"))
            }
            do {
                let name = runs.first.map { TerminalText.line($0.compiler.name) } ?? ""
                body.append(text(margin.left + groupWidth * (Double(g) + 0.5), margin.top + plotHeight + 36, name, size: 12, anchor: "middle", weight: "bold"))
            }
        }
        let lx = margin.left + plotWidth + 16
        body.append(text(lx, margin.top + 10, "bar: median", size: 11))
        body.append(text(lx, margin.top + 26, "whiskers: min … max", size: 11))
        body.append("<line x1=\"\(fixed(lx, 1))\" y1=\"\(fixed(margin.top + 40, 1))\" x2=\"\(fixed(lx + 24, 1))\" y2=\"\(fixed(margin.top + 40, 1))\" stroke=\"#d62728\" stroke-width=\"2\" stroke-dasharray=\"5,3\"/>")
        body.append(text(lx + 30, margin.top + 44, "ideal", size: 11))
        return body
    }

    private static func scan(_ result: ScenarioResult) -> [String] {
        var body: [String] = []
        var levels: [Int] = []
        for r in result.runs where r.strategy != .serial && !levels.contains(r.concurrency) { levels.append(r.concurrency) }
        levels.sort()
        let top = result.runs.map(\.wall.median).max() ?? 1
        let maxY = axis(top * 1.1, into: &body)
        func x(_ level: Int) -> Double {
            let i = Double(levels.firstIndex(of: level) ?? 0)
            return margin.left + plotWidth * (levels.count > 1 ? (0.05 + 0.9 * i / Double(levels.count - 1)) : 0.5)
        }
        for level in levels {
            body.append(text(x(level), margin.top + plotHeight + 18, String(level), size: 11, anchor: "middle"))
        }
        body.append(text(margin.left + plotWidth / 2, margin.top + plotHeight + 40, "jobs at once (-j)", size: 12, anchor: "middle"))
        var legend = 0
        for compiler in result.compilers {
            for strategy in Strategy.allCases {
                let runs = result.runs.filter { $0.compiler == compiler && $0.strategy == strategy }.sorted { $0.concurrency < $1.concurrency }
                guard !runs.isEmpty else { continue }
                let color = colors[strategy] ?? "#444"
                let name = result.compilers.count > 1 ? "\(strategy.rawValue) (\(TerminalText.line(compiler.name)))" : strategy.rawValue
                if strategy == .serial, let serial = runs.first {
                    let sy = y(serial.wall.median, max: maxY)
                    body.append("<line x1=\"\(fixed(margin.left, 1))\" y1=\"\(fixed(sy, 1))\" x2=\"\(fixed(margin.left + plotWidth, 1))\" y2=\"\(fixed(sy, 1))\" stroke=\"\(color)\" stroke-width=\"2\" stroke-dasharray=\"6,4\"/>")
                } else {
                    let points = runs.map { "\(fixed(x($0.concurrency), 1)),\(fixed(y($0.wall.median, max: maxY), 1))" }
                    body.append("<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>")
                    for r in runs {
                        body.append("<circle cx=\"\(fixed(x(r.concurrency), 1))\" cy=\"\(fixed(y(r.wall.median, max: maxY), 1))\" r=\"3.5\" fill=\"\(color)\"><title>\(escape(r.label)): \(format3(r.wall.median)) s</title></circle>")
                    }
                }
                let ly = margin.top + 10 + Double(legend) * 18
                body.append(line(margin.left + plotWidth + 16, ly - 4, margin.left + plotWidth + 40, ly - 4, stroke: color, width: 3))
                body.append(text(margin.left + plotWidth + 46, ly, name, size: 11))
                legend += 1
            }
        }
        return body
    }

    private static func niceStep(_ raw: Double) -> Double {
        guard raw > 0 else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        for m in [1.0, 2.0, 5.0, 10.0] where magnitude * m >= raw { return magnitude * m }
        return magnitude * 10
    }

    private static func trimmed(_ x: Double) -> String {
        var s = fixed(x, 3)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    private static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1) -> String {
        "<line x1=\"\(fixed(x1, 1))\" y1=\"\(fixed(y1, 1))\" x2=\"\(fixed(x2, 1))\" y2=\"\(fixed(y2, 1))\" stroke=\"\(stroke)\" stroke-width=\"\(fixed(width, 1))\"/>"
    }

    private static func text(_ x: Double, _ y: Double, _ s: String, size: Int, anchor: String = "start", weight: String = "normal", fill: String = "#000") -> String {
        "<text x=\"\(fixed(x, 1))\" y=\"\(fixed(y, 1))\" font-size=\"\(size)\" text-anchor=\"\(anchor)\" font-weight=\"\(weight)\" fill=\"\(fill)\">\(escape(s))</text>"
    }

    /// `s` as XML text: control characters (which XML 1.0 cannot hold) shown as `\xHH`, markup escaped.
    private static func escape(_ s: String) -> String {
        TerminalText.line(s).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
