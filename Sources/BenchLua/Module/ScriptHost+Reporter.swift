import BenchCore

/// The values a Lua reporter's call is described by (`ScriptHost.report`).
extension ScriptHost {
    /// What a Lua reporter did.
    public enum ReportOutcome: Equatable, Sendable {
        /// It returned this text (bytes, written as they are), or nothing (`nil`).
        case text(ByteString?)
        /// It called `os.exit(code)` or `bench.fail(message)`: the run ends with that status.
        case exit(Int32, message: String?)
    }

    /// Where a report comes from: a registered reporter's name, or a returned scenario's function.
    public enum Reporter: Equatable, Sendable {
        /// Registered with `bench.reporter`.
        case named(String)
        /// A returned scenario's `report` function.
        case function(Int32)
    }
}
