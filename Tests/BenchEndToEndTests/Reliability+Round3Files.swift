import BenchCore
import BenchTestSupport
import Foundation
import Glibc
import Testing

/// Issue 25 (reliability, round three): the items about the files bench writes and removes.
extension ReliabilityTests {
    /// Whether the kernel refuses to follow a symbolic link in a sticky world-writable folder for
    /// anyone but its owner (`fs.protected_symlinks`), the protection item 1's attack defeated.
    static let symlinksProtected = (try? String(contentsOfFile: "/proc/sys/fs/protected_symlinks", encoding: .utf8))?.hasPrefix("1") == true

    /// A result document made by a real run, in `box` as `name`.
    private func savedDocument(_ box: Sandbox, _ name: String = "a.json") async throws {
        let r = await box.run(["run", "r.lua", "-r", "2", "-w", "0", "--strategy", "serial", "--export-json", name], timeout: 60)
        #expect(r.exitCode == 0, "\(r.summary)")
    }

    private static let script = "return { name = 'r', probes = { { name = 't', command = { 'true' } } } }"

    /// Item 1: an output that is another user's symbolic link in a sticky world-writable folder
    /// is refused as the kernel refuses `echo x > link` there; the file it points to, root's own,
    /// keeps its bytes. (bench resolved the link itself, so the kernel's check never ran.)
    @Test(.enabled(if: getuid() == 0 && symlinksProtected, "needs root and fs.protected_symlinks = 1"))
    func anotherUsersLinkInAStickyFolderIsNotFollowed() async throws {
        let box = try Sandbox(["r.lua": Self.script, "secret": "root's own\n"])
        try await savedDocument(box)
        chmod(box.directory + "/secret", 0o600)
        let sticky = box.directory + "/sticky"
        mkdir(sticky, 0o777)
        chmod(sticky, 0o1777)
        #expect(symlink(box.directory + "/secret", sticky + "/out") == 0)
        #expect(lchown(sticky + "/out", 65534, 65534) == 0)
        for arguments in [
            ["report", "a.json", "--output", "sticky/out"], ["report", "a.json", "--plot", "sticky/out"],
            ["run", "r.lua", "-r", "1", "-w", "0", "--strategy", "serial", "--export-csv", "sticky/out"],
        ] {
            let r = await box.run(arguments, timeout: 60)
            #expect(r.exitCode == 2, "\(arguments): \(r.summary)")
            #expect(
                r.stderr.text.hasPrefix("bench: error: cannot write \(arguments[arguments.count - 2]) 'sticky/out': Permission denied"),
                "\(arguments): \(r.stderr.text)")
        }
        #expect(try String(contentsOfFile: box.directory + "/secret", encoding: .utf8) == "root's own\n")
    }

    /// Item 1: a symbolic link is written through, as the shell's `>` writes it: the file it names
    /// gets the report in place (a second hard link to it sees the report, and its mode is kept),
    /// rather than a file bench put at a path it resolved itself.
    @Test func aLinkIsWrittenThroughAsTheShellWritesIt() async throws {
        let box = try Sandbox(["r.lua": Self.script, "target.json": "old\n"])
        try await savedDocument(box)
        chmod(box.directory + "/target.json", 0o640)
        #expect(link(box.directory + "/target.json", box.directory + "/second.json") == 0)
        #expect(symlink("target.json", box.directory + "/out.json") == 0)
        let r = await box.run(["report", "a.json", "--format", "json", "--output", "out.json"], timeout: 60)
        #expect(r.exitCode == 0, "\(r.summary)")
        let second = try String(contentsOfFile: box.directory + "/second.json", encoding: .utf8)
        #expect(second == (try String(contentsOfFile: box.directory + "/a.json", encoding: .utf8)))
        var st = stat()
        stat(box.directory + "/target.json", &st)
        #expect(st.st_mode & 0o777 == 0o640 && st.st_nlink == 2)
    }

    /// Item 14: a file size limit (`ulimit -f`) is a write error, said as one: exit 2, no
    /// temporary file beside the output, and no SIGXFSZ death; on stdout too.
    @Test(arguments: [
        ("ulimit -f 1", ["report", "a.json", "--format", "json", "--output", "out.json"], "bench: error: cannot write out.json: File too large\n"),
        ("ulimit -f 1", ["compare", "a.json", "a.json", "--plot", "out.svg"], "bench: error: cannot write out.svg: File too large\n"),
        (
            "ulimit -f 1 && exec >out.txt", ["report", "a.json", "--format", "json"],
            "bench: error: cannot write to standard output: File too large\n"
        ),
    ])
    func aFileSizeLimitIsAWriteError(limits: String, arguments: [String], message: String) async throws {
        let box = try Sandbox(["r.lua": Self.script])
        try await savedDocument(box)
        let r = await box.run(arguments, under: limits, timeout: 60)
        #expect(r.exitCode == 2, "\(arguments): \(r.summary)")
        #expect(r.stderr.text == message, "\(arguments): \(r.stderr.text)")
        let left = try FileManager.default.contentsOfDirectory(atPath: box.directory).filter { $0.hasPrefix(".bench-") }
        #expect(left.isEmpty, "\(left)")
    }

    /// Item 15: a folder tree of any depth in the run's directory is removed with it (bench left
    /// what was over 64 levels deep, said so, and exited 0).
    @Test func aTreeOfAnyDepthIsRemoved() async throws {
        let box = try Sandbox([
            "deep.lua": """
            local path = bench.tempdir() .. string.rep("/d", 300)
            local r = bench.spawn({ "mkdir", "-p", path })
            assert(r.ok, r.stderr)
            assert(bench.spawn({ "touch", path .. "/file" }).ok)
            print("made")
            """
        ])
        let r = await box.run(["run", "deep.lua"], timeout: 60)
        #expect(r.exitCode == 0, "\(r.summary)")
        #expect(r.stdout.text == "made\n" && r.stderr.text.isEmpty, "\(r.summary)")
        box.expectNothingLeft()
    }

    /// Item 8: a document over the size cap is refused before it is read, and one under it that
    /// the memory limit cannot hold (`ulimit -v`) is refused before it is parsed: exit 2 with the
    /// reason, where bench read 256 MiB first, or died of a failed allocation (SIGABRT).
    @Test(arguments: [
        (300, "bench: error: big.json: cannot read big.json: it is larger than 256 MiB\n"),
        (
            200,
            "bench: error: big.json: not enough memory to read it, 201 MiB: bench needs about 1697 MiB of address space free (ulimit -v); raise the limit\n"
        ),
    ])
    func aDocumentTooBigForTheMemoryLimitIsRefusedNotACrash(mebibytes: Int, message: String) async throws {
        let box = try Sandbox([:])
        // A sparse file: as large as asked for, at no cost in disk or time.
        #expect(FileManager.default.createFile(atPath: box.directory + "/big.json", contents: nil))
        #expect(truncate(box.directory + "/big.json", off_t(mebibytes) << 20) == 0)
        for command in [["report", "big.json"], ["compare", "big.json", "big.json"]] {
            let r = await box.run(command, under: "ulimit -v 300000", timeout: 60)
            #expect(r.exitCode == 2, "\(command): \(r.summary)")
            #expect(r.stderr.text == message, "\(command): \(r.stderr.text)")
        }
    }
}
