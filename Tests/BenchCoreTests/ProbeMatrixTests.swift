import BenchCore
import Testing

@Suite("Expected outcomes and the feature matrix")
struct ProbeMatrixTests {
    static let clang = Compiler(name: "clang", path: "/usr/bin/clang", version: "clang 19")

    static func run(_ compiler: ByteString, _ strategy: Strategy, ok: [Bool], expected: [Bool?] = [nil, nil]) -> RunSummary {
        RunSummary(
            strategy: strategy, compiler: compiler, level: .limited(2), concurrency: 2, jobs: 2, wall: SampleSummary([1, 1.1, 0.9]),
            childCPU: 1, runnerCPU: 0.01, longestJob: 0.5, peakRSS: 1000, cores: 2, failed: ok.filter { !$0 }.count,
            probes: zip(["minimal", "f2023enum"], zip(ok, expected)).map {
                ProbeOutcome(name: ByteString($0), ok: $1.0, message: $1.0 ? "" : "Error: no", expected: $1.1)
            })
    }

    static func measurement(_ runs: [RunSummary], compilers: [Compiler]) -> Measurement {
        Measurement(
            scenario: ScenarioSettings(name: "fortran", batch: .all, probes: ["minimal", "f2023enum"], repeats: 1, runs: 3, warmup: 0),
            compilers: compilers, runs: runs)
    }

    @Test func twoCompilersMakeAMatrixInEveryReadableFormatAndTheJSON() throws {
        let m = Self.measurement(
            [
                Self.run("gfortran", .async, ok: [true, false]), Self.run("gfortran", .serial, ok: [true, false]),
                Self.run("clang", .async, ok: [true, true]), Self.run("clang", .serial, ok: [true, true]),
            ], compilers: [Fixture.compiler, Self.clang])
        let matrix = try #require(ProbeMatrix(m))
        #expect(matrix.rows.map(\.accepted) == [[true, true], [false, true]])
        #expect(matrix.acceptedCounts == [1, 2])
        let document = Fixture.document(m)
        let table = TableReport().render(document, options: RenderingOptions())
        #expect(
            table.contains(
                "Feature matrix (✓ accepted, ✗ refused):\nprobes × compilers   gfortran   clang\nminimal              ✓          ✓\nf2023enum            ✗          ✓\naccepted             1 of 2     2 of 2"
            ))
        #expect(MarkdownReport().render(document, options: RenderingOptions()).contains("| f2023enum | ✗ | ✓ |"))
        #expect(
            StudyReport().render(document, options: RenderingOptions()).contains(
                "feature matrix: gfortran, clang\n  minimal    ✓ ✓\n  f2023enum  ✗ ✓"))
        let json = document.json
        #expect(json["measurements"]?[0]?["matrix"]?["probes"]?[1]?["accepted"] == .array([.bool(false), .bool(true)]))
        let read = try ResultDocument(json: try JSONParser.parse(ByteString(json.serialized())))
        #expect(read.json.serialized() == json.serialized())
        #expect(ProbeMatrix(Fixture.standard()) == nil)  // one compiler: no matrix, no field
        #expect(Fixture.document(Fixture.standard()).json["measurements"]?[0]?["matrix"] == nil)
    }

    @Test func anUnexpectedOutcomeIsWarnedOfOncePerCompilerAndProbe() throws {
        let m = Self.measurement(
            [
                Self.run("gfortran", .async, ok: [true, false], expected: [false, false]),
                Self.run("gfortran", .serial, ok: [true, false], expected: [false, false]),
            ], compilers: [Fixture.compiler])
        #expect(m.warnings.filter { $0.contains("expected") } == ["probe 'minimal' (gfortran) was expected to fail, and succeeded"])
        let failing = Self.measurement([Self.run("gfortran", .serial, ok: [true, false], expected: [true, true])], compilers: [Fixture.compiler])
        #expect(failing.warnings.contains("probe 'f2023enum' (gfortran) was expected to succeed, and failed: Error: no"))
        let json = Fixture.document(m).json
        #expect(json["measurements"]?[0]?["runs"]?[0]?["probes"]?[0]?["expected"] == .bool(false))
        #expect(Fixture.document(Fixture.standard()).json["measurements"]?[0]?["runs"]?[0]?["probes"]?[0]?["expected"] == nil)
        let read = try ResultDocument(json: try JSONParser.parse(ByteString(json.serialized())))
        #expect(read.measurements[0].runs[0].probes[0].expected == false)
    }
}
