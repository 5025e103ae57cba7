import BenchCore
import BenchTestSupport
import Foundation
import Testing

/// pv 1.6.20's configure step, as Debian ships it (autoconf 2.69, 55 compiler invocations).
let pvConfigure = repositoryRoot + "/Tests/BenchEndToEndTests/Fixtures/pv-1.6.20/configure"

/// Every file under `dir`, by path relative to it, with its bytes.
func tree(_ dir: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for case let path as String in FileManager.default.enumerator(atPath: dir) ?? NSEnumerator() {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[path] = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + path))
        }
    }
    return files
}

/// A recording's JSON, as dictionaries.
func recording(_ path: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
}

@Suite("Recording a configure step", .serialized)
struct RecordTests {
    /// The shims go into a cache of the test's own.
    static func environment(_ dir: String) -> [String: String] { ["XDG_CACHE_HOME": dir + "/cache"] }

    @Test func aRecordedConfigureLeavesWhatAnUnrecordedOneLeaves() async throws {
        let dir = try scratch([:])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Both in the same folder, one after the other: configure writes its folder's path into its results.
        try FileManager.default.createDirectory(atPath: dir + "/build", withIntermediateDirectories: false)
        let plain = await spawn(Job(argv: [ByteString(pvConfigure)], workingDirectory: ByteString(dir + "/build"), timeout: 300))
        #expect(plain.exitCode == 0, "\(plain.stdout.text)\(plain.stderr.text)")
        try FileManager.default.moveItem(atPath: dir + "/build", toPath: dir + "/plain")
        try FileManager.default.createDirectory(atPath: dir + "/build", withIntermediateDirectories: false)

        let r = await bench(["record", "-o", "../recording.json", "--", pvConfigure], in: dir + "/build", environment: Self.environment(dir))
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        #expect(r.stdout == plain.stdout, "configure's own output, passed through")
        var unrecorded = try tree(dir + "/plain")
        var recorded = try tree(dir + "/build")
        // config.log records PATH and the compiler's path, which the shims change; nothing else may differ.
        #expect(unrecorded.removeValue(forKey: "config.log") != nil && recorded.removeValue(forKey: "config.log") != nil)
        #expect(recorded.keys.sorted() == ["Makefile", "config.status", "doc/lsm", "doc/pv.spec", "doc/quickref.1", "src/include/config.h"])
        #expect(recorded == unrecorded)

        let json = try recording(dir + "/recording.json")
        #expect(json["recording"] as? Int == 1 && json["exit"] as? Int == 0)
        let invocations = try #require(json["invocations"] as? [[String: Any]])
        #expect(invocations.count == 55, "every compiler invocation of pv's configure")
        let failed = invocations.filter { $0["exit"] as? Int != 0 }
        #expect(failed.count > 0 && failed.count < invocations.count, "a configure's checks fail as well as succeed")
        #expect(invocations.allSatisfy { ($0["argv"] as? [String])?.first == "gcc" && ($0["compiler"] as? [String]) == ["/usr/bin/gcc"] })
        #expect(r.stderr.text.hasPrefix(plain.stderr.text), "configure's own warnings, passed through")
        #expect(r.stderr.text.dropFirst(plain.stderr.text.count).hasPrefix("bench: recorded 55 compiler invocations in "), "\(r.stderr.text)")
    }

    @Test func benchExitsWithTheCommandsStatusAndPassesTheCompilersOutputThrough() async throws {
        let dir = try scratch(["a.c": "int main(void) { return 0; }\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await bench(
            ["record", "-o", "r.json", "--", "sh", "-c", "cc -c missing.c; gcc -c a.c && exit 3"], in: dir, environment: Self.environment(dir))
        #expect(r.exitCode == 3, "\(r.stderr.text)")
        #expect(r.stderr.text.contains("missing.c: No such file or directory"), "the compiler's stderr reaches the terminal: \(r.stderr.text)")
        let json = try recording(dir + "/r.json")
        let invocations = try #require(json["invocations"] as? [[String: Any]])
        try #require(invocations.count == 2)
        #expect(json["exit"] as? Int == 3)
        #expect(invocations[0]["exit"] as? Int == 1 && (invocations[0]["stderr"] as? String)?.contains("missing.c") == true)
        #expect(invocations[1]["exit"] as? Int == 0 && (invocations[1]["argv"] as? [String]) == ["gcc", "-c", "a.c"])
        let files = try #require(invocations[1]["files"] as? [[String: String]])
        #expect(files == [["path": "a.c", "bytes": "int main(void) { return 0; }\n"]])
        #expect(FileManager.default.fileExists(atPath: dir + "/a.o"), "the compiler's output is where it wrote it")
    }

    @Test func compilersRunAtOnceAreEachRecordedALauncherStaysALauncherAndStdinIsKept() async throws {
        let dir = try scratch(["a.c": "int a;\n", "b.c": "int b;\n", "c.c": "int c;\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var environment = Self.environment(dir)
        environment["CC"] = "ccache gcc"
        environment["CCACHE_DIR"] = dir + "/ccache"
        let r = await bench(
            ["record", "-o", "r.json", "--", "sh", "-c", "cc -c a.c & gcc -c b.c & $CC -c c.c & wait; echo 'int d;' | cc -E - > d.i"], in: dir,
            environment: environment)
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let invocations = try #require(try recording(dir + "/r.json")["invocations"] as? [[String: Any]])
        try #require(invocations.count == 4)
        #expect(Set(invocations.compactMap { $0["pid"] as? Int }).count == 4)
        #expect(invocations[3]["stdin"] as? String == "int d;\n", "a source read from standard input is kept")
        #expect(try String(contentsOfFile: dir + "/d.i", encoding: .utf8).hasSuffix("int d;\n"), "and still reaches the compiler")
        let launched = try #require(invocations.first { ($0["argv"] as? [String])?.last == "c.c" })
        #expect(launched["compiler"] as? [String] == ["/usr/bin/ccache", "/usr/bin/gcc"], "\(launched)")
        #expect(FileManager.default.fileExists(atPath: dir + "/ccache"), "ccache ran")
    }
}

@Suite("Recording, the shim's edges")
struct RecordEdgeTests {
    @Test func aCompilerKilledByASignalKillsItsShimAlikeAndADashAfterMinusOIsNoInput() async throws {
        // A stand-in compiler that dies of SIGTERM, named by CC as a build system would name it.
        let dir = try scratch(["a.c": "int a;\n", "killer": "#!/bin/sh\nkill -TERM $$\n"], executable: ["killer"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var environment = RecordTests.environment(dir)
        environment["CC"] = dir + "/killer"
        let script = "$CC -c a.c; echo \"status $?\"; sleep 3 | cc -E a.c -o - > a.i"
        let r = await bench(["record", "-o", "r.json", "--", "sh", "-c", script], in: dir, environment: environment)
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        #expect(r.stdout.text == "status 143\n", "the shell sees its compiler die of SIGTERM, as without bench")
        let invocations = try #require(try recording(dir + "/r.json")["invocations"] as? [[String: Any]])
        try #require(invocations.count == 2)
        #expect(invocations[0]["signal"] as? Int == 15 && invocations[0]["exit"] == nil)
        // `-o -` writes to stdout: the shim must not wait for the pipe's end (3 s) to read it as a source.
        #expect(invocations[1]["stdin"] == nil, "\(invocations[1])")
        #expect((invocations[1]["wall_s"] as? Double ?? 9) < 2.5, "\(invocations[1])")
    }
}

@Suite("Recording, mistakes")
struct RecordMistakeTests {
    @Test func helpIsHelpAndACommandWithoutTheDoubleDashOrAProgramIsAMistake() async throws {
        let help = await bench(["record", "--help"])
        #expect(help.exitCode == 0 && help.stdout.text.hasPrefix("OVERVIEW: Run a configure step with its compilers recorded"), "\(help.stderr.text)")
        let dir = try scratch([:])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bare = await bench(["record", "./configure"], in: dir)
        let expected = "Error: give the command to record after --: bench record -- ./configure\n"
        #expect(bare.exitCode == 2 && bare.stderr.text.hasPrefix(expected), "\(bare.stderr.text)")
        let missing = await bench(["record", "-o", "r.json", "--", "bench-no-such-program"], in: dir, environment: RecordTests.environment(dir))
        #expect(missing.exitCode == 2 && missing.stderr.text == "bench: error: cannot run 'bench-no-such-program': not found in PATH\n")
        #expect(!FileManager.default.fileExists(atPath: dir + "/r.json"), "no recording of a command that never ran")
    }
}

@Suite("Recording, interrupted")
struct RecordInterruptionTests {
    @Test func aCtrlCStopsTheCommandRecordsNothingAndLeavesNothing() async throws {
        let sandbox = try Sandbox(["a.c": "int a;\n"])
        let r = await sandbox.interrupt(
            ["record", "-o", "r.json", "--", "sh", "-c", "cc -c a.c && touch compiled && sleep 60"], with: [SIGINT]
        ) { FileManager.default.fileExists(atPath: sandbox.directory + "/compiled") }
        #expect(r.exitCode == 130, "\(r.stderr.text)")
        #expect(r.stderr.text == "bench: interrupted by SIGINT; the command was stopped and nothing recorded\n")
        sandbox.expectNothingLeft("bench record", besides: ["a.o", "compiled"])
    }
}
