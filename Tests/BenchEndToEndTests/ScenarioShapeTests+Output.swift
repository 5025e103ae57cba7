import BenchCore
import BenchTestSupport
import Foundation
import Testing

/// `discard_output = true`: a comparison of commands whose output goes to /dev/null, unread,
/// as hyperfine runs commands, and says so in its document.
extension ScenarioShapeTests {
    static let outputScenario = """
        local check = 'echo out; echo err >&2; [ "$(readlink /proc/$$/fd/1)" = /dev/null ] && [ "$(readlink /proc/$$/fd/2)" = /dev/null ]'
        return { name = "quiet", probes = { { name = "check", command = { "/bin/sh", "-c", check } } },
                 strategies = { "async", "threads", "processes", "serial" }, runs = 2, warmup = 0, discard_output = %@ }
        """

    @Test(arguments: [true, false])
    func aScenarioThatDiscardsOutputRunsItsJobsOnDevNull(discards: Bool) async throws {
        let box = try Sandbox(["q.lua": Self.outputScenario.replacingOccurrences(of: "%@", with: String(discards))])
        let r = await box.run(["run", "q.lua", "--format", "json", "--output", "q.json"])
        #expect(r.exitCode == (discards ? 0 : 1), "\(r.stderr.text)")
        let saved = try String(contentsOfFile: box.directory + "/q.json", encoding: .utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(saved.utf8)) as? [String: Any])
        let measurement = try #require((object["measurements"] as? [[String: Any]])?.first)
        let scenario = try #require(measurement["scenario"] as? [String: Any])
        #expect(scenario["discard_output"] as? Bool == (discards ? true : nil))
        #expect((measurement["runs"] as? [[String: Any]])?.map { $0["failed"] as? Int } == Array(repeating: discards ? 0 : 1, count: 4))
        let shown = await box.run(["report", "q.json", "--format", "json"])
        #expect(shown.exitCode == 0 && shown.stdout.text == saved, "\(shown.stderr.text)")
    }
}
