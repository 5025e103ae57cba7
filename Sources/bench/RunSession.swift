import BenchCore
import BenchLua
import Glibc

/// Runs one script from start to end as `bench run` does, reports what it measured, and says
/// which exit status the run earned: 0 success, 1 the scenario failed (strategies disagree,
/// `bench.fail`), 2 a script or usage error, 128 + the signal when a signal interrupted it
/// (130 for Ctrl-C, 143 for SIGTERM, 141 when the reader of standard output went away).
struct RunSession {
    let script: ByteString
    /// The script's text when it is not read from `script` (what `bench time` wrote).
    var source: ByteString? = nil
    let configuration: RunConfiguration
    let report: ReportOptions
    /// `--baseline`: the saved document the results are compared with, instead of reported.
    let baseline: String?
    /// The comparison's noise threshold, as a fraction.
    let threshold: Double
    /// Colour for the table on stdout.
    let color: Bool
    /// Whether the report goes to stdout when no `--output` takes it (not under `--style none`).
    var printsReport = true

    /// Runs the script; returns the exit status.
    func run() -> Int32 {
        let host = ScriptHost(configuration: configuration)
        let status = run(host)
        let cancelledWhileRunning = configuration.cancellation?.isCancelled == true
        // Pending finalizers run now, still watched by the cancellation, so that whatever they do
        // (even a batch) is over, and interrupted, before the status is decided.
        host.closeLua()
        host.run.close()
        // A reader that leaves once everything was written ends nothing (as for any program
        // whose last write succeeded); a signal during the finalizers does.
        if let cancellation = configuration.cancellation, let signal = cancellation.signal, let status = cancellation.exitStatus,
            signal != SIGPIPE || cancelledWhileRunning
        {
            Console.error(
                signal == SIGPIPE
                    ? "bench: standard output was closed; every child was stopped and temporary files removed"
                    : "bench: interrupted by \(SignalName.name(of: signal)); every child was stopped and temporary files removed")
            return status
        }
        // What a full disk or /dev/full refused is no success: the output is lost.
        if status == 0, let failure = Console.stdoutFailure() {
            if failure == EPIPE { return 128 + SIGPIPE }
            Console.error("bench: error: cannot write to standard output: \(String(cString: strerror(failure)))")
            return 2
        }
        return status
    }

    private func run(_ host: ScriptHost) -> Int32 {
        do {
            // Before anything runs: a typo in a path must not cost the whole benchmark.
            let destinations = try report.destinations(
                inputs: [.init(role: "the script", path: script)]
                    + (baseline.map { [.init(role: "the baseline", path: ArgumentBytes.bytes($0))] } ?? []))
            let base = try baseline.map { path throws(BenchError) in
                BaselineComparison.File(label: TerminalText.line(ArgumentBytes.bytes(path)), document: try ResultFile.read(path))
            }
            var chosen: Reporter?
            let outcome: DriveOutcome
            do {
                // A returned scenario's report is chosen before it is measured, so that a typo costs nothing.
                outcome = try host.drive(script: script, source: source) { choice throws(ScriptError) in
                    chosen = try resolve(report.format, choice: choice, host: host)
                }
            } catch {
                return exit(host) ?? fail(error.message, host)
            }
            if host.isInterrupted && host.run.measurements.isEmpty { return 0 }  // the interruption is reported once, by the caller
            let reporter: Reporter
            switch outcome {
            case .exit(let code, let message):
                if let message { Console.error("bench: \(message)") }
                return code
            case .finished where chosen != nil:
                reporter = chosen!
            case .finished:
                guard !host.run.measurements.isEmpty else {
                    if report.writesFiles || report.format != nil || base != nil {
                        return fail(
                            "the script measured nothing (it returned no scenario and called no bench.measure), so there is no report for "
                                + "--format, --output, --plot or the exports to write, and nothing to compare with --baseline", host)
                    }
                    return 0
                }
                // A script that measured prints what it likes; bench reports only what was asked for.
                guard report.writesFiles || report.format != nil || base != nil else {
                    return verdict(host.run.document(holding: host.run.measurements))
                }
                reporter = try resolve(report.format, choice: .unspecified, host: host)
            }
            if configuration.options.dryRun { return 0 }
            let document = host.run.document(holding: host.run.measurements)
            if let base, !host.isInterrupted { return try compare(document, with: base, destinations: destinations) }
            return try write(document, by: reporter, to: destinations, host: host)
        } catch let error as ScriptError {
            return fail(error.message, host)
        } catch {
            return fail("\(error)", host)
        }
    }

    /// Compares the run's `document` with `base` and writes the comparison; answers the exit
    /// status both earn. The run's own exports are written first: a comparison that fails to be
    /// written never loses the run.
    private func compare(
        _ document: ResultDocument, with base: BaselineComparison.File, destinations: ReportDestinations
    ) throws(BenchError) -> Int32 {
        try destinations.writeExports(
            { ReportDestinations.render(document, as: $0, options: destinations.rendering) }, cleanup: configuration.cleanup)
        let label = report.files.export(named: "json").map { TerminalText.line(ArgumentBytes.bytes($0)) } ?? "this run"
        let comparison = BaselineComparison(files: [base, .init(label: label, document: document)], threshold: threshold)
        let status = try BaselineOutput.write(
            comparison, format: report.format.flatMap(Renderers.comparison(named:)) ?? Renderers.comparisons[0], to: destinations.withoutExports,
            cleanup: configuration.cleanup)
        return max(status, verdict(document))
    }

    /// Writes the run's report, chart and exports; answers the exit status the run earned. An
    /// interrupted run's measurements go to the files (marked incomplete), not to stdout.
    private func write(_ document: ResultDocument, by reporter: Reporter, to destinations: ReportDestinations, host: ScriptHost) throws -> Int32 {
        let text: ByteString?
        switch reporter {
        case .builtin(let format):
            text = ByteString(format.render(document, options: try report.rendering(color: color && destinations.report == nil)))
        case .lua(let which):
            switch try host.report(document.json, reporter: which) {
            case .text(let t): text = t
            case .exit(let code, let message):
                if let message { Console.error("bench: \(message)") }
                return code
            }
        }
        guard try destinations.write(text, of: document, toStdout: !host.isInterrupted && printsReport, cleanup: configuration.cleanup) else {
            return 128 + SIGPIPE
        }
        return host.isInterrupted ? 0 : verdict(document)
    }

    /// 1, saying why, when the strategies disagree on a probe (the results cannot be trusted), a
    /// probe had another outcome than the one it declared (a replayed log that differs), or
    /// every job of a run failed (its timings measure failures).
    private func verdict(_ document: ResultDocument) -> Int32 {
        let disagreements = document.disagreements
        let unexpected = document.unexpectedOutcomes
        if !disagreements.isEmpty {
            Console.error("bench: the strategies disagree; the results cannot be trusted:")
            for d in disagreements { Console.error("  " + d) }
        }
        if !unexpected.isEmpty {
            let probes = unexpected.count == 1 ? "1 probe" : "\(unexpected.count) probes"
            Console.error("bench: \(probes) had another outcome than the one they expected:")
            for u in unexpected { Console.error("  " + u) }
        }
        let failures = document.failures
        if !failures.isEmpty {
            Console.error(
                "bench: every job failed in \(failures.count == 1 ? "1 run; its" : "\(failures.count) runs; their") timings measure failures:")
            for f in failures { Console.error("  " + f) }
        }
        return disagreements.isEmpty && unexpected.isEmpty && failures.isEmpty ? 0 : 1
    }

    /// The exit the script asked for (`os.exit`, `bench.fail`), said as it asked.
    private func exit(_ host: ScriptHost) -> Int32? {
        guard let exit = host.requestedExit else { return nil }
        if let message = exit.message { Console.error("bench: \(message)") }
        return exit.code
    }

    /// Exit status 2 with `message`, unless the run was interrupted (said once, by the caller).
    private func fail(_ message: String, _ host: ScriptHost) -> Int32 {
        if !host.isInterrupted { Console.error("bench: error: \(message)") }
        return 2
    }

    /// Where a report comes from.
    private enum Reporter {
        case builtin(any DocumentRenderer)
        case lua(ScriptHost.Reporter)
    }

    private func resolve(_ format: String?, choice: ReportChoice, host: ScriptHost) throws(ScriptError) -> Reporter {
        let name: String
        switch (format, choice) {
        case (let f?, _): name = f
        case (nil, .function(let reference)): return .lua(.function(reference))
        case (nil, .named(let n)): name = n
        case (nil, .unspecified): name = Renderers.documents[0].name
        }
        if let builtin = Renderers.document(named: name) { return .builtin(builtin) }
        if host.reporterNames.contains(name) { return .lua(.named(name)) }
        let registered = host.reporterNames.isEmpty ? "" : "; registered by the script: \(host.reporterNames.joined(separator: ", "))"
        throw ScriptError(message: "unknown format '\(name)' (valid: \(Renderers.documentNames)\(registered))")
    }
}
