import BenchCore
import BenchTestSupport
import Foundation
import Glibc
import Testing

/// Issue 25 (reliability, round three): the items about gates, where a comparison follows a run.
extension ReliabilityTests {
    /// A scenario named `r` whose one command is `command`.
    private static func recipe(_ command: String) -> String {
        "return { name = 'r', probes = { { name = 't', command = { \(command) } } }, strategies = { 'serial' }, warmup = 0 }"
    }

    /// Item 3: a comparison that cannot be written (its folder went away during the run) does
    /// not lose the run: `--export-json` was written before the comparison.
    @Test func aFailingComparisonNeverLosesTheRun() async throws {
        let box = try Sandbox([
            "r.lua": Self.recipe("'true'"),
            "gone.lua": "return { name = 'r', probes = { { name = 't', command = { 'true' } } }, strategies = { 'serial' }, warmup = 0, "
                + "setup = { 'rmdir', 'sub' } }",
        ])
        let saved = await box.run(["run", "r.lua", "-r", "2", "--export-json", "a.json"], timeout: 60)
        #expect(saved.exitCode == 0, "\(saved.summary)")
        mkdir(box.directory + "/sub", 0o755)
        let r = await box.run(
            ["run", "gone.lua", "-r", "2", "--baseline", "a.json", "--output", "sub/comparison.txt", "--export-json", "run.json"], timeout: 60)
        #expect(r.exitCode == 2, "\(r.summary)")
        #expect(r.stderr.text == "bench: error: cannot write sub/comparison.txt: No such file or directory\n", "\(r.stderr.text)")
        let run = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: box.directory + "/run.json"))) as? [String: Any]
        #expect((run?["measurements"] as? [[String: Any]])?.count == 1)
    }

    /// Item 19: a run whose every job failed is no "0.04× faster" run: in the comparison it has
    /// no ratio and the verdict `failed`, in every format, and the gate exits 1 with the run's
    /// own warning, from `bench run --baseline` as from `bench compare`.
    @Test func aRunWhoseJobsAllFailedFailsEveryComparison() async throws {
        let box = try Sandbox(["good.lua": Self.recipe("'sleep', '0.05'"), "bad.lua": Self.recipe("'cat', 'missing-input'")])
        let saved = await box.run(["run", "good.lua", "-r", "3", "--export-json", "good.json"], timeout: 60)
        #expect(saved.exitCode == 0, "\(saved.summary)")
        let run = await box.run(["run", "bad.lua", "-r", "3", "--baseline", "good.json", "--export-json", "bad.json"], timeout: 60)
        #expect(run.exitCode == 1, "\(run.summary)")
        #expect(
            run.stderr.text == "bench: every job failed in 1 run; its timings measure failures:\n"
                + "  t: serial: every job failed: cat: missing-input: No such file or directory\n", "\(run.stderr.text)")
        // The whole table below the files' origins, each time a T and each other digit a 9, runs of
        // spaces as one: times (and the unit that fits them) vary, the words must not.
        let time = try Regex("[0-9]+\\.[0-9]+ (µs|ms|s)\\b")
        let lines = run.stdout.text.split(separator: "\n").dropFirst(3).map { line in
            String(line.replacing(time, with: "T").map { $0.isNumber ? "9" : $0 }).split(separator: " ").joined(separator: " ")
        }
        #expect(
            lines == [
                "r",
                "run file median ± σ vs baseline p verdict",
                "t: serial good.json T ± T baseline",
                "bad.json T ± T every job failed failed",
                "9 run failed, every job of it, so its times measure failures: r: t: serial (bad.json). No other run is slower than the baseline beyond 9 %.",
                "Warning: bad.json ran the recipe 'bad', the baseline 'good': different recipes",
            ], "\(run.stdout.text)")
        for format in ["table", "markdown", "csv", "json"] {
            let compared = await box.run(["compare", "good.json", "bad.json", "--format", format, "--plot", "c.svg"], timeout: 60)
            #expect(compared.exitCode == 1, "\(format): \(compared.summary)")
            let text = compared.stdout.text
            let faster = [" faster\n", "**faster**", ",faster\n", "\"verdict\": \"faster\""].filter { text.contains($0) }
            #expect(faster.isEmpty && text.contains("failed"), "\(format): \(text)")
            let chart = try String(contentsOfFile: box.directory + "/c.svg", encoding: .utf8)
            #expect(chart.contains(">failed</text>") && !chart.contains("×</text>"), "\(format)")
        }
        let json = await box.run(["compare", "good.json", "bad.json", "--format", "json"], timeout: 60)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.bytes)) as? [String: Any]
        #expect(object?["failed"] as? Int == 1)
        let files = ((object?["runs"] as? [[String: Any]])?.first?["files"] as? [[String: Any]]) ?? []
        #expect(files.map { $0["verdict"] as? String } == ["baseline", "failed"] && files.map { $0["failed"] as? Bool } == [false, true])
    }
}
