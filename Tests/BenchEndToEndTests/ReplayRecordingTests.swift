import BenchCore
import BenchTestSupport
import Foundation
import Testing

@Suite("Replaying a recording", .serialized)
struct ReplayRecordingTests {
    /// Records pv's configure into `dir/recording.json`.
    static func record(_ dir: String) async throws {
        try FileManager.default.createDirectory(atPath: dir + "/build", withIntermediateDirectories: false)
        let r = await bench(["record", "-o", "../recording.json", "--", pvConfigure], in: dir + "/build", environment: RecordTests.environment(dir))
        try #require(r.exitCode == 0, "\(r.stderr.text)")
    }

    @Test func everyRecordedOutcomeIsReproducedAndTheProjectionSaved() async throws {
        let dir = try scratch([:])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try await Self.record(dir)
        let r = await bench(
            ["run", "replay", "-D", "recording=recording.json", "-r", "1", "-w", "0", "--strategy", "serial,async", "--export-json", "replay.json"],
            in: dir)
        #expect(r.exitCode == 0, "\(r.stdout.text)\(r.stderr.text)")
        let recorded = try recording(dir + "/recording.json")
        let version = try #require(recorded["bench"] as? String)
        let lines = r.stdout.text.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("recording.json: 55 compiles (recorded by bench \(version)): 55 replayed (") == true, "\(r.stdout.text)")
        #expect(lines.contains("compared with the recording: 55 of 55 replayed checks; 55 equal, 0 different"), "\(r.stdout.text)")
        // The recipe's projection and the table's (printed too, as an export was asked for) are the same words.
        let projections = lines.filter { $0.hasPrefix("Projection: '\(pvConfigure)' took ") }
        #expect(projections.count == 2 && Set(projections).count == 1, "\(r.stdout.text)")

        let document = try recording(dir + "/replay.json")
        let measurement = try #require((document["measurements"] as? [[String: Any]])?.first)
        let step = try #require((measurement["scenario"] as? [String: Any])?["recording"] as? [String: Any])
        #expect(step["command"] as? String == pvConfigure && step["invocations"] as? Int == 55)
        #expect(step["wall_s"] as? Double == recorded["wall_s"] as? Double && step["compiler_s"] as? Double == recorded["compiler_s"] as? Double)
        let projection = try #require(measurement["projection"] as? [String: Any])
        #expect(Set(projection.keys) == ["strategy", "concurrency", "replayed_s", "replayed_serial_s", "compiler_s", "wall_s", "saving"])
        // The report of the saved document says the same, from the document alone.
        let report = await bench(["report", "replay.json"], in: dir)
        #expect(report.exitCode == 0 && report.stdout.text.split(separator: "\n").contains { $0.hasPrefix("Projection: ") }, "\(report.stdout.text)")
    }

    @Test func anOutcomeTheReplayDoesNotReproduceIsListedAndFailsTheRun() async throws {
        let dir = try scratch([:])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try await Self.record(dir)
        var json = try recording(dir + "/recording.json")
        var invocations = try #require(json["invocations"] as? [[String: Any]])
        let first = try #require(invocations.firstIndex { $0["exit"] as? Int == 0 })
        invocations[first]["exit"] = 1
        json["invocations"] = invocations
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: dir + "/changed.json"))
        let r = await bench(["run", "replay", "-D", "recording=changed.json", "-r", "1", "-w", "0", "--strategy", "serial"], in: dir)
        #expect(r.exitCode == 1, "\(r.stdout.text)\(r.stderr.text)")
        let name = "\(first + 1) gcc "
        #expect(
            r.stdout.text.split(separator: "\n").contains {
                $0.hasPrefix("differs from the recording: \(name)") && $0.contains("recorded failure (-> 1")
            },
            "\(r.stdout.text)")
        #expect(r.stdout.text.contains("compared with the recording: 55 of 55 replayed checks; 54 equal, 1 different"), "\(r.stdout.text)")
    }

    @Test(arguments: [
        ("recording", "2", "a recording of format 2: this bench reads format 1; record it again with this bench"),
        ("wall_s", "-1", "field 'wall_s': a number from 0.0 to 1000000000.0 expected, got -1.0"),
        ("invocations", "[{\"argv\": []}]", "field 'invocations[0].environment' is missing"),
        ("command", "[{\"base64\": \"!!\"}]", "'command[0]': a string, or {\"base64\": \"...\"}, expected"),
    ])
    func aDamagedRecordingIsRefusedNamingTheField(field: String, value: String, message: String) async throws {
        let dir = try scratch(["a.c": "int a;\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await bench(["record", "-o", "r.json", "--", "cc", "-c", "a.c"], in: dir, environment: RecordTests.environment(dir))
        try #require(r.exitCode == 0, "\(r.stderr.text)")
        var json = try recording(dir + "/r.json")
        json[field] = try JSONSerialization.jsonObject(with: Data(value.utf8), options: .fragmentsAllowed)
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: dir + "/bad.json"))
        let replay = await bench(["run", "replay", "-D", "recording=bad.json", "-r", "1"], in: dir)
        #expect(replay.exitCode == 2)
        #expect(replay.stderr.text == "bench: error: bad.json: \(message)\n")
    }
}
