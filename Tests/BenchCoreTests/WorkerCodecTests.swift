import Testing

@testable import BenchCore

@Suite("The worker codec") struct WorkerCodecTests {
    /// Every byte value, newline and the escape byte among them, in every byte field.
    static let all = ByteString((0...255).map { UInt8($0) } + [0x0A, 0x1B, 0x1B, 0x0A])

    @Test func aJobCrossesByteForByte() {
        var job = Job(
            name: Self.all, argv: ["/bin/echo", Self.all, ""], workingDirectory: Self.all,
            environment: [Self.all: Self.all, "A": ""], stdin: Self.all, timeout: 0.25, outputLimit: 7)
        job.stdinFile = Self.all
        job.discardsOutput = true
        job.sharesOutput = true
        let line = WorkerCodec.encode(job)
        #expect(!line.contains(0x0A))
        #expect(WorkerCodec.job(line) == job)
        let plain = Job(argv: ["true"])
        #expect(WorkerCodec.job(WorkerCodec.encode(plain)) == plain)
    }

    @Test func aResultCrossesByteForByte() {
        var result = JobResult(
            name: Self.all, exitCode: -3, signal: 9, timedOut: true, interrupted: true, error: "é\nfailed",
            wall: 1.5, user: 0.25, sys: -0.0, maxRSS: 1 << 40, stdout: Self.all, stderr: Self.all,
            stdoutDropped: 3, stderrDropped: 4, started: 12.5, ended: 14)
        result.failedToStart = true
        let line = WorkerCodec.encode(result)
        #expect(!line.contains(0x0A))
        #expect(WorkerCodec.result(line) == result)
        let none = JobResult(name: "x")
        #expect(WorkerCodec.result(WorkerCodec.encode(none)) == none)
    }

    /// The tests above set every field of a job and of a result; a field added to either must
    /// cross to workers too, so it must be added to the codec and to those tests: this fails
    /// until it is (a `processes` run would drop it silently).
    @Test func theTestsAboveCoverEveryField() {
        let jobFields = Mirror(reflecting: Job(argv: ["true"])).children.map(\.label)
        #expect(
            jobFields == [
                "name", "argv", "workingDirectory", "environment", "stdin", "stdinFile", "timeout", "outputLimit", "discardsOutput",
                "sharesOutput",
            ],
            "a field of Job changed: update WorkerCodec and aJobCrossesByteForByte")
        let resultFields = Mirror(reflecting: JobResult(name: "x")).children.map(\.label)
        #expect(
            resultFields == [
                "name", "exitCode", "signal", "timedOut", "interrupted", "error", "failedToStart", "wall", "user", "sys", "maxRSS",
                "stdout", "stderr", "stdoutDropped", "stderrDropped", "started", "ended",
            ], "a field of JobResult changed: update WorkerCodec and aResultCrossesByteForByte")
    }

    @Test func aDamagedLineIsNoMessage() {
        let line = WorkerCodec.encode(Job(argv: ["true", "a"]))
        #expect(WorkerCodec.job(Array(line.dropLast())) == nil)
        #expect(WorkerCodec.job(line + [0]) == nil)
        #expect(WorkerCodec.job([0x1B, 0x07]) == nil)
        #expect(WorkerCodec.job([]) == nil)
        #expect(WorkerCodec.result(line) == nil)
        #expect(WorkerCodec.job(WorkerCodec.encode(JobResult(name: "x"))) == nil)
    }
}
