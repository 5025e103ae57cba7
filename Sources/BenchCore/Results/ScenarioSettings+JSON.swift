/// The fields of a document's `scenario` that hyperfine's way of measuring added (`min_time_s`,
/// `max_runs`, `relative_to`, `overhead`, `randomized_environment_offset`): each written only when set, so that older documents are written
/// back as they were read.
extension ScenarioSettings {
    /// The added fields that are set, in the order they are written.
    var measuringFields: [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = []
        if let minTime { fields.append(("min_time_s", .number(minTime))) }
        if let maxRuns { fields.append(("max_runs", .int(maxRuns))) }
        if let relativeTo { fields.append(("relative_to", .string(relativeTo.text))) }
        if let o = overhead {
            fields.append(
                (
                    "overhead",
                    .object([
                        ("command", .array(o.command.map { .string($0.text) })), ("runs", .int(o.runs)), ("wall_s", .number(o.wall)),
                        ("user_s", .number(o.user)), ("sys_s", .number(o.sys)),
                    ])
                ))
        }
        if let recording { fields.append(("recording", recording.json)) }
        if randomizesEnvironmentOffset { fields.append(("randomized_environment_offset", .bool(true))) }
        return fields
    }

    /// `settings` with the added fields of the document's `scenario` object `s`, those it has.
    static func readingMeasuringFields(_ s: JSONReader, into settings: ScenarioSettings) throws(BenchError) -> ScenarioSettings {
        var settings = settings
        settings.minTime = s.has("min_time_s") ? try s.number("min_time_s", in: Limits.timeout) : nil
        settings.maxRuns = s.has("max_runs") ? try s.int("max_runs", in: Limits.runs) : nil
        settings.recording = s.has("recording") ? try RecordedStep(json: s.object("recording")) : nil
        settings.relativeTo = s.has("relative_to") ? ByteString(try s.string("relative_to")) : nil
        settings.randomizesEnvironmentOffset = s.has("randomized_environment_offset") ? try s.bool("randomized_environment_offset") : false
        if s.has("overhead") {
            let o = try s.object("overhead")
            let command = try o.array("command").map { a throws(BenchError) in ByteString(try a.stringValue()) }
            guard !command.isEmpty else { throw s.error("overhead.command", "the command's words") }
            settings.overhead = Overhead(
                command: command, runs: try o.int("runs", in: 1...Limits.runs.upperBound),
                wall: try o.number("wall_s", in: Limits.documentSeconds), user: try o.number("user_s", in: Limits.documentSeconds),
                sys: try o.number("sys_s", in: Limits.documentSeconds))
        }
        return settings
    }
}
