import BenchCore
import BenchTestSupport
import Foundation
import Testing

/// Thousands of mutations of real result documents (`Fixtures/documents`, written by `bench run`
/// of `scripts/fortran.lua` with gfortran and of a command scenario) fed to `bench report` and
/// `bench compare` in every format and with `--plot`: numbers at and past their limits, values
/// of the wrong type, truncation, deep nesting, keys twice or missing, and flipped bytes. With a
/// fixed seed, so a failure repeats; each case has a time limit, so a hang fails.
@Suite("Result documents, mutated")
struct DocumentFuzzTests {
    static let cases = 2000
    static let seed: UInt64 = 0x5EED_2025

    static let documents = ["fortran.json", "commands.json"].map {
        (try? String(contentsOfFile: repositoryRoot + "/Tests/BenchEndToEndTests/Fixtures/documents/" + $0, encoding: .utf8)) ?? ""
    }

    /// What each case runs, with the mutated document as `m.json` and the original as `o.json`.
    static let commands: [[String]] = [
        ["report", "m.json"], ["report", "m.json", "--format", "json"], ["report", "m.json", "--format", "csv", "--plot", "p.svg"],
        ["report", "m.json", "--format", "markdown", "-v"], ["report", "m.json", "--format", "study"],
        ["compare", "o.json", "m.json"], ["compare", "m.json", "o.json", "--format", "json", "--plot", "p.svg"],
        ["compare", "o.json", "m.json", "--format", "csv"], ["compare", "m.json", "o.json", "--format", "markdown"],
    ]

    @Test func noMutationCrashesOrHangsBench() async throws {
        try #require(Self.documents.allSatisfy { $0.count > 1000 }, "the fixtures are missing")
        let box = try Sandbox([:])
        // Two at a time, each in a folder of its own (the machine's two cores), each with its
        // own generator, making one case at a time: a test process holding thousands of
        // documents would raise the peak memory that other tests measure of their children.
        let failures = await withTaskGroup(of: [String].self) { group in
            for slot in 0..<2 {
                group.addTask { await Self.run(slot: slot, of: 2, in: box) }
            }
            return await group.reduce([], +)
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
    }

    /// Runs every `slots`-th case from `slot` in a folder of its own; answers what went wrong.
    private static func run(slot: Int, of slots: Int, in box: Sandbox) async -> [String] {
        let folder = box.directory + "/slot\(slot)"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        var random = SplitMix(seed: seed &+ UInt64(slot))
        var failures: [String] = []
        for n in stride(from: slot, to: cases, by: slots) where failures.count < 5 {
            let original = documents[n % documents.count]
            let mutated = DocumentMutation.apply(to: original, random: &random)
            do {
                try original.write(toFile: folder + "/o.json", atomically: false, encoding: .utf8)
                try mutated.text.write(toFile: folder + "/m.json", atomically: false, encoding: .utf8)
            } catch {
                return ["cannot write case \(n): \(error)"]
            }
            let command = commands[n % commands.count]
            let r = await bench(command, in: folder, environment: ["TMPDIR": box.tmp], timeout: 30)
            let crashed = r.signal != nil || r.timedOut || r.stderr.text.contains("Fatal error") || r.stderr.text.contains("crashed")
            let wrongExit = r.exitCode.map { ![0, 1, 2].contains($0) } ?? true
            let unexplained = r.exitCode == 2 && !r.stderr.text.hasPrefix("bench: ")
            if crashed || wrongExit || unexplained {
                failures.append(
                    "case \(n) (\(mutated.what)), bench \(command.joined(separator: " ")): \(r.summary)\n\(r.stderr.text.prefix(400))")
                try? mutated.text.write(toFile: box.directory + "/failing-\(n).json", atomically: false, encoding: .utf8)
            }
        }
        return failures
    }
}

/// A deterministic generator (SplitMix64): the same seed, the same cases.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
