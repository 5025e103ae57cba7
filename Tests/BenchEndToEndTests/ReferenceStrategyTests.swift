import BenchCore
import BenchTestSupport
import Foundation
import Testing

/// Jobs where some fail, of both kinds: compiles (whose output a failure removes) and plain
/// commands (whose only outcome is their exit status), with words a shell would mangle.
let mixedOutcomes = """
    return { compilers = { "gcc" }, ext = ".c", repeats = 2, runs = 1, warmup = 0,
      probes = {
        { name = "compiles", source = "int main(void){return 0;}" },
        { name = "does not", source = "int main(void){return x;}" },
        { name = "q'uote $HOME `x`", source = "int main(void){return 0;}", flags = { "-DX=\\"a b\\"" } },
        { name = "exit 3", source = "", command = { "sh", "-c", "exit 3" } },
        { name = "true", source = "", command = { "true" } },
        { name = "killed", source = "", command = { "sh", "-c", "kill -9 $$" } },
      } }
    """

@Suite("ninja, make and xargs as reference strategies")
struct ReferenceStrategyTests {
    @Test func everyReferenceRunnerAgreesWithBenchsOwnOnJobsWhereSomeFail() async throws {
        let box = try Sandbox(["mixed.lua": mixedOutcomes])
        let r = await box.run(["run", "mixed.lua", "--strategy", "threads,serial,ninja,make,xargs", "--format", "json"])
        box.expectNothingLeft("the tools' files and children")
        #expect(r.exitCode == 0, "\(r.stderr.text)")  // 1 if any strategy disagreed
        let json = try JSONParser.parse(r.stdout)
        let runs = try #require(json["measurements"]?[0]?["runs"])
        var outcomes: [String: [JSONValue]] = [:]
        for i in 0..<5 {
            guard case .string(let strategy)? = runs[i]?["strategy"], case .array(let probes)? = runs[i]?["probes"] else { continue }
            outcomes[strategy] = probes.map { $0["ok"] ?? .null }
            #expect(runs[i]?["failed"] == .int(6), "\(strategy)")  // 3 failing probes × 2 copies
            guard case .number(let cpu)? = runs[i]?["child_cpu_s"] else { Issue.record("no CPU"); continue }
            #expect(cpu > 0, "\(strategy): the tool's rusage counts")
        }
        let expected: [JSONValue] = [.bool(true), .bool(false), .bool(true), .bool(false), .bool(true), .bool(false)]
        #expect(outcomes.count == 5 && outcomes.values.allSatisfy { $0 == expected }, "\(outcomes)")
        let warnings = "\(json["warnings"] ?? .null)"
        #expect(
            warnings.contains(
                "make -j 2 (gcc): each job ran as `JOB; echo $? > STATUS` through /bin/sh, to know its exit status (its jobs write no output file of their own)"
            ))
        #expect(warnings.contains("xargs -j 2 (gcc): each job ran as"))
    }

    @Test func compilesRunWithNoShellAndTheirOutputFilesTellTheirOutcomes() async throws {
        let dir = try scratch([
            "compiles.lua": """
            return { compilers = { "gcc" }, ext = ".c", repeats = 2, runs = 2, warmup = 0,
              probes = {
                { name = "compiles", source = "int main(void){return 0;}" },
                { name = "does not", source = "int main(void){return x;}" },
                { name = "caf\\u{e9} q'uote", source = "int main(void){return Y;}", flags = { "-DY=(1 - 1)", "-DZ=\\"a 'b'\\"" } },
                { name = "links -lm", source = "#include <math.h>\\nint main(int c, char **v){return (int)cos(c);}", libs = { "-lm" } },
              } }
            """
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await bench(["run", "compiles.lua", "--strategy", "serial,ninja,make,xargs", "--format", "json"], in: dir)
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let json = try JSONParser.parse(r.stdout)
        let runs = try #require(json["measurements"]?[0]?["runs"])
        for i in 0..<4 {
            #expect(runs[i]?["probes"]?[1]?["ok"] == .bool(false) && runs[i]?["probes"]?[2]?["ok"] == .bool(true), "\(runs[i]?["strategy"] ?? .null)")
            #expect(runs[i]?["failed"] == .int(2))
            #expect(runs[i]?["notes"] == nil, "no shell added for compiles")
        }
    }

    @Test func benchRunTakesThemTooAndAMissingToolNamesItsPackage() async throws {
        let dir = try scratch([
            "run.lua": """
            local jobs = { bench.job{ "true" }, bench.job{ "false" }, bench.job{ "sh", "-c", "exit 7" } }
            for _, s in ipairs { "ninja", "make", "xargs" } do
              local b = bench.run(jobs, { strategy = s, concurrency = 2 })
              assert(b.strategy == s and b.concurrency == 2, s)
              assert(b.results[1].ok and not b.results[2].ok and b.results[3].exit == 7, s .. ": " .. b.results[3].summary)
            end
            print("ok")
            """, "true.lua": "return { probes = { { name = 't', command = { '/bin/true' } } }, strategies = { 'ninja' } }",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await bench(["run", "run.lua"], in: dir)
        #expect(r.exitCode == 0 && r.stdout.text == "ok\n", "\(r.stderr.text)")
        let missing = await bench(["run", "true.lua"], in: dir, environment: ["PATH": "/nonexistent"])
        #expect(missing.exitCode == 2)
        #expect(
            missing.stderr.text.contains("strategy ninja needs ninja, not found in PATH; install it (Debian: sudo apt-get install ninja-build)"),
            "\(missing.stderr.text)")
    }

    /// A run's jobs share one random environment offset, as the tools need a batch's jobs to
    /// share one environment: three copies a batch, each writing its offset's length.
    @Test func aRandomizedEnvironmentOffsetIsOneAcrossABatch() async throws {
        let box = try Sandbox([
            "r.lua": """
            return { name = "r", batch = "probe", repeats = 3, runs = 2, warmup = 0, randomized_environment_offset = true,
              probes = { { name = "length", command = { "sh", "-c", "echo ${#BENCH_RANDOMIZED_ENVIRONMENT_OFFSET} >> lengths" } } } }
            """
        ])
        for strategy in ["ninja", "make", "xargs"] {
            let r = await box.run(["run", "r.lua", "--strategy", strategy, "--format", "json", "--output", "r.json"])
            #expect(r.exitCode == 0, "\(strategy): \(r.summary)")
            let lengths = try String(contentsOfFile: box.directory + "/lengths", encoding: .utf8).split(separator: "\n")
            #expect(lengths.count == 6 && Set(lengths.prefix(3)).count == 1 && Set(lengths.suffix(3)).count == 1, "\(strategy): \(lengths)")
            unlink(box.directory + "/lengths")
        }
    }
}
