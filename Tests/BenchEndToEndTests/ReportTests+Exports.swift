import BenchCore
import BenchTestSupport
import Foundation
import Testing

/// `--export-FORMAT FILE` for every format the registry has, in each spelling, and a clear
/// message for a format a command cannot write.
extension ReportEndToEndTests {
    static let savedDocument = repositoryRoot + "/Tests/BenchEndToEndTests/Fixtures/documents/fortran.json"

    @Test func everyFormatIsAnExportInEachSpelling() async throws {
        let box = try Sandbox(["saved.json": try String(contentsOfFile: Self.savedDocument, encoding: .utf8)])
        let r = await box.run([
            "report", "saved.json", "--format", "json", "--export-markdown", "a.md", "--export-csv=b.csv", "--export", "study=c.txt",
            "--export-table", "d.txt",
        ])
        #expect(r.exitCode == 0 && r.stderr.text.isEmpty, "\(r.stderr.text)")
        #expect(r.stdout.text == (try String(contentsOfFile: Self.savedDocument, encoding: .utf8)))
        for (file, format) in [("a.md", "markdown"), ("b.csv", "csv"), ("c.txt", "study"), ("d.txt", "table")] {
            let shown = await box.run(["report", "saved.json", "--format", format])
            #expect(shown.exitCode == 0)
            #expect(try String(contentsOfFile: box.directory + "/" + file, encoding: .utf8) == shown.stdout.text, "\(file)")
        }
    }

    @Test func anExportOfAFormatTheCommandHasNotIsAUsageError() async throws {
        let box = try Sandbox(["saved.json": try String(contentsOfFile: Self.savedDocument, encoding: .utf8)])
        let cases: [([String], String)] = [
            (
                ["report", "saved.json", "--export", "yaml=x.yaml"],
                "bench: error: --export-yaml: no such format (valid: \(Renderers.documentNames))\n"
            ),
            (
                ["compare", "saved.json", "saved.json", "--export-study", "x.txt"],
                "bench: error: --export-study: no such format (valid: \(Renderers.comparisonNames))\n"
            ),
            (["report", "saved.json", "--export-json"], "bench: error: --export-json needs a file\n"),
        ]
        // A format that no command writes is no option at all: the parser says so.
        let unknown = await box.run(["report", "saved.json", "--export-yaml", "x.yaml"])
        #expect(unknown.exitCode == 2 && unknown.stderr.text.hasPrefix("Error: Unknown option '--export-yaml'\n"), "\(unknown.stderr.text)")
        for (arguments, message) in cases {
            let r = await box.run(arguments)
            #expect(r.exitCode == 2 && r.stdout.text.isEmpty && r.stderr.text == message, "\(arguments): \(r.stderr.text)")
        }
        #expect(box.leftovers().isEmpty)
    }

    /// `-u` (hyperfine's `--time-unit`): every time of the table and of a Markdown export in
    /// one unit, whatever fits; a unit bench has not is a usage error before anything is written.
    @Test func aTimeUnitAppliesToTheTableAndTheExports() async throws {
        let box = try Sandbox(["saved.json": try String(contentsOfFile: Self.savedDocument, encoding: .utf8)])
        let r = await box.run(["report", "saved.json", "-u", "millisecond", "--export-markdown", "m.md"])
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let rows = r.stdout.text.split(separator: "\n").filter { $0.hasPrefix("async ") || $0.hasPrefix("serial ") }
        #expect(rows.count == 2 && rows.allSatisfy { $0.contains(" ms ± ") && !$0.contains(" s ") }, "\(r.stdout.text)")
        #expect(try String(contentsOfFile: box.directory + "/m.md", encoding: .utf8).contains("| Median wall [ms] |"))
        let wrong = await box.run(["report", "saved.json", "-u", "minute", "--output", "x.txt"])
        #expect(wrong.exitCode == 2 && wrong.stderr.text == "bench: error: --time-unit must be second, millisecond or microsecond, not 'minute'\n")
        #expect(!FileManager.default.fileExists(atPath: box.directory + "/x.txt"))
    }

    @Test func anExportAfterTheDoubleDashIsTheScriptsArgument() async throws {
        let box = try Sandbox(["args.lua": "print(table.concat(bench.args, ' '))"])
        let r = await box.run(["run", "args.lua", "--", "--export-json", "x.json"])
        #expect(r.exitCode == 0 && r.stdout.text == "--export-json x.json\n", "\(r.stderr.text)")
        #expect(box.leftovers().isEmpty)
    }
}
