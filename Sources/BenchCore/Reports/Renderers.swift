/// Every format bench writes: `--format`, the `--export-NAME` options and their help come from
/// these lists, so a new format is its renderer and a line here.
public enum Renderers {
    /// The formats of a result document; the first is the default.
    public static let documents: [any DocumentRenderer] = [TableReport(), JSONReport(), CSVReport(), MarkdownReport(), StudyReport()]

    /// The formats of a comparison; the first is the default.
    public static let comparisons: [any ComparisonRenderer] = [BaselineTable(), BaselineJSON(), BaselineCSV(), BaselineMarkdown()]

    /// The document format called `name`, if there is one.
    public static func document(named name: String) -> (any DocumentRenderer)? { documents.first { $0.name == name } }

    /// The comparison format called `name`, if there is one.
    public static func comparison(named name: String) -> (any ComparisonRenderer)? { comparisons.first { $0.name == name } }

    /// The document formats' names, comma-separated, for messages and help.
    public static var documentNames: String { documents.map(\.name).joined(separator: ", ") }

    /// The comparison formats' names, comma-separated, for messages and help.
    public static var comparisonNames: String { comparisons.map(\.name).joined(separator: ", ") }
}
