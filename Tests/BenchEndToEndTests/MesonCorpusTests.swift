import BenchTestSupport
import Foundation
import Testing

/// The logs of real projects, configured from Debian 12's source packages by Meson 1.12.1
/// (Fixtures/meson-logs/regenerate.sh), and what reading each gives (counts.tsv).
let mesonCorpus = repositoryRoot + "/Tests/BenchEndToEndTests/Fixtures/meson-logs"

/// The corpus's projects, in the order of counts.tsv.
let mesonCorpusProjects: [String] = {
    let table = (try? String(contentsOfFile: mesonCorpus + "/counts.tsv", encoding: .utf8)) ?? ""
    return table.split(separator: "\n").compactMap { $0.split(separator: "\t").first.map(String.init) }
}()

@Suite("Replaying the Meson logs of real projects", .serialized)
struct MesonCorpusTests {
    /// Every log is read, every compile named by the first status line after it or by what it
    /// is, and the counts of each (compiles, cached, failed, Meson's probes, dependency lookups,
    /// unnamed) are the pinned ones.
    @Test func everyLogOfTheCorpusIsReadAsPinned() async throws {
        #expect(mesonCorpusProjects.count >= 10)
        let fixtures = repositoryRoot + "/Tests/BenchEndToEndTests/Fixtures"
        let r = await bench(["run", fixtures + "/mesoncorpus-test.lua", "--", fixtures] + mesonCorpusProjects)
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        #expect(r.stdout.text == (try String(contentsOfFile: mesonCorpus + "/counts.tsv", encoding: .utf8)))
    }

    /// Every log replays: each compile is replayed or skipped with its reason, every replayed
    /// outcome is compared with the log's, and the run exits 1 exactly when one differs, listing it.
    @Test(arguments: mesonCorpusProjects)
    func everyLogReplaysAndComparesEveryOutcome(_ project: String) async throws {
        let dir = try scratch([:])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let log = "\(mesonCorpus)/\(project).log"
        let r = await bench(
            [
                "run", "meson-log", "-D", "log=\(log)", "-r", "1", "-w", "0", "--strategy", "serial",
                "--export-json", "replay.json",
            ], in: dir, timeout: 600)
        let lines = r.stdout.text.split(separator: "\n").map(String.init)
        let head = try #require(lines.first.flatMap { numbers(in: $0, after: "\(log): ") }, "\(r.stdout.text)\(r.stderr.text)")
        // "N compiles (Meson 1.12.1): R replayed (...), S skipped"
        let (compiles, replayed, skipped) = (head[0], head[1], head[head.count - 1])
        #expect(compiles == replayed + skipped, "\(lines[0])")
        let summary = try #require(lines.first { $0.hasPrefix("compared with the log: ") }.flatMap { numbers(in: $0, after: "") })
        // "compared with the log: C of R replayed checks; E equal, D different"
        let different = summary[3]
        #expect(summary == [replayed, replayed, replayed - different, different], "\(summary): every replayed outcome compared")
        #expect(lines.filter { $0.hasPrefix("differs from the log: ") }.count == different)
        #expect(r.exitCode == (different == 0 ? 0 : 1), "\(r.stdout.text)\(r.stderr.text)")
        if different > 0 {
            #expect(r.stderr.text.hasPrefix("bench: \(different == 1 ? "1 probe" : "\(different) probes") had another outcome"))
        }
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/replay.json"))) as? [String: Any])
        let runs = try #require((json["measurements"] as? [[String: Any]])?.first?["runs"] as? [[String: Any]])
        for run in runs {
            let probes = try #require(run["probes"] as? [[String: Any]])
            #expect(probes.count == replayed && probes.allSatisfy { $0["expected"] is Bool }, "every probe carries the log's outcome")
        }
    }

    /// The whole numbers of `line` after `prefix`, in order.
    private func numbers(in line: String, after prefix: String) -> [Int]? {
        guard line.hasPrefix(prefix) else { return nil }
        let words = line.dropFirst(prefix.count).split { !$0.isNumber && $0 != "." }
        return words.filter { !$0.contains(".") }.compactMap { Int($0) }
    }
}
