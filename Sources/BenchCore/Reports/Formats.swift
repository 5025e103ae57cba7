/// The built-in report formats, by the names `--format` and a scenario's `report` use. Each is
/// rendered from the result document alone, so a saved document shows again exactly as it did.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal, hyperfine's words.
    case table
    /// The result document itself (every sample).
    case json
    /// One row per run.
    case csv
    /// Tables to paste into an issue.
    case markdown
    /// The study's own lines: "2.041 seconds: async: GNU Fortran ...".
    case study

    /// The valid names, comma-separated.
    public static var validNames: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The report's text for `document`; `verbose` adds failing probes' messages, `color` ANSI colour (table only).
    public func render(_ document: ResultDocument, verbose: Bool = false, color: Bool = false) -> String {
        switch self {
        case .table: return TableReport.render(document, verbose: verbose, color: color)
        case .json: return document.json.serialized() + "\n"
        case .csv: return CSVReport.render(document)
        case .markdown: return MarkdownReport.render(document)
        case .study: return StudyReport.render(document, verbose: verbose) + "\n"
        }
    }
}
