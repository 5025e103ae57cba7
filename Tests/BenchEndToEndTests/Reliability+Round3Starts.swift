import BenchCore
import BenchTestSupport
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
        let box = try Sandbox([
            "bytes.lua": """
            -- The argument must arrive exactly: printf makes the same bytes for the comparison.
            local check = [[test "$1" = "$(printf 'a\\nb\\tc\\377')"]]
            return { name = "bytes", runs = 1, warmup = 0, repeats = 2,
                     probes = { { name = "odd bytes", command = { "sh", "-c", check, "sh", "a\\nb\\tc\\255" } },
                                { name = "plain", command = { "true" } } } }
            """
        ])
        let tmp = box.directory + "/t\nmp"
        mkdir(tmp, 0o755)
        let r = await bench(
            ["run", "bytes.lua", "--strategy", "serial,async,ninja,make,xargs", "--format", "json"], in: box.directory,
            environment: ["TMPDIR": tmp])
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let json = try JSONParser.parse(r.stdout)
        guard case .array(let runs)? = json["measurements"]?[0]?["runs"] else { Issue.record("no runs: \(r.stdout.text)"); return }
        #expect(runs.count >= 5)
        for run in runs { #expect(run["failed"] == .int(0), "\(run["strategy"] ?? .null): \(run["probes"] ?? .null)") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp).isEmpty)
    }
}

extension ReliabilityTests {
    /// Item 13: a program the kernel cannot start (a script without `#!`, which make and ninja
    /// would run through sh) is no job's failure and no disagreement, in any strategy: exit 2,
    /// naming the cause (it was "permission denied", and "processes fails, async ok").
    @Test(arguments: ["serial", "async", "threads", "processes"])
    func aProgramTheKernelCannotStartIsExitTwo(strategy: String) async throws {
        let box = try Sandbox(
            ["tool": "exit 0\n", "r.lua": "return { name = 'r', probes = { { name = 't', command = { './tool' } } } }"],
            executable: ["tool"])
        let r = await box.run(["run", "r.lua", "-r", "1", "-w", "0", "--strategy", strategy, "-j", "1"], timeout: 60)
        #expect(r.exitCode == 2, "\(r.summary)")
        let label = strategy == "serial" ? "serial" : "\(strategy) -j 1"
        #expect(
            r.stderr.text == "bench: error: t: \(label): a job could not be started, so nothing it measured would be the job's: "
                + "cannot run './tool': not a program the kernel can start (a script needs a '#!' line)\n", "\(r.stderr.text)")
        box.expectNothingLeft()
    }

    /// Item 12: the limit on processes (`ulimit -u`), met for longer than bench's retries, is no
    /// probe's failure: exit 2 naming the limit (it was "processes fails, async ok", exit 1).
    /// Root is not held to the limit, so bench runs as `nobody` here.
    @Test(.enabled(if: getuid() == 0, "needs root, to run bench as another user"))
    func theLimitOnProcessesIsExitTwoNamingIt() async throws {
        let box = try Sandbox([
            "r.lua": """
            return { name = 'r', runs = 1, warmup = 0, repeats = 20, strategies = { 'async' }, concurrency = { 20 },
                     probes = { { name = 's', command = { 'sleep', '3' } } } }
            """
        ])
        chmod(box.directory, 0o777)
        chmod(box.tmp, 0o777)
        let r = await spawn(
            Job(
                argv: [
                    "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "prlimit", "--nproc=9", ByteString(benchBinary()), "run", "r.lua",
                ],
                workingDirectory: ByteString(box.directory), environment: ["TMPDIR": ByteString(box.tmp)], timeout: 60))
        #expect(r.exitCode == 2, "\(r.summary): \(r.stderr.text)")
        #expect(
            r.stderr.text == "bench: error: s: async -j 20: a job could not be started, so nothing it measured would be the job's: "
                + "cannot start 'sleep': the limit on processes was reached (ulimit -u: 9); lower -j or raise the limit\n", "\(r.stderr.text)")
        box.expectNothingLeft()
    }
}
