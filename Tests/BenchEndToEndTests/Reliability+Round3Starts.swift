import BenchCore
import Foundation
import Glibc
import Testing

/// Issue 25 (reliability, round three): the items about how jobs are started, in bench's own
/// strategies and in the reference runners.
extension ReliabilityTests {
    /// Item 11: ninja, make and xargs run each job through `/bin/sh` (dash), so every word must
    /// reach the job as it is through a POSIX shell: an argument with a newline, a tab and a
    /// byte that is not UTF-8, and a TMPDIR with a newline, run as in bench's own strategies
    /// (bench quoted them for bash, `$'…'`, and the strategies were said to disagree).
    @Test func everyByteReachesTheJobThroughAPOSIXShell() async throws {
        let box = try Sandbox(["bytes.lua": """
            -- The argument must arrive exactly: printf makes the same bytes for the comparison.
            local check = [[test "$1" = "$(printf 'a\\nb\\tc\\377')"]]
            return { name = "bytes", runs = 1, warmup = 0, repeats = 2,
                     probes = { { name = "odd bytes", command = { "sh", "-c", check, "sh", "a\\nb\\tc\\255" } },
                                { name = "plain", command = { "true" } } } }
            """])
        let tmp = box.directory + "/t\nmp"
        mkdir(tmp, 0o755)
        let r = await bench(["run", "bytes.lua", "--strategy", "serial,async,ninja,make,xargs", "--format", "json"], in: box.directory,
                            environment: ["TMPDIR": tmp])
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let json = try JSONParser.parse(r.stdout)
        guard case .array(let runs)? = json["measurements"]?[0]?["runs"] else { Issue.record("no runs: \(r.stdout.text)"); return }
        #expect(runs.count >= 5)
        for run in runs { #expect(run["failed"] == .int(0), "\(run["strategy"] ?? .null): \(run["probes"] ?? .null)") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp).isEmpty)
    }
}
