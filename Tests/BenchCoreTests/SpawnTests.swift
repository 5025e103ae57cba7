import BenchCore
import Foundation
import Glibc
import Testing

@Suite("Spawn")
struct SpawnTests {
    @Test func exitStatusAndOutputAreReported() {
        let r = Spawn.run(Job(argv: ["/bin/sh", "-c", "echo out; echo err >&2; exit 3"]))
        #expect(r.exitCode == 3)
        #expect(r.signal == nil)
        #expect(!r.ok)
        #expect(r.stdout.text == "out\n")
        #expect(r.stderr.text == "err\n")
        #expect(r.summary == "exit 3")
        #expect(r.wall > 0 && r.ended > r.started)
    }

    @Test func successIsOk() {
        let r = Spawn.run(Job(argv: ["true"]))
        #expect(r.ok)
        #expect(r.exitCode == 0)
    }

    @Test func signalIsReportedByName() {
        let r = Spawn.run(Job(argv: ["/bin/sh", "-c", "kill -SEGV $$"]))
        #expect(r.signal == SIGSEGV)
        #expect(r.exitCode == nil)
        #expect(r.summary == "killed by SIGSEGV")
    }

    @Test func twentyMegabytesOfStderrDoNotDeadlockAndOnlyTheTailIsKept() {
        let r = Spawn.run(Job(argv: ["/bin/sh", "-c", "head -c 20000000 /dev/zero | tr '\\0' x >&2; echo END >&2; echo done"]))
        #expect(r.ok)
        #expect(r.stdout.text == "done\n")
        #expect(r.stderr.text.utf8.count == Job.defaultOutputLimit)
        #expect(r.stderr.text.hasSuffix("xEND\n"))
        #expect(r.stderrDropped == 20_000_004 - Job.defaultOutputLimit)
        #expect(r.stderrTail.text.hasPrefix("[19934468 bytes of stderr cut; the last 65536 follow]\nxxx"))
        #expect(Spawn.run(Job(argv: ["/bin/sh", "-c", "echo short >&2"])).stderrTail == "short\n")
    }

    @Test func missingProgramIsAFailedJobWithTheReason() {
        let r = Spawn.run(Job(argv: ["bench-no-such-program"]))
        #expect(!r.ok)
        #expect(r.error == "cannot run 'bench-no-such-program': not found in PATH")
        let p = Spawn.run(Job(argv: ["/nonexistent/prog"]))
        #expect(p.error == "cannot run '/nonexistent/prog': no such file")
    }

    @Test func nonExecutableProgramIsPermissionDenied() throws {
        let path = FileManager.default.temporaryDirectory.path + "/bench-noexec-\(getpid())"
        try "#!/bin/sh\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { unlink(path) }
        let r = Spawn.run(Job(argv: [ByteString(path)]))
        #expect(r.error == "cannot run '\(path)': permission denied")
    }

    @Test func badWorkingDirectoryIsReported() {
        let r = Spawn.run(Job(argv: ["pwd"], workingDirectory: "/no/such/dir"))
        #expect(r.error == "cannot run in '/no/such/dir': no such directory")
        let ok = Spawn.run(Job(argv: ["pwd"], workingDirectory: "/usr"))
        #expect(ok.stdout == "/usr\n")
    }

    @Test func nulBytesInArgumentsAreRefused() {
        let r = Spawn.run(Job(argv: ["echo", "a\u{0}b"]))
        #expect(r.error?.contains("NUL byte") == true)
    }

    @Test func stdinIsWrittenAndEnvironmentIsSet() {
        let big = [UInt8](repeating: UInt8(ascii: "y"), count: 1_000_000)
        let r = Spawn.run(Job(argv: ["wc", "-c"], stdin: ByteString(big)))
        #expect(r.stdout.text.trimmingCharacters(in: .whitespacesAndNewlines) == "1000000")
        let e = Spawn.run(Job(argv: ["/bin/sh", "-c", "echo $BENCH_TEST_VAR"], environment: ["BENCH_TEST_VAR": "hello"]))
        #expect(e.stdout == "hello\n")
    }

    /// An override replaces bench's own variable of that name (`PATH`, which the tests have),
    /// and only it: not one whose name begins with the override's (`PAT`).
    @Test func anOverriddenVariableAppearsOnceWithItsNewValue() {
        let r = Spawn.run(Job(argv: ["/bin/sh", "-c", "env | grep '^PAT' | sort"], environment: ["PATH": "/usr/bin:/bin", "PAT": "short"]))
        #expect(r.stdout == "PAT=short\nPATH=/usr/bin:/bin\n", "\(r.summary)")
    }

    @Test func childCPUTimeComesFromRusage() {
        let r = Spawn.run(Job(argv: ["/bin/sh", "-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done"]))
        #expect(r.ok)
        #expect(r.user + r.sys > 0.05)
        #expect(r.maxRSS > 0)
    }

    @Test func timeoutKillsTheWholeProcessGroup() throws {
        // The shell starts a grandchild and prints its pid; both must be gone after the timeout.
        let r = Spawn.run(Job(argv: ["/bin/sh", "-c", "sleep 300 & echo $!; wait"], timeout: 0.5))
        #expect(r.timedOut)
        #expect(r.summary.hasPrefix("timed out after"))
        #expect(r.wall >= 0.5 && r.wall < 5)
        let grandchild = try #require(pid_t(r.stdout.text.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(processIsGone(grandchild))
    }

    @Test func leftoverDescendantsAreKilledWhenTheChildExits() throws {
        // A child that leaves a background process behind must not leave a stray.
        let r = Spawn.run(Job(argv: ["/bin/sh", "-c", "sleep 300 >/dev/null 2>&1 & echo $!"]))
        #expect(r.ok)
        let stray = try #require(pid_t(r.stdout.text.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(processIsGone(stray))
    }

    @Test func outputLimitZeroKeepsNothing() {
        var job = Job(argv: ["/bin/sh", "-c", "echo hello"])
        job.outputLimit = 0
        let r = Spawn.run(job)
        #expect(r.stdout.text == "")
        #expect(r.stdoutDropped == 6)
    }
}

/// True once `pid` no longer exists or is a zombie (checked for up to five seconds).
func processIsGone(_ pid: pid_t) -> Bool {
    for _ in 0..<100 {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        if let state = stat.split(separator: ")").last?.split(separator: " ").first, state == "Z" { return true }
        usleep(50_000)
    }
    return false
}
