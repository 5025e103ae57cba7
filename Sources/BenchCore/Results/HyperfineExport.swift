/// hyperfine's own `--export-json` files, read as result documents, so that a team's old
/// hyperfine results can be the baseline of `bench compare` and `--baseline`.
///
/// An export is an object with `results`, one per command, and no `schema`. It becomes one
/// measurement shaped as `bench time` shapes its own: scenario "time", no compilers, each
/// command a probe of its own batch, run serially, so that hyperfine's `command` (its
/// parameters already substituted, or its `--command-name`) joins bench's probe of that name.
/// Read from each result: `command`, `times` (the samples, seconds), `user` + `system` (child
/// CPU: hyperfine's mean per run), `exit_codes` (1.10 and later; non-zero or null is a failed
/// run) and `memory_usage_byte` (1.20 and later: the peak RSS). The derived figures (`mean`,
/// `stddev`, `median`, `min`, `max`) are derived again from `times`; `parameters` (or 1.6's
/// `parameter`) is already in `command`. hyperfine records no host, no start time, no version
/// of itself and no warm-ups, so the document has none: its `bench` is "hyperfine", its host
/// "unknown".
public enum HyperfineExport {
    /// The `bench` field of a document read from hyperfine's export, which tells it apart.
    public static let origin = "hyperfine"
    /// The scenario name of the measurement, `bench time`'s, so that the commands join.
    public static let scenario = "time"
    /// The host of a document read from hyperfine's export: hyperfine records none. One core,
    /// as one command ran at a time; no report says it of such a document.
    public static let host = HostInfo(os: "unknown", kernel: "unknown", cpu: "unknown", cores: 1)

    /// What a report of such a document says instead of the host: what hyperfine did not record,
    /// and that its runs were not interleaved as bench's are.
    public static let about =
        "from hyperfine's --export-json: each command's runs one after another, not interleaved; no host, warm-ups or version recorded"

    /// True when `json` is hyperfine's export: an object with `results` and no `schema`.
    public static func recognizes(_ json: JSONValue) -> Bool { json["schema"] == nil && json["results"] != nil }

    /// The document that holds the export's results; the error names the field that is wrong
    /// (`results[2].times[5]`).
    public static func document(_ json: JSONValue) throws(BenchError) -> ResultDocument {
        do { return try read(json) } catch { throw .invalidValue("hyperfine's --export-json: \(error)") }
    }

    private static func read(_ json: JSONValue) throws(BenchError) -> ResultDocument {
        let doc = JSONReader(json, path: "")
        let results = try doc.array("results")
        guard !results.isEmpty else { throw doc.error("results", "at least one command's result") }
        let runs = try results.map { r throws(BenchError) in try run(r) }
        let failing = runs.contains { $0.failed > 0 }
        let settings = ScenarioSettings(
            name: scenario, description: "hyperfine --export-json", batch: .probe, probes: runs.compactMap(\.probe), repeats: 1,
            runs: runs.map(\.wall.samples.count).max() ?? 1, warmup: 0, ignoreFailure: failing)
        return ResultDocument(
            bench: origin, complete: true, host: host, provenance: nil,
            measurements: [Measurement(scenario: settings, compilers: [], runs: runs)])
    }

    /// One command's result as a serial run of a one-probe batch.
    private static func run(_ r: JSONReader) throws(BenchError) -> RunSummary {
        let command = try r.string("command")
        let times = try r.array("times")
        guard Limits.runs.contains(times.count) else {
            throw r.error("times", "from \(Limits.runs.lowerBound) to \(Limits.runs.upperBound) samples", got: "\(times.count)")
        }
        let samples = try times.map { t throws(BenchError) in try t.numberValue(in: Limits.documentSeconds) }
        let (user, sys) = (try seconds(r, "user"), try seconds(r, "system"))
        let cpu = user + sys
        let failures = try failedRuns(r, count: samples.count)
        let wall = SampleSummary(samples)
        let probe = ByteString(command)
        let outcome = ProbeOutcome(
            name: probe, ok: failures.isEmpty, failedCopies: failures.isEmpty ? 0 : 1,
            message: failures.first.map { ByteString("\($0) in \(failures.count) of \(samples.count) runs") } ?? "")
        return RunSummary(
            strategy: .serial, compiler: nil, probe: probe, level: .limited(1), concurrency: 1, jobs: 1, wall: wall,
            childCPU: min(cpu, Limits.documentSeconds.upperBound), runnerCPU: 0, longestJob: wall.median, peakRSS: try peakKiB(r),
            cores: host.cores, failed: failures.isEmpty ? 0 : 1, probes: [outcome], user: r.has("user") ? user : nil,
            sys: r.has("system") ? sys : nil, parameters: try RunSummary.parameters(r)
        )
    }

    /// `user` or `system`, seconds, or 0 when the export lacks it.
    private static func seconds(_ r: JSONReader, _ name: String) throws(BenchError) -> Double {
        r.has(name) ? try r.number(name, in: Limits.documentSeconds) : 0
    }

    /// How each failed run ended ("exit 1", "killed by a signal"), from `exit_codes`, one per
    /// time; none when the export has no `exit_codes` (before hyperfine 1.10).
    private static func failedRuns(_ r: JSONReader, count: Int) throws(BenchError) -> [String] {
        guard r.has("exit_codes") else { return [] }
        let codes = try r.array("exit_codes")
        guard codes.count == count else { throw r.error("exit_codes", "one per time (\(count))", got: "\(codes.count)") }
        var failed: [String] = []
        for c in codes {
            if case .null = c.value {
                failed.append("killed by a signal")
                continue
            }
            guard case .int(let code) = c.value, (Int(Int32.min)...Int(Int32.max)).contains(code) else {
                throw .invalidValue("field '\(c.path)': an exit status (a whole number) or null expected")
            }
            if code != 0 { failed.append("exit \(code)") }
        }
        return failed
    }

    /// The largest of `memory_usage_byte` (hyperfine 1.20 and later) in KiB, or 0 without it.
    private static func peakKiB(_ r: JSONReader) throws(BenchError) -> Int {
        guard r.has("memory_usage_byte") else { return 0 }
        let bytes = 0...(Limits.documentKiB.upperBound * 1024)
        let peak = try r.array("memory_usage_byte").map { m throws(BenchError) in
            guard case .int(let b) = m.value, bytes.contains(b) else {
                throw .invalidValue("field '\(m.path)': a whole number of bytes from 0 to \(bytes.upperBound) expected")
            }
            return b
        }.max()
        return (peak ?? 0) / 1024
    }
}

extension ResultDocument {
    /// True for a document read from hyperfine's `--export-json` (or written back from one):
    /// it has no host, start time, recipe or warm-ups to show.
    public var isHyperfineExport: Bool { bench == HyperfineExport.origin }
}
