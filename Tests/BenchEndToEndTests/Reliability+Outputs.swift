import BenchCore
import BenchTestSupport
import Foundation
import Glibc
import Testing

/// Issue 7, item 1: `--output` and `--plot` change nothing but the file they name.
extension ReliabilityTests {
    /// A one-probe scenario with the logging compiler: `calls` says whether anything ran.
    static let oneProbe = """
        return { compilers = { "./slow-cc" }, ext = ".c", runs = 1, warmup = 0, strategies = { "serial" },
                 probes = { { name = "m", source = "int main(void) { return 0; }" } } }
        """

    static func fileType(_ path: String) -> mode_t? {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & S_IFMT : nil
    }

    @Test func aSymbolicLinkIsFollowedAndStaysALink() async throws {
        let box = try Sandbox(["slow-cc": Self.slowCompiler, "s.lua": Self.oneProbe], executable: ["slow-cc"])
        symlink("target.json", box.directory + "/link.json")
        let r = await box.run(["run", "s.lua", "--format", "json", "--output", "link.json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(Self.fileType(box.directory + "/link.json") == S_IFLNK)
        #expect(try String(contentsOfFile: box.directory + "/target.json", encoding: .utf8).hasPrefix("{\n  \"bench\""))
        symlink("nowhere/at/all", box.directory + "/dangling.json")
        let d = await box.run(["run", "s.lua", "--output", "dangling.json"])
        #expect(d.exitCode == 2)
        #expect(d.stderr.text == "bench: error: cannot write --output 'dangling.json': no such directory './nowhere/at'\n")
        #expect(Self.fileType(box.directory + "/dangling.json") == S_IFLNK)
        #expect(box.lines("calls") == 1)
        box.expectNothingLeft(besides: ["calls", "dangling.json", "link.json", "target.json"])
    }

    @Test func aFIFOAndACharacterDeviceAreWrittenInPlaceNeverReplaced() async throws {
        let box = try Sandbox(["slow-cc": Self.slowCompiler, "s.lua": Self.oneProbe], executable: ["slow-cc"])
        let fifo = box.directory + "/fifo"
        try #require(mkfifo(fifo, 0o600) == 0)
        let reader = Task.detached { await spawn(Job(argv: ["cat", ByteString(fifo)])) }
        let r = await box.run(["run", "s.lua", "--format", "csv", "--output", "fifo"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(await reader.value.stdout.text.hasPrefix("scenario,compiler,probe,strategy,"))
        #expect(Self.fileType(fifo) == S_IFIFO)
        let null = await box.run(["run", "s.lua", "--output", "/dev/null", "--plot", "/dev/stdout"])
        #expect(null.exitCode == 0, "\(null.stderr)")
        #expect(null.stdout.text.hasPrefix("<?xml"))
        #expect(Self.fileType("/dev/null") == S_IFCHR)
        box.expectNothingLeft(besides: ["calls", "fifo"])
        // A device of /dev/full's kind, made here (as root, as CI runs), so the real one is never at stake.
        guard getuid() == 0 else { return }
        let full = box.directory + "/full"
        try #require(mknod(full, S_IFCHR | 0o666, dev_t(1 << 8 | 7)) == 0)
        let f = await box.run(["run", "s.lua", "--output", "full"])
        #expect(f.exitCode == 2)
        #expect(f.stderr.text.contains("cannot write full: No space left on device"), "\(f.stderr)")
        #expect(Self.fileType(full) == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.directory).filter { $0.hasPrefix(".bench-") }.isEmpty)
    }

    @Test func pathsThatCannotBeWrittenOrNameOneFileTwiceAreRefusedBeforeAnythingRuns() async throws {
        let box = try Sandbox(["slow-cc": Self.slowCompiler, "s.lua": Self.oneProbe], executable: ["slow-cc"])
        let cases: [([String], String)] = [
            (["--output", ""], "cannot write --output '': the path is empty"),
            (["--output", "/proc/version"], "cannot write --output '/proc/version': cannot create a file in '/proc'"),
            (["--plot", "/proc/self/status"], "cannot write --plot '/proc/self/status': cannot create a file in '/proc/self'"),
            (["--output", "x.json", "--plot", "./x.json"], "--output 'x.json' and --plot './x.json' are the same file; give each its own"),
            (["--output", "/dev/null", "--plot", "/dev/../dev/null"], "are the same file"),
        ]
        for (arguments, message) in cases {
            let r = await box.run(["run", "s.lua"] + arguments)
            #expect(r.exitCode == 2, "\(arguments)")
            #expect(r.stderr.text.contains(message), "\(arguments): \(r.stderr)")
        }
        #expect(box.lines("calls") == 0)
        #expect(!FileManager.default.fileExists(atPath: box.directory + "/x.json"))
        box.expectNothingLeft()
    }
}
