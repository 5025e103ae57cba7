import BenchCore
import BenchTestSupport
import Foundation
import Testing

@Suite("Configure checks of the kind GLib makes")
struct CompilerChecksTests {
    @Test func theCheckLibraryBuildsMesonsProbesAndReadsDiagnostics() async {
        let r = await bench(["run", repositoryRoot + "/Tests/BenchEndToEndTests/Fixtures/checks-test.lua"])
        #expect(r.exitCode == 0 && r.stdout.text == "ok\n", "\(r.stderr.text)")
    }

    @Test func cChecksGivesTheSameAnswersOnePerCheckAndBatched() async {
        let r = await bench(
            ["run", "c-checks", "-D", "compilers=gcc,clang,bench-no-such-cc", "-r", "1", "-w", "0", "--strategy", "threads,serial"],
            in: "/tmp")
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let out = r.stdout.text
        let compilers = out.split(separator: "\n").filter { $0.hasSuffix("checks, one process each (52 headers, 32 functions, 30 flags)") }
        #expect(compilers.count == (Executable.which("clang") == nil ? 1 : 2), "\(out)")
        #expect(compilers.first?.hasPrefix("gcc") == true)
        #expect(out.components(separatedBy: "the same answers both ways for all 30 flags").count - 1 == compilers.count, "\(out)")
        #expect(out.contains("  threads      2") && out.contains("  serial       1"))
        #expect(out.contains("30 warning flags: one compile each, serial "))
        #expect(r.stderr.text.contains("c-checks: skipped bench-no-such-cc: compiler 'bench-no-such-cc' not found in PATH"))
    }
}
