/// An enum whose cases are named by their raw values, as an option or a field takes them
/// (`Strategy`, `BatchShape`, `ReportOrder`, bench's `--style`).
public protocol NamedChoice: RawRepresentable, CaseIterable where RawValue == String {}

extension NamedChoice {
    /// The valid names, comma-separated, for help and error messages.
    public static var validNames: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The case `name` names, given to `option`; otherwise an error naming the valid ones:
    /// "--sort must be one of auto, command, mean-time, not 'x'".
    public static func named(_ name: String, option: String) throws(BenchError) -> Self {
        guard let choice = Self(rawValue: name) else {
            throw .invalidValue("\(option) must be one of \(validNames), not '\(TerminalText.line(name))'")
        }
        return choice
    }
}
