import BenchCore
import Testing

@Suite("Comparisons with a baseline")
struct BaselineComparisonTests {
    static func document(recipe: String = "fortran", sha256: String = "aa", parameters: [ParameterSetting] = [], _ runs: [RunSummary])
        -> ResultDocument
    {
        var d = Fixture.document(Fixture.result(runs))
        d.provenance = Provenance(
            recipe: Recipe(name: recipe, path: ByteString("/r/\(recipe).lua"), summary: nil, sha256: sha256), parameters: parameters,
            commandLine: ["bench", "run", ByteString(recipe)], started: "2026-12-01T00:00:00Z")
        return d
    }

    static let base = document([Fixture.run(.async, samples: [2.0, 2.1, 1.9]), Fixture.run(.serial, samples: [4.0, 4.1, 3.9])])

    static func compare(_ others: ResultDocument..., threshold: Double = 0.05) -> BaselineComparison {
        BaselineComparison(
            files: [.init(label: "base.json", document: base)]
                + others.enumerated().map { .init(label: "other\($0.offset + 1).json", document: $0.element) },
            threshold: threshold)
    }

    @Test func runsAtAnotherConcurrencyJoinAndASignificantSlowdownIsSlower() throws {
        let j1 = Self.document([
            Fixture.run(.async, samples: [3.0, 3.1, 2.9], concurrency: 1, level: .limited(1)),
            Fixture.run(.serial, samples: [4.0, 4.05, 3.95], level: .limited(1)),
        ])
        let c = Self.compare(j1)
        #expect(c.rows.map(\.key.label) == ["async", "serial"])
        let async = try #require(c.rows[0].cells[1])
        #expect(async.label == "async -j 1 (gfortran)" && c.rows[0].label(async) == "async -j 1" && c.rows[0].varies)
        #expect(abs(async.ratio!.value - 1.5) < 1e-12)
        #expect(async.test!.p < 0.01 && async.verdict == .slower)
        #expect(c.rows[1].cells[1]?.verdict == .same)
        #expect(c.slowerRows.map(\.key.label) == ["async"])
        #expect(c.warnings.isEmpty, "\(c.warnings)")
        #expect(BaselineTable().render(c, color: false).contains("1 run is slower than the baseline: fortran: async (other1.json 1.50×)."))
    }

    @Test func theSameFileIsTheSameEverywhere() {
        let c = Self.compare(Self.base)
        #expect(c.rows.allSatisfy { $0.cells[1]?.verdict == .same && $0.cells[1]?.test?.p == 1 })
        #expect(c.slowerRows.isEmpty)
        #expect(BaselineTable().render(c, color: false).contains("No run is slower than the baseline beyond 5 %."))
    }

    @Test func aDifferenceWithinTheThresholdOrNotSignificantIsTheSame() {
        let noisy = Self.document([Fixture.run(.async, samples: [2.06, 2.16, 1.96]), Fixture.run(.serial, samples: [2.0, 6.1, 4.2])])
        #expect(Self.compare(noisy, threshold: 0).rows.allSatisfy { $0.cells[1]?.verdict == .same })  // the samples cannot tell
        let steady = Self.document([Fixture.run(.async, samples: [2.0, 2.001, 1.999])])
        let slightly = Self.document([Fixture.run(.async, samples: [2.06, 2.061, 2.059])])  // 3 % slower, p < 0.001
        func verdict(_ threshold: Double) -> BaselineComparison.Verdict? {
            BaselineComparison(files: [.init(label: "a", document: steady), .init(label: "b", document: slightly)], threshold: threshold).rows[0]
                .cells[1]?.verdict
        }
        #expect(verdict(0.05) == .same)
        #expect(verdict(0.01) == .slower)
        let faster = Self.document([Fixture.run(.async, samples: [1.0, 1.05, 0.95]), Fixture.run(.serial, samples: [4.0, 4.1, 3.9])])
        #expect(Self.compare(faster).rows[0].cells[1]?.verdict == .faster)
    }

    @Test func aMissingRunAndAnotherRecipeAreWarnedOf() {
        let serialOnly = Self.document(recipe: "other", [Fixture.run(.serial, samples: [4.0, 4.1, 3.9])])
        let c = Self.compare(serialOnly)
        #expect(c.rows.map { $0.cells.map { $0 != nil } } == [[true, false], [true, true]])
        #expect(c.warnings.contains("1 run only in base.json: fortran: async"))
        #expect(c.warnings.contains("other1.json lacks 1 of the baseline's runs"))
        #expect(c.warnings.contains("other1.json ran the recipe 'other', the baseline 'fortran': different recipes"))
        #expect(c.slowerRows.isEmpty)
        let table = BaselineTable().render(c, color: false)
        #expect(table.contains("not measured") && table.contains("Warning: 1 run only in base.json"))
    }

    @Test func anotherVersionOrOtherParametersAreWarnedOf() {
        let changed = Self.document(
            sha256: "bb", parameters: [ParameterSetting(name: "repeats", value: .integer(8))],
            [Fixture.run(.async, samples: [2.0, 2.1, 1.9]), Fixture.run(.serial, samples: [4.0, 4.1, 3.9])])
        let c = Self.compare(changed)
        #expect(c.warnings.contains("other1.json: the recipe's sha256 differs from the baseline's (bb against aa): another version of 'fortran'"))
        #expect(c.warnings.contains("other1.json: parameters differ from the baseline's: repeats=8 against (none)"))
    }

    @Test func aScanInOneFileJoinsByConcurrency() {
        let scan = Self.document([
            Fixture.run(.async, samples: [3.0, 3.1, 2.9], concurrency: 1, level: .limited(1)), Fixture.run(.async, samples: [2.0, 2.1, 1.9]),
            Fixture.run(.serial, samples: [4.0, 4.1, 3.9]),
        ])
        let c = Self.compare(scan)
        #expect(c.rows.map(\.key.label) == ["async -j 2", "serial", "async -j 1"])
        #expect(c.rows[0].cells[1]?.verdict == .same)
        #expect(c.warnings.contains("1 run only in other1.json: fortran: async -j 1"))
    }

    @Test func oneSampleASideGetsNoTestAndSaysSo() {
        let once = Self.document([Fixture.run(.async, samples: [3.0]), Fixture.run(.serial, samples: [4.0])])
        let c = Self.compare(once)
        #expect(c.rows[0].cells[1]?.test == nil && c.rows[0].cells[1]?.verdict == .slower)
        #expect(c.warnings.first?.hasPrefix("2 comparisons have fewer than two samples on a side") == true)
    }

    @Test func everyFormatCarriesTheVerdicts() throws {
        let j1 = Self.document([Fixture.run(.async, samples: [3.0, 3.1, 2.9], concurrency: 1), Fixture.run(.serial, samples: [4.0, 4.1, 3.9])])
        let c = Self.compare(j1)
        let json = try JSONParser.parse(ByteString(BaselineJSON().render(c, color: false)))
        #expect(json["slower"] == .int(1))
        #expect(json["runs"]?[0]?["files"]?[1]?["verdict"] == .string("slower"))
        #expect(json["runs"]?[0]?["files"]?[0]?["verdict"] == .string("baseline"))
        let csv = BaselineCSV().render(c, color: false).split(separator: "\n")
        #expect(csv[0] == Substring(BaselineCSV.header.joined(separator: ",")))
        #expect(csv.count == 5 && csv[2].hasSuffix(",slower"))
        let markdown = BaselineMarkdown().render(c, color: false)
        #expect(markdown.contains("| async | base.json |") && markdown.contains("**slower**"))
        let svg = BaselineChart.render(c)
        #expect(svg.hasPrefix("<?xml") && svg.contains("1.50×") && svg.contains("baseline: base.json"))
    }
}
