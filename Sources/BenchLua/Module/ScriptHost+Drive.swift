import BenchCore

/// What a script came to once `ScriptHost.drive` ran it and measured what it returned.
public enum DriveOutcome: Equatable, Sendable {
    /// It ran to its end: it did its own work, or returned a scenario that was measured
    /// (reported as `report` says; `.unspecified` for a script that returned none).
    case finished(report: ReportChoice)
    /// It asked to stop, with `os.exit` or `bench.fail`, while running or while measured; or a
    /// job of the scenario it returned failed under `stop_on_failure` (status 1, hyperfine's words).
    case exit(Int32, message: String?)
}

extension ScriptHost {
    /// Runs a script and measures the scenario it returns: the one way `bench run`, `bench time`
    /// and `bench info` drive a script. `choose` sees a returned scenario's report choice before
    /// it is measured, so that a mistake in choosing a report costs nothing; its error, the
    /// script's, and the measurement's are a `ScriptError`.
    public func drive(
        script path: ByteString, source: ByteString? = nil, choose: (ReportChoice) throws(ScriptError) -> Void = { _ in }
    ) throws(ScriptError) -> DriveOutcome {
        switch try run(script: path, source: source) {
        case .exit(let code, let message): return .exit(code, message: message)
        case .finished: return .finished(report: .unspecified)
        case .scenario(let scenario, let report):
            try choose(report)
            do {
                _ = try measure(scenario)
            } catch {
                if let exit = requestedExit { return .exit(exit.code, message: exit.message) }
                // A failing command is the run's outcome, as a failing job is when every job fails: status 1.
                if case .commandFailed(let message) = error { return .exit(1, message: "error: " + message) }
                throw ScriptError(message: error.description)
            }
            return .finished(report: report)
        }
    }
}
