import BenchCore
import BenchTestSupport
import Foundation
import Testing

/// The CMake that scripts/setup.sh installs (pinned, from PyPI): CMake 4 writes the configure log.
let cmake = repositoryRoot + "/.build/cmake/bin/cmake"
let fixtures = repositoryRoot + "/Tests/BenchEndToEndTests/Fixtures"

@Suite("Recording CMake and Meson", .serialized)
struct RecordBuildSystemsTests {
    /// Configures with `command` (the build folder last) into `dir/b`, once unrecorded (kept as
    /// `dir/plain`) and once under `bench record`; returns both trees, and the replay's output.
    static func recordAndReplay(_ command: [String], in dir: String) async throws -> (
        plain: [String: Data], recorded: [String: Data], replay: JobResult
    ) {
        let plain = await spawn(Job(argv: (command + [dir + "/b"]).map { ByteString($0) }, workingDirectory: ByteString(dir), timeout: 300))
        try #require(plain.exitCode == 0, "\(plain.stdout.text)\(plain.stderr.text)")
        try FileManager.default.moveItem(atPath: dir + "/b", toPath: dir + "/plain")
        let r = await bench(["record", "-o", "recording.json", "--"] + command + [dir + "/b"], in: dir, environment: RecordTests.environment(dir))
        try #require(r.exitCode == 0, "\(r.stderr.text)")
        let replay = await bench(["run", "replay", "-D", "recording=recording.json", "-r", "1", "-w", "0", "--strategy", "serial,async"], in: dir)
        return (try tree(dir + "/plain"), try tree(dir + "/b"), replay)
    }

    /// N when the replay says all N replayed checks gave the recorded outcome (none skipped), else 0.
    static func replayedEqual(_ replay: JobResult) -> Int {
        let lines = replay.stdout.text.split(separator: "\n")
        let compared = lines.first { $0.hasPrefix("compared with the recording: ") } ?? ""
        guard let n = Int(compared.split(separator: " ").dropFirst(4).first ?? ""), lines.first?.hasSuffix(", 0 skipped") == true else { return 0 }
        return compared == "compared with the recording: \(n) of \(n) replayed checks; \(n) equal, 0 different" ? n : 0
    }

    /// The lines of `file` in `tree`, but those that start with one of `skipping`.
    static func lines(_ tree: [String: Data], _ file: String, skipping: [String] = []) -> [Substring] {
        String(decoding: tree[file] ?? Data(), as: UTF8.self).split(separator: "\n").filter { line in !skipping.contains { line.hasPrefix($0) } }
    }

    @Test func cmakeChecksGiveTheSameResultsRecordedAndReplayAlike() async throws {
        let dir = try scratch([:])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let command = [cmake, "-DCMAKE_POLICY_VERSION_MINIMUM=3.5", "-DBUILD_TESTING=OFF", "-G", "Ninja", "-S", fixtures + "/json-c-0.16", "-B"]
        let (plain, recorded, replay) = try await Self.recordAndReplay(command, in: dir)
        for header in ["config.h", "json_config.h", "json.h", "apps_config.h"] {
            #expect(plain[header] != nil && plain[header] == recorded[header], "\(header)")
        }
        // CMake keeps the compiler's path, which is the shim's; every check's result is the same.
        let compiler = [
            "CMAKE_C_COMPILER:", "CMAKE_ADDR2LINE:", "CMAKE_AR:", "CMAKE_RANLIB:", "CMAKE_LINKER:", "CMAKE_NM:", "CMAKE_OBJ", "CMAKE_READELF:",
            "CMAKE_STRIP:", "CMAKE_DLLTOOL:", "CMAKE_C_COMPILER_AR:", "CMAKE_C_COMPILER_RANLIB:", "CMAKE_TAPI:",
        ]
        let cache = Self.lines(recorded, "CMakeCache.txt", skipping: compiler)
        #expect(cache.count > 100 && cache == Self.lines(plain, "CMakeCache.txt", skipping: compiler))
        #expect(cache.contains("HAVE_STDINT_H:INTERNAL=1"), "a check's result, in the cache")
        #expect(replay.exitCode == 0, "\(replay.stdout.text)\(replay.stderr.text)")
        #expect(Self.replayedEqual(replay) == 119, "json-c's checks, every one replayed alike: \(replay.stdout.text)")
    }

    @Test func mesonChecksGiveTheSameResultsRecordedAndReplayAlike() async throws {
        let dir = try scratch([:])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let command = [meson, "setup", "-Dtests=disabled", "-Ddocs=disabled", "-Dstrict=true", fixtures + "/serd-0.30.16"]
        let (plain, recorded, replay) = try await Self.recordAndReplay(command, in: dir)
        // What Meson generates for the build, whole; its pickled state and log are not the same twice even unrecorded.
        for file in ["build.ninja", "compile_commands.json", "meson-info/intro-targets.json", "meson-info/intro-compilers.json"] {
            #expect(plain[file] != nil && plain[file] == recorded[file], "\(file)")
        }
        #expect(replay.exitCode == 0, "\(replay.stdout.text)\(replay.stderr.text)")
        #expect(Self.replayedEqual(replay) == 106, "serd's checks, every one replayed alike: \(replay.stdout.text)")
        #expect(replay.stdout.text.hasPrefix("recording.json: "), "\(replay.stdout.text)")
    }
}
