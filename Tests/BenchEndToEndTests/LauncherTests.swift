import BenchCore
import BenchTestSupport
import Foundation
import Testing

@Suite("Launchers and ccache")
struct LauncherTests {
    @Test func aLauncherGoesBeforeTheCompilerAndAMissingOneStopsTheRunFirst() async throws {
        let dir = try scratch([
            "c.lua": """
            return { compilers = { "gcc" }, ext = ".c", launcher = "ccache", runs = 1, warmup = 0, strategies = { "serial" },
                     env = { CCACHE_DIR = bench.tempdir() .. "/cache" },
                     probes = { { name = "own", source = "int main(void){return 0;}", launcher = {} },
                                { name = "scenario's", source = "int main(void){return 0;}" },
                                { name = "command", source = "int x;", command = { "{compiler}", "-c", "{source}", "-o", "{output}" } } } }
            """
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dry = await bench(["run", "c.lua", "--dry-run"], in: dir)
        let lines = dry.stdout.text.split(separator: "\n").filter { $0.hasPrefix("CCACHE_DIR=") }
        try #require(lines.count == 3, "\(dry.stdout.text)")
        #expect(lines[0].contains(" /usr/bin/gcc ") && !lines[0].contains("ccache /"), "a probe's own (empty) launcher wins")
        #expect(lines[1].contains(" ccache /usr/bin/gcc "), "\(lines[1])")
        #expect(lines[2].contains(" ccache /usr/bin/gcc -c "), "\(lines[2])")
        let run = await bench(["run", "c.lua", "--format", "json"], in: dir)
        #expect(run.exitCode == 0, "\(run.stderr.text)")
        let json = try JSONParser.parse(run.stdout)
        #expect(json["measurements"]?[0]?["scenario"]?["launcher"] == .array([.string("ccache")]))
        let other = await bench(["run", "c.lua", "--launcher", "bench-no-such-launcher -x", "--dry-run"], in: dir)
        #expect(other.exitCode == 2 && other.stdout.isEmpty)
        #expect(other.stderr.text.contains("launcher 'bench-no-such-launcher' not found in PATH"))
        let table = await bench(["run", "c.lua"], in: dir)
        #expect(table.stdout.text.contains("compiled through ccache"))
    }

    @Test func warmChecksHitTheCacheAndTheUsersCacheIsNeverTouched() async throws {
        let home = try scratch([:])
        defer { try? FileManager.default.removeItem(atPath: home) }
        let r = await bench(
            ["run", "ccache", "-r", "1", "-w", "1", "--strategy", "serial"], in: home,
            environment: ["HOME": home, "CCACHE_DIR": home + "/user-cache"])
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        func counts(_ label: String) -> [String] {
            let line = r.stdout.text.split(separator: "\n").first { $0.hasPrefix(label) } ?? ""
            return line.split(separator: " ").suffix(3).map(String.init)
        }
        #expect(counts("ccache, cold") == ["0", "20", "10"], "\(r.stdout.text)")
        #expect(counts("ccache, warm") == ["20", "0", "10"], "\(r.stdout.text)")
        #expect(counts("no launcher") == ["-", "-", "-"])
        let left = try FileManager.default.contentsOfDirectory(atPath: home)
        #expect(left.isEmpty, "the user's cache or home was written: \(left)")
    }
}
