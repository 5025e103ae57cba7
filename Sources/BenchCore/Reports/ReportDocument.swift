/// The report as data: the JSON schema of `--format json`, and the table a Lua reporter gets.
/// The README documents every field; change both together.
public enum ReportDocument {
    /// The schema version, raised when a field changes meaning or disappears.
    public static let schema = 1

    /// The whole document for a result.
    public static func make(_ result: ScenarioResult, version: String) -> JSONValue {
        let s = result.scenario
        return .object([
            ("bench", .string(version)),
            ("schema", .int(schema)),
            ("complete", .bool(result.complete)),
            ("scenario", .object([
                ("name", .string(s.name) as JSONValue),
                ("description", s.description.map(JSONValue.string) ?? .null),
                ("probes", .int(s.probes.count)),
                ("repeats", .int(s.repeats)),
                ("jobs_per_batch", .int(s.probes.count * s.repeats)),
                ("runs", .int(s.runs)),
                ("warmup", .int(s.warmup)),
                ("interleaved", .bool(true)),
                ("timeout_s", s.timeout.map(JSONValue.number) ?? .null),
            ])),
            ("host", .object([
                ("os", .string(result.host.os)),
                ("kernel", .string(result.host.kernel)),
                ("cpu", .string(result.host.cpu)),
                ("cores", .int(result.host.cores)),
            ])),
            ("compilers", .array(result.compilers.map { c in
                .object([("name", .string(c.name.text)), ("path", .string(c.path.text)), ("version", .string(c.version))])
            })),
            ("runs", .array(result.runs.map { run(result, $0) })),
            ("warnings", .array(result.warnings.map(JSONValue.string))),
            ("disagreements", .array(result.disagreements.map(JSONValue.string))),
        ])
    }

    private static func run(_ result: ScenarioResult, _ r: RunSummary) -> JSONValue {
        let w = r.wall
        return .object([
            ("strategy", .string(r.strategy.rawValue)),
            ("compiler", .string(r.compiler.name.text)),
            ("concurrency", .int(r.concurrency)),
            ("jobs", .int(r.jobs)),
            ("wall_s", .object([
                ("samples", .array(w.samples.map(JSONValue.number))),
                ("min", .number(w.min)),
                ("median", .number(w.median)),
                ("mean", .number(w.mean)),
                ("stddev", .number(w.stddev)),
                ("max", .number(w.max)),
            ])),
            ("child_cpu_s", .number(r.childCPU)),
            ("runner_cpu_s", .number(r.runnerCPU)),
            ("runner_cpu_share", .number(r.runnerShare)),
            ("longest_job_s", .number(r.longestJob)),
            ("peak_rss_kib", .int(r.peakRSS)),
            ("ideal_s", .number(r.ideal)),
            ("efficiency", .number(r.efficiency)),
            ("speedup_vs_serial", result.speedupOverSerial(r).map { .number($0.value) } ?? .null),
            ("relative_to_fastest", .number(result.relativeToFastest(r).value)),
            ("failed", .int(r.failed)),
            ("probes", .array(r.probes.map { .object([("name", .string($0.name.text)), ("ok", .bool($0.ok))]) })),
        ])
    }
}
