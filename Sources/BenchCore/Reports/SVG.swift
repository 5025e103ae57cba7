/// The SVG both charts are drawn with: the document, lines, text, labels fitted to their room,
/// and the y axis of wall times.
enum SVG {
    /// The width of one character of 11-point sans-serif, generously: for fitting labels.
    static let characterWidth = 0.62

    /// Where a chart's plot sits in its picture.
    struct PlotFrame {
        let left: Double
        let top: Double
        let width: Double
        let height: Double

        /// The y coordinate of `value` on an axis from 0 (the bottom) to `max` (the top).
        func y(_ value: Double, max: Double) -> Double { top + height * (1 - value / max) }
    }

    /// A self-contained SVG document of `width` × `height` on white, holding `body`.
    static func svg(width: Double, height: Double, body: [String]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif">
        <rect width="100%" height="100%" fill="white"/>
        \(body.joined(separator: "\n"))
        </svg>

        """
    }

    /// The y axis for times up to `top` seconds: grid lines at round steps with their labels in
    /// `unit`, the two axes and the axis `title` (the unit added), appended to `body`; returns
    /// the time at the top of the plot.
    static func yAxis(_ frame: PlotFrame, top: Double, unit: TimeUnit, title: String, into body: inout [String]) -> Double {
        let step = niceStep(top / 5)
        let max = Swift.max((top / step).rounded(.up) * step, step)
        var tick = 0.0
        while tick <= max + step / 2 {
            let ty = frame.y(tick, max: max)
            body.append(line(frame.left, ty, frame.left + frame.width, ty, stroke: "#e5e5e5"))
            body.append(text(frame.left - 8, ty + 4, trimmed(tick * unit.perSecond), size: 11, anchor: "end"))
            tick += step
        }
        let bottom = frame.top + frame.height
        body.append(line(frame.left, frame.top, frame.left, bottom, stroke: "#333"))
        body.append(line(frame.left, bottom, frame.left + frame.width, bottom, stroke: "#333"))
        let mid = fixed(frame.top + frame.height / 2, 1)
        body.append(
            "<text x=\"18\" y=\"\(mid)\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 18 \(mid))\">\(escape(title)) (\(unit.symbol))</text>"
        )
        return max
    }

    /// `s` shortened with "…" to fit `room` points at font `size`.
    static func fit(_ s: String, _ room: Double, size: Int) -> String {
        let s = TerminalText.line(s)
        let most = Int(room / (Double(size) * characterWidth))
        guard s.count > most else { return s }
        return most <= 1 ? "…" : String(s.prefix(most - 1)) + "…"
    }

    /// A round step (1, 2 or 5 times a power of ten) at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0 else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        for m in [1.0, 2.0, 5.0, 10.0] where magnitude * m >= raw { return magnitude * m }
        return magnitude * 10
    }

    /// `x` with three decimals at most and no trailing zeros ("0.25", "2").
    static func trimmed(_ x: Double) -> String {
        var s = fixed(x, 3)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// A line from (x1, y1) to (x2, y2).
    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1) -> String {
        "<line x1=\"\(fixed(x1, 1))\" y1=\"\(fixed(y1, 1))\" x2=\"\(fixed(x2, 1))\" y2=\"\(fixed(y2, 1))\" stroke=\"\(stroke)\" stroke-width=\"\(fixed(width, 1))\"/>"
    }

    /// Text at (x, y), escaped.
    static func text(_ x: Double, _ y: Double, _ s: String, size: Int, anchor: String = "start", weight: String = "normal", fill: String = "#000")
        -> String
    {
        "<text x=\"\(fixed(x, 1))\" y=\"\(fixed(y, 1))\" font-size=\"\(size)\" text-anchor=\"\(anchor)\" font-weight=\"\(weight)\" fill=\"\(fill)\">\(escape(s))</text>"
    }

    /// `s` as XML text: control characters (which XML 1.0 cannot hold) shown as `\xHH`, markup escaped.
    static func escape(_ s: String) -> String {
        TerminalText.line(s).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;"
        ).replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// `s` in `room` at font `size`, losing its beginning ("…" first) if it must: for file
    /// names, whose ends tell them apart.
    static func fittedFromTheEnd(_ s: String, _ room: Double, size: Int) -> String {
        let s = TerminalText.line(s)
        let most = Int(room / (Double(size) * characterWidth))
        guard s.count > most else { return s }
        return most <= 1 ? "…" : "…" + String(s.suffix(most - 1))
    }
}
