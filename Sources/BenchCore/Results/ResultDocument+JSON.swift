/// The result document as JSON. Every field a report needs is written, and so are the values
/// derived from them (ideal, efficiency, speed-ups, warnings), for readers of the file; reading
/// takes the measured values and derives the rest again, so a document read back writes the
/// same bytes.
extension ResultDocument {
    /// The document as a JSON value.
    public var json: JSONValue {
        var hostFields: [(String, JSONValue)] = [
            ("os", .string(host.os)), ("kernel", .string(host.kernel)), ("cpu", .string(host.cpu)), ("cores", .int(host.cores)),
        ]
        if host.memory > 0 { hostFields.append(("memory_bytes", .int(host.memory))) }
        var fields: [(String, JSONValue)] = [("bench", .string(bench)), ("schema", .int(Self.schema)), ("complete", .bool(complete))]
        // Absent, not null, in a document from bench 0.2, so that it is written back as it was read.
        if let p = provenance {
            fields += [
                ("started", .string(p.started)),
                ("command_line", .array(p.commandLine.map { .string($0.text) })),
                (
                    "recipe",
                    p.recipe.map { r in .object([("name", .string(r.name)), ("path", .string(r.path.text)), ("sha256", .string(r.sha256))]) } ?? .null
                ),
                ("parameters", .object(p.parameters.map { ($0.name, $0.value.json) })),
            ]
        }
        return .object(
            fields + [
                ("host", .object(hostFields)),
                ("measurements", .array(measurements.map(\.json))),
                ("warnings", .array(warnings.map(JSONValue.string))),
                ("disagreements", .array(disagreements.map(JSONValue.string))),
            ] + (failures.isEmpty ? [] : [("failures", .array(failures.map(JSONValue.string)))]))
    }

    /// Reads a document that `json` wrote (schema 2), or hyperfine's `--export-json`
    /// (`HyperfineExport`); the error names the field that is wrong.
    public init(json: JSONValue) throws(BenchError) {
        if HyperfineExport.recognizes(json) {
            self = try HyperfineExport.document(json)
            return
        }
        let doc = JSONReader(json, path: "")
        guard json["schema"] != nil else {
            throw .invalidValue("not a result document: bench's has a field 'schema', hyperfine's --export-json a field 'results'")
        }
        let schema = try doc.int("schema")
        guard schema == Self.schema else {
            throw .invalidValue("schema \(schema) is not one this bench reads (it reads \(Self.schema); see docs/json.md for what changed)")
        }
        let host = try doc.object("host")
        var provenance: Provenance?
        if doc.has("started") {
            var recipe: Recipe?
            if doc.has("recipe"), case .object = try doc.field("recipe") {
                let r = try doc.object("recipe")
                recipe = Recipe(name: try r.string("name"), path: ByteString(try r.string("path")), summary: nil, sha256: try r.string("sha256"))
            }
            provenance = Provenance(
                recipe: recipe,
                parameters: try doc.object("parameters").fields().map { name, value throws(BenchError) in
                    ParameterSetting(name: name, value: try ParameterValue(json: value.value, path: value.path))
                },
                commandLine: try doc.array("command_line").map { a throws(BenchError) in ByteString(try a.stringValue()) },
                started: try doc.string("started"))
        }
        let cores = try host.int("cores", in: Limits.cores)
        self.init(
            bench: try doc.string("bench"), complete: try doc.bool("complete"),
            host: HostInfo(
                os: try host.string("os"), kernel: try host.string("kernel"), cpu: try host.string("cpu"), cores: cores,
                memory: host.has("memory_bytes") ? try host.int("memory_bytes", in: 0...Int.max) : 0),
            provenance: provenance,
            measurements: try doc.array("measurements").map { m throws(BenchError) in try Measurement(json: m, cores: cores) })
    }
}

extension Measurement {
    /// The measurement as a JSON value.
    public var json: JSONValue {
        let s = scenario
        // The feature matrix only with several compilers, so that older documents are written back as they were.
        let matrix: [(String, JSONValue)] =
            ProbeMatrix(self).map { matrix in
                [
                    (
                        "matrix",
                        .object([
                            ("compilers", .array(matrix.compilers.map { .string($0.text) })),
                            (
                                "probes",
                                .array(
                                    matrix.rows.map { row in
                                        .object([
                                            ("name", .string(row.probe.text)),
                                            ("accepted", .array(row.accepted.map { $0.map(JSONValue.bool) ?? .null })),
                                        ])
                                    })
                            ),
                        ])
                    )
                ]
            } ?? []
        return .object(
            [
                (
                    "scenario",
                    .object(
                        [
                            ("name", .string(s.name) as JSONValue),
                            ("description", s.description.map(JSONValue.string) ?? .null),
                            ("batch", .string(s.batch.rawValue)),
                            ("probes", .array(s.probes.map { .string($0.text) })),
                            ("repeats", .int(s.repeats)),
                            ("jobs_per_batch", .int(s.jobsPerBatch)),
                            ("runs", .int(s.runs)),
                            ("warmup", .int(s.warmup)),
                            ("interleaved", .bool(true)),
                            ("timeout_s", s.timeout.map(JSONValue.number) ?? .null),
                        ] + (s.launcher.isEmpty ? [] : [("launcher", .array(s.launcher.map { .string($0.text) }))])
                            + (s.ignoreFailure ? [("ignore_failure", .bool(true))] : [])
                            + (s.discardsOutput ? [("discard_output", .bool(true))] : [])
                            + (s.showsStudyLines ? [("study_lines", .bool(true))] : []) + s.measuringFields)
                ),
                ("complete", .bool(complete)),
                (
                    "compilers",
                    .array(
                        compilers.map { c in
                            .object([("name", .string(c.name.text)), ("path", .string(c.path.text)), ("version", .string(c.version))])
                        })
                ),
                ("runs", .array(runs.map(json))),
            ] + matrix + [
                ("warnings", .array(warnings.map(JSONValue.string))),
                ("disagreements", .array(disagreements.map(JSONValue.string))),
            ] + (failures.isEmpty ? [] : [("failures", .array(failures.map(JSONValue.string)))])
                + (Projection(self).map { [("projection", $0.json)] } ?? []))
    }

    private func json(_ r: RunSummary) -> JSONValue {
        let w = r.wall
        return .object(
            [
                ("strategy", .string(r.strategy.rawValue)),
                ("compiler", r.compiler.map { .string($0.text) } ?? .null),
                ("probe", r.probe.map { .string($0.text) } ?? .null),
            ] + (r.parameters.isEmpty ? [] : [("parameters", RunSummary.json(r.parameters))]) + [
                ("level", .string(r.level.description)),
                ("concurrency", .int(r.concurrency)),
                ("jobs", .int(r.jobs)),
                (
                    "wall_s",
                    .object([
                        ("samples", .array(w.samples.map(JSONValue.number))),
                        ("min", .number(w.min)),
                        ("median", .number(w.median)),
                        ("mean", .number(w.mean)),
                        ("stddev", .number(w.stddev)),
                        ("max", .number(w.max)),
                    ])
                ),
                ("child_cpu_s", .number(r.childCPU)),
            ] + (r.user.map { [("user_s", JSONValue.number($0))] } ?? []) + (r.sys.map { [("sys_s", JSONValue.number($0))] } ?? []) + [
                ("runner_cpu_s", .number(r.runnerCPU)),
                ("runner_cpu_share", .number(r.runnerShare)),
                ("longest_job_s", .number(r.longestJob)),
                ("peak_rss_kib", .int(r.peakRSS)),
                ("ideal_s", .number(ideal(of: r))),
                ("efficiency", .number(efficiency(of: r))),
                ("speedup_vs_serial", speedupOverSerial(r).map { .number($0.value) } ?? .null),
                ("relative_to_fastest", .number(relativeToFastest(r).value)),
                ("failed", .int(r.failed)),
            ] + (r.notes.isEmpty ? [] : [("notes", .array(r.notes.map(JSONValue.string)))]) + [
                (
                    "probes",
                    .array(
                        r.probes.map { p in
                            // `expected` only where the probe declared one, so that older documents are written back as they were.
                            .object(
                                [("name", .string(p.name.text)), ("ok", .bool(p.ok))] + (p.expected.map { [("expected", JSONValue.bool($0))] } ?? [])
                                    + [("failed_copies", .int(p.failedCopies)), ("message", .string(p.message.text))])
                        })
                )
            ])
    }

    /// Reads a measurement that `json` wrote; `cores` is the host's.
    init(json: JSONReader, cores: Int) throws(BenchError) {
        let s = try json.object("scenario")
        let batchName = try s.string("batch")
        guard let batch = BatchShape(rawValue: batchName) else { throw json.error("scenario.batch", "one of \(BatchShape.validNames)") }
        let settings = ScenarioSettings(
            name: try s.string("name"), description: try s.optionalString("description"), batch: batch,
            probes: try s.array("probes").map { p throws(BenchError) in ByteString(try p.stringValue()) },
            repeats: try s.int("repeats", in: Limits.repeats), runs: try s.int("runs", in: Limits.runs),
            warmup: try s.int("warmup", in: Limits.warmup), timeout: try s.optionalNumber("timeout_s", in: Limits.timeout),
            launcher: s.has("launcher") ? try s.array("launcher").map { a throws(BenchError) in ByteString(try a.stringValue()) } : [],
            ignoreFailure: s.has("ignore_failure") ? try s.bool("ignore_failure") : false,
            discardsOutput: s.has("discard_output") ? try s.bool("discard_output") : false,
            showsStudyLines: s.has("study_lines") ? try s.bool("study_lines") : false)
        self.init(
            scenario: try ScenarioSettings.readingMeasuringFields(s, into: settings),
            compilers: try json.array("compilers").map { c throws(BenchError) in
                Compiler(name: ByteString(try c.string("name")), path: ByteString(try c.string("path")), version: try c.string("version"))
            },
            runs: try json.array("runs").map { r throws(BenchError) in try RunSummary(json: r, cores: cores) },
            complete: try json.bool("complete"))
        guard Limits.jobsPerBatch.contains(scenario.jobsPerBatch) else {
            throw json.error("scenario.repeats", "at most \(Limits.jobsPerBatch.upperBound) jobs per batch (its probes × repeats)")
        }
    }
}

extension RunSummary {
    init(json r: JSONReader, cores: Int) throws(BenchError) {
        let strategyName = try r.string("strategy")
        guard let strategy = Strategy(rawValue: strategyName) else { throw r.error("strategy", "one of \(Strategy.validNames)") }
        let level: ConcurrencyLimit
        do { level = try ConcurrencyLimit.parse(try r.string("level")) } catch { throw r.error("level", "a number or 'unbounded'") }
        let samples = try r.object("wall_s").array("samples").map { x throws(BenchError) in try x.numberValue(in: Limits.documentSeconds) }
        guard !samples.isEmpty else { throw r.error("wall_s.samples", "at least one sample") }
        let jobs = try r.int("jobs", in: Limits.jobsPerBatch)
        self.init(
            strategy: strategy, compiler: try r.optionalString("compiler").map { ByteString($0) },
            probe: try r.optionalString("probe").map { ByteString($0) }, level: level,
            concurrency: try r.int("concurrency", in: Limits.concurrency), jobs: jobs, wall: SampleSummary(samples),
            childCPU: try r.number("child_cpu_s", in: Limits.documentSeconds), runnerCPU: try r.number("runner_cpu_s", in: Limits.documentSeconds),
            longestJob: try r.number("longest_job_s", in: Limits.documentSeconds),
            peakRSS: try r.int("peak_rss_kib", in: Limits.documentKiB), cores: cores, failed: try r.int("failed", in: 0...jobs),
            probes: try r.array("probes").map { p throws(BenchError) in
                ProbeOutcome(
                    name: ByteString(try p.string("name")), ok: try p.bool("ok"), failedCopies: try p.int("failed_copies", in: 0...jobs),
                    message: ByteString(try p.string("message")), expected: p.has("expected") ? try p.bool("expected") : nil)
            },
            notes: r.has("notes") ? try r.array("notes").map { n throws(BenchError) in try n.stringValue() } : [],
            user: r.has("user_s") ? try r.number("user_s", in: Limits.documentSeconds) : nil,
            sys: r.has("sys_s") ? try r.number("sys_s", in: Limits.documentSeconds) : nil, parameters: try Self.parameters(r))
    }

    /// A run's `parameters`, in bench's documents and hyperfine's: names and their values,
    /// written in the order of their names; empty when absent.
    static func parameters(_ r: JSONReader) throws(BenchError) -> [String: String] {
        guard r.has("parameters") else { return [:] }
        var parameters: [String: String] = [:]
        for (name, value) in try r.object("parameters").fields() { parameters[name] = try value.stringValue() }
        return parameters
    }

    /// `parameters` as a JSON object, in the order of their names.
    static func json(_ parameters: [String: String]) -> JSONValue {
        .object(parameters.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
    }
}
