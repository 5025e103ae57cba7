/// The comparison as JSON (`bench compare --format json`): the files with where they came from,
/// the rule, every joined run with each file's figures, the conclusion and the warnings.
/// docs/json.md documents it.
extension BaselineComparison {
    /// The comparison as a JSON value.
    public var json: JSONValue {
        .object([
            ("threshold", .number(threshold)),
            ("significance", .number(Self.significance)),
            ("test", .string("welch-t")),
            (
                "files",
                .array(
                    files.map { f in
                        let d = f.document
                        return .object([
                            ("file", .string(f.label)), ("bench", .string(d.bench)), ("started", d.provenance.map { .string($0.started) } ?? .null),
                            ("recipe", d.provenance?.recipe.map { .object([("name", .string($0.name)), ("sha256", .string($0.sha256))]) } ?? .null),
                            // hyperfine records no host: null, not the placeholder its document holds.
                            ("cpu", d.isHyperfineExport ? .null : .string(d.host.cpu)),
                            ("cores", d.isHyperfineExport ? .null : .int(d.host.cores)),
                        ])
                    })
            ),
            (
                "runs",
                .array(
                    rows.map { row in
                        .object([
                            ("scenario", .string(row.key.scenario)), ("run", .string(row.key.label)),
                            ("strategy", .string(row.key.strategy.rawValue)),
                            ("probe", row.key.probe.map { .string($0.text) } ?? .null),
                            ("compiler", row.key.compiler.map { .string($0.text) } ?? .null),
                            ("concurrency", row.key.concurrency.map(JSONValue.int) ?? .null),
                            (
                                "files",
                                .array(
                                    row.cells.enumerated().map { i, cell in
                                        guard let cell else { return .null }
                                        return .object([
                                            ("file", .string(files[i].label)), ("as", .string(row.label(cell))),
                                            ("compiler", cell.run.compiler.map { .string($0.text) } ?? .null),
                                            ("concurrency", .int(cell.run.concurrency)),
                                            ("samples", .array(cell.run.wall.samples.map(JSONValue.number))),
                                            ("median_s", .number(cell.run.wall.median)), ("stddev_s", .number(cell.run.wall.stddev)),
                                            ("ratio", cell.ratio.map { .number($0.value) } ?? .null),
                                            ("ratio_stddev", cell.ratio.map { .number($0.stddev) } ?? .null),
                                            ("t", cell.test.map { $0.t.isFinite ? .number($0.t) : .null } ?? .null),
                                            ("p", cell.test.map { .number($0.p) } ?? .null),
                                            ("verdict", cell.verdict.map { .string($0.rawValue) } ?? (i == 0 ? .string("baseline") : .null)),
                                            ("failed", .bool(cell.failed)),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
            ("slower", .int(slowerRows.count)),
            ("failed", .int(failedRows.count)),
            ("conclusion", .string(BaselineWords.conclusion(self))),
            ("warnings", .array(warnings.map(JSONValue.string))),
        ])
    }
}
