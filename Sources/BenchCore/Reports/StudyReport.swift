/// The report in the study's own form: one line per run, then each probe's outcome.
///
///     2.041 seconds: async: GNU Fortran (Debian 12.2.0-14+deb12u1) 12.2.0
public struct StudyReport: DocumentRenderer {
    /// The format's name.
    public let name = "study"
    /// What it is for.
    public let purpose = "the study's own lines"

    /// Makes the renderer.
    public init() {}

    /// The report's text; with `verbose`, the compiler's messages for failing probes follow each.
    public func render(_ document: ResultDocument, options: RenderingOptions) -> String {
        let verbose = options.verbose
        var lines: [String] = []
        for m in document.measurements {
            let s = m.scenario
            for name in m.compilerNames {
                let compiler = m.compiler(named: name)
                let runs = m.runs(of: name)
                let concurrency = Set(runs.filter { !$0.strategy.ignoresConcurrency }.map(\.concurrency)).sorted().map(String.init)
                lines.append(
                    "\(TerminalText.line(s.name)): \(s.probes.count) probes x \(s.repeats) = \(s.probes.count * s.repeats) \(compiler == nil ? "jobs" : "compiles")"
                        + (s.batch == .probe ? ", one probe per batch" : " per batch")
                        + (concurrency.isEmpty ? "" : ", \(concurrency.joined(separator: "/")) at a time")
                        + (compiler.map { " (\(TerminalText.line($0.path)))" } ?? ""))
                for run in runs {
                    let subject = [run.probe.map { TerminalText.line($0) }, run.strategy.rawValue, compiler.map { TerminalText.line($0.version) }]
                    lines.append("\(format3(run.wall.median)) seconds: " + subject.compactMap { $0 }.joined(separator: ": "))
                }
                let verdicts = ProbeVerdict.all(m, runs)
                guard !verdicts.isEmpty else { continue }
                lines.append("")
                let names = verdicts.map { TerminalText.line($0.name) }
                let width = names.map(\.count).max() ?? 0
                for (i, probe) in verdicts.enumerated() {
                    let verdict = !probe.agreed ? "DISAGREE" : probe.ok ? "ok" : "fails"
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
                let passing = verdicts.filter(\.ok).count
                let hint =
                    verbose || passing == verdicts.count
                    ? "" : "; -v shows the \(compiler == nil ? "programs'" : "compiler's") messages for the others"
                lines.append("  \(passing) of \(verdicts.count) probes \(compiler == nil ? "succeed" : "compile")\(hint)")
                lines.append("")
            }
        }
        for m in document.measurements {
            guard let matrix = ProbeMatrix(m) else { continue }
            let width = matrix.rows.map { TerminalText.line($0.probe).count }.max() ?? 0
            lines.append("feature matrix: " + matrix.compilers.map { TerminalText.line($0) }.joined(separator: ", "))
            for row in matrix.rows {
                lines.append("  " + TerminalText.line(row.probe).padding(width) + "  " + row.accepted.map(ProbeMatrix.mark).joined(separator: " "))
            }
            lines.append("")
        }
        for d in document.disagreements + document.failures { lines.append("error: " + d) }
        return lines.joined(separator: "\n") + "\n"
    }
}
