import BenchCore
import Testing

@Suite("Provenance in the result document")
struct ProvenanceTests {
    @Test func provenanceIsWrittenAndReadBackExactly() throws {
        var document = Fixture.document(Fixture.standard())
        document.host.memory = 25_769_803_776
        document.provenance = Provenance(
            recipe: Recipe(name: "fortran", path: "/work/scripts/fortran.lua", summary: "not recorded", sha256: String(repeating: "ab", count: 32)),
            parameters: [
                ParameterSetting(name: "compilers", value: .list([.string("gfortran"), .string("flang")])),
                ParameterSetting(name: "repeats", value: .integer(8)), ParameterSetting(name: "scale", value: .number(0.5)),
                ParameterSetting(name: "verbose", value: .boolean(true)),
            ],
            commandLine: ["bench", "run", "fortran", "-D", "repeats=8"], started: "2026-12-01T21:34:29Z")
        let json = document.json
        #expect(json["recipe"]?["sha256"] == .string(String(repeating: "ab", count: 32)))
        #expect(json["recipe"]?["summary"] == nil)
        #expect(json["parameters"]?["repeats"] == .int(8))
        #expect(json["parameters"]?["compilers"]?[1] == .string("flang"))
        #expect(json["command_line"]?[2] == .string("fortran"))
        #expect(json["started"] == .string("2026-12-01T21:34:29Z"))
        #expect(json["host"]?["memory_bytes"] == .int(25_769_803_776))
        let text = json.serialized()
        let read = try ResultDocument(json: try JSONParser.parse(ByteString(text)))
        #expect(read.json.serialized() == text)
        #expect(read.provenance?.parameters == document.provenance?.parameters)
    }

    @Test func aDocumentOfBench02IsReadAndWrittenAsItWas() throws {
        let old = Fixture.document(Fixture.standard())  // no provenance, no memory
        let text = old.json.serialized()
        #expect(!text.contains("\"started\"") && !text.contains("memory_bytes"))
        let read = try ResultDocument(json: try JSONParser.parse(ByteString(text)))
        #expect(read.provenance == nil && read.json.serialized() == text)
    }

    @Test func theStartIsUTCToTheSecond() {
        let now = Provenance.now()
        #expect(now.count == 20 && now.hasSuffix("Z") && now.dropFirst(10).first == "T")
    }
}
