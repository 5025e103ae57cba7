import BenchCore
import BenchTestSupport
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
        let configure = await spawn(
            Job(argv: [ByteString(meson), "setup", "build", ByteString(checksProject)], workingDirectory: ByteString(dir), timeout: 300))
        #expect(configure.exitCode == 0, "meson setup (run scripts/setup.sh for Meson): \(configure.stdout.text)\(configure.stderr.text)")
        let log = dir + "/build/meson-logs/meson-log.txt"

        let r = await bench(["run", "meson-log", "-D", "log=\(log)", "-r", "2", "-w", "0"], in: dir)
        #expect(r.exitCode == 0, "\(r.stdout.text)\(r.stderr.text)")
        let lines = r.stdout.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Everything but the timings, whole: what was replayed and skipped, and the comparison.
        #expect(
            Array(lines.prefix(4)) == [
                "\(log): 56 compiles (Meson 1.12.1): 56 replayed (15 cc compile, 18 cc link, 23 cc preprocess), 0 skipped",
                "not replayed: 2 commands that are not a compiler check (-cpp -x c -E -dM -)",
                "not replayed: the execution step of 2 run checks (bench replays the compiles)",
                "strategy    -j   median wall  efficiency  vs serial",
            ], "\(r.stdout.text)")
        // Stop here on a short output: indexing it would crash the whole test process.
        try #require(lines.count == 11, "\(r.stdout.text)\(r.stderr.text)")
        #expect(lines.dropFirst(4).prefix(4).map { $0.split(separator: " ").first.map(String.init) } == ["async", "threads", "processes", "serial"])
        #expect(lines[8] == "compared with the log: 56 of 56 replayed checks; 56 equal, 0 different", "\(r.stdout.text)")
        #expect(lines[9].hasPrefix("Answer: serially, as the build system runs them, these 56 checks take "), "\(lines[9])")
        #expect(lines[10] == "")

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

    @Test func checksNamingPathsOfAProjectTreeThatIsGoneAreSkippedWithThePath() async throws {
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
        let r = await bench(
            ["run", "meson-log", "-D", "log=build/meson-logs/meson-log.txt", "-r", "1", "-w", "0", "--strategy", "serial,threads"], in: dir)
        #expect(r.exitCode == 0, "\(r.stdout.text)\(r.stderr.text)")
        let lines = r.stdout.text.split(separator: "\n").map(String.init)
        #expect(
            Array(lines.prefix(5)) == [
                "build/meson-logs/meson-log.txt: 3 compiles (Meson 1.12.1): 1 replayed (1 cc preprocess), 2 skipped",
                "not replayed: 2 commands that are not a compiler check (-cpp -x c -E -dM -)",
                "skipped, by reason: 2 a path it names no longer exists",
                "  skipped: compiles from a file: a path it names no longer exists: \(dir)/src/check.c",
                "  skipped: has_header x.h: a path it names no longer exists: \(dir)/src/include",
            ], "\(r.stdout.text)")
        #expect(lines.contains("compared with the log: 1 of 1 replayed checks; 1 equal, 0 different"), "\(r.stdout.text)")
    }

    /// A log edited so that a check that succeeded is recorded as failed, and one that failed as
    /// succeeded: both are listed by name with both outcomes, and the run fails.
    @Test func aReplayThatDiffersFromTheLogIsListedByNameAndExitsOne() async throws {
        var lines = try String(contentsOfFile: repositoryRoot + "/Tests/BenchEndToEndTests/Fixtures/meson-1.12.log", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func flip(before status: String, from: String, to: String) throws {
            let at = try #require(lines.firstIndex(of: status))
            let command = try #require(lines[..<at].lastIndex { $0.hasPrefix("Command line: `") && $0.hasSuffix(from) })
            lines[command] = String(lines[command].dropLast(from.count)) + to
        }
        try flip(before: "Has header \"stdio.h\" : YES ", from: "-> 0", to: "-> 1")
        try flip(before: "Has header \"no/such.h\" : NO ", from: "-> 1", to: "-> 0")
        let dir = try scratch(["edited.log": lines.joined(separator: "\n")])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await bench(
            [
                "run", "meson-log", "-D", "log=edited.log", "-r", "1", "-w", "0", "--strategy", "serial,threads",
                "--export-json", "replay.json",
            ], in: dir)
        #expect(r.exitCode == 1, "\(r.stdout.text)\(r.stderr.text)")
        let out = r.stdout.text.split(separator: "\n").map(String.init)
        let differing = out.filter { $0.hasPrefix("differs from the log: ") }
        #expect(differing.count == 2, "\(r.stdout.text)")
        #expect(differing.first == "differs from the log: has_header stdio.h: the log recorded failure (-> 1), the replay succeeded")
        #expect(differing.last?.hasPrefix("differs from the log: has_header no/such.h: the log recorded success (-> 0), the replay failed: ") == true)
        #expect(differing.last?.hasSuffix(".c:4:12: error: #error \"Header 'no/such.h' could not be found\"") == true)
        #expect(out.contains("compared with the log: 13 of 13 replayed checks; 11 equal, 2 different"), "\(r.stdout.text)")
        let stderr = r.stderr.text.split(separator: "\n").map(String.init)
        #expect(stderr.first == "bench: 2 probes had another outcome than the one they expected:", "\(r.stderr.text)")
        #expect(stderr.dropFirst().first == "  probe 'has_header stdio.h' was expected to fail, and succeeded")
        // The JSON carries the log's outcome beside the replay's, for every probe.
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/replay.json"))) as? [String: Any])
        let runs = try #require((json["measurements"] as? [[String: Any]])?.first?["runs"] as? [[String: Any]])
        for run in runs {
            let probes = try #require(run["probes"] as? [[String: Any]])
            #expect(probes.count == 13 && probes.allSatisfy { $0["expected"] is Bool })
            let edited = probes.filter { ["has_header stdio.h", "has_header no/such.h"].contains($0["name"] as? String) }
            #expect(edited.map { "\($0["expected"] as? Bool ?? true)/\($0["ok"] as? Bool ?? false)" } == ["false/true", "true/false"])
        }
    }

    /// A log whose first compile is a cached one (a reconfigure) still records outcomes: the
    /// replay compares them instead of saying the log has none.
    @Test func aLogThatStartsWithACachedCompileIsStillCompared() async throws {
        let dir = try scratch([
            "cached.log": """
            The Meson build system
            Version: 1.12.1
            Using cached compile:
            Cached command line:  cc /b/meson-private/tmpa/testfile.c -E

            Code:
             #include <stdio.h>
            Cached compiler stdout:
            \u{20}
            Cached compiler stderr:
            \u{20}
            Has header "stdio.h" : YES (cached)
            Running compile:
            Working directory:  /b/meson-private/tmpb
            Code:
            #include <stdlib.h>
            -----------
            Command line: `cc /b/meson-private/tmpb/testfile.c -E` -> 0
            Has header "stdlib.h" : YES\u{20}

            """
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await bench(["run", "meson-log", "-D", "log=cached.log", "-r", "1", "-w", "0", "--strategy", "serial"], in: dir)
        #expect(r.exitCode == 0, "\(r.stdout.text)\(r.stderr.text)")
        #expect(!r.stdout.text.contains("records no outcomes"), "\(r.stdout.text)")
        #expect(r.stdout.text.contains("\ncompared with the log: 1 of 1 replayed checks; 1 equal, 0 different\n"), "\(r.stdout.text)")
    }

    @Test func aFileThatIsNotAMesonLogOrNoLogAtAllExitsTwo() async throws {
        let dir = try scratch(["notes.txt": "Running compile:\nnot really\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let notALog = await bench(["run", "meson-log", "-D", "log=notes.txt"], in: dir)
        #expect(
            notALog.exitCode == 2
                && notALog.stderr.text == "bench: error: notes.txt: not a Meson log (no 'The Meson build system' header with its version)\n")
        let none = await bench(["run", "meson-log"], in: dir)
        #expect(none.exitCode == 2 && none.stderr.text.contains("-D log=builddir/meson-logs/meson-log.txt"))
        let info = await bench(["info", "meson-log"], in: dir)
        #expect(info.exitCode == 2 && info.stdout.text.contains("  log  string  default (empty)  the Meson log to replay"), "\(info.stdout.text)")
        #expect(info.stdout.text.hasSuffix("# the recipe stopped here, with exit status 2\n"))
        let missing = await bench(["run", "meson-log", "-D", "log=nosuch.txt"], in: dir)
        #expect(missing.exitCode == 2 && missing.stderr.text.contains("cannot read the log: nosuch.txt"))
    }
}
