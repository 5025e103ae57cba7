import Testing

@testable import BenchCore

/// The parts of a recording and its replay that are pure functions: bytes kept as JSON, a
/// private folder that nothing escapes, the projection's arithmetic, a shim's record read back.
@Suite("Recordings")
struct RecordingTests {
    @Test func base64MatchesTheStandardAndRoundTripsEveryByte() {
        // RFC 4648, section 10.
        for (plain, encoded) in [
            ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
        ] {
            #expect(Base64.encode(Array(plain.utf8)) == encoded)
            #expect(Base64.decode(encoded) == Array(plain.utf8))
        }
        let every = (0...255).map(UInt8.init) + [0xFF, 0x00]
        #expect(Base64.decode(Base64.encode(every)) == every)
        for bad in ["Zg=", "Z===", "Zm9v!A==", "=Zm9", "Zg==Zg=="] { #expect(Base64.decode(bad) == nil, "\(bad)") }
    }

    @Test func bytesThatAreNotUTF8BecomeBase64InTheRecording() throws {
        let latin1 = ByteString([0x63, 0x61, 0x66, 0xE9])  // "café" in Latin-1
        #expect(Recording.bytes(latin1) == .object([("base64", .string("Y2Fm6Q=="))]))
        #expect(Recording.bytes("café") == .string("café"))
        #expect(try JSONReader(Recording.bytes(latin1), path: "x").bytesValue() == latin1)
    }

    @Test func aPrivateFolderKeepsEveryPathInside() {
        #expect(OwnFolder.inside("conftest.c", under: "/build") == "/build/conftest.c")
        #expect(OwnFolder.inside("../src/./a.c", under: "/build/sub") == "/build/src/a.c")
        #expect(OwnFolder.inside("/tmp//x/../y", under: "/build") == "/tmp/y")
        #expect(OwnFolder.inside(".", under: "/") == "/")
        #expect(OwnFolder.inside("../../etc/passwd", under: "/build") == nil)
        #expect(OwnFolder.inside("/..", under: "/") == nil)
        #expect(OwnFolder.inside(ByteString([0x61, 0x00]), under: "/") == nil)
        var probe = Probe(name: "p", command: ["cc", "-c", "a.c"])
        probe.files = ["../../../x": "int x;"]
        #expect(OwnFolder.problem(probe)?.contains("stays inside the job's folder") == true)
    }

    @Test func theProjectionAppliesTheReplaysSpeedUpToTheRecordedCompilers() throws {
        let step = RecordedStep(command: "./configure", wall: 20, compilerTime: 12, invocations: 400, dependent: 380)
        let measurement = Measurement(
            scenario: ScenarioSettings(name: "replay", batch: .all, probes: ["p"], repeats: 1, runs: 1, warmup: 0),
            compilers: [], runs: [Self.run(.serial, 1, wall: 15), Self.run(.async, 2, wall: 10), Self.run(.threads, 2, wall: 11)])
        #expect(Projection(measurement) == nil, "no recorded step, no projection")
        var replay = measurement
        replay.scenario.recording = step
        let projection = try #require(Projection(replay))
        #expect(projection.best.strategy == .async && projection.serial == 15)
        #expect(projection.compilerTime == 8)  // 12 × 10 / 15
        #expect(projection.wall == 16 && abs(projection.saving - 0.2) < 1e-12)
        #expect(
            projection.sentences == [
                "Projection: './configure' took 20.000 s; its 400 compiler invocations ran 12.000 s of it (60 %). Replayed, they take "
                    + "serially 15.000 s, with async -j 2 10.000 s: at that speed-up its compiles take 8.000 s, and the step about 16.000 s "
                    + "(20 % less) on this machine, if its build system ran these compiles concurrently.",
                "This assumes the compiles are independent of each other: 380 of them compile results of earlier checks (confdefs.h), "
                    + "which would have to come first.",
            ])
        #expect(
            RecordedStep(command: "x", wall: 1, compilerTime: 2, invocations: 1).problem
                == "compiler_s: a number from 0 to wall_s (1.0) expected, got 2.0")
    }

    @Test func aShimsRecordIsReadAndADamagedOneRefused() throws {
        let record: ByteString =
            "version 1\n1\nargv 2\ncc\nargv 2\n-c\nargv 3\na.c\nreal 12\n/usr/bin/gcc\ncwd 4\n/tmp\nenv 6\nLANG=C\nenv 6\nHOME=/\n"
            + "file 3\na.c\nbytes 7\nint a;\n\nstart_ns 10\n2000000000\nend_ns 10\n2500000000\nexit 1\n0\nstderr 0\n\npid 2\n42\nppid 2\n41\n"
        let shims = ShimFolder(path: "/s", environment: [:], compilers: [], before: [:])
        let invocation = try InvocationFile.read(record, start: 1.5, startEnvironment: ["HOME": "/", "TERM": "xterm"], shims: shims)
        #expect(invocation.argv == ["cc", "-c", "a.c"] && invocation.compiler == ["/usr/bin/gcc"] && invocation.workingDirectory == "/tmp")
        #expect(invocation.environment == ["LANG": "C"] && invocation.unset == ["TERM"])
        #expect(invocation.files == [InvocationInput(path: "a.c", bytes: "int a;\n")])
        #expect(invocation.start == 0.5 && invocation.wall == 0.5 && invocation.exit == 0 && invocation.stderr == "" && invocation.stdout == nil)
        #expect(invocation.pid == 42 && invocation.parent == 41)
        #expect(throws: BenchError.io("a shim's record is damaged at byte 12")) {
            try InvocationFile.read("version 1\n1\nargv 99\ncc\n", start: 0, startEnvironment: [:], shims: shims)
        }
    }

    private static func run(_ strategy: Strategy, _ concurrency: Int, wall: Double) -> RunSummary {
        RunSummary(
            strategy: strategy, compiler: nil, level: .limited(concurrency), concurrency: concurrency, jobs: 1, wall: SampleSummary([wall]),
            childCPU: wall, runnerCPU: 0, longestJob: 1, peakRSS: 0, cores: 2, failed: 0, probes: [])
    }
}
