import BenchCore
import BenchTestSupport
import Foundation
import Testing

/// A recipe whose batches take what `-j` makes them take, whatever the machine's load: four
/// sleeps of 50 ms, 0.1 s at -j 2 and 0.2 s at -j 1.
let sleepersRecipe = """
    -- Four naps of 50 ms: what -j changes
    local naps = bench.param("naps", { default = 4, min = 1, max = 64, help = "sleeps in one batch" })
    local probes = {}
    for i = 1, naps do probes[i] = { name = "nap " .. i, command = { "sleep", "0.05" } } end
    return { name = "sleepers", probes = probes, batch = "all", strategies = { "async", "serial" }, runs = 3, warmup = 0 }
    """

@Suite("Sharing recipes and results", .serialized)
struct RecipeSharingTests {
    @Test func benchListsItsOwnRecipesFromAnyDirectory() async {
        let r = await bench(["list"], in: "/tmp")
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let lines = r.stdout.text.split(separator: "\n").map(String.init)
        for (name, summary) in [
            ("fortran", "16 Fortran feature probes compiled and linked, as a configure step checks a compiler"),
            ("c-optimisation", "What one optimisation level costs a configure-style compile of a small C program"),
            ("scale", "Many tiny jobs in one batch: what bench itself costs per job"),
        ] {
            #expect(
                lines.contains { $0.hasPrefix(name + " ") && $0.contains(summary) && $0.hasSuffix("/scripts/\(name).lua") }, "\(name) in \(lines)")
        }
    }

    @Test func aFolderOnBenchPathAddsRecipesRunByNameAndModulesForOtherFolders() async throws {
        let team = try scratch([
            "lib/teamreport.lua": "return { greet = function(who) return 'team report for ' .. who end }\n",
            "fortran.lua": "-- the team's own fortran\nprint('team fortran')\n",
        ])
        let mine = try scratch(["mine.lua": "-- mine, using the team's module\nlocal t = require 'teamreport'\nprint(t.greet('mine'))\n"])
        defer { for d in [team, mine] { try? FileManager.default.removeItem(atPath: d) } }
        let path = ["BENCH_PATH": "\(mine):\(team)"]
        let list = await bench(["list"], in: "/tmp", environment: path)
        let lines = list.stdout.text.split(separator: "\n").map(String.init)
        #expect(
            lines.contains { $0.hasPrefix("mine ") && $0.contains("mine, using the team's module") && $0.hasSuffix(mine + "/mine.lua") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("fortran ") && $0.hasSuffix(team + "/fortran.lua") })
        #expect(lines.contains { $0.hasPrefix("fortran ") && $0.hasSuffix("(shadowed by \(team)/fortran.lua)") })
        let run = await bench(["run", "mine"], in: "/tmp", environment: path)
        #expect(run.exitCode == 0, "\(run.stderr.text)")
        #expect(run.stdout.text == "team report for mine\n")
        let shadowing = await bench(["run", "fortran"], in: "/tmp", environment: path)
        #expect(shadowing.stdout.text == "team fortran\n")
        let missing = await bench(["run", "nosuch"], in: "/tmp", environment: path)
        #expect(missing.exitCode == 2 && missing.stderr.text.contains("no recipe named 'nosuch' on the recipe path (\(mine), \(team), "))
    }

    @Test func infoShowsTheParametersAndTheCommandsAndRunsNone() async throws {
        let r = await bench(["info", "fortran"], in: "/tmp")
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let text = r.stdout.text
        let file = try FileContents.read(ByteString(repositoryRoot + "/scripts/fortran.lua"))
        #expect(text.hasPrefix("fortran: 16 Fortran feature probes compiled and linked, as a configure step checks a compiler\n"))
        #expect(text.contains("  sha256  \(SHA256.hex(file.bytes))\n"))
        #expect(text.contains("  compilers  list of strings  default gfortran"))
        #expect(text.contains("  repeats    integer          default 1"))
        #expect(text.contains("gfortran --version") && text.contains("f2023enum.f90 -o "))
        #expect(text.contains("(version not asked: --dry-run)") || !text.contains("GNU Fortran"))
        let scale = await bench(["info", "scale", "-D", "count=5000"], in: "/tmp")
        #expect(scale.exitCode == 0 && scale.stdout.text.contains("# … and the same line 4997 more times"))
    }

    @Test func wrongParametersExitTwoAndListTheValidOnes() async {
        let unknown = await bench(["run", "fortran", "-D", "repeats=2", "-D", "nosuch=1"], in: "/tmp")
        #expect(unknown.exitCode == 2)
        let lines = unknown.stderr.text.split(separator: "\n").map(String.init)
        #expect(lines.first == "bench: error: -D nosuch=1: fortran has no parameter 'nosuch'")
        #expect(lines.contains { $0.hasPrefix("  compilers ") } && lines.contains { $0.hasPrefix("  repeats ") })
        let wrong = await bench(["run", "fortran", "-D", "repeats=abc"], in: "/tmp")
        #expect(wrong.exitCode == 2 && wrong.stderr.text.hasPrefix("bench: error: -D repeats=abc: repeats is an integer: 'abc' is not an integer\n"))
        let form = await bench(["run", "fortran", "-D", "repeats"], in: "/tmp")
        #expect(form.exitCode == 2 && form.stderr.text.contains("give a parameter as -D name=value"))
    }

    @Test func compareSaysWhichRunsAreSlowerAndGatesOnThem() async throws {
        let dir = try scratch(["sleepers.lua": sleepersRecipe, "other.lua": sleepersRecipe, "idle.lua": "print('measuring nothing')\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j1 = await bench(["run", "sleepers.lua", "-j", "1", "-r", "7", "-D", "naps=4", "--export-json", "j1.json"], in: dir)
        let j2 = await bench(["run", "sleepers.lua", "-j", "2", "-r", "7", "--export-json", "j2.json"], in: dir)
        #expect(j1.exitCode == 0 && j2.exitCode == 0, "\(j1.stderr.text)\(j2.stderr.text)")

        let slower = await bench(["compare", "j2.json", "j1.json"], in: dir)
        #expect(slower.exitCode == 1, "\(slower.stdout.text)\(slower.stderr.text)")
        let lines = slower.stdout.text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("j1.json") && $0.contains("async -j 1") && $0.hasSuffix("slower") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("1 run is slower than the baseline: sleepers: async (j1.json ") || $0.hasPrefix("2 runs are slower") })
        #expect(!slower.stdout.text.contains("Warning"))  // the same recipe, the same parameters (one given, one default)

        let same = await bench(["compare", "j2.json", "j2.json", "--format", "csv"], in: dir)
        #expect(same.exitCode == 0)
        let rows = same.stdout.text.split(separator: "\n").dropFirst()
        #expect(rows.count == 4 && rows.allSatisfy { $0.hasSuffix(",same") || $0.hasSuffix(",baseline") })

        let lacking = await bench(["run", "sleepers.lua", "-j", "2", "--strategy", "async", "--export-json", "async.json"], in: dir)
        let another = await bench(["run", "other.lua", "-j", "2", "--export-json", "other.json"], in: dir)
        #expect(lacking.exitCode == 0 && another.exitCode == 0)
        let warned = await bench(
            ["compare", "j2.json", "async.json", "other.json", "--plot", "compare.svg", "--export-markdown", "compare.md"], in: dir)
        #expect(warned.stdout.text.contains("Warning: async.json lacks 1 of the baseline's runs"), "\(warned.stdout.text)")
        #expect(warned.stdout.text.contains("Warning: other.json ran the recipe 'other', the baseline 'sleepers': different recipes"))
        #expect(try String(contentsOfFile: dir + "/compare.svg", encoding: .utf8).contains("baseline: j2.json"))
        #expect(try String(contentsOfFile: dir + "/compare.md", encoding: .utf8).contains("| async | j2.json |"))

        let baseline = await bench(["run", "sleepers.lua", "-j", "1", "-r", "7", "--baseline", "j2.json", "--export-json", "again.json"], in: dir)
        #expect(baseline.exitCode == 1, "\(baseline.stdout.text)\(baseline.stderr.text)")
        #expect(baseline.stdout.text.contains("baseline j2.json") && baseline.stdout.text.contains("again.json"))
        let saved = try JSONParser.parse(try FileContents.read(ByteString(dir + "/again.json")))
        #expect(saved["measurements"]?[0]?["runs"] != nil)
        let idle = await bench(["run", "idle.lua", "--baseline", "j2.json"], in: dir)
        #expect(idle.exitCode == 2 && idle.stderr.text.contains("nothing to compare with --baseline"))
        let missing = await bench(["run", "sleepers.lua", "--baseline", "nosuch.json"], in: dir)
        #expect(missing.exitCode == 2 && missing.stdout.isEmpty && missing.stderr.text.contains("nosuch.json"))
        let bad = await bench(["compare", "j2.json"], in: dir)
        #expect(bad.exitCode == 2)
        let threshold = await bench(["compare", "j2.json", "j1.json", "--threshold", "500"], in: dir)
        #expect(threshold.exitCode == 2 && threshold.stderr.text.contains("--threshold must be a percentage from 0 to 100"))
    }

    @Test func everyResultDocumentSaysWhereItCameFrom() async throws {
        let dir = try scratch(["sleepers.lua": sleepersRecipe])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = await bench(["run", "sleepers.lua", "-D", "naps=2", "-r", "2", "--format", "json"], in: dir)
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let json = try JSONParser.parse(r.stdout)
        #expect(json["bench"] == .string("0.5.0"))
        #expect(json["recipe"]?["name"] == .string("sleepers"))
        #expect(json["recipe"]?["path"] == .string("sleepers.lua"))
        #expect(json["recipe"]?["sha256"] == .string(SHA256.hex(Array(sleepersRecipe.utf8))))
        #expect(json["parameters"]?["naps"] == .int(2))
        #expect(json["command_line"]?[1] == .string("run") && json["command_line"]?[4] == .string("naps=2"))
        guard case .string(let started)? = json["started"] else { Issue.record("no start"); return }
        #expect(started.count == 20 && started.hasSuffix("Z"))
        guard case .int(let memory)? = json["host"]?["memory_bytes"] else { Issue.record("no memory"); return }
        #expect(memory > 1 << 28)
        #expect(json["measurements"]?[0]?["scenario"]?["description"] == .string("Four naps of 50 ms: what -j changes"))
    }
}
