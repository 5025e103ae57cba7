/// The formats `bench compare` (and `bench run --baseline`) writes a comparison in: the names
/// `--format` and the exports use for a result document, less the study's lines.
public enum BaselineFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal.
    case table
    /// The comparison as data, every sample's summary and verdict.
    case json
    /// One row per run and file.
    case csv
    /// A table to paste into a pull request.
    case markdown

    /// The valid names, comma-separated.
    public static var validNames: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The comparison's text; `color` adds ANSI colour (table only).
    public func render(_ comparison: BaselineComparison, color: Bool = false) -> String {
        switch self {
        case .table: return BaselineTable.render(comparison, color: color)
        case .json: return comparison.json.serialized() + "\n"
        case .csv: return BaselineCSV.render(comparison)
        case .markdown: return BaselineMarkdown.render(comparison)
        }
    }
}
