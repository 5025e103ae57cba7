/// What running a recorded step's compiles concurrently would save it, from a replay: the step
/// took `W`; its compilers ran `C` of it; replayed, they take `S` serially and `P` with the best
/// strategy; so the step would take about `W − C + C × P / S`, if its build system could run them
/// concurrently. The replay's own speed-up, `S / P`, is applied to `C` rather than taking `P` as
/// it is, so that a machine busier or quieter during the replay than during the recording does
/// not move the projection; without a serial run, it is `W − C + P`.
public struct Projection: Sendable, Equatable {
    /// The recorded step.
    public var step: RecordedStep
    /// The replay's serial run: its median wall time.
    public var serial: Double?
    /// The fastest run of the replay: its strategy, its concurrency and median wall time.
    public var best: (strategy: Strategy, concurrency: Int, wall: Double)

    /// The compilers' projected time: `C × P / S`, or `P` without a serial run.
    public var compilerTime: Double { serial.map { $0 > 0 ? step.compilerTime * best.wall / $0 : best.wall } ?? best.wall }
    /// The step's projected wall time: `W − C` + the compilers' projected time.
    public var wall: Double { max(0, step.wall - step.compilerTime + compilerTime) }
    /// The share of the step's wall time that concurrency would save (negative: it would cost).
    public var saving: Double { step.wall > 0 ? 1 - wall / step.wall : 0 }

    /// The projection of `measurement`, when its scenario replays a recorded step and it has a
    /// complete run; the fastest run by median wall time is the best.
    public init?(_ measurement: Measurement) {
        guard let step = measurement.scenario.recording,
            let fastest = measurement.runs.min(by: { $0.wall.median < $1.wall.median })
        else { return nil }
        self.step = step
        serial = measurement.runs.first { $0.strategy == .serial }?.wall.median
        best = (fastest.strategy, fastest.concurrency, fastest.wall.median)
    }

    /// Equal when every number is.
    public static func == (a: Projection, b: Projection) -> Bool {
        a.step == b.step && a.serial == b.serial && a.best.strategy == b.best.strategy && a.best.concurrency == b.best.concurrency
            && a.best.wall == b.best.wall
    }

    /// The projection as the result document's `projection` object (computed from the
    /// measurement, so written but never read back).
    var json: JSONValue {
        .object([
            ("strategy", .string(best.strategy.rawValue)), ("concurrency", .int(best.concurrency)),
            ("replayed_s", .number(best.wall)), ("replayed_serial_s", serial.map(JSONValue.number) ?? .null),
            ("compiler_s", .number(compilerTime)), ("wall_s", .number(wall)), ("saving", .number(saving)),
        ])
    }

    /// The sentences a report prints: what the step took, what its compiles took, what the
    /// replay took, the projection, and what it assumes.
    public var sentences: [String] {
        let share = step.wall > 0 ? Int((step.compilerTime / step.wall * 100).rounded()) : 0
        let percent = Int((abs(saving) * 100).rounded())
        let strategy = best.strategy.ignoresConcurrency ? best.strategy.rawValue : "\(best.strategy.rawValue) -j \(best.concurrency)"
        let replayed =
            serial.map { "serially \(formatSeconds($0)), with \(strategy) \(formatSeconds(best.wall)): at that speed-up its compiles take " }
            ?? "with \(strategy) \(formatSeconds(best.wall)), so its compiles take "
        var lines = [
            "Projection: '\(step.command)' took \(formatSeconds(step.wall)); its \(step.invocations) compiler invocations ran "
                + "\(formatSeconds(step.compilerTime)) of it (\(share) %). Replayed, they take \(replayed)\(formatSeconds(compilerTime)), and the step "
                + "about \(formatSeconds(wall)) (\(percent) % \(saving >= 0 ? "less" : "more")) on this machine, if its build system ran "
                + "these compiles concurrently."
        ]
        var assumption = "This assumes the compiles are independent of each other"
        if let dependent = step.dependent, dependent > 0 {
            assumption += ": \(dependent) of them compile results of earlier checks (confdefs.h), which would have to come first"
        }
        lines.append(assumption + ".")
        return lines
    }
}
