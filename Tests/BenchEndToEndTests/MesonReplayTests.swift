import BenchCore
import Foundation
import Testing

/// The Meson that scripts/setup.sh installs (pinned, from PyPI): Debian 12's does not log outcomes.
let meson = repositoryRoot + "/.build/meson/bin/meson"

/// A Meson project with a few dozen checks of every kind, some of which fail (the README's too).
let checksProject = repositoryRoot + "/Tests/BenchEndToEndTests/Fixtures/meson-project"

@Suite("Replaying a Meson log", .serialized)
struct MesonReplayTests {
    @Test func theParserReadsRealLogsOfTwoMesonVersions() async {
        let fixtures = repositoryRoot + "/Tests/BenchEndToEndTests/Fixtures"
        let r = await bench(["run", fixtures + "/mesonlog-test.lua", "--", fixtures])
        #expect(r.exitCode == 0 && r.stdout.text == "ok\n", "\(r.stderr.text)")
    }

    @Test func aRealProjectsChecksReplayWithTheLoggedCommandsAndOutcomes() async throws {
        let dir = try scratch([:])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let configure = await spawn(Job(argv: [ByteString(meson), "setup", "build", ByteString(checksProject)], workingDirectory: ByteString(dir), timeout: 300))
        #expect(configure.exitCode == 0, "meson setup (run scripts/setup.sh for Meson): \(configure.stdout.text)\(configure.stderr.text)")
        let log = dir + "/build/meson-logs/meson-log.txt"

        let r = await bench(["run", "meson-log", "-D", "log=\(log)", "-r", "2", "-w", "0"], in: dir)
        #expect(r.exitCode == 0, "\(r.stdout.text)\(r.stderr.text)")
        let out = r.stdout.text
        #expect(out.contains("every replayed outcome equals the log's"), "\(out)")
        #expect(!out.contains("differs from the log"))
        #expect(out.contains("skipped: the execution step of 2 run checks"))
        #expect(out.contains("cc preprocess") && out.contains("cc compile") && out.contains("cc link"))
        #expect(out.contains("Answer: serially, as Meson runs them today, these "))

        // Every replayed command is the logged one but for the check's private directory.
        let logged = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
            .compactMap { line -> (command: [String], workdir: String)? in
                guard line.hasPrefix("Command line: `"), let end = line.range(of: "` -> ", options: .backwards) else { return nil }
                let words = line[line.index(line.startIndex, offsetBy: 15)..<end.lowerBound].split(separator: " ").map(String.init)
                // The check's private directory: where its testfile or output file is.
                let file = words.first { $0.contains("/meson-private/tmp") } ?? ""
                return (words, URL(fileURLWithPath: file).deletingLastPathComponent().path)
            }
        let dry = await bench(["run", "meson-log", "-D", "log=\(log)", "--dry-run", "--strategy", "serial"], in: dir)
        #expect(dry.exitCode == 0, "\(dry.stderr.text)")
        let replayed = dry.stdout.text.split(separator: "\n").filter { $0.hasPrefix("TMPDIR=") }.map { $0.split(separator: " ").map(String.init) }
        #expect(replayed.count == logged.count, "\(replayed.count) replayed, \(logged.count) logged")
        for (run, (command, workdir)) in zip(replayed, logged) {
            let words = Array(run.dropFirst())  // TMPDIR=
            let benchDir = String(run[0].dropFirst("TMPDIR=".count))
            #expect(words.count == command.count, "\(words) against \(command)")
            #expect(URL(fileURLWithPath: words[0]).lastPathComponent == command[0])
            for (mine, theirs) in zip(words.dropFirst(), command.dropFirst()) {
                if theirs.hasPrefix(workdir + "/") {
                    #expect(mine.hasPrefix(benchDir + "/"), "\(mine) for \(theirs)")
                } else {
                    #expect(mine == theirs, "\(mine) for \(theirs) in \(command)")
                }
            }
        }
    }

    @Test func checksWhoseSourceTreeIsGoneAreSkippedOrDifferAndTheRunGoesOn() async throws {
        let dir = try scratch([
            "src/meson.build": """
                project('gone', 'c')
                cc = meson.get_compiler('c')
                cc.compiles(files('check.c'), name: 'from a file')
                cc.has_header('x.h', include_directories: include_directories('include'))
                cc.has_header('stdio.h')

                """,
            "src/check.c": "int main(void) { return 0; }\n", "src/include/x.h": "#define X 1\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let configure = await spawn(Job(argv: [ByteString(meson), "setup", "build", "src"], workingDirectory: ByteString(dir), timeout: 300))
        #expect(configure.exitCode == 0, "\(configure.stderr.text)")
        try FileManager.default.removeItem(atPath: dir + "/src")
        let r = await bench(["run", "meson-log", "-D", "log=build/meson-logs/meson-log.txt", "-r", "1", "-w", "0", "--strategy", "serial,threads"], in: dir)
        #expect(r.exitCode == 0, "\(r.stdout.text)\(r.stderr.text)")
        #expect(r.stdout.text.contains("skipped: compiles from a file: the source file \(dir)/src/check.c no longer exists"), "\(r.stdout.text)")
        #expect(r.stdout.text.contains("differs from the log: has_header x.h: the log recorded success (-> 0), the replay failed"))
        #expect(r.stdout.text.contains("2 checks replayed"))
    }

    @Test func aFileThatIsNotAMesonLogOrNoLogAtAllExitsTwo() async throws {
        let dir = try scratch(["notes.txt": "Running compile:\nnot really\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let notALog = await bench(["run", "meson-log", "-D", "log=notes.txt"], in: dir)
        #expect(notALog.exitCode == 2 && notALog.stderr.text == "bench: error: notes.txt: not a Meson log (no 'The Meson build system' header with its version)\n")
        let none = await bench(["run", "meson-log"], in: dir)
        #expect(none.exitCode == 2 && none.stderr.text.contains("-D log=builddir/meson-logs/meson-log.txt"))
        let info = await bench(["info", "meson-log"], in: dir)
        #expect(info.exitCode == 2 && info.stdout.text.contains("  log  string  default (empty)  the Meson log to replay"), "\(info.stdout.text)")
        #expect(info.stdout.text.hasSuffix("# the recipe stopped here, with exit status 2\n"))
        let missing = await bench(["run", "meson-log", "-D", "log=nosuch.txt"], in: dir)
        #expect(missing.exitCode == 2 && missing.stderr.text.contains("cannot read the log: nosuch.txt"))
    }
}
