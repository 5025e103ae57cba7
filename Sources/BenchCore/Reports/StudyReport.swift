/// The report in the study's own form: one line per strategy, then each probe's outcome.
///
///     2.041 seconds: async: GNU Fortran (Debian 12.2.0-14+deb12u1) 12.2.0
public enum StudyReport {
    /// The report's text; with `verbose`, the compiler's messages for failing probes follow each.
    public static func render(_ result: ScenarioResult, verbose: Bool) -> String {
        var lines: [String] = []
        let s = result.scenario
        let jobs = s.probes.count * s.repeats
        for compiler in result.compilers {
            let runs = result.runs.filter { $0.compiler == compiler }
            let concurrency = Set(runs.filter { $0.strategy != .serial }.map(\.concurrency)).sorted().map(String.init)
            lines.append("\(TerminalText.line(s.name)): \(s.probes.count) probes x \(s.repeats) = \(jobs) compiles per batch"
                + (concurrency.isEmpty ? "" : ", \(concurrency.joined(separator: "/")) at a time")
                + " (\(TerminalText.line(compiler.path)))")
            for run in runs {
                lines.append("\(format3(run.wall.median)) seconds: \(run.strategy.rawValue): \(TerminalText.line(compiler.version))")
            }
            guard let first = runs.first else { continue }
            lines.append("")
            let names = first.probes.map { TerminalText.line($0.name) }
            let width = names.map(\.count).max() ?? 0
            for (i, probe) in first.probes.enumerated() {
                let agreed = runs.allSatisfy { $0.probes[i].ok == probe.ok }
                let verdict = !agreed ? "DISAGREE" : probe.ok ? "ok" : "fails"
                var line = "  " + names[i].padding(width) + "  " + verdict
                if probe.failedCopies > 0 && probe.failedCopies < s.repeats {
                    line += " (\(probe.failedCopies) of \(s.repeats) copies failed)"
                }
                lines.append(line)
                if verbose && !probe.ok {
                    for message in TerminalText.lines(probe.message).split(separator: "\n", omittingEmptySubsequences: false) {
                        lines.append("      " + message)
                    }
                }
            }
            let passing = first.probes.filter(\.ok).count
            let hint = verbose || passing == first.probes.count ? "" : "; -v shows the compiler's messages for the others"
            lines.append("  \(passing) of \(first.probes.count) probes compile\(hint)")
            lines.append("")
        }
        for d in result.disagreements { lines.append("error: " + d) }
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// The string padded with spaces on the right to `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
